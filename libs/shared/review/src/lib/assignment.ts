import { interpolate, type LocalizedText } from '@madang/contracts';
import { sha256Hex } from './sha256';

export interface AssignmentInput {
  applicationIds: readonly string[];
  reviewerIds: readonly string[];
  /** Reviewers per application. */
  reviewersPerApplication: number;
  /** Pairs that must never be assigned (conflicts of interest, declared or detected). */
  conflicts: readonly { reviewerId: string; applicationId: string }[];
  /** Pairs already assigned by hand: kept, counted in k and in the loads; the rest is filled in. */
  fixed?: readonly { reviewerId: string; applicationId: string }[];
  /** Makes the choice among equally good assignments reproducible; another seed, another assignment. */
  seed: string;
}

export interface Assignment {
  applicationId: string;
  reviewerId: string;
  /** Given in `fixed` (by hand) rather than chosen here. */
  fixed: boolean;
}

export type AssignmentResult =
  | {
      ok: true;
      /** Every pair, the fixed ones included, in application then reviewer order of the seeded shuffle. */
      assignments: Assignment[];
      /** Applications per reviewer, fixed pairs included. */
      loads: Record<string, number>;
      /** True when every load is ⌊N·k/R⌋ or ⌈N·k/R⌉; false when conflicts (or fixed pairs) make that impossible. */
      balanced: boolean;
      /** The largest load; when not balanced it is the smallest largest load possible. */
      maxLoad: number;
    }
  | { ok: false; problems: AssignmentProblem[] };

export type AssignmentProblemCode =
  | 'invalid_k'
  | 'duplicate_id'
  | 'unknown_id'
  | 'fixed_pair_conflicted'
  | 'too_many_fixed'
  | 'too_few_eligible_reviewers';

export interface AssignmentProblem {
  code: AssignmentProblemCode;
  params: Readonly<Record<string, string | number>>;
  message: LocalizedText;
}

const MESSAGES: Record<AssignmentProblemCode, LocalizedText> = {
  invalid_k: {
    ko: '지원서당 심사위원 수는 1 이상의 정수여야 합니다.',
    en: 'Reviewers per application must be a whole number of at least 1.',
  },
  duplicate_id: { ko: '{id}이(가) 두 번 들어 있습니다.', en: '{id} appears twice.' },
  unknown_id: {
    ko: '지정 배정에 목록에 없는 {id}이(가) 있습니다.',
    en: 'A fixed pair names {id}, which is not in the lists.',
  },
  fixed_pair_conflicted: {
    ko: '심사위원 {reviewerId}은(는) 지원서 {applicationId}와(과) 이해충돌이 있어 배정할 수 없습니다.',
    en: 'Reviewer {reviewerId} has a conflict with application {applicationId} and cannot be assigned.',
  },
  too_many_fixed: {
    ko: '지원서 {applicationId}에 심사위원이 {needed}명보다 많이 지정되었습니다.',
    en: 'Application {applicationId} has more than {needed} reviewers fixed.',
  },
  too_few_eligible_reviewers: {
    ko: '지원서 {applicationId}을(를) 심사할 수 있는 심사위원이 {eligible}명뿐입니다({needed}명 필요).',
    en: 'Only {eligible} reviewers may review application {applicationId} ({needed} needed).',
  },
};

function problem(
  code: AssignmentProblemCode,
  params: Record<string, string | number> = {},
): AssignmentProblem {
  const t = MESSAGES[code];
  return { code, params, message: { ko: interpolate(t.ko, params), en: interpolate(t.en, params) } };
}

/** Max flow over source → applications (k) → eligible reviewers (1) → sink (cap), augmented in place. */
class Flow {
  readonly head: number[][] = [];
  readonly to: number[] = [];
  readonly cap: number[] = [];

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.head.push([]);
  }

  edge(from: number, to: number, cap: number): number {
    this.head[from].push(this.to.length);
    this.to.push(to);
    this.cap.push(cap);
    this.head[to].push(this.to.length);
    this.to.push(from);
    this.cap.push(0);
    return this.to.length - 2;
  }

  /** Augments along paths found by depth-first search (in the seeded edge order) until none is left. */
  augment(source: number, sink: number): number {
    let total = 0;
    for (;;) {
      const seen = new Uint8Array(this.head.length);
      const path: number[] = [];
      const dfs = (node: number): boolean => {
        if (node === sink) return true;
        seen[node] = 1;
        for (const e of this.head[node]) {
          if (this.cap[e] > 0 && !seen[this.to[e]]) {
            path.push(e);
            if (dfs(this.to[e])) return true;
            path.pop();
          }
        }
        return false;
      };
      if (!dfs(source)) return total;
      for (const e of path) {
        this.cap[e] -= 1;
        this.cap[e ^ 1] += 1;
      }
      total += 1;
    }
  }
}

/**
 * Assigns k reviewers to every application, never a conflicted pair, keeping the `fixed` pairs,
 * with loads as even as the conflicts allow: first every reviewer up to ⌊N·k/R⌋, then up to
 * ⌈N·k/R⌉ (augmenting paths never lower a reviewer's load, so the floor is kept), then — only if
 * conflicts demand — one more at a time, which yields the smallest possible largest load.
 * Impossible only when an application has fewer than k eligible reviewers; those are listed.
 * Deterministic for a seed and independent of input order.
 */
