import { createHash } from 'node:crypto';
import { rankApplications, type RankingEntry } from './ranking';

const entry = (
  applicationId: string,
  score: number | null,
  impact: number,
  submittedAt: string,
): RankingEntry => ({
  applicationId,
  score,
  criterionScores: { impact },
  submittedAt,
});

describe('rankApplications', () => {
  const entries = [
    entry('a', 80, 4, '2026-05-01T10:00:00+09:00'),
    entry('b', 90, 3, '2026-05-02T10:00:00+09:00'),
    entry('c', 80, 5, '2026-05-03T10:00:00+09:00'),
    entry('d', 80, 4, '2026-04-30T10:00:00+09:00'),
    entry('e', null, 0, '2026-04-01T10:00:00+09:00'),
    entry('f', 70, 4, '2026-05-01T10:00:00+09:00'),
  ];

  it('breaks ties by the declared rules, in order, and says which rule decided', () => {
    const ranked = rankApplications(entries, [
      { kind: 'criterion', criterionId: 'impact', prefer: 'higher' },
      { kind: 'earlier-submission' },
    ]);
    expect(ranked.map((r) => [r.applicationId, r.rank, r.decidedBy, r.tieBreakIndex])).toEqual([
      ['b', 1, 'first', null],
      ['c', 2, 'score', null],
      ['d', 3, 'tie-break', 0],
      ['a', 4, 'tie-break', 1],
      ['f', 5, 'score', null],
      ['e', null, 'unscored', null],
    ]);
  });

  it('entries equal under every rule share a rank (competition ranking)', () => {
    const ranked = rankApplications(entries, [
      { kind: 'criterion', criterionId: 'impact', prefer: 'higher' },
    ]);
    expect(ranked.map((r) => [r.applicationId, r.rank, r.decidedBy])).toEqual([
      ['b', 1, 'first'],
      ['c', 2, 'score'],
      ['a', 3, 'tie-break'],
      ['d', 3, 'tied'],
      ['f', 5, 'score'],
      ['e', null, 'unscored'],
    ]);
  });

  it('a lottery tie-break orders by SHA-256(seed:id), recomputable, and is the same for any input order', () => {
    const seed = 'published-2026-05-10';
    const ranked = rankApplications(entries, [{ kind: 'lottery', seed }]);
    const tied = ['a', 'c', 'd'].sort((x, y) => {
      const hx = createHash('sha256').update(`${seed}:${x}`).digest('hex');
      const hy = createHash('sha256').update(`${seed}:${y}`).digest('hex');
      return hx < hy ? -1 : 1;
    });
    expect(ranked.slice(1, 4).map((r) => r.applicationId)).toEqual(tied);
    expect(ranked.slice(1, 4).map((r) => r.rank)).toEqual([2, 3, 4]);
    expect(rankApplications([...entries].reverse(), [{ kind: 'lottery', seed }])).toEqual(ranked);
  });

  it('prefers lower when declared, and a missing criterion score goes after', () => {
    const ranked = rankApplications(
      [
        entry('x', 50, 2, '2026-05-01T00:00:00Z'),
        { applicationId: 'y', score: 50, submittedAt: '2026-05-01T00:00:00Z' },
        entry('z', 50, 1, '2026-05-01T00:00:00Z'),
      ],
      [{ kind: 'criterion', criterionId: 'impact', prefer: 'lower' }],
    );
    expect(ranked.map((r) => r.applicationId)).toEqual(['z', 'x', 'y']);
  });

  it('an unreadable submission instant goes after the readable ones for the submission tie-break', () => {
    const ranked = rankApplications(
      [
        entry('x', 50, 1, 'not a date'),
        entry('y', 50, 1, '2026-05-02T00:00:00Z'),
        entry('z', 50, 1, '2026-05-01T00:00:00Z'),
      ],
      [{ kind: 'earlier-submission' }],
    );
    expect(ranked.map((r) => [r.applicationId, r.rank])).toEqual([
      ['z', 1],
      ['y', 2],
      ['x', 3],
    ]);
  });
});
