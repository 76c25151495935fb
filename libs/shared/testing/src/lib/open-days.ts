import type { MadangClient } from './http-client';

/** What a test needs of an asset's rules to pick a day it can be booked (`GET /api/assets/{id}`). */
export interface DayRules {
  timeZone: string;
  /** ISO weekday (1 = Monday) and wall-clock `HH:mm` times, as in RentalRules. */
  openingHours: { weekday: number; open: string; close: string }[];
  /** Closed local dates, `from` and `to` inclusive. */
  closures: { from: string; to: string }[];
}

export interface OpenDayOptions {
  /** Wall-clock time the asset must be open from (default 10:00). */
  from?: string;
  /** Wall-clock time it must stay open until (default 12:00). */
  to?: string;
  /** ISO weekdays (1 = Monday) allowed (default Monday–Friday). */
  weekdays?: number[];
  /** "Now" (default: the real clock). */
  now?: Date;
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of `at` on the wall clock of `timeZone`. */
export function localDateIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date `YYYY-MM-DD`. */
export function isoWeekdayOf(date: string): number {
  return ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The calendar date `days` after `date` (both `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whether a closure (a public holiday, say) covers the local date `YYYY-MM-DD`. */
export function isClosedOn(rules: Pick<DayRules, 'closures'>, date: string): boolean {
  return rules.closures.some((c) => c.from <= date && date <= c.to);
}

/**
 * The first local date at least `daysAhead` days from today (in the rules' zone) on which the asset
 * is open over `from`–`to` and no closure (a public holiday, say) covers it. Tests that book "some
 * weekday ahead" use it so that they do not fail on the day a run's date lands on a holiday.
 */
export function openDayAhead(rules: DayRules, daysAhead: number, options: OpenDayOptions = {}): string {
  const { from = '10:00', to = '12:00', weekdays = [1, 2, 3, 4, 5], now = new Date() } = options;
  const today = localDateIn(rules.timeZone, now);
  for (let offset = daysAhead; offset < daysAhead + 366; offset++) {
    const date = addDays(today, offset);
    const weekday = isoWeekdayOf(date);
    if (!weekdays.includes(weekday)) continue;
    if (isClosedOn(rules, date)) continue;
    const open = rules.openingHours.some((h) => h.weekday === weekday && h.open <= from && to <= h.close);
    if (open) return date;
  }
  throw new Error(`no open day within a year after ${daysAhead} days for ${from}–${to}`);
}

/** The zone's UTC offset (`+09:00`) on a local date, at noon. */
export function offsetOn(timeZone: string, date: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') ?? '';
  return offset === '' ? '+00:00' : offset;
}

/**
 * `hour`–`hour + hours` (local) on the first day at least `daysAhead` ahead on which the asset, as
 * `GET /api/assets/{id}` describes it, is open then — as ISO instants with the zone's offset.
 */
export async function openSlot(
  client: MadangClient,
  assetId: string,
  daysAhead: number,
  hour: number,
  hours = 1,
  options: Pick<OpenDayOptions, 'weekdays' | 'now'> = {},
): Promise<{ start: string; end: string }> {
  const asset = await client.get<{ rules: DayRules }>(`/api/assets/${assetId}`);
  if (asset.status !== 200) throw new Error(`asset ${assetId}: ${asset.status}`);
  const wall = (h: number) => `${String(h).padStart(2, '0')}:00`;
  const date = openDayAhead(asset.body.rules, daysAhead, {
    ...options,
    from: wall(hour),
    to: wall(hour + hours),
  });
  const offset = offsetOn(asset.body.rules.timeZone, date);
  return { start: `${date}T${wall(hour)}:00${offset}`, end: `${date}T${wall(hour + hours)}:00${offset}` };
}
