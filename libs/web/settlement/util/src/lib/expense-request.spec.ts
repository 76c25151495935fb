import { guardrail, parseWon, splitByShares } from './expense-request';

describe('parseWon', () => {
  it('reads grouped digits with or without the currency', () => {
    expect(parseWon('1,200,000')).toBe(1_200_000);
    expect(parseWon('1200000원')).toBe(1_200_000);
    expect(parseWon('₩1,200')).toBe(1200);
  });

  it('refuses anything that is not a whole number of won', () => {
    expect(parseWon('')).toBeNull();
    expect(parseWon('12.5')).toBeNull();
    expect(parseWon('-100')).toBeNull();
    expect(parseWon('abc')).toBeNull();
  });
});

describe('splitByShares', () => {
  it('splits by the amended amounts and adds up to the amount exactly', () => {
    const split = splitByShares(100, [
      { fundingSourceId: 'a', amended: 1 },
      { fundingSourceId: 'b', amended: 1 },
      { fundingSourceId: 'c', amended: 1 },
    ]);
    expect(split.map((s) => s.amount)).toEqual([34, 33, 33]);
    expect(split.reduce((sum, s) => sum + s.amount, 0)).toBe(100);
  });

  it('follows a 70/30 line', () => {
    expect(
      splitByShares(1_000_000, [
        { fundingSourceId: 'national', amended: 7_000_000 },
        { fundingSourceId: 'local', amended: 3_000_000 },
      ]),
    ).toEqual([
      { fundingSourceId: 'national', amount: 700_000 },
      { fundingSourceId: 'local', amount: 300_000 },
    ]);
  });

  it('has nothing to split on a line without budget', () => {
    expect(splitByShares(100, [{ fundingSourceId: 'a', amended: 0 }])).toEqual([]);
  });
});

describe('guardrail', () => {
  const thresholds = { warnThresholdBp: 9000, refuseThresholdBp: 10_000 };

  it('is quiet below the warn threshold, warns from it and refuses past the limit', () => {
    expect(guardrail(100, { amended: 1000, committed: 0 }, thresholds)).toBe('ok');
    expect(guardrail(900, { amended: 1000, committed: 0 }, thresholds)).toBe('warn');
    expect(guardrail(1000, { amended: 1000, committed: 0 }, thresholds)).toBe('warn');
    expect(guardrail(1, { amended: 1000, committed: 1000 }, thresholds)).toBe('refuse');
  });

  it('refuses on a line without budget', () => {
    expect(guardrail(1, { amended: 0, committed: 0 }, thresholds)).toBe('refuse');
  });
});
