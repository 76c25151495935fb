import { DateTime } from 'luxon';
import { RRule, type Options, Weekday } from 'rrule';
import { zoneNamed } from '@madang/booking-rules';
import {
  addDays,
  daysBetween,
  floating,
  formatLocalDate,
  isKnownZone,
  parseLocalDate,
  parseWallClock,
  partsOfFloating,
  type DateParts,
} from './local';
import { seriesProblem, type SeriesProblem } from './problems';
import {
  DEFAULT_SERIES_LIMITS,
  type IsoWeekday,
  type Occurrence,
  type SeriesDefinition,
  type SeriesLimits,
  type SeriesPattern,
} from './types';

export const MAX_INTERVAL = 52;
const ORDINALS: readonly number[] = [1, 2, 3, 4, 5, -1];

export type SeriesResult<T> = ({ ok: true } & T) | { ok: false; problems: SeriesProblem[] };

const isWholeIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

const isIsoWeekday = (value: unknown): value is IsoWeekday => isWholeIn(value, 1, 7);

/** Every mistake in a definition (empty when it can be expanded). Does not expand. */
export function validateSeries(
  definition: SeriesDefinition,
  limits: SeriesLimits = DEFAULT_SERIES_LIMITS,
): SeriesProblem[] {
  const problems: SeriesProblem[] = [];
  if (!isKnownZone(definition.timeZone)) {
    problems.push(seriesProblem('invalid_time_zone', 'timeZone', { value: String(definition.timeZone) }));
  }
  const start = parseLocalDate(definition.startDate);
  if (!start) problems.push(seriesProblem('invalid_start_date', 'startDate'));
  if (!parseWallClock(definition.startTime)) problems.push(seriesProblem('invalid_start_time', 'startTime'));
  const days = definition.duration?.days ?? 0;
  const minutes = definition.duration?.minutes ?? 0;
  if (!isWholeIn(days, 0, 366) || !isWholeIn(minutes, 0, 366 * 1440) || days + minutes === 0) {
    problems.push(seriesProblem('invalid_duration', 'duration'));
  }
  const pattern = definition.pattern;
  if (!isWholeIn(pattern?.interval, 1, MAX_INTERVAL)) {
    problems.push(seriesProblem('invalid_interval', 'pattern.interval', { max: MAX_INTERVAL }));
  }
  switch (pattern?.kind) {
    case 'weekly': {
      const weekdays = Array.isArray(pattern.weekdays) ? pattern.weekdays : [];
      if (
        weekdays.length === 0 ||
        !weekdays.every(isIsoWeekday) ||
        new Set(weekdays).size !== weekdays.length
      ) {
        problems.push(seriesProblem('invalid_weekdays', 'pattern.weekdays'));
      }
      break;
    }
    case 'monthly-by-date':
      if (!(isWholeIn(pattern.dayOfMonth, 1, 31) || pattern.dayOfMonth === -1)) {
        problems.push(seriesProblem('invalid_day_of_month', 'pattern.dayOfMonth'));
      }
      break;
    case 'monthly-by-weekday':
      if (!isIsoWeekday(pattern.weekday)) problems.push(seriesProblem('invalid_weekdays', 'pattern.weekday'));
      if (!ORDINALS.includes(pattern.ordinal))
        problems.push(seriesProblem('invalid_ordinal', 'pattern.ordinal'));
      break;
    default:
      problems.push(
        seriesProblem('rrule_unsupported', 'pattern.kind', {
          detail: String((pattern as { kind?: unknown } | undefined)?.kind),
        }),
      );
  }
  const end = definition.end;
  if (end?.kind === 'count') {
    if (!isWholeIn(end.count, 1, limits.maxOccurrences)) {
      problems.push(seriesProblem('invalid_count', 'end.count', { max: limits.maxOccurrences }));
    }
  } else if (end?.kind === 'until') {
    const until = parseLocalDate(end.until);
    if (!until) problems.push(seriesProblem('invalid_until', 'end.until'));
    else if (start && daysBetween(start, until) < 0)
      problems.push(seriesProblem('until_before_start', 'end.until'));
    else if (start && daysBetween(start, until) > limits.maxSpanDays) {
      problems.push(seriesProblem('span_too_long', 'end.until', { max: limits.maxSpanDays }));
    }
  } else {
    problems.push(seriesProblem('invalid_until', 'end'));
  }
  return problems;
}

const toRRuleWeekday = (weekday: IsoWeekday): Weekday => new Weekday(weekday - 1);

/** rrule options computing on floating dates (the local wall clock kept in UTC fields). */
export function rruleOptions(definition: SeriesDefinition): Partial<Options> {
  const start = parseLocalDate(definition.startDate) as DateParts;
  const time = parseWallClock(definition.startTime) as { hour: number; minute: number };
  const { pattern, end } = definition;
  const options: Partial<Options> = {
    dtstart: floating(start, time.hour, time.minute),
    interval: pattern.interval,
    wkst: RRule.MO,
  };
  if (pattern.kind === 'weekly') {
    options.freq = RRule.WEEKLY;
    options.byweekday = [...pattern.weekdays].sort((a, b) => a - b).map(toRRuleWeekday);
  } else if (pattern.kind === 'monthly-by-date') {
    options.freq = RRule.MONTHLY;
    options.bymonthday = [pattern.dayOfMonth];
  } else {
    options.freq = RRule.MONTHLY;
    options.byweekday = [toRRuleWeekday(pattern.weekday).nth(pattern.ordinal)];
  }
  if (end.kind === 'count') options.count = end.count;
  else options.until = floating(parseLocalDate(end.until) as DateParts, 23, 59, 59);
  return options;
}

