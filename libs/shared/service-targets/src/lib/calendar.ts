import { DateTime } from 'luxon';
import type { LocalizedText } from '@madang/contracts';
import { zoneNamed, type IsoWeekday, type LocalDate, type WallTime } from '@madang/booking-rules';

/** Instants are accepted as Date, epoch milliseconds, or ISO 8601 text with an offset (or Z). */
export type InstantInput = Date | number | string;

export interface WorkingHours {
  /** Local wall-clock `HH:mm`. */
  start: WallTime;
  /** Local wall-clock `HH:mm`, after `start`; `24:00` for midnight. */
  end: WallTime;
}

/** When a team works, on the wall clock of `timeZone`. */
export interface WorkingCalendar {
  timeZone: string;
  /** Working hours per ISO weekday (1 = Monday … 7 = Sunday); a weekday left out is a day off. */
  week: Readonly<Partial<Record<IsoWeekday, readonly WorkingHours[]>>>;
  /** Public holidays and other closed days (`yyyy-MM-dd`), passed in by the caller. */
  holidays: readonly LocalDate[];
  /** Working minutes in "one working day" when a day target is counted as hours; default: the longest day of `week`. */
  dayMinutes?: number;
}

const OFFICE_DAY: readonly WorkingHours[] = [{ start: '09:00', end: '18:00' }];

/** Monday to Friday 09:00–18:00 (540 minutes a day) in a zone, with the given holidays. */
export function officeCalendar(timeZone: string, holidays: readonly LocalDate[] = []): WorkingCalendar {
  return {
    timeZone,
    week: { 1: OFFICE_DAY, 2: OFFICE_DAY, 3: OFFICE_DAY, 4: OFFICE_DAY, 5: OFFICE_DAY },
    holidays,
  };
}

export type CalendarProblemCode =
  | 'invalid_time_zone'
  | 'invalid_hours'
  | 'invalid_holiday'
  | 'no_working_time'
  | 'invalid_day_minutes';

export interface CalendarProblem {
  code: CalendarProblemCode;
  field: string;
  message: LocalizedText;
}

const MESSAGES: Record<CalendarProblemCode, LocalizedText> = {
  invalid_time_zone: { ko: '알 수 없는 시간대입니다.', en: 'Unknown time zone.' },
  invalid_hours: {
    ko: '근무 시간은 HH:mm 형식이고 시작이 끝보다 앞서야 하며 서로 겹치지 않아야 합니다.',
    en: 'Working hours must be HH:mm, start before they end, and not overlap.',
  },
  invalid_holiday: {
    ko: '휴일은 yyyy-MM-dd 형식의 실제 날짜여야 합니다.',
    en: 'Holidays must be real dates in yyyy-MM-dd form.',
  },
  no_working_time: { ko: '근무하는 요일이 하나도 없습니다.', en: 'No weekday has working hours.' },
  invalid_day_minutes: {
    ko: '하루 근무 시간(분)은 1 이상의 정수여야 합니다.',
    en: 'Working minutes per day must be a whole number of at least 1.',
  },
};

const calendarProblem = (code: CalendarProblemCode, field: string): CalendarProblem => ({
  code,
  field,
  message: MESSAGES[code],
});

const WALL = /^(\d{2}):(\d{2})$/;

/** `HH:mm` → minutes after midnight (24:00 → 1440), or null. */
export function wallMinutes(value: unknown): number | null {
  const match = typeof value === 'string' ? WALL.exec(value) : null;
  if (!match) return null;
  const [h, m] = [Number(match[1]), Number(match[2])];
  if (h === 24 && m === 0) return 1440;
  return h < 24 && m < 60 ? h * 60 + m : null;
}

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Nominal working minutes of each weekday (ignoring DST). */
export function nominalMinutes(calendar: WorkingCalendar, weekday: IsoWeekday): number {
  return (calendar.week[weekday] ?? []).reduce(
    (sum, h) => sum + ((wallMinutes(h.end) as number) - (wallMinutes(h.start) as number)),
    0,
  );
}

