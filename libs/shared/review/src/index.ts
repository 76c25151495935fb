export {
  validateRubric,
  scoreSheet,
  roundScore,
  type Rubric,
  type Criterion,
  type CommentRule,
  type ReviewSheet,
  type ScoredSheet,
} from './lib/rubric';
export { REVIEW_PROBLEM_CODES, type ReviewProblem, type ReviewProblemCode } from './lib/problems';
export {
  summarize,
  aggregateApplication,
  type AggregationMethod,
  type ScoreSummary,
  type ApplicationScores,
} from './lib/aggregate';
export { rankApplications, type RankingEntry, type RankedEntry, type TieBreak } from './lib/ranking';
export {
  assignReviewers,
  type AssignmentInput,
  type AssignmentResult,
  type AssignmentProblem,
  type AssignmentProblemCode,
  type Assignment,
} from './lib/assignment';
export {
  detectConflicts,
  conflictedPairs,
  CONFLICT_CODES,
  type ConflictCode,
  type ConflictReason,
  type ReviewerFacts,
  type ApplicantFacts,
} from './lib/conflicts';
export {
  weightedDraw,
  lotteryKey,
  LOTTERY_ALGORITHM,
  type LotteryEntry,
  type LotteryRound,
  type LotteryResult,
  type LotteryProblem,
  type LotteryProblemCode,
} from './lib/lottery';
export { sha256Hex } from './lib/sha256';
