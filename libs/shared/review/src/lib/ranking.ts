import { lotteryKey } from './lottery';

export interface RankingEntry {
  applicationId: string;
  /** The aggregate score; null when the application has no complete review (ranked after all others). */
  score: number | null;
  /** Aggregate per criterion, for criterion tie-breaks. */
  criterionScores?: Readonly<Record<string, number | null | undefined>>;
  /** Submission instant, ISO 8601. */
  submittedAt: string;
}

/** Declared tie-break rules, applied in order when scores are equal. */
export type TieBreak =
  | { kind: 'criterion'; criterionId: string; prefer: 'higher' | 'lower' }
  | { kind: 'earlier-submission' }
  | { kind: 'lottery'; seed: string };

export interface RankedEntry {
  applicationId: string;
  /** 1-based competition rank (1, 2, 2, 4); null for unscored entries. */
  rank: number | null;
  score: number | null;
  /**
   * What put this entry below the one above it: `score`, `tie-break` (see `tieBreakIndex`),
   * `tied` (nothing did: same rank), or `first` / `unscored`.
   */
  decidedBy: 'first' | 'score' | 'tie-break' | 'tied' | 'unscored';
  tieBreakIndex: number | null;
}

type Comparison = number;

function compareBy(rule: TieBreak, a: RankingEntry, b: RankingEntry): Comparison {
  switch (rule.kind) {
    case 'criterion': {
      const x = a.criterionScores?.[rule.criterionId];
      const y = b.criterionScores?.[rule.criterionId];
      if (x === y || (x == null && y == null)) return 0;
      if (x == null) return 1;
      if (y == null) return -1;
      return rule.prefer === 'higher' ? y - x : x - y;
    }
    case 'earlier-submission': {
      // An unreadable instant goes after every readable one.
      const x = Date.parse(a.submittedAt);
      const y = Date.parse(b.submittedAt);
      if (Number.isNaN(x) || Number.isNaN(y))
        return Number.isNaN(x) === Number.isNaN(y) ? 0 : Number.isNaN(x) ? 1 : -1;
      return x - y;
    }
    case 'lottery': {
      const x = lotteryKey(rule.seed, a.applicationId);
      const y = lotteryKey(rule.seed, b.applicationId);
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

/**
 * Ranks by score (higher first), then by the declared tie-breaks in order. Entries still equal after
 * every rule share a rank (and stay in applicationId order). The lottery tie-break orders by
 * SHA-256(`${seed}:${applicationId}`) in hex, smaller first — recomputable by anyone.
 */
export function rankApplications(
  entries: readonly RankingEntry[],
  tieBreaks: readonly TieBreak[],
): RankedEntry[] {
  const scored = entries.filter((e) => e.score !== null);
  const unscored = entries
    .filter((e) => e.score === null)
    .sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1));
  const decide = (a: RankingEntry, b: RankingEntry): { order: number; by: number | 'score' | null } => {
    const byScore = (b.score as number) - (a.score as number);
    if (byScore !== 0) return { order: byScore, by: 'score' };
    for (let i = 0; i < tieBreaks.length; i++) {
      const order = compareBy(tieBreaks[i], a, b);
      if (order !== 0) return { order, by: i };
    }
    return { order: 0, by: null };
  };
  const sorted = [...scored].sort(
    (a, b) =>
      decide(a, b).order ||
      (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0),
  );
  const ranked: RankedEntry[] = [];
  sorted.forEach((entry, i) => {
    if (i === 0) {
      ranked.push({
        applicationId: entry.applicationId,
        rank: 1,
        score: entry.score,
        decidedBy: 'first',
        tieBreakIndex: null,
      });
      return;
    }
    const { by } = decide(sorted[i - 1], entry);
    const previous = ranked[i - 1];
    ranked.push({
      applicationId: entry.applicationId,
      rank: by === null ? previous.rank : i + 1,
      score: entry.score,
      decidedBy: by === null ? 'tied' : by === 'score' ? 'score' : 'tie-break',
      tieBreakIndex: typeof by === 'number' ? by : null,
    });
  });
  for (const entry of unscored) {
    ranked.push({
      applicationId: entry.applicationId,
      rank: null,
      score: null,
      decidedBy: 'unscored',
      tieBreakIndex: null,
    });
  }
  return ranked;
}