export function assignReviewers(input: AssignmentInput): AssignmentResult {
  const k = input.reviewersPerApplication;
  const fixed = input.fixed ?? [];
  const problems: AssignmentProblem[] = [];
  if (!Number.isInteger(k) || k < 1) problems.push(problem('invalid_k'));
  for (const ids of [input.applicationIds, input.reviewerIds]) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(problem('duplicate_id', { id }));
      seen.add(id);
    }
  }
  const pair = (applicationId: string, reviewerId: string) => `${applicationId}\u0000${reviewerId}`;
  const conflicted = new Set(input.conflicts.map((c) => pair(c.applicationId, c.reviewerId)));
  const fixedPairs = new Set<string>();
  const applicationSet = new Set(input.applicationIds);
  const reviewerSet = new Set(input.reviewerIds);
  for (const f of fixed) {
    if (!applicationSet.has(f.applicationId)) problems.push(problem('unknown_id', { id: f.applicationId }));
    else if (!reviewerSet.has(f.reviewerId)) problems.push(problem('unknown_id', { id: f.reviewerId }));
    else if (conflicted.has(pair(f.applicationId, f.reviewerId))) {
      problems.push(
        problem('fixed_pair_conflicted', { applicationId: f.applicationId, reviewerId: f.reviewerId }),
      );
    } else if (fixedPairs.has(pair(f.applicationId, f.reviewerId))) {
      problems.push(problem('duplicate_id', { id: `${f.applicationId}/${f.reviewerId}` }));
    }
    fixedPairs.add(pair(f.applicationId, f.reviewerId));
  }
  const fixedOf = (applicationId: string) => fixed.filter((f) => f.applicationId === applicationId).length;
  for (const applicationId of input.applicationIds) {
    if (fixedOf(applicationId) > k) problems.push(problem('too_many_fixed', { applicationId, needed: k }));
  }
  if (problems.length > 0) return { ok: false, problems };
  const eligible = (applicationId: string) =>
    input.reviewerIds.filter((r) => !conflicted.has(pair(applicationId, r)));
  for (const applicationId of input.applicationIds) {
    const count = eligible(applicationId).length;
    if (count < k)
      problems.push(problem('too_few_eligible_reviewers', { applicationId, eligible: count, needed: k }));
  }
  if (problems.length > 0) return { ok: false, problems };

  const key = (...parts: string[]) => sha256Hex(`${input.seed}\u0000${parts.join('\u0000')}`);
  const byKey = <T>(items: readonly T[], keyOf: (item: T) => string) =>
    items
      .map((item) => ({ item, k: keyOf(item) }))
      .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
      .map((x) => x.item);
  const applications = byKey(input.applicationIds, (a) => key('a', a));
  const reviewers = byKey(input.reviewerIds, (r) => key('r', r));
  const fixedLoad = new Map(reviewers.map((r) => [r, fixed.filter((f) => f.reviewerId === r).length]));
  const n = applications.length;
  const source = 0;
  const sink = 1 + n + reviewers.length;
  const flow = new Flow(sink + 1);
  const reviewerNode = new Map(reviewers.map((r, i) => [r, 1 + n + i]));
  applications.forEach((applicationId, i) => flow.edge(source, 1 + i, k - fixedOf(applicationId)));
  const pairEdges: { applicationId: string; reviewerId: string; edge: number }[] = [];
  applications.forEach((applicationId, i) => {
    for (const reviewerId of byKey(eligible(applicationId), (r) => key('p', applicationId, r))) {
      if (fixedPairs.has(pair(applicationId, reviewerId))) continue;
      pairEdges.push({
        applicationId,
        reviewerId,
        edge: flow.edge(1 + i, reviewerNode.get(reviewerId) as number, 1),
      });
    }
  });
  const sinkEdges = reviewers.map((r) => flow.edge(reviewerNode.get(r) as number, sink, 0));

  const needed = n * k - fixed.length;
  const total = n * k;
  const floor = reviewers.length === 0 ? 0 : Math.floor(total / reviewers.length);
  const ceil = reviewers.length === 0 ? 0 : Math.ceil(total / reviewers.length);
  /** Lets every reviewer reach a total load of `load` (fixed pairs included), and augments. */
  const raiseTo = (load: number) => {
    sinkEdges.forEach((e, i) => {
      const capacity = Math.max(0, load - (fixedLoad.get(reviewers[i]) as number));
      flow.cap[e] += capacity - (flow.cap[e] + flow.cap[e ^ 1]);
    });
    return flow.augment(source, sink);
  };
  let done = raiseTo(floor);
  const floorReached = reviewers.every(
    (r, i) => (fixedLoad.get(r) as number) + flow.cap[sinkEdges[i] ^ 1] >= floor,
  );
  for (let load = floor; done < needed; ) {
    load += 1;
    done += raiseTo(load);
  }
  const loads: Record<string, number> = {};
  reviewers.forEach((r, i) => (loads[r] = (fixedLoad.get(r) as number) + flow.cap[sinkEdges[i] ^ 1]));
  const chosen = new Set(
    pairEdges.filter((p) => flow.cap[p.edge] === 0).map((p) => pair(p.applicationId, p.reviewerId)),
  );
  const assignments: Assignment[] = [];
  for (const applicationId of applications) {
    for (const reviewerId of byKey(input.reviewerIds, (r) => key('p', applicationId, r))) {
      const id = pair(applicationId, reviewerId);
      if (fixedPairs.has(id) || chosen.has(id))
        assignments.push({ applicationId, reviewerId, fixed: fixedPairs.has(id) });
    }
  }
  const maxLoad = Math.max(0, ...Object.values(loads));
  return { ok: true, assignments, loads, balanced: floorReached && maxLoad <= ceil, maxLoad };
}