/** `yyyy-MM-ddTHH:mm` of a luxon instant in its zone. */
const wallClock = (dt: DateTime): string => dt.toFormat("yyyy-MM-dd'T'HH:mm");

const SIX_HOURS = 6 * 3_600_000;

/**
 * A wall-clock time in a zone as RFC 5545 reads it: a time that occurs twice (DST fall-back) is
 * the first of the two; a time that does not exist (DST gap) is moved forward by the gap (luxon).
 */
export function localToInstant(
  date: DateParts,
  time: { hour: number; minute: number },
  timeZone: string,
): DateTime {
  const zone = zoneNamed(timeZone);
  const guess = DateTime.fromObject({ ...date, ...time }, { zone });
  const wall = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  const offsets = new Set([
    zone.offset(guess.toMillis() - SIX_HOURS),
    guess.offset,
    zone.offset(guess.toMillis() + SIX_HOURS),
  ]);
  const readings = [...offsets]
    .map((offset) => wall - offset * 60_000)
    .filter((ts) => zone.offset(ts) === (wall - ts) / 60_000);
  return readings.length === 0 ? guess : DateTime.fromMillis(Math.min(...readings), { zone });
}

/** One occurrence on a local date, converted to UTC instants in the series' zone. */
export function occurrenceOn(definition: SeriesDefinition, date: DateParts, index: number): Occurrence {
  const time = parseWallClock(definition.startTime) as { hour: number; minute: number };
  const start = localToInstant(date, time, definition.timeZone);
  const end = start
    .plus({ days: definition.duration.days ?? 0 })
    .plus({ minutes: definition.duration.minutes ?? 0 });
  return {
    key: formatLocalDate(date),
    index,
    start: start.toUTC().toISO({ suppressMilliseconds: false }) as string,
    end: end.toUTC().toISO({ suppressMilliseconds: false }) as string,
    localStart: wallClock(start),
    localEnd: wallClock(end),
    startShifted: start.hour !== time.hour || start.minute !== time.minute || start.day !== date.day,
  };
}

/** The date of a monthly pattern in one month, or null when that month has none (e.g. no 31st, no 5th Tuesday). */
function monthlyDate(pattern: SeriesPattern, year: number, month: number): DateParts | null {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (pattern.kind === 'monthly-by-date') {
    const day = pattern.dayOfMonth === -1 ? days : pattern.dayOfMonth;
    return day <= days ? { year, month, day } : null;
  }
  if (pattern.kind !== 'monthly-by-weekday') return null;
  const isoOf = (day: number) => ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  const day =
    pattern.ordinal === -1
      ? days - ((isoOf(days) - pattern.weekday + 7) % 7)
      : 1 + ((pattern.weekday - isoOf(1) + 7) % 7) + 7 * (pattern.ordinal - 1);
  return day <= days ? { year, month, day } : null;
}

/**
 * Whether a monthly pattern has a date between the start and the span limit. rrule searches months
 * without a match up to the year 9999 (a 31st every 12 months from April never comes), so such a
 * pattern is answered here instead.
 */
function monthlyMatchWithin(definition: SeriesDefinition, start: DateParts, limits: SeriesLimits): boolean {
  const last = addDays(start, limits.maxSpanDays);
  const key = (d: DateParts) => d.year * 10_000 + d.month * 100 + d.day;
  for (let step = 0; ; step += definition.pattern.interval) {
    const index = start.year * 12 + (start.month - 1) + step;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    if (year * 100 + month > last.year * 100 + last.month) return false;
    const date = monthlyDate(definition.pattern, year, month);
    if (date && key(date) >= key(start) && key(date) <= key(last)) return true;
  }
}

/**
 * Expands a series on local wall-clock dates in its zone (rrule on floating dates) and converts
 * each occurrence to UTC with luxon. Refuses, rather than truncates, a series over the limits.
 */
export function expandSeries(
  definition: SeriesDefinition,
  limits: SeriesLimits = DEFAULT_SERIES_LIMITS,
): SeriesResult<{ occurrences: Occurrence[] }> {
  const problems = validateSeries(definition, limits);
  if (problems.length > 0) return { ok: false, problems };
  const start = parseLocalDate(definition.startDate) as DateParts;
  const lastAllowed = floating(addDays(start, limits.maxSpanDays), 23, 59, 59);
  if (definition.pattern.kind !== 'weekly' && !monthlyMatchWithin(definition, start, limits)) {
    return { ok: false, problems: [seriesProblem('no_occurrences', 'pattern')] };
  }
  // rrule stops at whichever comes first, COUNT or UNTIL; bounding a counted series by the span
  // keeps a pattern that rarely or never matches from being searched up to the year 9999.
  const options = {
    ...rruleOptions(definition),
    ...(definition.end.kind === 'count' ? { until: lastAllowed } : {}),
  };
  let tooMany = false;
  const dates = new RRule(options).all((_date, i) => {
    tooMany = i >= limits.maxOccurrences;
    return !tooMany;
  });
  if (tooMany) {
    return {
      ok: false,
      problems: [seriesProblem('too_many_occurrences', 'end', { max: limits.maxOccurrences })],
    };
  }
  if (dates.length > 0 && definition.end.kind === 'count' && dates.length < definition.end.count) {
    return { ok: false, problems: [seriesProblem('span_too_long', 'end', { max: limits.maxSpanDays })] };
  }
  if (dates.length === 0) return { ok: false, problems: [seriesProblem('no_occurrences', 'pattern')] };
  return {
    ok: true,
    occurrences: dates.map((date, i) => occurrenceOn(definition, partsOfFloating(date), i)),
  };
}
