import { entryProblem, pairLines, reversal } from './ledger';

describe('ledger', () => {
  it('judges entries', () => {
    expect(
      entryProblem([
        { account: 'a', amount: 5 },
        { account: 'b', amount: -5 },
      ]),
    ).toBeNull();
    expect(
      entryProblem([
        { account: 'a', amount: 5 },
        { account: 'b', amount: -4 },
      ]),
    ).toBe('unbalanced');
    expect(
      entryProblem([
        { account: 'a', amount: 0 },
        { account: 'b', amount: 0 },
      ]),
    ).toBe('zero_line');
    expect(entryProblem([{ account: 'a', amount: 5 }])).toBe('too_few_lines');
  });

  it('pairs and reverses', () => {
    const lines = pairLines('5010', '1010', [
      { amount: 300, fundingSourceId: 'N', budgetLineId: 'L', creditDims: { budgetLineId: null } },
      { amount: 0, fundingSourceId: 'O' },
    ]);
    expect(lines).toEqual([
      { account: '5010', amount: 300, fundingSourceId: 'N', budgetLineId: 'L' },
      { account: '1010', amount: -300, fundingSourceId: 'N', budgetLineId: null },
    ]);
    expect(entryProblem(lines)).toBeNull();
    expect(reversal(lines).map((l) => l.amount)).toEqual([-300, 300]);
  });
});
