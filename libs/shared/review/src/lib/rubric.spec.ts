import { aggregateApplication, summarize } from './aggregate';
import { scoreSheet, validateRubric, type Rubric } from './rubric';

const rubric: Rubric = {
  criteria: [
    { id: 'impact', weight: 40, min: 1, max: 5, comment: { required: 'at-or-below', score: 2 } },
    { id: 'feasibility', weight: 30, min: 1, max: 5 },
    { id: 'community', weight: 30, min: 0, max: 10, step: 0.5, comment: { required: 'always' } },
  ],
  overallCommentRequired: true,
};

const sheet = (reviewerId: string, impact: number, feasibility: number, community: number) => ({
  reviewerId,
  scores: { impact, feasibility, community },
  comments: { impact: '근거', community: '지역 연계가 좋음' },
  overallComment: '좋습니다',
});

describe('validateRubric', () => {
  it('accepts a good rubric', () => expect(validateRubric(rubric)).toEqual([]));

  it.each([
    [{ criteria: [] }, 'no_criteria', 'criteria'],
    [
      {
        criteria: [
          { id: 'a', weight: 1, min: 1, max: 5 },
          { id: 'a', weight: 1, min: 1, max: 5 },
        ],
      },
      'duplicate_criterion',
      'criteria[1].id',
    ],
    [{ criteria: [{ id: 'a', weight: 0, min: 1, max: 5 }] }, 'invalid_weight', 'criteria[0].weight'],
    [{ criteria: [{ id: 'a', weight: 1, min: 5, max: 5 }] }, 'invalid_scale', 'criteria[0]'],
    [{ criteria: [{ id: 'a', weight: 1, min: 1, max: 5, step: 0 }] }, 'invalid_scale', 'criteria[0]'],
    [
      { criteria: [{ id: 'a', weight: 1, min: 1, max: 5, comment: { required: 'at-or-below', score: 9 } }] },
      'invalid_comment_rule',
      'criteria[0].comment.score',
    ],
  ])('%j → %s at %s', (bad, code, field) => {
    expect(validateRubric(bad as Rubric)).toMatchObject([{ code, field }]);
  });
});

describe('scoreSheet', () => {
  it.each([
    // impact (40, 1–5), feasibility (30, 1–5), community (30, 0–10): normalised, weighted, ×100
    [5, 5, 10, 100],
    [1, 1, 0, 0],
    [3, 3, 5, 50],
    [5, 1, 5, 55],
    [4, 2, 7.5, 30 + 7.5 + 22.5],
  ])('%d/%d/%d → %d', (impact, feasibility, community, total) => {
    expect(scoreSheet(rubric, sheet('r', impact, feasibility, community))).toEqual({
      ok: true,
      problems: [],
      total,
    });
  });

  it('reports every problem with its field and ko/en sentence, and no total', () => {
    const result = scoreSheet(rubric, {
      reviewerId: 'r',
      scores: { impact: 2, feasibility: 6, community: 7.25, extra: 3 },
      comments: { impact: '  ' },
    });
    expect(result.total).toBeNull();
    expect(result.problems.map((p) => [p.code, p.field])).toEqual([
      ['unknown_criterion', 'scores.extra'],
      ['comment_required', 'comments.impact'],
      ['score_out_of_range', 'scores.feasibility'],
      ['score_off_step', 'scores.community'],
      ['overall_comment_required', 'overallComment'],
    ]);
    expect(result.problems[2].message).toEqual({
      ko: 'feasibility 점수는 1–5 사이여야 합니다.',
      en: 'The score for feasibility must be from 1 to 5.',
    });
    expect(
      scoreSheet(rubric, {
        reviewerId: 'r',
        scores: { impact: 3, community: 5 },
        comments: { community: 'x' },
        overallComment: 'x',
      }).problems,
    ).toMatchObject([{ code: 'score_missing', field: 'scores.feasibility' }]);
  });

  it('a comment is required at or below the threshold only', () => {
    const noComments = (impact: number) => ({ ...sheet('r', impact, 3, 5), comments: { community: 'ok' } });
    expect(scoreSheet(rubric, noComments(3)).ok).toBe(true);
    expect(scoreSheet(rubric, noComments(2)).problems).toMatchObject([
      { code: 'comment_required', field: 'comments.impact' },
    ]);
  });
});

describe('summarize and aggregateApplication', () => {
  it('mean, median and spread (population standard deviation)', () => {
    expect(summarize([2, 4, 4, 4, 5, 5, 7, 9], 'mean')).toEqual({
      method: 'mean',
      count: 8,
      value: 5,
      mean: 5,
      median: 4.5,
      min: 2,
      max: 9,
      stdDev: 2,
      range: 7,
    });
    expect(summarize([90, 10, 80], 'median')).toMatchObject({ value: 80, mean: 60, median: 80, range: 80 });
    expect(summarize([], 'mean')).toBeNull();
    expect(summarize([0.1, 0.2], 'mean')?.value).toBe(0.15);
  });

  it('aggregates valid sheets per criterion and in total, naming the sheets left out', () => {
    const result = aggregateApplication(
      rubric,
      [
        sheet('r1', 5, 5, 10),
        sheet('r2', 3, 3, 5),
        sheet('r3', 4, 2, 7.5),
        { reviewerId: 'r4', scores: { impact: 5 } },
      ],
      'median',
    );
    expect(result.counted).toEqual(['r1', 'r2', 'r3']);
    expect(result.leftOut).toEqual(['r4']);
    expect(result.total).toMatchObject({ value: 60, min: 50, max: 100, count: 3 });
    expect(result.criteria['impact']).toMatchObject({ value: 4, mean: 4, min: 3, max: 5 });
    expect(result.criteria['community']).toMatchObject({ value: 7.5 });
    expect(aggregateApplication(rubric, [], 'mean')).toMatchObject({ total: null, counted: [] });
  });
});
