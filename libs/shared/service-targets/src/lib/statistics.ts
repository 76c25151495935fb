import { DateTime } from 'luxon';
import { zoneNamed } from '@madang/booking-rules';
import { toMillis, type InstantInput, type WorkingCalendar } from './calendar';
import { workingMillisBetween } from './working-time';

export interface ServiceRecord {
  receivedAt: InstantInput;
  /** The deadline stored when the request arrived (promises do not change afterwards). */
  deadline: InstantInput;
  respondedAt?: InstantInput | null;
}

export interface ServiceStatistics {
  count: number;
  responded: number;
  /** Answered by the deadline. */
  met: number;
  /** Answered after the deadline. */
  missed: number;
  /** Unanswered and past the deadline at `now`. */
  openLate: number;
  /** Unanswered, deadline not yet passed. */
  openOnTime: number;
  /** met / (met + missed + openLate): requests whose outcome is known; null when none. */
  onTimeShare: number | null;
  /** Median working minutes from receipt to answer, over answered requests; null when none. */
  medianResponseWorkingMinutes: number | null;
  /** Median elapsed (clock) minutes from receipt to answer; null when none. */
  medianResponseMinutes: number | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const MINUTE = 60_000;

/** Response statistics of a set of requests at `now`. */
export function responseStatistics(
  records: readonly ServiceRecord[],
  calendar: WorkingCalendar,
  now: InstantInput,
): ServiceStatistics {
  const at = toMillis(now);
  let met = 0;
  let missed = 0;
  let openLate = 0;
  let openOnTime = 0;
  const working: number[] = [];
  const elapsed: number[] = [];
  for (const record of records) {
    const received = toMillis(record.receivedAt);
    const deadline = toMillis(record.deadline);
    if (record.respondedAt !== undefined && record.respondedAt !== null) {
      const responded = toMillis(record.respondedAt);
      if (responded <= deadline) met += 1;
      else missed += 1;
      working.push(workingMillisBetween(received, responded, calendar) / MINUTE);
      elapsed.push(Math.max(0, responded - received) / MINUTE);
    } else if (at > deadline) openLate += 1;
    else openOnTime += 1;
  }
  const known = met + missed + openLate;
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    count: records.length,
    responded: met + missed,
    met,
    missed,
    openLate,
    openOnTime,
    onTimeShare: known === 0 ? null : met / known,
    medianResponseWorkingMinutes: round(median(working)),
    medianResponseMinutes: round(median(elapsed)),
  };
}

/** Statistics per local month of receipt (`yyyy-MM` in the calendar's zone), oldest first. */
export function monthlyStatistics(
  records: readonly ServiceRecord[],
  calendar: WorkingCalendar,
  now: InstantInput,
): { month: string; statistics: ServiceStatistics }[] {
  const byMonth = new Map<string, ServiceRecord[]>();
  for (const record of records) {
    const month = DateTime.fromMillis(toMillis(record.receivedAt), {
      zone: zoneNamed(calendar.timeZone),
    }).toFormat('yyyy-MM');
    byMonth.set(month, [...(byMonth.get(month) ?? []), record]);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, list]) => ({ month, statistics: responseStatistics(list, calendar, now) }));
}
