export * from './lib/types';
export { DEFAULT_RULES, mergeRules, validateRules, type RulesProblem } from './lib/rules';
export { evaluateBooking, type BookingEvaluation } from './lib/evaluate-booking';
export { evaluateCancellation, type CancellationInput, type CancellationDecision } from './lib/cancellation';
export { bufferedRange, openingIntervalsOn, wallClockToIso, zoneNamed } from './lib/time';
export { formatKrw, formatDuration } from './lib/format';
export { effectiveWindow, isEligible, requiresApproval, type Standing } from './lib/checks';
export {
  VIOLATION_CODES,
  VIOLATION_MESSAGES,
  type Violation,
  type ViolationCode,
  type MessageKey,
} from './lib/violations';
