import type { LocalizedText } from '@madang/contracts';
import { reviewProblem, type ReviewProblem } from './problems';

/** When a criterion needs a written comment. */
export type CommentRule =
  | { required: 'never' }
  | { required: 'always' }
  | { required: 'at-or-below'; score: number };

export interface Criterion {
  id: string;
  label?: LocalizedText;
  /** Relative weight, > 0; weights need not sum to anything. */
  weight: number;
  /** The scale: whole steps of `step` (default 1) from `min` to `max`, e.g. 1–5. */
  min: number;
  max: number;
  step?: number;
  /** Labels of scale points shown to reviewers (e.g. 5 = 매우 우수 / excellent). */
  scaleLabels?: readonly { value: number; label: LocalizedText }[];
  comment?: CommentRule;
}

export interface Rubric {
  criteria: readonly Criterion[];
  overallCommentRequired?: boolean;
}

/** One reviewer's sheet for one application. Comments are trimmed before counting as given. */
export interface ReviewSheet {
  reviewerId: string;
  scores: Readonly<Record<string, number | null | undefined>>;
  comments?: Readonly<Record<string, string | null | undefined>>;
  overallComment?: string | null;
}

export interface ScoredSheet {
  ok: boolean;
  problems: ReviewProblem[];
  /** Weighted score on 0–100 (each criterion normalised to its scale); null while the sheet is incomplete. */
  total: number | null;
}

const PRECISION = 1e4;
/** Scores are reported to 4 decimals so that equal scores compare equal (no float dust). */
export const roundScore = (value: number): number => Math.round(value * PRECISION) / PRECISION;

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Mistakes in a rubric (empty when usable); run it when a call's rubric is saved. */
export function validateRubric(rubric: Rubric): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  if (!Array.isArray(rubric.criteria) || rubric.criteria.length === 0)
    return [reviewProblem('no_criteria', 'criteria')];
  const ids = new Set<string>();
  rubric.criteria.forEach((criterion, i) => {
    const params = { criterion: criterion.id };
    if (ids.has(criterion.id))
      problems.push(reviewProblem('duplicate_criterion', `criteria[${i}].id`, params));
    ids.add(criterion.id);
    if (!isFiniteNumber(criterion.weight) || criterion.weight <= 0) {
      problems.push(reviewProblem('invalid_weight', `criteria[${i}].weight`, params));
    }
    const step = criterion.step ?? 1;
    const scaleOk =
      isFiniteNumber(criterion.min) &&
      isFiniteNumber(criterion.max) &&
      criterion.min < criterion.max &&
      isFiniteNumber(step) &&
      step > 0;
    if (!scaleOk) problems.push(reviewProblem('invalid_scale', `criteria[${i}]`, params));
    const rule = criterion.comment;
    if (
      scaleOk &&
      rule?.required === 'at-or-below' &&
      !(isFiniteNumber(rule.score) && rule.score >= criterion.min && rule.score <= criterion.max)
    ) {
      problems.push(reviewProblem('invalid_comment_rule', `criteria[${i}].comment.score`, params));
    }
  });
  return problems;
}

const onStep = (value: number, min: number, step: number): boolean => {
  const steps = (value - min) / step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
};

const given = (text: string | null | undefined): boolean =>
  typeof text === 'string' && text.trim().length > 0;

/**
 * Checks one sheet against the rubric (every score present, in range, on the step; comments where
 * required) and computes its weighted total: Σ wᵢ·(sᵢ − minᵢ)/(maxᵢ − minᵢ) / Σ wᵢ × 100.
 */
export function scoreSheet(rubric: Rubric, sheet: ReviewSheet): ScoredSheet {
  const problems: ReviewProblem[] = [];
  const known = new Set(rubric.criteria.map((c) => c.id));
  for (const id of Object.keys(sheet.scores)) {
    if (!known.has(id)) problems.push(reviewProblem('unknown_criterion', `scores.${id}`, { criterion: id }));
  }
  let weighted = 0;
  let weights = 0;
  for (const criterion of rubric.criteria) {
    const score = sheet.scores[criterion.id];
    const step = criterion.step ?? 1;
    const params = { criterion: criterion.id, min: criterion.min, max: criterion.max, step };
    if (score === null || score === undefined) {
      problems.push(reviewProblem('score_missing', `scores.${criterion.id}`, params));
      continue;
    }
    if (!isFiniteNumber(score) || score < criterion.min || score > criterion.max) {
      problems.push(reviewProblem('score_out_of_range', `scores.${criterion.id}`, params));
      continue;
    }
    if (!onStep(score, criterion.min, step)) {
      problems.push(reviewProblem('score_off_step', `scores.${criterion.id}`, params));
      continue;
    }
    const rule = criterion.comment ?? { required: 'never' };
    const needsComment =
      rule.required === 'always' || (rule.required === 'at-or-below' && score <= rule.score);
    if (needsComment && !given(sheet.comments?.[criterion.id])) {
      problems.push(reviewProblem('comment_required', `comments.${criterion.id}`, params));
    }
    weighted += (criterion.weight * (score - criterion.min)) / (criterion.max - criterion.min);
    weights += criterion.weight;
  }
  if (rubric.overallCommentRequired && !given(sheet.overallComment)) {
    problems.push(reviewProblem('overall_comment_required', 'overallComment'));
  }
  const complete = problems.length === 0 && weights > 0;
  return {
    ok: problems.length === 0,
    problems,
    total: complete ? roundScore((weighted / weights) * 100) : null,
  };
}
