import { autoMatch, BankLineFacts, MatchCandidate } from './matching';

const line = (id: string, date: string, amount: number, counterparty = '', memo = ''): BankLineFacts => ({
  id,
  date,
  amount,
  counterparty,
  memo,
});
const cand = (
  kind: 'expense' | 'payment',
  id: string,
  date: string,
  amount: number,
  name = '',
  reference = '',
): MatchCandidate => ({ kind, id, date, amount, name, reference });

describe('autoMatch', () => {
  it('matches equal amounts inside the date window, one to one', () => {
    const result = autoMatch(
      [line('b1', '2027-03-03', -50000, '(주)제주식당'), line('b2', '2027-03-20', 120000, '홍길동')],
      [
        cand('expense', 'e1', '2027-03-02', -50000, '제주식당'),
        cand('payment', 'p1', '2027-03-19', 120000, '홍길동'),
      ],
    );
    expect(result.map((m) => [m.bankLineId, m.targetId])).toEqual([
      ['b1', 'e1'],
      ['b2', 'p1'],
    ]);
  });

  it('refuses other amounts and dates outside the window', () => {
    expect(
      autoMatch([line('b1', '2027-03-03', -50000)], [cand('expense', 'e1', '2027-03-03', -50001)]),
    ).toEqual([]);
    expect(
      autoMatch([line('b1', '2027-03-30', -50000)], [cand('expense', 'e1', '2027-03-03', -50000)]),
    ).toEqual([]);
  });

  it('lets a reference decide between equal amounts', () => {
    const result = autoMatch(
      [line('b1', '2027-03-05', 30000, '김철수', 'BK-7')],
      [
        cand('payment', 'p1', '2027-03-05', 30000, '', 'BK-3'),
        cand('payment', 'p2', '2027-03-05', 30000, '', 'BK-7'),
      ],
    );
    expect(result.map((m) => m.targetId)).toEqual(['p2']);
  });

  it('leaves a line for a person when two candidates tie', () => {
    expect(
      autoMatch(
        [line('b1', '2027-03-05', 30000)],
        [cand('payment', 'p1', '2027-03-05', 30000), cand('payment', 'p2', '2027-03-05', 30000)],
      ),
    ).toEqual([]);
  });

  it('never uses a candidate twice and is deterministic', () => {
    const lines = [line('b2', '2027-03-05', -1000), line('b1', '2027-03-05', -1000)];
    const cands = [cand('expense', 'e1', '2027-03-05', -1000)];
    expect(autoMatch(lines, cands)).toEqual(autoMatch([...lines].reverse(), cands));
    expect(autoMatch(lines, cands)).toHaveLength(1);
    expect(autoMatch(lines, cands)[0].bankLineId).toBe('b1');
  });
});
