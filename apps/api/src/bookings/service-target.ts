import { DateTime } from 'luxon';
import { zoneNamed } from '@madang/booking-rules';

/** The approval service target: simple requests within one working day (Mon–Fri, 09:00–18:00 local). */
export const SERVICE_TARGET_WORKING_MINUTES = 9 * 60;
const DAY_START = 9 * 60;
const DAY_END = 18 * 60;

/** Working minutes between two instants in a time zone (weekends excluded; public holidays are not known here). */
export function workingMinutesBetween(from: Date, to: Date, timeZone: string): number {
  if (to <= from) return 0;
  let total = 0;
  const end = DateTime.fromJSDate(to, { zone: zoneNamed(timeZone) });
  for (
    let day = DateTime.fromJSDate(from, { zone: zoneNamed(timeZone) }).startOf('day');
    day <= end;
    day = day.plus({ days: 1 })
  ) {
    if (day.weekday > 5) continue;
    const open = day.plus({ minutes: DAY_START });
    const close = day.plus({ minutes: DAY_END });
    const start = DateTime.max(open, DateTime.fromJSDate(from, { zone: zoneNamed(timeZone) }));
    const stop = DateTime.min(close, end);
    if (stop > start) total += stop.diff(start, 'minutes').minutes;
  }
  return Math.floor(total);
}
