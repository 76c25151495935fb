import { sha256Hex } from './sha256';

export interface AssignmentInput {
  applicationIds: readonly string[];
  reviewerIds: readonly string[];
  /** Reviewers per application. */
  reviewersPerApplication: number;
  /** Pairs that must never be assigned (conflicts of interest, declared or detected). */
  conflicts: readonly { reviewerId: string; applicationId: string }[];
  /** Makes the choice among equally good assignments reproducible; another seed, another assignment. */
  seed: string;
}

export type AssignmentResult =
  | {
      ok: true;
      assignments: { applicationId: string; reviewerId: string }[];
      loads: Record<string, number>;
      /** True when every reviewer's load is ⌊N·k/R⌋ or ⌈N·k/R⌉; false when conflicts make that impossible. */
      balanced: boolean;
      /** The largest load; when not balanced it is the smallest largest load possible. */
      maxLoad: number;
    }
  | {
      ok: false;
      problems: AssignmentProblem[];
    };

export type AssignmentProblem =
  | { code: 'invalid_k' }
  | { code: 'duplicate_id'; id: string }
  | { code: 'too_few_eligible_reviewers'; applicationId: string; eligible: number; needed: number };

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
 * Assigns k reviewers to every application, never a conflicted pair, with loads as even as the
 * conflicts allow: first every reviewer up to ⌊N·k/R⌋, then up to ⌈N·k/R⌉ (augmenting paths never
 * lower a reviewer's load, so the floor is kept), then — only if conflicts demand — one more at a
 * time, which yields the smallest possible largest load. Impossible only when an application has
 * fewer than k eligible reviewers; those are listed. Deterministic for a seed and independent of
 * input order.
 */
export function assignReviewers(input: AssignmentInput): AssignmentResult {
  const k = input.reviewersPerApplication;
  const problems: AssignmentProblem[] = [];
  if (!Number.isInteger(k) || k < 1) problems.push({ code: 'invalid_k' });
  for (const ids of [input.applicationIds, input.reviewerIds]) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push({ code: 'duplicate_id', id });
      seen.add(id);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const conflicted = new Set(input.conflicts.map((c) => `${c.applicationId}\u0000${c.reviewerId}`));
  const eligible = (applicationId: string) =>
    input.reviewerIds.filter((r) => !conflicted.has(`${applicationId}\u0000${r}`));
  for (const applicationId of input.applicationIds) {
    const count = eligible(applicationId).length;
    if (count < k)
      problems.push({ code: 'too_few_eligible_reviewers', applicationId, eligible: count, needed: k });
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
  const n = applications.length;
  const source = 0;
  const sink = 1 + n + reviewers.length;
  const flow = new Flow(sink + 1);
  const reviewerNode = new Map(reviewers.map((r, i) => [r, 1 + n + i]));
  for (let i = 0; i < n; i++) flow.edge(source, 1 + i, k);
  const pairEdges: { applicationId: string; reviewerId: string; edge: number }[] = [];
  applications.forEach((applicationId, i) => {
    for (const reviewerId of byKey(eligible(applicationId), (r) => key('p', applicationId, r))) {
      pairEdges.push({
        applicationId,
        reviewerId,
        edge: flow.edge(1 + i, reviewerNode.get(reviewerId) as number, 1),
      });
    }
  });
  const sinkEdges = reviewers.map((r) => flow.edge(reviewerNode.get(r) as number, sink, 0));

  const needed = n * k;
  const floor = reviewers.length === 0 ? 0 : Math.floor(needed / reviewers.length);
  const raiseTo = (cap: number) => {
    for (const e of sinkEdges) flow.cap[e] += cap - (flow.cap[e] + flow.cap[e ^ 1]);
    return flow.augment(source, sink);
  };
  let done = raiseTo(floor);
  const floorReached = done === floor * reviewers.length;
  let maxLoad = floor;
  while (done < needed) {
    maxLoad += 1;
    done += raiseTo(maxLoad);
  }
  const loads: Record<string, number> = {};
  reviewers.forEach((r, i) => (loads[r] = flow.cap[sinkEdges[i] ^ 1]));
  const assignments = pairEdges
    .filter((p) => flow.cap[p.edge] === 0)
    .map(({ applicationId, reviewerId }) => ({ applicationId, reviewerId }));
  const actualMax = Math.max(0, ...Object.values(loads));
  return {
    ok: true,
    assignments,
    loads,
    balanced: floorReached && actualMax <= Math.ceil(needed / Math.max(1, reviewers.length)),
    maxLoad: actualMax,
  };
}
