import fc from 'fast-check';

/**
 * The in-memory model of bookings the model-based test checks Madang against: which request holds
 * which hours of which asset. Time is whole hours inside one sequence's window (0 … WINDOW_HOURS).
 */
export const WINDOW_HOURS = 6;

export type Slot = 'single' | 'open' | 'pool';
export type Who = 'residentA' | 'residentB';
export type Decision = 'pending' | 'approved' | 'rejected' | 'cancelled';

/** One set of assets a sequence books: a space that needs approval, one that does not, a pool. */
export const SLOTS: readonly Slot[] = ['single', 'open', 'pool'];
export const POOL_SIZE = 3;
export const NEEDS_APPROVAL: Readonly<Record<Slot, boolean>> = { single: true, open: false, pool: true };

export interface RequestSpec {
  who: Who;
  items: { slot: Slot; quantity: number }[];
  start: number;
  end: number;
}

export type Command =
  | { kind: 'create'; request: RequestSpec }
  | { kind: 'burst'; requests: RequestSpec[] }
  | { kind: 'approve' | 'reject' | 'cancel'; ref: number };

export interface ModelBooking {
  id: string;
  request: RequestSpec;
  decision: Decision;
}

export const holds = (d: Decision) => d === 'pending' || d === 'approved';

/**
 * Fair holding (issue 7): how many pending requests one person may have on an asset that needs
 * approval. The model's categories set it explicitly; a sequence never has more than 10 commands
 * of at most 6 requests, so it stays out of reach unless the API counts wrongly.
 */
export const MAX_PENDING_PER_PERSON = 100;

export class BookingModel {
  readonly bookings: ModelBooking[] = [];

  /** Why `request` cannot hold its hours next to the held bookings (plus `extra`), or undefined. */
  conflict(request: RequestSpec, extra: RequestSpec[] = []): string | undefined {
    const held = [...this.bookings.filter((b) => holds(b.decision)).map((b) => b.request), ...extra];
    for (const item of request.items) {
      for (let hour = request.start; hour < request.end; hour++) {
        const used = held
          .filter((r) => r.start <= hour && hour < r.end)
          .flatMap((r) => r.items.filter((i) => i.slot === item.slot))
          .reduce((sum, i) => sum + i.quantity, 0);
        const capacity = item.slot === 'pool' ? POOL_SIZE : 1;
        if (used + item.quantity > capacity)
          return `${item.slot} at hour ${hour}: ${used} held + ${item.quantity} > ${capacity}`;
      }
    }
    return undefined;
  }

  /** The person's pending requests on `slot` (only slots that need approval are capped). */
  pendingOn(who: Who, slot: Slot): number {
    return this.bookings.filter(
      (b) =>
        b.decision === 'pending' && b.request.who === who && b.request.items.some((i) => i.slot === slot),
    ).length;
  }

  /** Whether `request` would pass the person's pending cap on some asset that needs approval. */
  overPendingCap(request: RequestSpec, extra: RequestSpec[] = []): boolean {
    if (this.decisionOnCreate(request) !== 'pending') return false;
    return request.items.some((item) => {
      if (!NEEDS_APPROVAL[item.slot]) return false;
      const alsoPending = extra.filter(
        (r) =>
          r.who === request.who &&
          this.decisionOnCreate(r) === 'pending' &&
          r.items.some((i) => i.slot === item.slot),
      ).length;
      return this.pendingOn(request.who, item.slot) + alsoPending + 1 > MAX_PENDING_PER_PERSON;
    });
  }

  decisionOnCreate(request: RequestSpec): Decision {
    return request.items.some((i) => NEEDS_APPROVAL[i.slot]) ? 'pending' : 'approved';
  }

  /** The decision a transition leads to, or undefined when the state refuses it (409). */
  static after(kind: 'approve' | 'reject' | 'cancel', from: Decision): Decision | undefined {
    if (kind === 'cancel') return holds(from) ? 'cancelled' : undefined;
    if (from !== 'pending') return undefined;
    return kind === 'approve' ? 'approved' : 'rejected';
  }
}

// ── generators ─────────────────────────────────────────────────────────────

const requestSpec: fc.Arbitrary<RequestSpec> = fc
  .record({
    who: fc.constantFrom<Who>('residentA', 'residentB'),
    slots: fc.subarray([...SLOTS], { minLength: 1 }),
    quantity: fc.integer({ min: 1, max: POOL_SIZE }),
    start: fc.integer({ min: 0, max: WINDOW_HOURS - 1 }),
    hours: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ who, slots, quantity, start, hours }) => ({
    who,
    items: slots.map((slot) => ({ slot, quantity: slot === 'pool' ? quantity : 1 })),
    start,
    end: Math.min(WINDOW_HOURS, start + hours),
  }));

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: requestSpec.map((request) => ({ kind: 'create' as const, request })) },
  {
    weight: 2,
    arbitrary: fc
      .array(requestSpec, { minLength: 2, maxLength: 6 })
      .map((requests) => ({ kind: 'burst' as const, requests })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        kind: fc.constantFrom('approve' as const, 'reject' as const, 'cancel' as const),
        ref: fc.nat(20),
      })
      .map((c) => c),
  },
);

/** One sequence of commands; the seed of sequence i is `seed + i`, so any sequence replays alone. */
export const sequenceOf = (seed: number): Command[] =>
  fc.sample(fc.array(command, { minLength: 3, maxLength: 10 }), { seed, numRuns: 1 })[0];
