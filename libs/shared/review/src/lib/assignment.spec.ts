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

/**
 * By enumeration of every assignment (k distinct eligible reviewers each, fixed pairs kept):
 * whether one has loads differing by at most 1, and the smallest possible largest load.
 */
function bruteForce(input: AssignmentInput): { balancedExists: boolean; minMaxLoad: number } {
  const k = input.reviewersPerApplication;
  const fixed = input.fixed ?? [];
  const conflicted = new Set(input.conflicts.map((c) => `${c.applicationId}|${c.reviewerId}`));
  const subsets = (items: string[], size: number): string[][] =>
    size === 0
      ? [[]]
      : items.flatMap((x, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [x, ...rest]));
  const loads = new Map(input.reviewerIds.map((r) => [r, fixed.filter((f) => f.reviewerId === r).length]));
  const choices = input.applicationIds.map((a) => {
    const mine = fixed.filter((f) => f.applicationId === a).map((f) => f.reviewerId);
    const free = input.reviewerIds.filter((r) => !conflicted.has(`${a}|${r}`) && !mine.includes(r));
    return subsets(free, k - mine.length);
  });
  let balancedExists = false;
  let minMaxLoad = Infinity;
  const walk = (i: number): void => {
    if (i === choices.length) {
      const values = [...loads.values()];
      if (Math.max(...values) - Math.min(...values) <= 1) balancedExists = true;
      minMaxLoad = Math.min(minMaxLoad, Math.max(0, ...values));
      return;
    }
    for (const choice of choices[i]) {
      choice.forEach((r) => loads.set(r, (loads.get(r) as number) + 1));
      walk(i + 1);
      choice.forEach((r) => loads.set(r, (loads.get(r) as number) - 1));
    }
  };
  walk(0);
  return { balancedExists, minMaxLoad };
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

  it('a reviewer conflicted with everything leaves loads uneven even though no load exceeds the ceiling', () => {
    const result = check({
      applicationIds: ['a1', 'a2', 'a3'],
      reviewerIds: ['r1', 'r2', 'r3', 'r4'],
      reviewersPerApplication: 2,
      conflicts: ['a1', 'a2', 'a3'].map((applicationId) => ({ applicationId, reviewerId: 'r4' })),
      seed: 's',
    });
    expect(result).toMatchObject({
      ok: true,
      balanced: false,
      maxLoad: 2,
      loads: { r1: 2, r2: 2, r3: 2, r4: 0 },
    });
  });

  it('keeps pairs fixed by hand, counts them in k and in the loads, and fills in the rest evenly', () => {
    const fixed = [
      { applicationId: 'app1', reviewerId: 'rev1' },
      { applicationId: 'app2', reviewerId: 'rev1' },
      { applicationId: 'app3', reviewerId: 'rev1' },
    ];
    const result = check({
      applicationIds: ids('app', 6),
      reviewerIds: ids('rev', 4),
      reviewersPerApplication: 2,
      conflicts: [],
      fixed,
      seed: 's',
    });
    expect(result).toMatchObject({ ok: true, balanced: true, loads: { rev1: 3, rev2: 3, rev3: 3, rev4: 3 } });
    if (result.ok)
      expect(
        result.assignments
          .filter((a) => a.fixed)
          .map(({ applicationId, reviewerId }) => ({ applicationId, reviewerId })),
      ).toEqual(expect.arrayContaining(fixed));
  });

  it('refuses fixed pairs that are conflicted, unknown or too many', () => {
    const base = { applicationIds: ['a1'], reviewerIds: ['r1', 'r2'], reviewersPerApplication: 1, seed: 's' };
    const codes = (input: AssignmentInput) => {
      const result = assignReviewers(input);
      return result.ok ? [] : result.problems.map((p) => p.code);
    };
    expect(
      codes({
        ...base,
        conflicts: [{ applicationId: 'a1', reviewerId: 'r1' }],
        fixed: [{ applicationId: 'a1', reviewerId: 'r1' }],
      }),
    ).toEqual(['fixed_pair_conflicted']);
    expect(codes({ ...base, conflicts: [], fixed: [{ applicationId: 'a1', reviewerId: 'r9' }] })).toEqual([
      'unknown_id',
    ]);
    expect(
      codes({
        ...base,
        conflicts: [],
        fixed: [
          { applicationId: 'a1', reviewerId: 'r1' },
          { applicationId: 'a1', reviewerId: 'r2' },
        ],
      }),
    ).toEqual(['too_many_fixed']);
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
      problems: [
        {
          code: 'too_few_eligible_reviewers',
          params: { applicationId: 'a2', eligible: 1, needed: 2 },
          message: {
            ko: '지원서 a2을(를) 심사할 수 있는 심사위원이 1명뿐입니다(2명 필요).',
            en: 'Only 1 reviewers may review application a2 (2 needed).',
          },
        },
      ],
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
      problems: [{ code: 'too_few_eligible_reviewers', params: { eligible: 0 } }],
    });
    expect(
      assignReviewers({
        applicationIds: ['a', 'a'],
        reviewerIds: ['r'],
        reviewersPerApplication: 0,
        conflicts: [],
        seed: 's',
      }),
    ).toMatchObject({
      ok: false,
      problems: [{ code: 'invalid_k' }, { code: 'duplicate_id', params: { id: 'a' } }],
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
    .chain(({ n, r, k, seed }) => {
      const pairs = ids('a', n).flatMap((applicationId) =>
        ids('r', r).map((reviewerId) => ({ applicationId, reviewerId })),
      );
      return fc
        .tuple(fc.subarray(pairs), fc.subarray(pairs, { maxLength: Math.min(3, pairs.length) }))
        .map(([conflicts, wanted]) => {
          const fixed = wanted
            .filter((p) => !conflicts.includes(p))
            .filter(
              (p, i, list) => list.slice(0, i).filter((q) => q.applicationId === p.applicationId).length < k,
            );
          return {
            applicationIds: ids('a', n),
            reviewerIds: ids('r', r),
            reviewersPerApplication: k,
            conflicts,
            fixed,
            seed,
          };
        });
    });

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
            result.problems.map((p) =>
              p.code === 'too_few_eligible_reviewers' ? p.params['applicationId'] : p.code,
            ),
          ).toEqual(short);
          return;
        }
        expect(short).toEqual([]);
        const loads = Object.values(result.loads);
        const best = bruteForce(input);
        expect(result.balanced).toBe(best.balancedExists);
        expect(result.maxLoad).toBe(best.minMaxLoad);
        for (const f of input.fixed ?? []) expect(result.assignments).toContainEqual({ ...f, fixed: true });
        expect(result.assignments.filter((a) => a.fixed)).toHaveLength(input.fixed?.length ?? 0);
        if (result.balanced) expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });
});
