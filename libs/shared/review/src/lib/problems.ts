import { interpolate, type LocalizedText } from '@madang/contracts';

/** Stable codes for rubric and score-sheet problems; clients may switch on them. */
export const REVIEW_PROBLEM_CODES = [
  'no_criteria',
  'duplicate_criterion',
  'invalid_weight',
  'invalid_scale',
  'invalid_comment_rule',
  'unknown_criterion',
  'score_missing',
  'score_out_of_range',
  'score_off_step',
  'comment_required',
  'overall_comment_required',
] as const;
export type ReviewProblemCode = (typeof REVIEW_PROBLEM_CODES)[number];

export interface ReviewProblem {
  code: ReviewProblemCode;
  /** The field at fault: `criteria[2].weight`, `scores.impact`, `comments.impact`, `overallComment`. */
  field: string;
  params: Readonly<Record<string, string | number>>;
  message: LocalizedText;
}

const MESSAGES: Record<ReviewProblemCode, LocalizedText> = {
  no_criteria: { ko: '평가 기준이 하나 이상 있어야 합니다.', en: 'A rubric needs at least one criterion.' },
  duplicate_criterion: {
    ko: '평가 기준 {criterion}이(가) 중복됩니다.',
    en: 'Criterion {criterion} appears twice.',
  },
  invalid_weight: {
    ko: '평가 기준 {criterion}의 가중치는 0보다 큰 수여야 합니다.',
    en: 'The weight of criterion {criterion} must be a number above 0.',
  },
  invalid_scale: {
    ko: '평가 기준 {criterion}의 척도가 올바르지 않습니다(최솟값 < 최댓값, 간격 > 0).',
    en: 'The scale of criterion {criterion} is invalid (min < max, step > 0).',
  },
  invalid_comment_rule: {
    ko: '평가 기준 {criterion}의 의견 필수 기준 점수가 척도 밖에 있습니다.',
    en: 'The comment threshold of criterion {criterion} is outside its scale.',
  },
  unknown_criterion: { ko: '알 수 없는 평가 기준입니다: {criterion}', en: 'Unknown criterion: {criterion}' },
  score_missing: { ko: '{criterion} 점수를 입력하세요.', en: 'Give a score for {criterion}.' },
  score_out_of_range: {
    ko: '{criterion} 점수는 {min}–{max} 사이여야 합니다.',
    en: 'The score for {criterion} must be from {min} to {max}.',
  },
  score_off_step: {
    ko: '{criterion} 점수는 {min}부터 {step} 단위여야 합니다.',
    en: 'The score for {criterion} must be {min} plus a multiple of {step}.',
  },
  comment_required: {
    ko: '{criterion}에 대한 의견을 적어 주세요.',
    en: 'Write a comment for {criterion}.',
  },
  overall_comment_required: { ko: '종합 의견을 적어 주세요.', en: 'Write an overall comment.' },
};

export function reviewProblem(
  code: ReviewProblemCode,
  field: string,
  params: Readonly<Record<string, string | number>> = {},
): ReviewProblem {
  const template = MESSAGES[code];
  return {
    code,
    field,
    params,
    message: { ko: interpolate(template.ko, params), en: interpolate(template.en, params) },
  };
}
