import {
  bufferedRange,
  evaluateBooking,
  type AssetForRules,
  type BookingEvaluation,
  type UsageEntry,
} from '@madang/booking-rules';
import type {
  FieldErrorCode,
  OccurrenceCheck,
  SeriesPreviewOccurrence,
  SlotConflict,
} from '@madang/contracts';
import {
  expandSeries,
  parseRRuleText,
  type Occurrence,
  type SeriesDefinition,
  type SeriesProblem,
} from '@madang/recurrence';
import { DomainError, type FieldIssue } from '../../core/domain-error';

/** The request facts every occurrence shares (defaults filled in). */
export interface SeriesFacts {
  items: { assetId: string; quantity: number }[];
  purpose: string;
  purposeTag: string | undefined;
  attendees: number;
  groupId: string | null;
}

export type RuledAsset = AssetForRules & { rulesVersion: number };

/** What the API field is for each path the recurrence library names. */
function apiField(problem: SeriesProblem): string {
  if (problem.field === 'startDate' || problem.field === 'startTime') return problem.field;
  if (problem.field === 'duration') return 'durationMinutes';
  if (problem.field === 'key') return 'from';
  return 'rrule';
}

function fieldCode(problem: SeriesProblem): {
  code: FieldErrorCode;
  params?: Record<string, string | number>;
} {
  switch (problem.code) {
    case 'invalid_count':
    case 'too_many_occurrences':
      return { code: 'too_large', params: { max: Number(problem.params['max']) } };
    case 'span_too_long':
      return { code: 'span_too_long', params: { days: Number(problem.params['max']) } };
    case 'invalid_start_date':
    case 'invalid_until':
      return { code: 'not_date' };
    default:
      return { code: 'invalid' };
  }
}

/**
 * A 400 naming each field at fault (`rrule`, `startDate`, `startTime`, `durationMinutes`) in the
 * reader's language, with the recurrence library's own codes and ko/en sentences as `seriesProblems`.
 */
export function seriesInputError(problems: readonly SeriesProblem[]): DomainError {
  const fields: FieldIssue[] = problems.map((p) => ({ field: apiField(p), ...fieldCode(p) }));
  return new DomainError(
    'validation_failed',
    {
      seriesProblems: problems.map((p) => ({
        code: p.code,
        field: apiField(p),
        params: p.params,
        message: p.message,
      })),
    },
    {},
    fields,
  );
}

