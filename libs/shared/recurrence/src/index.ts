export * from './lib/types';
export { SERIES_PROBLEM_CODES, type SeriesProblem, type SeriesProblemCode } from './lib/problems';
export { validateSeries, expandSeries, MAX_INTERVAL, type SeriesResult } from './lib/expand';
export { toRRuleText, parseRRuleText, type RRuleDefaults } from './lib/rrule-text';
export {
  applyExceptions,
  compareExpansions,
  type OccurrenceException,
  type OccurrenceStatus,
  type ResolvedOccurrence,
  type ExceptionResolution,
  type ExceptionProblemReason,
  type ExpansionComparison,
} from './lib/exceptions';
export { splitSeries, type SeriesSplit } from './lib/split';
