import { DateTime, IANAZone, type Zone } from 'luxon';
import type { IsoWeekday, LocalDate, RentalRules, WallTime } from './types';

const REMEMBERED_OFFSETS = 20_000;

/**
 * An IANA zone that remembers its UTC offsets. luxon asks Intl for the offset (formatToParts, some
 * microseconds each) on nearly every operation, and evaluations keep returning to the same few
 * instants (midnights, opening times). luxon computes the offset from the instant floored to the
 * second, so remembering it per second gives exactly the same answers.
 */
class RememberingZone extends IANAZone {
  readonly #offsets = new Map<number, number>();

  override offset(ts: number): number {
    const second = Math.floor(ts / 1000);
    let offset = this.#offsets.get(second);
    if (offset === undefined) {
      offset = super.offset(ts);
      if (this.#offsets.size >= REMEMBERED_OFFSETS) this.#offsets.clear();
      this.#offsets.set(second, offset);
    }
    return offset;
  }
}

const zones = new Map<string, Zone>();

/**
 * The luxon zone for an IANA name, shared and fast; use it wherever a zone is passed to luxon.
 * An unknown name gives luxon's invalid zone, so `isValid` checks behave as with the plain name.
 */
export function zoneNamed(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    if (!IANAZone.isValidZone(timeZone)) return IANAZone.create(timeZone);
    zone = new RememberingZone(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

/** Half-open interval of epoch milliseconds. */
export interface Span {
  start: number;
  end: number;
}

const EXPLICIT_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * Parses an ISO 8601 instant. An explicit offset (or Z) is required: without one the instant would
 * depend on the machine's zone, and the API and the browser would disagree.
 */
export function parseInstant(iso: string): DateTime | null {
  if (typeof iso !== 'string' || !EXPLICIT_OFFSET.test(iso.trim())) return null;
  const dt = DateTime.fromISO(iso.trim(), { setZone: true });
  return dt.isValid ? dt : null;
}

/** The instant in the rules' zone; an unknown zone is a configuration error (see validateRules). */
export function inZone(dt: DateTime, timeZone: string): DateTime {
  const zoned = dt.setZone(zoneNamed(timeZone));
  if (!zoned.isValid) throw new RangeError(`Unknown time zone in rental rules: ${timeZone}`);
  return zoned;
}

export function isValidTimeZone(timeZone: string): boolean {
  return typeof timeZone === 'string' && DateTime.now().setZone(zoneNamed(timeZone)).isValid;
}

/** `HH:mm` → minutes after midnight; `24:00` (→ 1440) only when `allowEndOfDay`. */
export function parseWallTime(value: WallTime, allowEndOfDay = false): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value ?? '');
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (h === 24 && m === 0) return allowEndOfDay ? 1440 : null;
  if (h > 23 || m > 59) return null;
  return h * 60 + m;
}

export function formatWallTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function isValidLocalDate(value: LocalDate): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value ?? '') && DateTime.fromISO(value).isValid;
}

/** ISO weekday of a local DateTime (1 = Monday). */
export function isoWeekday(local: DateTime): IsoWeekday {
  return local.weekday as IsoWeekday;
}

/** Wall-clock minutes since local midnight (what a person reads on the clock). */
export function wallClockMinutes(local: DateTime): number {
  return local.hour * 60 + local.minute;
}

/**
 * The instant at `minutes` wall-clock minutes into the local `day` (a start-of-day DateTime).
 * 1440 is the next local midnight. A time skipped by a DST jump moves forward (luxon's rule).
 */
export function atWallClock(day: DateTime, minutes: number): DateTime {
  if (minutes >= 1440) return day.plus({ days: 1 }).startOf('day');
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
    { zone: day.zone },
  );
}

/**
 * The most local days any walk over a range takes. Callers bound their ranges far below this (the
 * engine evaluates at most ENGINE_MAX_SPAN_DAYS); this is the last line, so that no input can make
 * a walk run for minutes on the event loop.
 */
export const MAX_DAYS_WALKED = 400;

/** Start-of-day of every local calendar day that [start, end) overlaps (end exclusive), at most MAX_DAYS_WALKED. */
export function localDaysTouched(start: DateTime, end: DateTime, timeZone: string): DateTime[] {
  const days: DateTime[] = [];
  const last = inZone(end, timeZone).minus({ milliseconds: 1 }).startOf('day');
  let day = inZone(start, timeZone).startOf('day');
  while (day <= last && days.length < MAX_DAYS_WALKED) {
    days.push(day);
    day = day.plus({ days: 1 }).startOf('day');
  }
  return days;
}

/** Opening spans of one local day (start-of-day DateTime), unmerged. Bad entries are ignored. */
export function openSpansOfDay(day: DateTime, rules: RentalRules): Span[] {
  const spans: Span[] = [];
  for (const entry of rules.openingHours) {
    if (entry.weekday !== isoWeekday(day)) continue;
    const open = parseWallTime(entry.open);
    const close = parseWallTime(entry.close, true);
    if (open === null || close === null || close <= open) continue;
    const start = atWallClock(day, open).toMillis();
    const end = atWallClock(day, close).toMillis();
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/** Sorts and merges touching or overlapping spans. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * The opening hours of a local date as instants, merged, for calendars and slot pickers.
 * Returns [] when the date is closed by opening hours or by a closure.
 */
export function openingIntervalsOn(date: LocalDate, rules: RentalRules): { start: string; end: string }[] {
  if (!isValidLocalDate(date)) return [];
  if (rules.closures.some((c) => c.from <= date && date <= c.to)) return [];
  const day = DateTime.fromISO(date, { zone: zoneNamed(rules.timeZone) }).startOf('day');
  if (!day.isValid) return [];
  return mergeSpans(openSpansOfDay(day, rules)).map((s) => ({
    start: DateTime.fromMillis(s.start, { zone: zoneNamed(rules.timeZone) }).toISO() ?? '',
    end: DateTime.fromMillis(s.end, { zone: zoneNamed(rules.timeZone) }).toISO() ?? '',
  }));
}

/**
 * Turns a local date and wall-clock time into an ISO instant with offset, for building requests in
 * the web app. Returns null when the wall-clock time does not exist that day (skipped by a DST
 * jump) or the input is malformed. An ambiguous time (repeated hour) resolves as luxon does.
 */
export function wallClockToIso(date: LocalDate, time: WallTime, timeZone: string): string | null {
  const minutes = parseWallTime(time, true);
  if (minutes === null || !isValidLocalDate(date) || !isValidTimeZone(timeZone)) return null;
  const day = DateTime.fromISO(date, { zone: zoneNamed(timeZone) }).startOf('day');
  const dt = atWallClock(day, minutes);
  if (minutes < 1440 && wallClockMinutes(dt) !== minutes) return null;
  return dt.toISO();
}

/**
 * The range the booking really blocks, buffers included — what the API stores in the exclusion
 * constraint. Buffers are elapsed minutes. Returned as UTC ISO strings.
 */
export function bufferedRange(
  start: string,
  end: string,
  rules: Pick<RentalRules, 'bufferBeforeMinutes' | 'bufferAfterMinutes'>,
): { start: string; end: string } {
  const s = parseInstant(start);
  const e = parseInstant(end);
  if (!s || !e) throw new RangeError('bufferedRange needs ISO instants with an offset');
  return {
    start: s.toUTC().minus({ minutes: rules.bufferBeforeMinutes }).toISO() ?? '',
    end: e.toUTC().plus({ minutes: rules.bufferAfterMinutes }).toISO() ?? '',
  };
}