/** The RRULE part as stored: without a leading `RRULE:`, upper case, no blanks. */
export function normaliseRRule(rrule: string): string {
  return rrule
    .trim()
    .replace(/^RRULE:/i, '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/**
 * Reads a series request into a definition in the centre's zone: the RRULE part only (a DTSTART or
 * a TZID in it is refused — the start and the zone come from their own fields and the config).
 */
export function readDefinition(
  input: { rrule: string; startDate: string; startTime: string; durationMinutes: number },
  timeZone: string,
): SeriesDefinition {
  const rule = normaliseRRule(input.rrule);
  if (!rule.startsWith('FREQ=') || rule.includes('DTSTART') || rule.includes('TZID')) {
    throw new DomainError('validation_failed', {}, {}, [{ field: 'rrule', code: 'invalid' }]);
  }
  const parsed = parseRRuleText(rule, {
    timeZone,
    startDate: input.startDate,
    startTime: input.startTime,
    duration: { minutes: input.durationMinutes },
  });
  if (!parsed.ok) throw seriesInputError(parsed.problems);
  return parsed.definition;
}

/** Every occurrence of a definition, or a 400 naming the field. */
export function occurrencesOf(definition: SeriesDefinition): Occurrence[] {
  const expansion = expandSeries(definition);
  if (!expansion.ok) throw seriesInputError(expansion.problems);
  return expansion.occurrences;
}

/** One occurrence to check: its window and, when it already is a booking, that booking (excluded from its own checks). */
export interface PlannedOccurrence {
  occurrence: Occurrence;
  start: string;
  end: string;
  items: { assetId: string; quantity: number }[];
  bookingId: string | null;
}

export interface CheckedOccurrence extends PlannedOccurrence {
  check: OccurrenceCheck;
  evaluation: BookingEvaluation;
  conflicts: SlotConflict[];
}

const DAY_MS = 86_400_000;

/** How far from an occurrence other bookings can share a quota period with it: a week or a month. */
export function quotaReachMs(assets: readonly RuledAsset[]): number {
  const periods = assets.flatMap((a) => a.rules.quotas.map((q) => q.period));
  return (periods.includes('month') ? 32 : periods.includes('week') ? 8 : 0) * DAY_MS;
}

/**
 * Quota usage across a series: the bookings that hold slots, plus each occurrence that fits as it is
 * judged. `near` hands the engine only the entries that can share a quota period with an instant,
 * so judging n occurrences stays linear in what each one can see, not in the whole series.
 */
export class UsageWindow {
  private readonly entries: UsageEntry[] = [];
  private readonly starts: number[] = [];

  /** `reachMs`: see `quotaReachMs` (0: the assets have no quotas, nothing is ever near). */
  constructor(
    entries: readonly UsageEntry[] = [],
    private readonly reachMs = 32 * DAY_MS,
  ) {
    for (const entry of entries) this.add(entry);
  }

  add(entry: UsageEntry): void {
    this.entries.push(entry);
    this.starts.push(Date.parse(entry.start));
  }

  near(at: string): UsageEntry[] {
    if (this.reachMs === 0) return [];
    const ms = Date.parse(at);
    return this.entries.filter((_, i) => Math.abs(this.starts[i] - ms) <= this.reachMs);
  }
}

/**
 * The rules engine over occurrences, in date order. Quotas count occurrences: each occurrence that
 * passes is added to `usage`, which the following ones (in this call and later calls with the same
 * window) are judged with. The series is one request for the pending cap (every occurrence is judged
 * with the same `pendingByAsset`). `conflicts` is keyed by position in the whole plan, `offset` is
 * the position of `planned[0]` in it.
 */
export function checkOccurrences(input: {
  now: string;
  planned: readonly PlannedOccurrence[];
  offset?: number;
  facts: Omit<SeriesFacts, 'items'>;
  actor: Parameters<typeof evaluateBooking>[0]['actor'];
  assets: readonly RuledAsset[];
  usage: UsageWindow;
  pendingByAsset: Record<string, number> | undefined;
  conflicts: ReadonlyMap<number, SlotConflict[]>;
}): CheckedOccurrence[] {
  const { usage } = input;
  return input.planned.map((planned, index) => {
    const evaluation = evaluateBooking({
      now: input.now,
      pendingByAsset: input.pendingByAsset,
      request: {
        items: planned.items,
        start: planned.start,
        end: planned.end,
        purpose: input.facts.purpose,
        purposeTag: input.facts.purposeTag,
        attendees: input.facts.attendees,
        groupId: input.facts.groupId,
      },
      actor: input.actor,
      assets: [...input.assets],
      usage: usage.near(planned.start),
    });
    const conflicts = input.conflicts.get((input.offset ?? 0) + index) ?? [];
    const check: OccurrenceCheck = !evaluation.ok ? 'violation' : conflicts.length > 0 ? 'conflict' : 'ok';
    if (check === 'ok') {
      usage.add({
        userId: input.actor.userId,
        groupId: input.facts.groupId,
        start: planned.start,
        end: planned.end,
        assetIds: planned.items.map((i) => i.assetId),
      });
    }
    return { ...planned, check, evaluation, conflicts };
  });
}

export function previewOf(checked: CheckedOccurrence): SeriesPreviewOccurrence {
  return {
    date: checked.occurrence.key,
    start: checked.start,
    end: checked.end,
    localStart: checked.occurrence.localStart,
    localEnd: checked.occurrence.localEnd,
    startShifted: checked.occurrence.startShifted,
    check: checked.check,
    conflicts: checked.conflicts,
    violations: checked.evaluation.violations,
    approvalRequired: checked.evaluation.approvalRequired,
    total: checked.evaluation.quote.total,
  };
}

/** `[start,end)` of an item with the asset's buffers, as the exclusion constraint sees it. */
export function duringOf(asset: RuledAsset, start: string, end: string): string {
  const range = bufferedRange(start, end, asset.rules);
  return `[${range.start},${range.end})`;
}
