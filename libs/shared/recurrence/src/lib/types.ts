import type { IsoWeekday, LocalDate, WallTime } from '@madang/booking-rules';

export type { IsoWeekday, LocalDate, WallTime };

/** 1st … 5th, or -1 for the last one in the month. */
export type Ordinal = 1 | 2 | 3 | 4 | 5 | -1;

/** How the series repeats. Weeks start on Monday (RFC 5545 WKST=MO). */
export type SeriesPattern =
  /** Every `interval` weeks on the given ISO weekdays (1 = Monday … 7 = Sunday). */
  | { kind: 'weekly'; interval: number; weekdays: readonly IsoWeekday[] }
  /** Every `interval` months on a day of the month (1–31, or -1 for the last day); months without it are skipped. */
  | { kind: 'monthly-by-date'; interval: number; dayOfMonth: number }
  /** Every `interval` months on the n-th weekday (e.g. 2nd Tuesday, last Friday); months without it are skipped. */
  | { kind: 'monthly-by-weekday'; interval: number; weekday: IsoWeekday; ordinal: Ordinal };

/** When the series stops: after the local date `until` (inclusive) or after `count` occurrences. */
export type SeriesEnd = { kind: 'until'; until: LocalDate } | { kind: 'count'; count: number };

/** Length of each occurrence: `days` on the wall clock (calendar days), then `minutes` of elapsed time. */
export interface SeriesDuration {
  days?: number;
  minutes?: number;
}

/**
 * A recurring series, read on the wall clock of `timeZone`: the first occurrence is the first
 * date on or after `startDate` that matches the pattern, each starting at `startTime` local time.
 */
export interface SeriesDefinition {
  timeZone: string;
  startDate: LocalDate;
  startTime: WallTime;
  duration: SeriesDuration;
  pattern: SeriesPattern;
  end: SeriesEnd;
}

export interface SeriesLimits {
  /** Most occurrences one series may have. */
  maxOccurrences: number;
  /** Most days from `startDate` to the last occurrence's date. */
  maxSpanDays: number;
}

/** 260 = five years of weekly meetings; two years of span. */
export const DEFAULT_SERIES_LIMITS: Readonly<SeriesLimits> = Object.freeze({
  maxOccurrences: 260,
  maxSpanDays: 731,
});

/** One expanded occurrence. */
export interface Occurrence {
  /**
   * The occurrence's original local start date (`yyyy-MM-dd`): its identity inside the series.
   * It does not change when the series' time or duration is edited, so exceptions keyed by it survive.
   */
  key: LocalDate;
  /** 0-based position in the expansion. */
  index: number;
  /** UTC instants, ISO 8601 with `Z`. */
  start: string;
  end: string;
  /** Wall clock in the series' zone, `yyyy-MM-ddTHH:mm`. */
  localStart: string;
  localEnd: string;
  /** The start time did not exist on that date (DST gap) and was moved forward by the gap. */
  startShifted: boolean;
}
