import type { Decision, PaymentStatus } from '@madang/contracts';
import type { BookingNotice } from './booking-notices';
import type { BookingChange } from './bookings.repository';

/** A decision on a booking, with who made it and the facts it needs. */
export type Transition =
  | { kind: 'approve'; by: string; reason: string | null }
  | { kind: 'reject'; by: string; reason: string }
  | { kind: 'cancel'; by: string; reason: string | null; fee: number };

/** From which decisions each transition may start, and what it tells the requester. */
export const TRANSITION_RULES: {
  readonly [K in Transition['kind']]: { readonly from: readonly Decision[]; readonly notice: BookingNotice };
} = {
  approve: { from: ['pending'], notice: 'booking.approved' },
  reject: { from: ['pending'], notice: 'booking.rejected' },
  cancel: { from: ['pending', 'approved'], notice: 'booking.cancelled' },
};

export function mayStart(transition: Transition, from: Decision): boolean {
  return TRANSITION_RULES[transition.kind].from.includes(from);
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
