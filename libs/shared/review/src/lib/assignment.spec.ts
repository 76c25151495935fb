import fc from 'fast-check';
import { assignReviewers, type AssignmentInput } from './assignment';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

function check(input: AssignmentInput) {
  const result = assignReviewers(input);
  if (!result.ok) return result;
  const conflicted = new Set(input.conflicts.map((c) => `${c.applicationId}|${c.reviewerId}`));
  for (const a of result.assignments)
    expect(conflicted.has(`${a.applicationId}|${a.reviewerId}`)).toBe(false);
  for (const applicationId of input.applicationIds) {
    const mine = result.assignments.filter((a) => a.applicationId === applicationId).map((a) => a.reviewerId);
    expect(mine).toHaveLength(input.reviewersPerApplication);
    expect(new Set(mine).size).toBe(mine.length);
  }
  for (const reviewerId of input.reviewerIds) {
    expect(result.loads[reviewerId]).toBe(
      result.assignments.filter((a) => a.reviewerId === reviewerId).length,
    );
  }
  return result;
}

/** Whether any assignment (k distinct eligible reviewers each) has loads differing by at most 1 — by enumeration. */
function balancedExists(input: AssignmentInput): boolean {
  const k = input.reviewersPerApplication;
  const conflicted = new Set(input.conflicts.map((c) => `${c.applicationId}|${c.reviewerId}`));
  const subsets = (items: string[], size: number): string[][] =>
    size === 0
      ? [[]]
      : items.flatMap((x, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [x, ...rest]));
  const choices = input.applicationIds.map((a) =>
    subsets(
      input.reviewerIds.filter((r) => !conflicted.has(`${a}|${r}`)),
      k,
    ),
  );
  const loads = new Map(input.reviewerIds.map((r) => [r, 0]));
  const walk = (i: number): boolean => {
    if (i === choices.length) {
      const values = [...loads.values()];
      return Math.max(...values) - Math.min(...values) <= 1;
    }
    return choices[i].some((choice) => {
      choice.forEach((r) => loads.set(r, (loads.get(r) as number) + 1));
      const found = walk(i + 1);
      choice.forEach((r) => loads.set(r, (loads.get(r) as number) - 1));
      return found;
    });
  };
  return walk(0);
}

describe('assignReviewers', () => {
  it('30 applications, 7 reviewers, 3 each: loads 12 or 13, no conflicted pair', () => {
    const input: AssignmentInput = {
      applicationIds: ids('app', 30),
      reviewerIds: ids('rev', 7),
      reviewersPerApplication: 3,
      conflicts: [
        { applicationId: 'app1', reviewerId: 'rev1' },
        { applicationId: 'app2', reviewerId: 'rev1' },
        { applicationId: 'app2', reviewerId: 'rev2' },
      ],
      seed: 'call-2026-residency',
    };
    const result = check(input);
    if (!result.ok) throw new Error('assign');
    expect(result.balanced).toBe(true);
    expect(Object.values(result.loads).sort()).toEqual([12, 13, 13, 13, 13, 13, 13]);
    expect(assignReviewers({ ...input, applicationIds: [...input.applicationIds].reverse() })).toEqual(
      result,
    );
    expect(assignReviewers({ ...input, seed: 'other' })).not.toEqual(result);
  });

  it('when conflicts make even loads impossible, says so and keeps the largest load as small as possible', () => {
    // Only r1 may review a1–a3 (k = 1): r1 must take 3 while r2 could take 1.
    const result = check({
      applicationIds: ['a1', 'a2', 'a3', 'a4'],
      reviewerIds: ['r1', 'r2'],
      reviewersPerApplication: 1,
      conflicts: ['a1', 'a2', 'a3'].map((applicationId) => ({ applicationId, reviewerId: 'r2' })),
      seed: 's',
    });
    expect(result).toMatchObject({ ok: true, balanced: false, maxLoad: 3, loads: { r1: 3, r2: 1 } });
  });

  it('reports clearly which applications cannot get k reviewers', () => {
    expect(
      assignReviewers({
        applicationIds: ['a1', 'a2'],
        reviewerIds: ['r1', 'r2', 'r3'],
        reviewersPerApplication: 2,
        conflicts: [
          { applicationId: 'a2', reviewerId: 'r1' },
          { applicationId: 'a2', reviewerId: 'r3' },
        ],
        seed: 's',
      }),
    ).toEqual({
      ok: false,
      problems: [{ code: 'too_few_eligible_reviewers', applicationId: 'a2', eligible: 1, needed: 2 }],
    });
    expect(
      assignReviewers({
        applicationIds: ['a'],
        reviewerIds: [],
        reviewersPerApplication: 1,
        conflicts: [],
        seed: 's',
      }),
    ).toMatchObject({
      ok: false,
      problems: [{ code: 'too_few_eligible_reviewers', eligible: 0 }],
    });
    expect(
      assignReviewers({
        applicationIds: ['a', 'a'],
        reviewerIds: ['r'],
        reviewersPerApplication: 0,
        conflicts: [],
        seed: 's',
      }),
    ).toEqual({
      ok: false,
      problems: [{ code: 'invalid_k' }, { code: 'duplicate_id', id: 'a' }],
    });
  });

  it('property: without conflicts loads always differ by at most 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.string(),
        (n, r, k, seed) => {
          fc.pre(k <= r);
          const result = check({
            applicationIds: ids('a', n),
            reviewerIds: ids('r', r),
            reviewersPerApplication: k,
            conflicts: [],
            seed,
          });
          if (!result.ok) throw new Error('assign');
          const loads = Object.values(result.loads);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
          expect(result.balanced).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  const small = fc
    .record({
      n: fc.integer({ min: 1, max: 4 }),
      r: fc.integer({ min: 1, max: 4 }),
      k: fc.integer({ min: 1, max: 2 }),
      seed: fc.string(),
    })
    .chain(({ n, r, k, seed }) =>
      fc
        .subarray(
          ids('a', n).flatMap((applicationId) =>
            ids('r', r).map((reviewerId) => ({ applicationId, reviewerId })),
          ),
        )
        .map((conflicts) => ({
          applicationIds: ids('a', n),
          reviewerIds: ids('r', r),
          reviewersPerApplication: k,
          conflicts,
          seed,
        })),
    );

  it('property: with random conflicts, never a conflicted pair; "balanced" exactly when an even assignment exists; fails only when some application lacks k eligible reviewers', () => {
    fc.assert(
      fc.property(small, (input) => {
        const result = check(input);
        const short = input.applicationIds.filter(
          (a) =>
            input.reviewerIds.filter(
              (r) => !input.conflicts.some((c) => c.applicationId === a && c.reviewerId === r),
            ).length < input.reviewersPerApplication,
        );
        if (!result.ok) {
          expect(
            result.problems.map((p) => (p.code === 'too_few_eligible_reviewers' ? p.applicationId : p.code)),
          ).toEqual(short);
          return;
        }
        expect(short).toEqual([]);
        const loads = Object.values(result.loads);
        expect(result.balanced).toBe(balancedExists(input));
        if (result.balanced) expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });
});
