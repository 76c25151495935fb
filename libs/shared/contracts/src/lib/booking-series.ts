import type { LocalizedText } from './locale';
import type { Decision, PersonRef, SlotConflict } from './bookings';
import type { BookingItem } from './rental-rules';
import type { GroupKind } from './roles';
import type { PageQuery } from './users';
import type { Violation } from './violations';

/**
 * HTTP contract of recurring booking series (issue 12). A series is a recurrence (RFC 5545 RRULE,
 * read on the wall clock of the centre's zone) over one or more assets; each occurrence is a normal
 * booking. Dates are local `yyyy-MM-dd`, times local `HH:mm`, instants ISO 8601 in UTC.
 */

/** What `POST /api/bookings/series` does when some occurrences cannot be booked. */
export const SERIES_MODES = ['free_only', 'all_or_nothing'] as const;
export type SeriesMode = (typeof SERIES_MODES)[number];

export const SERIES_STATUSES = ['active', 'cancelled'] as const;
export type SeriesStatus = (typeof SERIES_STATUSES)[number];

/** An occurrence changed on its own: moved (own times), on other assets, or cancelled. */
export const OCCURRENCE_EXCEPTIONS = ['moved', 'other_room', 'cancelled'] as const;
export type OccurrenceExceptionKind = (typeof OCCURRENCE_EXCEPTIONS)[number];

/** The most occurrences one series may have (the recurrence library's limit). */
export const MAX_SERIES_OCCURRENCES = 260;

export interface SeriesRequest {
  items: BookingItem[];
  /** First local date the rule may match, `yyyy-MM-dd`. */
  startDate: string;
  /** Local start time of every occurrence, `HH:mm`. */
  startTime: string;
  durationMinutes: number;
  /**
   * The RRULE part of RFC 5545, e.g. `FREQ=WEEKLY;BYDAY=TU;COUNT=12` (a leading `RRULE:` is
   * allowed). FREQ WEEKLY or MONTHLY, INTERVAL, BYDAY, BYMONTHDAY, BYSETPOS, COUNT or UNTIL.
   */
  rrule: string;
  purpose: string;
  purposeTag?: string;
  attendees: number;
  groupId?: string | null;
}

export interface CreateSeriesRequest extends SeriesRequest {
  /** `free_only`: book the occurrences that fit, skip the rest; `all_or_nothing`: book none unless all fit. */
  mode: SeriesMode;
}

export type OccurrenceCheck = 'ok' | 'conflict' | 'violation';

/** One occurrence as the rules engine and the database see it now. */
export interface SeriesPreviewOccurrence {
  /** The occurrence's local date: its identity in the series. */
  date: string;
  start: string;
  end: string;
  /** Wall clock in the series' zone, `yyyy-MM-ddTHH:mm`. */
  localStart: string;
  localEnd: string;
  /** The start time did not exist that day (DST gap) and moved forward. */
  startShifted: boolean;
  /** `violation` wins over `conflict` when both apply. */
  check: OccurrenceCheck;
  /** Held windows it collides with (when, never who). */
  conflicts: SlotConflict[];
  /** Broken rules, with the engine's codes and messages. */
  violations: Violation[];
  approvalRequired: boolean;
  /** Its price (integer KRW), as the quote would give it. */
  total: number;
}

export interface SeriesPreview {
  timeZone: string;
  /** The series as RFC 5545 text (`DTSTART;TZID=…` and `RRULE:` lines). */
  rruleText: string;
  occurrences: SeriesPreviewOccurrence[];
  summary: Record<OccurrenceCheck, number>;
}

export type SeriesOccurrenceState = 'booked' | 'cancelled' | 'not_booked';

export interface SeriesOccurrenceDto {
  date: string;
  /** The booking of this occurrence; null when it was never booked (skipped at creation). */
  bookingId: string | null;
  start: string;
  end: string;
  localStart: string;
  localEnd: string;
  state: SeriesOccurrenceState;
  decision: Decision | null;
  holdsSlot: boolean;
  exception: OccurrenceExceptionKind | null;
  assets: { assetId: string; assetName: LocalizedText; quantity: number }[];
}

export interface BookingSeriesDto {
  id: string;
  requester: PersonRef;
  group: { id: string; name: string; kind: GroupKind } | null;
  items: { assetId: string; assetName: LocalizedText; quantity: number }[];
  timeZone: string;
  /** The RRULE part, as stored. */
  rrule: string;
  rruleText: string;
  startDate: string;
  startTime: string;
  durationMinutes: number;
  until: string | null;
  count: number | null;
  purpose: string;
  purposeTag: string | null;
  attendees: number;
  status: SeriesStatus;
  /** The series this one was split from ("this and following"). */
  splitFrom: string | null;
  createdAt: string;
  occurrences: SeriesOccurrenceDto[];
}

export interface SeriesSummaryDto {
  id: string;
  requester: PersonRef;
  items: { assetId: string; assetName: LocalizedText; quantity: number }[];
  rrule: string;
  startDate: string;
  startTime: string;
  durationMinutes: number;
  purpose: string;
  status: SeriesStatus;
  booked: number;
  pending: number;
  createdAt: string;
}

export interface CreateSeriesResponse {
  series: BookingSeriesDto;
  /** Occurrences that were not booked (`free_only`), with why. */
  skipped: SeriesPreviewOccurrence[];
}

export interface SeriesListQuery extends PageQuery {
  /** mine (default) or all (approvers). */
  scope?: 'mine' | 'all';
}

export const SERIES_EDIT_SCOPES = ['all', 'this_and_following'] as const;
export type SeriesEditScope = (typeof SERIES_EDIT_SCOPES)[number];

/** Edit the series' time, duration or rule. Moved and re-roomed occurrences keep their own change. */
export interface EditSeriesRequest {
  scope: SeriesEditScope;
  /** With `this_and_following`: the occurrence date the new series starts at. */
  from?: string;
  startTime?: string;
  durationMinutes?: number;
  rrule?: string;
}

export interface EditSeriesResponse {
  /** The edited series (with `this_and_following`, the new series split off). */
  series: BookingSeriesDto;
  /** With `this_and_following`: the series it was split from, now ending before `from`. */
  head: BookingSeriesDto | null;
  /** Occurrences the edit added but could not book, with why. */
  skipped: SeriesPreviewOccurrence[];
}

/** Change one occurrence: move it, put it in another room, or cancel it. */
export interface OccurrenceChangeRequest {
  action: 'move' | 'other_room' | 'cancel';
  /** move: new start and end (ISO 8601 instants). */
  start?: string;
  end?: string;
  /** other_room: the assets instead of the series' own. */
  items?: BookingItem[];
  reason?: string;
}

export interface SeriesDecisionRequest {
  action: 'approve' | 'reject';
  /** Only these occurrence dates; all pending occurrences when left out. */
  dates?: string[];
  reason?: string;
}

export interface SeriesOutcome {
  date: string;
  bookingId: string;
  ok: boolean;
  status: number;
  code?: string;
  decision?: Decision;
  /** Cancellation: the fee charged for this occurrence under its own terms. */
  fee?: number;
}

export interface SeriesDecisionResult {
  results: SeriesOutcome[];
}

export interface SeriesCancelRequest {
  reason?: string;
  /** Only occurrences on or after this date (default: every future one). */
  from?: string;
}

export interface SeriesCancelResult {
  results: SeriesOutcome[];
  /** Sum of the fees of the cancelled occurrences. */
  totalFee: number;
}
