import type { Decision, PaymentKind, PaymentStatus, Quote } from '@madang/contracts';

/** The booking facts the money axis depends on. */
export interface BookingMoney {
  decision: Decision;
  status: PaymentStatus;
  quote: Pick<Quote, 'subtotal' | 'waived' | 'deposit'>;
  cancellationFee: number;
}

export interface MoneyMove {
  kind: PaymentKind;
  amount: number;
}

/** Why a payment cannot be recorded on this booking (409 `state_conflict` with this reason). */
export type PaymentRefusal =
  | 'waived'
  | 'not_approved'
  | 'not_cancelled_with_fee'
  | 'more_than_deposit_held'
  | 'more_than_fees_received';

/**
 * The money axis after one more payment (pure): fees and deposits move it to `paid` once what is
 * due is in (`invoiced` while partly paid); money paid back (a refund or the deposit returned)
 * moves it to `refunded`; a deposit kept leaves it as it was. A waived booking takes no payment.
 */
export function paymentStatusAfter(
  booking: BookingMoney,
  earlier: readonly MoneyMove[],
  next: MoneyMove,
): { status: PaymentStatus } | { refused: PaymentRefusal } {
  if (booking.status === 'waived') return { refused: 'waived' };
  const moves = [...earlier, next];
  const sum = (...kinds: PaymentKind[]) =>
    moves.filter((m) => kinds.includes(m.kind)).reduce((s, m) => s + m.amount, 0);
  const depositHeld = sum('deposit') - sum('deposit_return', 'deposit_kept');
  const feesIn = sum('fee', 'cancellation_fee') - sum('refund');
  switch (next.kind) {
    case 'fee':
    case 'deposit':
      if (booking.decision !== 'approved') return { refused: 'not_approved' };
      break;
    case 'cancellation_fee':
      if (booking.decision !== 'cancelled' || booking.cancellationFee <= 0)
        return { refused: 'not_cancelled_with_fee' };
      break;
    case 'deposit_return':
    case 'deposit_kept':
      if (depositHeld < 0) return { refused: 'more_than_deposit_held' };
      break;
    case 'refund':
      if (feesIn < 0) return { refused: 'more_than_fees_received' };
      break;
  }
  if (next.kind === 'refund' || next.kind === 'deposit_return') return { status: 'refunded' };
  if (next.kind === 'deposit_kept') return { status: booking.status };
  const cancelled = booking.decision === 'cancelled';
  const feesDue = cancelled ? booking.cancellationFee : booking.quote.subtotal - booking.quote.waived;
  const depositDue = cancelled ? 0 : booking.quote.deposit;
  return { status: feesIn >= feesDue && depositHeld >= depositDue ? 'paid' : 'invoiced' };
}
