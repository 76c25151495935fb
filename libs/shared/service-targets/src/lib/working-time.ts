import { intervalsOn, localDay, toIso, toMillis, type InstantInput, type WorkingCalendar } from './calendar';

/** A search for working time gives up after this many days (a calendar of holidays only, say). */
export const MAX_SEARCH_DAYS = 3660;
const MINUTE = 60_000;

/** Working milliseconds in [from, to) (0 when `to` is not after `from`). */
export function workingMillisBetween(
  from: InstantInput,
  to: InstantInput,
  calendar: WorkingCalendar,
): number {
  const start = toMillis(from);
  const end = toMillis(to);
  if (end <= start) return 0;
  let total = 0;
  const last = localDay(calendar, end);
  for (let day = localDay(calendar, start); day <= last; day = day.plus({ days: 1 })) {
    for (const interval of intervalsOn(calendar, day)) {
      const overlap = Math.min(interval.end, end) - Math.max(interval.start, start);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** Whole working minutes in [from, to), rounded down. */
export function workingMinutesBetween(
  from: InstantInput,
  to: InstantInput,
  calendar: WorkingCalendar,
): number {
  return Math.floor(workingMillisBetween(from, to, calendar) / MINUTE);
}

/**
 * The earliest instant at which `minutes` of working time have passed since `from` (a request
 * received after hours starts counting at the next opening; a target that runs out exactly at
 * closing time ends at closing time, not at the next opening).
 */
export function addWorkingMinutes(from: InstantInput, minutes: number, calendar: WorkingCalendar): string {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`Working minutes must be ≥ 0: ${minutes}`);
  const start = toMillis(from);
  let remaining = minutes * MINUTE;
  if (remaining === 0) return toIso(start);
  let day = localDay(calendar, start);
  for (let i = 0; i < MAX_SEARCH_DAYS; i++, day = day.plus({ days: 1 })) {
    for (const interval of intervalsOn(calendar, day)) {
      if (interval.end <= start) continue;
      const from = Math.max(interval.start, start);
      const available = interval.end - from;
      if (remaining <= available) return toIso(from + remaining);
      remaining -= available;
    }
  }
  throw new RangeError(`No working time within ${MAX_SEARCH_DAYS} days; check the working calendar`);
}

/**
 * The close of the n-th working day after the day of `from` (n ≥ 1). With `includeReceiptDay`, the
 * day of `from` counts as the first when it is a working day and `from` is before its close.
 */
export function endOfWorkingDay(
  from: InstantInput,
  n: number,
  calendar: WorkingCalendar,
  includeReceiptDay = false,
): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Working days must be a whole number ≥ 1: ${n}`);
  const start = toMillis(from);
  let counted = 0;
  let day = localDay(calendar, start);
  for (let i = 0; i < MAX_SEARCH_DAYS; i++, day = day.plus({ days: 1 })) {
    const intervals = intervalsOn(calendar, day);
    if (intervals.length === 0) continue;
    const close = intervals[intervals.length - 1].end;
    if (i === 0 && !(includeReceiptDay && start < close)) continue;
    counted += 1;
    if (counted === n) return toIso(close);
  }
  throw new RangeError(`No working day within ${MAX_SEARCH_DAYS} days; check the working calendar`);
}
