export * from './lib/types';
export { DEFAULT_RULES, mergeRules, validateRules, type RulesProblem } from './lib/rules';
export { ENGINE_MAX_SPAN_DAYS, evaluateBooking, type BookingEvaluation } from './lib/evaluate-booking';
export {
  checkRulesDocument,
  checkRulesOverride,
  DEFAULT_MAX_PENDING_PER_PERSON,
  DEFAULT_WAITLIST_OFFER_MINUTES,
  WAITLIST_OFFER_MINUTES_RANGE,
  ATTENDANCE_RANGES,
  RULE_TAG_PATTERN,
  MAX_GROUP_TAGS,
  MAX_ADVANCE_LIMIT_DAYS,
  MAX_DURATION_LIMIT_MINUTES,
  RULES_KEYS,
  type SchemaProblem,
  type SchemaProblemCode,
} from './lib/schema';
export { decisionBlockedBySelf, type SelfDecisionInput } from './lib/separation';
export { evaluateCancellation, type CancellationInput, type CancellationDecision } from './lib/cancellation';
export { bufferedRange, openingIntervalsOn, wallClockToIso, zoneNamed } from './lib/time';
export { formatKrw, formatDuration } from './lib/format';
export { describeRules, type RuleSentence } from './lib/describe-rules';
export { effectiveWindow, isEligible, requiresApproval, type Standing } from './lib/checks';
export {
  VIOLATION_CODES,
  VIOLATION_MESSAGES,
  type Violation,
  type ViolationCode,
  type MessageKey,
} from './lib/violations';
export {
  checkInWindow,
  DEFAULT_CHECK_IN_OPENS_MINUTES_BEFORE,
  DEFAULT_RETURN_GRACE_MINUTES,
  noShowDeadline,
  noShowStanding,
  returnDue,
  type NoShowStanding,
} from './lib/attendance';
