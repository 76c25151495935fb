import { mulDivRoundHalfUp } from './money';
import { parseInstant } from './time';
import type { CancellationPolicy } from './types';
import { makeViolation, type Violation } from './violations';

export interface CancellationInput {
  now: string;
  /** Booking start, ISO with offset. */
  start: string;
  /**
   * The amount the fee percentage is taken of: the booking's rental fee after waivers
   * (`quote.subtotal - quote.waived` of the snapshot). The refundable deposit is not part of it.
   */
  quoteTotal: number;
  rules: { cancellation: CancellationPolicy };
}

export type CancellationDecision =
  | { allowed: true; fee: number; free: boolean; freeUntil: string }
  | { allowed: false; violation: Violation };

/**
 * Before the start a booking may always be cancelled. It is free while `now` is earlier than
 * `freeUntilHoursBefore` elapsed hours before the start; from that instant on the fee is
 * `feePercent` of `quoteTotal`, rounded half up to the won. From the start on it is refused
 * (`cancel_after_start`).
 */
export function evaluateCancellation(input: CancellationInput): CancellationDecision {
  const now = parseInstant(input.now);
  const start = parseInstant(input.start);
  if (!now || !start)
    throw new RangeError('evaluateCancellation: `now` and `start` must be ISO instants with an offset');
  if (now.toMillis() >= start.toMillis()) {
    return { allowed: false, violation: makeViolation('cancel_after_start', { start: input.start }) };
  }
  const { freeUntilHoursBefore, feePercent } = input.rules.cancellation;
  const deadline = start.minus({ milliseconds: Math.round(freeUntilHoursBefore * 3_600_000) });
  const freeUntil = deadline.toUTC().toISO() ?? '';
  if (now.toMillis() < deadline.toMillis()) return { allowed: true, fee: 0, free: true, freeUntil };
  const fee = mulDivRoundHalfUp([Math.max(0, input.quoteTotal), feePercent], 100);
  return { allowed: true, fee, free: fee === 0, freeUntil };
}
