import { DateTime } from 'luxon';
import { zoneNamed } from '@madang/booking-rules';
import { formatLocalDate, isKnownZone, parseLocalDate, parseWallClock } from './local';
import { seriesProblem, type SeriesProblem } from './problems';
import { validateSeries, type SeriesResult } from './expand';
import {
  DEFAULT_SERIES_LIMITS,
  type IsoWeekday,
  type LocalDate,
  type Ordinal,
  type SeriesDefinition,
  type SeriesDuration,
  type SeriesEnd,
  type SeriesLimits,
  type SeriesPattern,
  type WallTime,
} from './types';

const DAY_NAMES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const dayName = (weekday: IsoWeekday): string => DAY_NAMES[weekday - 1];

const compact = (date: LocalDate): string => date.replaceAll('-', '');

/**
 * RFC 5545 text for a series: a `DTSTART;TZID=…` line and an `RRULE:` line. `UNTIL` is written in
 * UTC (as RFC 5545 requires with a TZID): the end of the local `until` day. The duration is not part
 * of an RRULE; keep it beside the text.
 */
export function toRRuleText(definition: SeriesDefinition): string {
  const { pattern, end } = definition;
  const parts = [
    `FREQ=${pattern.kind === 'weekly' ? 'WEEKLY' : 'MONTHLY'}`,
    `INTERVAL=${pattern.interval}`,
    'WKST=MO',
  ];
  if (pattern.kind === 'weekly') {
    parts.push(
      `BYDAY=${[...pattern.weekdays]
        .sort((a, b) => a - b)
        .map(dayName)
        .join(',')}`,
    );
  } else if (pattern.kind === 'monthly-by-date') {
    parts.push(`BYMONTHDAY=${pattern.dayOfMonth}`);
  } else {
    parts.push(`BYDAY=${pattern.ordinal}${dayName(pattern.weekday)}`);
  }
  if (end.kind === 'count') {
    parts.push(`COUNT=${end.count}`);
  } else {
    const untilUtc = DateTime.fromISO(`${end.until}T23:59:59`, {
      zone: zoneNamed(definition.timeZone),
    }).toUTC();
    parts.push(`UNTIL=${untilUtc.toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
  }
  const dtstart = `${compact(definition.startDate)}T${definition.startTime.replace(':', '')}00`;
  return `DTSTART;TZID=${definition.timeZone}:${dtstart}\nRRULE:${parts.join(';')}`;
}

/** What an RRULE text does not carry, or carries optionally. */
export interface RRuleDefaults {
  /** The zone when the text has no TZID (a UTC or floating DTSTART is read in it). */
  timeZone: string;
  /** Used when the text has no DTSTART. */
  startDate?: LocalDate;
  /** Used when the text has no DTSTART or a date-only one. */
  startTime?: WallTime;
  duration: SeriesDuration;
}

class RRuleTextError extends Error {
  constructor(readonly problem: SeriesProblem) {
    super(problem.message.en);
  }
}
const syntax = (detail: string) => new RRuleTextError(seriesProblem('rrule_syntax', 'rrule', { detail }));
const unsupported = (detail: string) =>
  new RRuleTextError(seriesProblem('rrule_unsupported', 'rrule', { detail }));

const DATE_TIME = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;

interface ReadDateTime {
  date: LocalDate;
  time: WallTime | null;
  utc: boolean;
}

function readDateTime(value: string, what: string): ReadDateTime {
  const match = DATE_TIME.exec(value);
  if (!match) throw syntax(`${what}=${value}`);
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  if (!parseLocalDate(date)) throw syntax(`${what}=${value}`);
  if (match[4] === undefined) return { date, time: null, utc: false };
  const time = `${match[4]}:${match[5]}`;
  if (!parseWallClock(time) || Number(match[6]) > 59) throw syntax(`${what}=${value}`);
  if (what === 'DTSTART' && match[6] !== '00') throw unsupported(`seconds in DTSTART=${value}`);
  return { date, time, utc: match[7] === 'Z' };
}

/** A date-time read in a zone: UTC values converted, floating values taken as local. */
function localIn(read: ReadDateTime, timeZone: string, seconds = 0): DateTime {
  const iso = `${read.date}T${read.time ?? '00:00'}:${String(seconds).padStart(2, '0')}`;
  return read.utc
    ? DateTime.fromISO(`${iso}Z`, { setZone: true }).setZone(zoneNamed(timeZone))
    : DateTime.fromISO(iso, { zone: zoneNamed(timeZone) });
}

const BYDAY = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/;

function readByDay(value: string): { weekday: IsoWeekday; ordinal: number | null }[] {
  return value.split(',').map((item) => {
    const match = BYDAY.exec(item);
    if (!match) throw syntax(`BYDAY=${value}`);
    const weekday = (DAY_NAMES.indexOf(match[2] as (typeof DAY_NAMES)[number]) + 1) as IsoWeekday;
    return { weekday, ordinal: match[1] === undefined ? null : Number(match[1]) };
  });
}

const wholeNumber = (key: string, value: string): number => {
  if (!/^[+-]?\d+$/.test(value)) throw syntax(`${key}=${value}`);
  return Number(value);
};

function readText(text: string, defaults: RRuleDefaults): SeriesDefinition {
  const lines = text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  let dtstart: { read: ReadDateTime; tzid: string | null } | null = null;
  let rule: string | null = null;
  for (const line of lines) {
    const upper = line.toUpperCase();
    if (upper.startsWith('DTSTART')) {
      const match = /^DTSTART((?:;[^:;]+)*):(.+)$/i.exec(line);
      if (!match || dtstart) throw syntax(line);
      const params = match[1].split(';').filter(Boolean);
      let tzid: string | null = null;
      for (const param of params) {
        const [key, value] = param.split('=');
        if (key.toUpperCase() === 'TZID') tzid = value;
        else if (key.toUpperCase() !== 'VALUE') throw unsupported(param);
      }
      dtstart = { read: readDateTime(match[2].trim(), 'DTSTART'), tzid };
    } else if (upper.startsWith('RRULE:')) {
      if (rule !== null) throw unsupported('more than one RRULE');
      rule = line.slice('RRULE:'.length);
    } else if (upper.startsWith('FREQ=') && rule === null) {
      rule = line;
    } else {
      throw unsupported(line.split(/[:;]/)[0]);
    }
  }
  if (rule === null) throw syntax('no RRULE');

  const timeZone = dtstart?.tzid ?? defaults.timeZone;
  if (!isKnownZone(timeZone)) {
    throw new RRuleTextError(seriesProblem('invalid_time_zone', 'timeZone', { value: String(timeZone) }));
  }
  let startDate = defaults.startDate;
  let startTime = defaults.startTime;
  if (dtstart) {
    if (dtstart.read.time === null) {
      startDate = dtstart.read.date;
    } else {
      const local = localIn(dtstart.read, timeZone);
      startDate = local.toFormat('yyyy-MM-dd');
      startTime = local.toFormat('HH:mm');
    }
  }
  if (startDate === undefined) throw syntax('no DTSTART and no start date given');
  if (startTime === undefined) throw syntax('no start time in DTSTART and none given');

  const values = new Map<string, string>();
  for (const part of rule.split(';').filter(Boolean)) {
    const [key, value, ...rest] = part.split('=');
    if (value === undefined || rest.length > 0) throw syntax(part);
    const name = key.toUpperCase();
    if (values.has(name)) throw syntax(`${name} twice`);
    values.set(name, value.toUpperCase());
  }
  const known = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYSETPOS', 'WKST'];
  for (const name of values.keys()) if (!known.includes(name)) throw unsupported(name);
  if ((values.get('WKST') ?? 'MO') !== 'MO') throw unsupported(`WKST=${values.get('WKST')}`);
  const interval = values.has('INTERVAL') ? wholeNumber('INTERVAL', values.get('INTERVAL') as string) : 1;
  const startParts = parseLocalDate(startDate);
  const startWeekday = (startParts ? DateTime.fromObject(startParts).weekday : 1) as IsoWeekday;
  const byDay = values.has('BYDAY') ? readByDay(values.get('BYDAY') as string) : null;
  const bySetPos = values.has('BYSETPOS') ? wholeNumber('BYSETPOS', values.get('BYSETPOS') as string) : null;

  let pattern: SeriesPattern;
  const freq = values.get('FREQ');
  if (freq === 'WEEKLY') {
    if (values.has('BYMONTHDAY') || bySetPos !== null)
      throw unsupported('BYMONTHDAY/BYSETPOS with FREQ=WEEKLY');
    if (byDay?.some((d) => d.ordinal !== null)) throw syntax(`BYDAY=${values.get('BYDAY')}`);
    pattern = { kind: 'weekly', interval, weekdays: byDay ? byDay.map((d) => d.weekday) : [startWeekday] };
  } else if (freq === 'MONTHLY') {
    if (byDay && values.has('BYMONTHDAY')) throw unsupported('BYDAY with BYMONTHDAY');
    if (byDay) {
      if (byDay.length !== 1) throw unsupported(`BYDAY=${values.get('BYDAY')}`);
      const ordinal = byDay[0].ordinal ?? bySetPos;
      if (ordinal === null || (byDay[0].ordinal !== null && bySetPos !== null)) {
        throw unsupported(`BYDAY=${values.get('BYDAY')}`);
      }
      pattern = {
        kind: 'monthly-by-weekday',
        interval,
        weekday: byDay[0].weekday,
        ordinal: ordinal as Ordinal,
      };
    } else {
      if (bySetPos !== null) throw unsupported('BYSETPOS');
      const day = values.has('BYMONTHDAY')
        ? wholeNumber('BYMONTHDAY', values.get('BYMONTHDAY') as string)
        : (startParts?.day ?? 1);
      pattern = { kind: 'monthly-by-date', interval, dayOfMonth: day };
    }
  } else {
    throw unsupported(`FREQ=${freq ?? ''}`);
  }

  let end: SeriesEnd;
  if (values.has('COUNT') && values.has('UNTIL')) throw syntax('COUNT and UNTIL together');
  if (values.has('COUNT')) {
    end = { kind: 'count', count: wholeNumber('COUNT', values.get('COUNT') as string) };
  } else if (values.has('UNTIL')) {
    const read = readDateTime(values.get('UNTIL') as string, 'UNTIL');
    if (read.time === null) {
      end = { kind: 'until', until: read.date };
    } else {
      const seconds = Number((values.get('UNTIL') as string).slice(13, 15));
      const local = localIn(read, timeZone, seconds);
      const day = local.toFormat('HH:mm:ss') < `${startTime}:00` ? local.minus({ days: 1 }) : local;
      end = { kind: 'until', until: formatLocalDate({ year: day.year, month: day.month, day: day.day }) };
    }
  } else {
    throw unsupported('a series without COUNT or UNTIL');
  }
  return { timeZone, startDate, startTime, duration: defaults.duration, pattern, end };
}

/**
 * Reads RFC 5545 text (an optional `DTSTART` line and an `RRULE` line, or a bare `FREQ=…` rule)
 * into a definition, strictly: only what a series can be (weekly / monthly, COUNT or UNTIL,
 * WKST=MO) is accepted; anything else is a problem naming the part. The result is validated.
 */
export function parseRRuleText(
  text: string,
  defaults: RRuleDefaults,
  limits: SeriesLimits = DEFAULT_SERIES_LIMITS,
): SeriesResult<{ definition: SeriesDefinition }> {
  let definition: SeriesDefinition;
  try {
    definition = readText(typeof text === 'string' ? text : '', defaults);
  } catch (error) {
    if (error instanceof RRuleTextError) return { ok: false, problems: [error.problem] };
    throw error;
  }
  const problems = validateSeries(definition, limits);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, definition };
}
