import { DateTime } from 'luxon';

export const SETTLEMENT_ZONE = 'Asia/Seoul';

/** Today's date on the centre's calendar (Asia/Seoul), as `YYYY-MM-DD`. */
export function seoulToday(now: Date = new Date()): string {
  return DateTime.fromJSDate(now).setZone(SETTLEMENT_ZONE).toISODate() as string;
}

/** Whole days from `from` to `to` (dates), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `YYYY-MM` → first and last day of that month. */
export function monthRange(month: string): { from: string; to: string } {
  const start = DateTime.fromISO(`${month}-01`, { zone: 'utc' });
  return { from: start.toISODate() as string, to: start.endOf('month').toISODate() as string };
}
