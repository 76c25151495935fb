import { addDays, formatLocalDate, parseLocalDate, type DateParts } from './local';
import { seriesProblem } from './problems';
import { expandSeries, type SeriesResult } from './expand';
import type { OccurrenceException } from './exceptions';
import { DEFAULT_SERIES_LIMITS, type LocalDate, type SeriesDefinition, type SeriesLimits } from './types';

export interface SeriesSplit {
  /** The occurrences before `key`: the original series, ended the day before `key` (or counted). */
  head: SeriesDefinition;
  /** `key` and the following occurrences: starts on `key`, same pattern, same end. */
  tail: SeriesDefinition;
  headExceptions: OccurrenceException[];
  tailExceptions: OccurrenceException[];
}

/**
 * "This and following": splits a series at an occurrence into two definitions whose expansions,
 * put together, are exactly the original's (same keys, same instants). Edit `tail` afterwards.
 * Exceptions go with the part their key falls in.
 */
export function splitSeries(
  definition: SeriesDefinition,
  key: LocalDate,
  exceptions: readonly OccurrenceException[] = [],
  limits: SeriesLimits = DEFAULT_SERIES_LIMITS,
): SeriesResult<SeriesSplit> {
  const expansion = expandSeries(definition, limits);
  if (!expansion.ok) return expansion;
  const index = expansion.occurrences.findIndex((o) => o.key === key);
  if (index < 0)
    return { ok: false, problems: [seriesProblem('not_an_occurrence', 'key', { key: String(key) })] };
  if (index === 0) return { ok: false, problems: [seriesProblem('split_at_first', 'key', { key })] };
  const total = expansion.occurrences.length;
  const head: SeriesDefinition =
    definition.end.kind === 'count'
      ? { ...definition, end: { kind: 'count', count: index } }
      : {
          ...definition,
          end: { kind: 'until', until: formatLocalDate(addDays(parseLocalDate(key) as DateParts, -1)) },
        };
  const tail: SeriesDefinition = {
    ...definition,
    startDate: key,
    end: definition.end.kind === 'count' ? { kind: 'count', count: total - index } : definition.end,
  };
  return {
    ok: true,
    head,
    tail,
    headExceptions: exceptions.filter((e) => e.key < key),
    tailExceptions: exceptions.filter((e) => e.key >= key),
  };
}
