import type { BookingKind, Decision, PaymentStatus } from '@madang/contracts';
import type { BookingNotice } from './booking-notices';
import type { BookingChange } from './bookings.repository';

/** A decision on a booking, with who made it and the facts it needs. */
export type Transition =
  | { kind: 'approve'; by: string; reason: string | null }
  | { kind: 'reject'; by: string; reason: string }
  | { kind: 'cancel'; by: string; reason: string | null; fee: number }
  /** Staff end a block (out of service, residency, …): its slot is released, nobody is told. */
  | { kind: 'release'; by: string; reason: string | null };

/**
 * From which decisions each transition may start, which kind of booking it applies to, what it is
 * audited as and what it tells the requester (null: nothing).
 */
export const TRANSITION_RULES: {
  readonly [K in Transition['kind']]: {
    readonly from: readonly Decision[];
    readonly kind: BookingKind;
    readonly action: string;
    readonly notice: BookingNotice | null;
  };
} = {
  approve: { from: ['pending'], kind: 'request', action: 'booking.approved', notice: 'booking.approved' },
  reject: { from: ['pending'], kind: 'request', action: 'booking.rejected', notice: 'booking.rejected' },
  cancel: {
    from: ['pending', 'approved'],
    kind: 'request',
    action: 'booking.cancelled',
    notice: 'booking.cancelled',
  },
  release: { from: ['approved'], kind: 'block', action: 'booking.block_released', notice: null },
};

export function mayStart(transition: Transition, from: Decision, kind: BookingKind = 'request'): boolean {
  const rule = TRANSITION_RULES[transition.kind];
  return rule.kind === kind && rule.from.includes(from);
}

/**
 * The columns a transition writes. Approving re-claims the slot (holds_slot = true), so the database
 * re-checks it inside the same transaction; rejecting and cancelling release it. A cancellation fee
 * invoices the booking; a free cancellation leaves the payment as it was.
 */
export function changeFor(
  transition: Transition,
  before: { paymentStatus: PaymentStatus },
  at: Date,
): BookingChange {
  switch (transition.kind) {
    case 'approve':
      return {
        decision: 'approved',
        holdsSlot: true,
        decidedBy: transition.by,
        decidedAt: at,
        decisionReason: transition.reason,
      };
    case 'reject':
      return {
        decision: 'rejected',
        holdsSlot: false,
        decidedBy: transition.by,
        decidedAt: at,
        decisionReason: transition.reason,
      };
    case 'release':
      return {
        decision: 'cancelled',
        holdsSlot: false,
        cancelledBy: transition.by,
        cancelledAt: at,
        cancelReason: transition.reason,
      };
    case 'cancel':
      return {
        decision: 'cancelled',
        holdsSlot: false,
        cancelledBy: transition.by,
        cancelledAt: at,
        cancelReason: transition.reason,
        cancellationFee: transition.fee,
        paymentStatus: transition.fee > 0 ? 'invoiced' : before.paymentStatus,
      };
    default: {
      const unreachable: never = transition;
      return unreachable;
    }
  }
}