/** The working minutes that make one working day for `counting: 'as-hours'`. */
export function dayMinutesOf(calendar: WorkingCalendar): number {
  return calendar.dayMinutes ?? Math.max(...WEEKDAYS.map((d) => nominalMinutes(calendar, d)));
}

/** Mistakes in a calendar (empty when usable). Run it when a calendar is configured. */
export function validateCalendar(calendar: WorkingCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (
    typeof calendar.timeZone !== 'string' ||
    !DateTime.now().setZone(zoneNamed(calendar.timeZone)).isValid
  ) {
    problems.push(calendarProblem('invalid_time_zone', 'timeZone'));
  }
  let anyTime = false;
  for (const weekday of WEEKDAYS) {
    const hours = calendar.week?.[weekday] ?? [];
    let previousEnd = -1;
    const spans = hours.map((h) => [wallMinutes(h.start), wallMinutes(h.end)] as const);
    const sorted = [...spans].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    for (const [start, end] of sorted) {
      if (start === null || end === null || start === 1440 || end <= start || start < previousEnd) {
        problems.push(calendarProblem('invalid_hours', `week.${weekday}`));
        break;
      }
      previousEnd = end;
      anyTime = true;
    }
  }
  if (!anyTime) problems.push(calendarProblem('no_working_time', 'week'));
  (calendar.holidays ?? []).forEach((day, i) => {
    if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day) || !DateTime.fromISO(day).isValid) {
      problems.push(calendarProblem('invalid_holiday', `holidays[${i}]`));
    }
  });
  if (
    calendar.dayMinutes !== undefined &&
    !(Number.isInteger(calendar.dayMinutes) && calendar.dayMinutes > 0)
  ) {
    problems.push(calendarProblem('invalid_day_minutes', 'dayMinutes'));
  }
  return problems;
}

const EXPLICIT_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch milliseconds of an instant; text needs an explicit offset. */
export function toMillis(instant: InstantInput): number {
  let ms: number;
  if (instant instanceof Date) ms = instant.getTime();
  else if (typeof instant === 'number') ms = instant;
  else ms = EXPLICIT_OFFSET.test(instant) ? DateTime.fromISO(instant, { setZone: true }).toMillis() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`Not an instant with an offset: ${String(instant)}`);
  return ms;
}

export const toIso = (ms: number): string => new Date(ms).toISOString();

/** Half-open working interval, epoch ms. */
export interface Interval {
  start: number;
  end: number;
}

const cache = new WeakMap<WorkingCalendar, Map<string, Interval[]>>();

/** The working intervals of one local date (none on a holiday or a day off). */
export function intervalsOn(calendar: WorkingCalendar, day: DateTime): Interval[] {
  const date = day.toISODate() as string;
  let byDate = cache.get(calendar);
  if (!byDate) {
    byDate = new Map();
    cache.set(calendar, byDate);
  }
  const known = byDate.get(date);
  if (known) return known;
  const midnight = day.startOf('day');
  const intervals = calendar.holidays.includes(date)
    ? []
    : (calendar.week[midnight.weekday as IsoWeekday] ?? [])
        .map((h) => {
          const at = (minutes: number) =>
            minutes === 1440
              ? midnight.plus({ days: 1 }).toMillis()
              : midnight.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
          return { start: at(wallMinutes(h.start) as number), end: at(wallMinutes(h.end) as number) };
        })
        .filter((i) => i.end > i.start)
        .sort((a, b) => a.start - b.start);
  if (byDate.size > 5000) byDate.clear();
  byDate.set(date, intervals);
  return intervals;
}

export function localDay(calendar: WorkingCalendar, ms: number): DateTime {
  const day = DateTime.fromMillis(ms, { zone: zoneNamed(calendar.timeZone) });
  if (!day.isValid) throw new RangeError(`Unknown time zone in working calendar: ${calendar.timeZone}`);
  return day.startOf('day');
}
