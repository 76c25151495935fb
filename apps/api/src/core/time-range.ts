import { ENGINE_MAX_SPAN_DAYS } from '@madang/booking-rules';
import { DomainError } from './domain-error';

/**
 * Bounded work per request: every time range a client sends has a maximum span per operation,
 * chosen from what a person could mean. Beyond it the answer is 422 `range_too_long` naming the
 * field, before anything walks the range.
 */
export const MAX_SPAN_DAYS = {
  /** A quote or a booking (the asset's own maximum duration is checked by the rules engine). */
  booking: ENGINE_MAX_SPAN_DAYS,
  /** "Which assets are free from … to …" (GET /api/assets freeFrom/freeTo). */
  freeSearch: 31,
  /** Free/busy calendars (GET /api/availability): a month view with its leading and trailing weeks. */
  availability: 62,
  /** Filters of lists (bookings, audit). */
  list: 366,
} as const;

const DAY_MS = 86_400_000;

/** Throws 422 range_too_long on `field` when [from, to) spans more than `maxDays` days. */
export function assertSpan(
  from: string | undefined,
  to: string | undefined,
  field: string,
  maxDays: number,
): void {
  if (from === undefined || to === undefined) return;
  const span = Date.parse(to) - Date.parse(from);
  if (!(span > maxDays * DAY_MS)) return;
  throw new DomainError('range_too_long', { maxDays }, {}, [
    { field, code: 'span_too_long', params: { days: maxDays } },
  ]);
}
