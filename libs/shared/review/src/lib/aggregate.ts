import { roundScore, scoreSheet, type ReviewSheet, type Rubric } from './rubric';

export type AggregationMethod = 'mean' | 'median';

/** A set of scores summarised: the chosen aggregate as `value`, with the spread shown beside it. */
export interface ScoreSummary {
  method: AggregationMethod;
  count: number;
  value: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  /** Population standard deviation (the reviewers are all the reviews there are, not a sample). */
  stdDev: number;
  /** max − min. */
  range: number;
}

/** Summarises numbers; null for none. Every figure rounded to 4 decimals. */
export function summarize(values: readonly number[], method: AggregationMethod): ScoreSummary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const count = sorted.length;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / count;
  const middle = Math.floor(count / 2);
  const median = count % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const variance = sorted.reduce((sum, v) => sum + (v - mean) ** 2, 0) / count;
  const min = sorted[0];
  const max = sorted[count - 1];
  return {
    method,
    count,
    value: roundScore(method === 'mean' ? mean : median),
    mean: roundScore(mean),
    median: roundScore(median),
    min: roundScore(min),
    max: roundScore(max),
    stdDev: roundScore(Math.sqrt(variance)),
    range: roundScore(max - min),
  };
}

export interface ApplicationScores {
  /** Summary of the sheets' weighted totals (0–100). */
  total: ScoreSummary | null;
  /** Per criterion, on the criterion's own scale. */
  criteria: Record<string, ScoreSummary | null>;
  /** Reviewers whose sheets counted. */
  counted: string[];
  /** Reviewers whose sheets were incomplete or invalid, and left out. */
  leftOut: string[];
}

/** Aggregates the submitted sheets of one application; sheets that fail `scoreSheet` are left out and named. */
export function aggregateApplication(
  rubric: Rubric,
  sheets: readonly ReviewSheet[],
  method: AggregationMethod,
): ApplicationScores {
  const scored = sheets.map((sheet) => ({ sheet, result: scoreSheet(rubric, sheet) }));
  const valid = scored.filter((s) => s.result.ok);
  const criteria: Record<string, ScoreSummary | null> = {};
  for (const criterion of rubric.criteria) {
    criteria[criterion.id] = summarize(
      valid.map((s) => s.sheet.scores[criterion.id] as number),
      method,
    );
  }
  return {
    total: summarize(
      valid.map((s) => s.result.total as number),
      method,
    ),
    criteria,
    counted: valid.map((s) => s.sheet.reviewerId),
    leftOut: scored.filter((s) => !s.result.ok).map((s) => s.sheet.reviewerId),
  };
}
