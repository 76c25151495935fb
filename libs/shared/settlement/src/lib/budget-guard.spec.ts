import { guardExpense } from './budget-guard';

describe('guardExpense (always against the amended budget)', () => {
  it.each([
    [1_000_000, 0, 500_000, 'ok', 5000],
    [1_000_000, 800_000, 100_000, 'ok', 9000],
    [1_000_000, 800_000, 100_001, 'warn', 9000],
    [1_000_000, 900_000, 100_000, 'warn', 10000],
    [1_000_000, 900_000, 100_001, 'refuse', 10000],
    [0, 0, 1, 'refuse', 0],
  ] as const)('amended %d, committed %d, +%d → %s', (amended, committed, amount, level, rate) => {
    const d = guardExpense({ amended, committed, amount, warnThresholdBp: 9000, refuseThresholdBp: 10000 });
    expect(d.level).toBe(level);
    expect(d.rateAfterBp).toBe(rate);
  });

  it('measures against the amended, not the initial budget (a cut budget refuses sooner)', () => {
    // Initial 1,000,000 amended down to 600,000: 700,000 of spending is above it.
    expect(
      guardExpense({
        amended: 600_000,
        committed: 0,
        amount: 700_000,
        warnThresholdBp: 9000,
        refuseThresholdBp: 10000,
      }).level,
    ).toBe('refuse');
  });

  it('allows a configured overrun', () => {
    const d = guardExpense({
      amended: 100,
      committed: 100,
      amount: 5,
      warnThresholdBp: 9000,
      refuseThresholdBp: 10500,
    });
    expect(d).toMatchObject({ level: 'warn', remaining: 0, remainingAfter: -5 });
  });
});
