import {
  expenseActions,
  formatRate,
  formatWonCompact,
  monthKey,
  pendingVerifications,
  rateBp,
  rateLevel,
  sourceName,
} from './settlement-format';

describe('settlement formatting', () => {
  it('names a funding source once when its name is its kind, and both otherwise', () => {
    expect(sourceName({ kind: 'national', name: '국비' }, 'ko')).toBe('국비');
    expect(sourceName({ kind: 'local', name: '제주도 보조금' }, 'ko')).toBe('지방비 · 제주도 보조금');
  });

  it('prints basis points as a percentage with one decimal', () => {
    expect(formatRate(8750)).toBe('87.5%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(10_000)).toBe('100.0%');
    expect(formatRate(12_345)).toBe('123.5%');
    expect(formatRate(-55)).toBe('-0.6%');
  });

  it('measures execution against the amended budget and names the level', () => {
    expect(rateBp(45_000, 60_000)).toBe(7500);
    expect(rateBp(1, 0)).toBe(0);
    expect(rateLevel(7500)).toBe('ok');
    expect(rateLevel(9000)).toBe('near');
    expect(rateLevel(10_001)).toBe('over');
  });

  it('pads months', () => {
    expect(monthKey(2027, 3)).toBe('2027-03');
    expect(monthKey(2027, 11)).toBe('2027-11');
  });

  it('offers the verification still missing, never one already given', () => {
    const base = { state: 'evidence_complete' as const, disallowedAmount: 0 };
    expect(pendingVerifications({ ...base, substantiveVerifiedBy: null, financialVerifiedBy: null })).toEqual(
      ['substantive', 'financial'],
    );
    expect(pendingVerifications({ ...base, substantiveVerifiedBy: 'a', financialVerifiedBy: null })).toEqual([
      'financial',
    ]);
    expect(
      expenseActions({ ...base, substantiveVerifiedBy: 'a', financialVerifiedBy: null }).includes(
        'verifySubstantive',
      ),
    ).toBe(false);
    expect(
      expenseActions({
        state: 'paid',
        substantiveVerifiedBy: null,
        financialVerifiedBy: null,
        disallowedAmount: 0,
      }),
    ).toEqual(['evidenceMissing']);
    expect(
      expenseActions({
        state: 'verified',
        substantiveVerifiedBy: 'a',
        financialVerifiedBy: 'b',
        disallowedAmount: 0,
      }),
    ).toEqual(['disallow']);
  });
});

describe('formatWonCompact', () => {
  it('shortens axis labels in Korean units and in English', () => {
    expect(formatWonCompact(120_000_000, 'ko')).toBe('1억 2,000만');
    expect(formatWonCompact(100_000_000, 'ko')).toBe('1억');
    expect(formatWonCompact(50_000_000, 'ko')).toBe('5,000만');
    expect(formatWonCompact(0, 'ko')).toBe('0원');
    expect(formatWonCompact(120_000_000, 'en')).toBe('₩120M');
    expect(formatWonCompact(2_500, 'en')).toBe('₩2.5K');
    expect(formatWonCompact(-3_000_000, 'en')).toBe('-₩3M');
  });
});
