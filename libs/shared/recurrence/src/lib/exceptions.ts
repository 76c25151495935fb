import { DateTime } from 'luxon';
import type { LocalDate, Occurrence } from './types';

/**
 * A change to one occurrence, keyed by the occurrence's original local date (`Occurrence.key`).
 * `changed` may move it (new start and end, ISO 8601 instants with an offset) and/or put it on
 * other assets; what it leaves out stays as the series says.
 */
export type OccurrenceException =
  | { key: LocalDate; kind: 'cancelled' }
  | { key: LocalDate; kind: 'changed'; start?: string; end?: string; assetIds?: readonly string[] };

export type OccurrenceStatus = 'scheduled' | 'changed' | 'cancelled';

export interface ResolvedOccurrence extends Occurrence {
  status: OccurrenceStatus;
  /** The assets of this occurrence when an exception changed them; null means the series' assets. */
  assetIds: readonly string[] | null;
  /** The start and end the series itself gives (before the exception). */
  seriesStart: string;
  seriesEnd: string;
}

export type ExceptionProblemReason = 'duplicate_key' | 'invalid_times' | 'empty_change';

export interface ExceptionResolution {
  /** Every occurrence of the expansion, exceptions applied; cancelled ones kept with their status. */
  occurrences: ResolvedOccurrence[];
  /** Exceptions whose key is no longer an occurrence of the series (e.g. the weekday was edited). */
  orphaned: OccurrenceException[];
  /** Exceptions that cannot be applied; the occurrence stays as the series gives it. */
  rejected: { exception: OccurrenceException; reason: ExceptionProblemReason }[];
}

const EXPLICIT_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

function instant(value: string | undefined): DateTime | null {
  if (typeof value !== 'string' || !EXPLICIT_OFFSET.test(value)) return null;
  const dt = DateTime.fromISO(value, { setZone: true });
  return dt.isValid ? dt.toUTC() : null;
}

const iso = (dt: DateTime): string => dt.toISO({ suppressMilliseconds: false }) as string;

/**
 * Re-applies per-occurrence exceptions to a (re-)expanded series. Exceptions are matched by key
 * only, so an edit of the series' time or duration keeps every move, cancellation and asset change;
 * an edit that removes an occurrence (other weekday, earlier end) reports its exception as orphaned.
 * A moved occurrence keeps its own start and end even when the series' time changes.
 */
export function applyExceptions(
  occurrences: readonly Occurrence[],
  exceptions: readonly OccurrenceException[],
): ExceptionResolution {
  const byKey = new Map<LocalDate, OccurrenceException>();
  const rejected: ExceptionResolution['rejected'] = [];
  for (const exception of exceptions) {
    if (byKey.has(exception.key)) rejected.push({ exception, reason: 'duplicate_key' });
    else byKey.set(exception.key, exception);
  }
  const keys = new Set(occurrences.map((o) => o.key));
  const orphaned = [...byKey.values()].filter((e) => !keys.has(e.key));

  const resolved = occurrences.map((occurrence): ResolvedOccurrence => {
    const base: ResolvedOccurrence = {
      ...occurrence,
      status: 'scheduled',
      assetIds: null,
      seriesStart: occurrence.start,
      seriesEnd: occurrence.end,
    };
    const exception = byKey.get(occurrence.key);
    if (!exception) return base;
    if (exception.kind === 'cancelled') return { ...base, status: 'cancelled' };
    const moves = exception.start !== undefined || exception.end !== undefined;
    if (!moves && exception.assetIds === undefined) {
      rejected.push({ exception, reason: 'empty_change' });
      return base;
    }
    let start = instant(occurrence.start) as DateTime;
    let end = instant(occurrence.end) as DateTime;
    if (moves) {
      const newStart = exception.start === undefined ? start : instant(exception.start);
      const newEnd = exception.end === undefined ? end : instant(exception.end);
      if (!newStart || !newEnd || newEnd <= newStart) {
        rejected.push({ exception, reason: 'invalid_times' });
        return base;
      }
      start = newStart;
      end = newEnd;
    }
    return {
      ...base,
      status: 'changed',
      start: iso(start),
      end: iso(end),
      assetIds: exception.assetIds === undefined ? null : [...exception.assetIds],
    };
  });
  return { occurrences: resolved, orphaned, rejected };
}

export interface ExpansionComparison {
  /** Keys only in the new expansion. */
  added: Occurrence[];
  /** Keys only in the old expansion. */
  removed: Occurrence[];
  /** Same key, other start or end. */
  retimed: { before: Occurrence; after: Occurrence }[];
  unchanged: Occurrence[];
}

/** What an edit of a series does to its occurrences, by key (before exceptions are applied). */
export function compareExpansions(
  before: readonly Occurrence[],
  after: readonly Occurrence[],
): ExpansionComparison {
  const old = new Map(before.map((o) => [o.key, o]));
  const next = new Set(after.map((o) => o.key));
  const result: ExpansionComparison = { added: [], removed: [], retimed: [], unchanged: [] };
  for (const occurrence of after) {
    const previous = old.get(occurrence.key);
    if (!previous) result.added.push(occurrence);
    else if (previous.start !== occurrence.start || previous.end !== occurrence.end) {
      result.retimed.push({ before: previous, after: occurrence });
    } else result.unchanged.push(occurrence);
  }
  result.removed = before.filter((o) => !next.has(o.key));
  return result;
}
