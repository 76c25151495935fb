import type { LocalizedText } from './locale';
import type { PageQuery } from './users';

/**
 * Recruitment (open calls, 공모) — the wire contract.
 *
 * Routes (all under /api). Permissions: M = recruitment:manage (approver), R = recruitment:review
 * (reviewer), S = self (any signed-in person; scoped in the service), P = public (no sign-in).
 *
 *  P GET    /public/calls                              ?scope=open|past  → Page<PublicCallSummary>
 *  P GET    /public/calls/:id                                            → PublicCallDetail (+ results when published)
 *
 *  M GET    /recruitment/calls                         ?phase=&kind=     → Page<CallSummary>
 *  M POST   /recruitment/calls                         CreateCallRequest → CallDetail
 *  S GET    /recruitment/calls/:id                     (drafts: M only)  → CallDetail
 *  M PATCH  /recruitment/calls/:id                     UpdateCallRequest → CallDetail
 *  M PUT    /recruitment/calls/:id/schedule            SetScheduleRequest → CallDetail
 *  M POST   /recruitment/calls/:id/phase               MovePhaseRequest  → CallDetail (by hand; audited, announced)
 *  S GET    /recruitment/calls/:id/form                                  → CallFormView (current version)
 *  M PUT    /recruitment/calls/:id/form                SaveFormRequest   → CallFormView (new version)
 *  M PUT    /recruitment/calls/:id/rubric              SaveRubricRequest → RubricView
 *  S GET    /recruitment/calls/:id/rubric                                → RubricView
 *
 *  S GET    /recruitment/my/applications                                 → ApplicationSummary[]
 *  S POST   /recruitment/calls/:id/applications        CreateApplicationRequest → ApplicationDetail (draft)
 *  S GET    /recruitment/applications/:id              (own or M)        → ApplicationDetail
 *  S PATCH  /recruitment/applications/:id              SaveAnswersRequest → ApplicationDetail (draft only)
 *  S POST   /recruitment/applications/:id/submit                         → ApplicationDetail
 *  S POST   /recruitment/applications/:id/withdraw                       → ApplicationDetail
 *      files: POST /api/files  ownerType 'recruitment_application', purpose 'application_document'
 *      then put the file id into the answer of a `file` field.
 *  S PATCH  /recruitment/supplements/:id               SaveAnswersRequest → ApplicationDetail (asked fields only)
 *  S POST   /recruitment/supplements/:id/submit                          → ApplicationDetail
 *  S GET    /recruitment/applications/:id/result       (own, once provisional results are out) → ApplicantResultView
 *  S POST   /recruitment/applications/:id/objections   FileObjectionRequest → ObjectionView
 *
 *  M GET    /recruitment/calls/:id/applications                          → Page<ApplicationSummary>
 *  M POST   /recruitment/applications/:id/screening    ScreenApplicationRequest → ApplicationDetail
 *  M POST   /recruitment/applications/:id/supplements  RequestSupplementRequest → SupplementView
 *  M PUT    /recruitment/calls/:id/reviewers           SetReviewersRequest → ReviewerView[]
 *  M GET    /recruitment/calls/:id/reviewers                             → ReviewerView[]
 *  M GET    /recruitment/calls/:id/assignments                           → AssignmentView[]
 *  M POST   /recruitment/calls/:id/assignments         AssignReviewerRequest → AssignmentView (by hand)
 *  M POST   /recruitment/calls/:id/assignments/balanced BalancedAssignmentRequest → AssignmentView[]
 *  M DELETE /recruitment/assignments/:id                                 → 204
 *  M GET    /recruitment/calls/:id/ranking                               → RankingView
 *  M PUT    /recruitment/applications/:id/decision     DecideApplicationRequest → ApplicationDetail
 *  M GET    /recruitment/calls/:id/objections                            → ObjectionView[]
 *  M POST   /recruitment/objections/:id/answer         AnswerObjectionRequest → ObjectionView
 *
 *  R GET    /recruitment/reviews                                         → ReviewAssignmentSummary[] (mine)
 *  R POST   /recruitment/reviews/:assignmentId/declaration DeclareConflictRequest → ReviewAssignmentDetail
 *  R GET    /recruitment/reviews/:assignmentId         (after declaring; blind calls hide names) → ReviewAssignmentDetail
 *  R PUT    /recruitment/reviews/:assignmentId/sheet   SaveReviewSheetRequest → ReviewAssignmentDetail (draft)
 *  R POST   /recruitment/reviews/:assignmentId/submit                    → ReviewAssignmentDetail
 *  R GET    /recruitment/reviews/:assignmentId/peers   (only after own submit) → PeerReviewView[]
 *
 *  M POST   /recruitment/applications/:id/agreement    CreateAgreementRequest → AgreementView (selected only)
 *  M GET    /recruitment/agreements                    ?state=           → Page<AgreementView>
 *  S GET    /recruitment/agreements/:id                (party or M)      → AgreementView
 *  M PATCH  /recruitment/agreements/:id                UpdateAgreementRequest → AgreementView (draft only)
 *  M GET    /recruitment/agreements/:id/conflicts                        → AgreementConflictView[]
 *  M POST   /recruitment/agreements/:id/sign                             → AgreementView (409 slot_taken on overlap)
 *  M POST   /recruitment/agreements/:id/obligations    AddObligationRequest → ObligationView
 *  S POST   /recruitment/obligations/:id/complete      CompleteObligationRequest → ObligationView (party or M)
 *  M GET    /recruitment/obligations/overdue                             → ObligationView[] (approver home)
 */

// ---------------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------------

export const CALL_KINDS = ['residency', 'coworking', 'partner_space', 'small_grant'] as const;
export type CallKind = (typeof CALL_KINDS)[number];

export const CALL_KIND_LABELS: Readonly<Record<CallKind, LocalizedText>> = {
  residency: { ko: '입주 팀 공모', en: 'Resident team residency' },
  coworking: { ko: '코워킹 좌석 공모', en: 'Co-working seats' },
  partner_space: { ko: '협력 공간 공모', en: 'Partner space' },
  small_grant: { ko: '소규모 지원사업', en: 'Small grant' },
};

/** The phases of a call, in order. `review_interview` is skipped when the call has no interview. */
export const CALL_PHASES = [
  'draft',
  'open',
  'closed',
  'screening',
  'review_document',
  'review_interview',
  'provisional_results',
  'objection_window',
  'final_results',
  'agreements',
] as const;
export type CallPhase = (typeof CALL_PHASES)[number];

export const CALL_PHASE_LABELS: Readonly<Record<CallPhase, LocalizedText>> = {
  draft: { ko: '준비 중', en: 'Draft' },
  open: { ko: '접수 중', en: 'Open' },
  closed: { ko: '접수 마감', en: 'Closed' },
  screening: { ko: '자격 심사', en: 'Eligibility screening' },
  review_document: { ko: '서류 심사', en: 'Document review' },
  review_interview: { ko: '면접 심사', en: 'Interview' },
  provisional_results: { ko: '잠정 결과 발표', en: 'Provisional results' },
  objection_window: { ko: '이의 신청 기간', en: 'Objection window' },
  final_results: { ko: '최종 결과 발표', en: 'Final results' },
  agreements: { ko: '협약', en: 'Agreements' },
};

/** Phases whose results are public (provisional list of selected, then the final one). */
export const RESULT_PHASES: readonly CallPhase[] = [
  'provisional_results',
  'objection_window',
  'final_results',
  'agreements',
];

export const FORM_FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'choice',
  'date',
  'file',
  'team_members',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export const APPLICATION_STATES = ['draft', 'submitted', 'withdrawn'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const ELIGIBILITY_STATES = ['pending', 'eligible', 'ineligible'] as const;
export type EligibilityState = (typeof ELIGIBILITY_STATES)[number];

export const SUPPLEMENT_STATES = ['requested', 'answered', 'expired'] as const;
export type SupplementState = (typeof SUPPLEMENT_STATES)[number];

export const SELECTION_DECISIONS = ['selected', 'reserve', 'not_selected'] as const;
export type SelectionDecision = (typeof SELECTION_DECISIONS)[number];

export const SELECTION_DECISION_LABELS: Readonly<Record<SelectionDecision, LocalizedText>> = {
  selected: { ko: '선정', en: 'Selected' },
  reserve: { ko: '예비', en: 'Reserve' },
  not_selected: { ko: '미선정', en: 'Not selected' },
};

/** A reviewer's assignment: waiting for the conflict declaration, conflicted (cannot score), or reviewing. */
export const ASSIGNMENT_STATES = ['undeclared', 'conflicted', 'reviewing', 'submitted'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

export const OBJECTION_STATES = ['filed', 'upheld', 'dismissed'] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

export const AGREEMENT_STATES = ['draft', 'signed', 'ended', 'cancelled'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

export const OBLIGATION_STATES = ['open', 'done'] as const;
export type ObligationState = (typeof OBLIGATION_STATES)[number];

export const AGGREGATION_METHODS = ['mean', 'median'] as const;
export type RecruitmentAggregation = (typeof AGGREGATION_METHODS)[number];

/** Conflict-of-interest reasons (same codes as `@madang/review`). */
export const RECRUITMENT_CONFLICT_CODES = [
  'self',
  'applicant_group_member',
  'shared_group',
  'shared_project',
  'same_space_resident',
  'payee_of_applicant',
  'declared',
] as const;
export type RecruitmentConflictCode = (typeof RECRUITMENT_CONFLICT_CODES)[number];

/** The standing tag a signed agreement gives the team's group (booking rules match it like a group kind). */
export const RESIDENT_BASE_TAG = 'resident_base';

/** Owner type of application files in the files service. */
export const APPLICATION_FILE_OWNER = 'recruitment_application';

/** Why a recruitment action was refused (`violations` of a `recruitment_rule` problem, 422). */
export const RECRUITMENT_RULES = [
  'phase_not_open',
  'deadline_passed',
  'not_group_manager',
  'already_applied',
  'answer_required',
  'answer_too_long',
  'answer_invalid',
  'file_not_of_application',
  'not_editable',
  'field_not_requested',
  'supplement_overdue',
  'phase_order',
  'schedule_invalid',
  'form_locked',
  'rubric_invalid',
  'conflict_of_interest',
  'not_declared',
  'sheet_invalid',
  'already_submitted',
  'own_review_not_submitted',
  'assignment_invalid',
  'not_eligible',
  'not_selected',
  'objection_window_closed',
  'results_not_published',
  'agreement_invalid',
  'agreement_not_draft',
] as const;
export type RecruitmentRule = (typeof RECRUITMENT_RULES)[number];

export const RECRUITMENT_RULE_MESSAGES: Readonly<Record<RecruitmentRule, LocalizedText>> = {
  phase_not_open: { ko: '지금은 접수 기간이 아닙니다.', en: 'The call is not open for applications.' },
  deadline_passed: { ko: '접수 마감 시각이 지났습니다.', en: 'The submission deadline has passed.' },
  not_group_manager: {
    ko: '이 단체의 관리자만 지원할 수 있습니다.',
    en: 'Only a manager of the group may apply for it.',
  },
  already_applied: {
    ko: '이 단체는 이미 이 공모에 지원서가 있습니다.',
    en: 'This group already has an application for this call.',
  },
  answer_required: { ko: '필수 항목입니다: {field}', en: 'This field is required: {field}' },
  answer_too_long: {
    ko: '{field} 항목은 {max}자 이하여야 합니다.',
    en: 'The field {field} must be at most {max} characters.',
  },
  answer_invalid: { ko: '{field} 항목의 값이 올바르지 않습니다.', en: 'The value of {field} is not valid.' },
  file_not_of_application: {
    ko: '이 지원서에 올린 파일이 아닙니다.',
    en: 'The file is not attached to this application.',
  },
  not_editable: { ko: '지금은 이 지원서를 고칠 수 없습니다.', en: 'This application cannot be edited now.' },
  field_not_requested: {
    ko: '보완 요청된 항목만 고칠 수 있습니다: {field}',
    en: 'Only the fields asked for may be changed: {field}',
  },
  supplement_overdue: { ko: '보완 제출 기한이 지났습니다.', en: 'The supplement is past its due date.' },
  phase_order: {
    ko: '{from}에서 {to}(으)로 넘어갈 수 없습니다.',
    en: 'The call cannot move from {from} to {to}.',
  },
  schedule_invalid: {
    ko: '단계 일정은 순서대로여야 합니다.',
    en: 'The phase dates must be in order.',
  },
  form_locked: {
    ko: '접수가 끝난 공모의 신청서 양식은 바꿀 수 없습니다.',
    en: 'The form cannot change once the call has closed.',
  },
  rubric_invalid: { ko: '평가 기준표가 올바르지 않습니다.', en: 'The rubric is not valid.' },
  conflict_of_interest: {
    ko: '이해충돌이 있어 이 지원서를 심사할 수 없습니다.',
    en: 'A conflict of interest bars you from scoring this application.',
  },
  not_declared: {
    ko: '먼저 이해충돌 여부를 신고해 주세요.',
    en: 'Declare your conflicts of interest first.',
  },
  sheet_invalid: { ko: '심사표를 확인해 주세요.', en: 'Please check the review sheet.' },
  already_submitted: { ko: '이미 제출했습니다.', en: 'This has already been submitted.' },
  own_review_not_submitted: {
    ko: '본인의 심사를 제출한 뒤에 다른 심사위원의 점수를 볼 수 있습니다.',
    en: "Submit your own review before seeing other reviewers' scores.",
  },
  assignment_invalid: {
    ko: '심사위원 배정이 올바르지 않습니다.',
    en: 'The reviewer assignment is not valid.',
  },
  not_eligible: { ko: '자격 심사를 통과하지 못한 지원서입니다.', en: 'The application is not eligible.' },
  not_selected: { ko: '선정된 지원서가 아닙니다.', en: 'The application was not selected.' },
  objection_window_closed: {
    ko: '이의 신청 기간이 아닙니다.',
    en: 'The objection window is not open.',
  },
  results_not_published: { ko: '아직 결과가 발표되지 않았습니다.', en: 'Results are not published yet.' },
  agreement_invalid: { ko: '협약 내용이 올바르지 않습니다.', en: 'The agreement is not valid.' },
  agreement_not_draft: {
    ko: '서명된 협약은 고칠 수 없습니다.',
    en: 'A signed agreement cannot be changed.',
  },
};

export interface RecruitmentViolation {
  code: RecruitmentRule;
  message: string;
  /** The field at fault, when there is one (e.g. `answers.plan`, `scores.impact`). */
  field?: string;
  params?: Record<string, string | number>;
}

// ---------------------------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------------------------

/** Dated phase schedule: the instant each phase starts (ISO 8601 with offset). `null` = moved by hand. */
export type PhaseSchedule = Partial<Record<Exclude<CallPhase, 'draft'>, string | null>>;

/** What a call offers. */
export interface CallOffer {
  /** Rooms on offer (catalogue asset ids) — residency calls. */
  assetIds: string[];
  /** Seats on offer — co-working calls. */
  seatCount: number | null;
  /** How many applications can be selected (default: rooms or seats count, or 1). */
  places: number;
  /** Term, inclusive local dates (YYYY-MM-DD). */
  termStart: string;
  termEnd: string;
  /** Integer won per month. */
  monthlyFee: number;
  deposit: number;
  /** Privileges granted for the term on signing. */
  privileges: CallPrivileges;
  /** Partner-space calls: the catalogue category the selected space joins as a bookable asset. */
  partnerCategoryId?: string | null;
}

export interface CallPrivileges {
  /** Standing tags the group gets (default `['resident_base']`); rental rules match them. */
  tags: string[];
  /** Days added to the booking advance window. */
  extraAdvanceDays: number;
  /** Rental fees waived for the group for bookings of these categories (empty = none). */
  feeWaiverCategoryIds: string[];
}

export interface CallSummary {
  id: string;
  kind: CallKind;
  title: LocalizedText;
  phase: CallPhase;
  /** Submission deadline (ISO 8601 instant); the server refuses a submission after it, to the second. */
  deadline: string;
  /** The centre's time zone the deadline is stated in. */
  timeZone: string;
  blind: boolean;
  applicationCount: number;
  createdAt: string;
}

export interface CallDetail extends CallSummary {
  summary: LocalizedText;
  body: LocalizedText;
  eligibility: LocalizedText;
  offer: CallOffer;
  schedule: PhaseSchedule;
  hasInterview: boolean;
  aggregation: RecruitmentAggregation;
  reviewersPerApplication: number;
  /** Budget line the rent is income on (settlement), if any. */
  budgetLineId: string | null;
  formVersion: number | null;
  phaseHistory: PhaseMoveView[];
}

export interface PhaseMoveView {
  from: CallPhase;
  to: CallPhase;
  at: string;
  /** null when the scheduled job moved it. */
  by: string | null;
  reason: string | null;
}

export interface CallOfferInput {
  assetIds?: string[];
  seatCount?: number | null;
  places?: number;
  termStart: string;
  termEnd: string;
  monthlyFee: number;
  deposit: number;
  privileges?: Partial<CallPrivileges>;
  partnerCategoryId?: string | null;
}

export interface CreateCallRequest {
  kind: CallKind;
  title: LocalizedText;
  summary: LocalizedText;
  body: LocalizedText;
  eligibility: LocalizedText;
  offer: CallOfferInput;
  deadline: string;
  schedule?: PhaseSchedule;
  blind?: boolean;
  hasInterview?: boolean;
  aggregation?: RecruitmentAggregation;
  reviewersPerApplication?: number;
  budgetLineId?: string | null;
}

export type UpdateCallRequest = Partial<CreateCallRequest>;

export interface SetScheduleRequest {
  deadline?: string;
  schedule: PhaseSchedule;
}

export interface MovePhaseRequest {
  to: CallPhase;
  reason?: string;
}

export interface CallListQuery extends PageQuery {
  phase?: CallPhase;
  kind?: CallKind;
}

// ---------------------------------------------------------------------------------------------
// Public pages (no personal data)
// ---------------------------------------------------------------------------------------------

export interface PublicCallQuery extends PageQuery {
  /** `open`: open for applications now; `past`: results published or later. Default: every non-draft call. */
  scope?: 'open' | 'current' | 'past';
}

export interface PublicCallSummary {
  id: string;
  kind: CallKind;
  title: LocalizedText;
  summary: LocalizedText;
  phase: CallPhase;
  deadline: string;
  timeZone: string;
  termStart: string;
  termEnd: string;
  places: number;
}

export interface PublicOfferRoom {
  assetId: string;
  name: string;
}

export interface PublicCallDetail extends PublicCallSummary {
  body: LocalizedText;
  eligibility: LocalizedText;
  schedule: PhaseSchedule;
  rooms: PublicOfferRoom[];
  seatCount: number | null;
  monthlyFee: number;
  deposit: number;
  /** Present once results are published: selected (and, when final, reserve) by group name only. */
  results: PublicResults | null;
}

export interface PublicResults {
  final: boolean;
  publishedAt: string;
  selected: PublicResultEntry[];
  reserve: PublicResultEntry[];
}

export interface PublicResultEntry {
  /** The applying group's public name (no person is named). */
  groupName: string;
  rank: number | null;
}

// ---------------------------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------------------------

export interface FormField {
  /** Stable key within the call (letters, digits, _ and -), used in answers. */
  id: string;
  type: FormFieldType;
  label: LocalizedText;
  help?: LocalizedText;
  required: boolean;
  /** Character limit for text and long_text. */
  maxLength?: number;
  /** Choices for `choice` (value + label). */
  options?: { value: string; label: LocalizedText }[];
  /** Allow several choices. */
  multiple?: boolean;
  /** Hidden from reviewers on blind calls (e.g. a field naming the team). */
  hiddenWhenBlind?: boolean;
  min?: number;
  max?: number;
}

export interface FormSection {
  id: string;
  title: LocalizedText;
  fields: FormField[];
}

export interface SaveFormRequest {
  sections: FormSection[];
}

export interface CallFormView {
  callId: string;
  version: number;
  sections: FormSection[];
  createdAt: string;
}

/** One team member in a `team_members` answer. */
export interface TeamMemberAnswer {
  name: string;
  role?: string;
  /** A Madang user, when the member has an account (used for conflict checks). */
  userId?: string;
}

/**
 * Answers by field id: text/long_text/date (YYYY-MM-DD)/choice → string (multiple choice → string[]),
 * number → number, file → file id(s) (string[]), team_members → TeamMemberAnswer[].
 */
export type FormAnswer = string | number | string[] | TeamMemberAnswer[] | null;
export type FormAnswers = Record<string, FormAnswer>;

// ---------------------------------------------------------------------------------------------
// Applications
// ---------------------------------------------------------------------------------------------

export interface CreateApplicationRequest {
  /** The group applied for; the applicant must manage it. */
  groupId: string;
  answers?: FormAnswers;
}

export interface SaveAnswersRequest {
  answers: FormAnswers;
}

export interface ScreeningReason {
  code: string;
  text: LocalizedText | string;
}

export interface ApplicationSummary {
  id: string;
  callId: string;
  callTitle: LocalizedText;
  callPhase: CallPhase;
  groupId: string;
  groupName: string;
  applicantId: string;
  applicantName: string;
  state: ApplicationState;
  eligibility: EligibilityState;
  decision: SelectionDecision | null;
  submittedAt: string | null;
  formVersion: number;
  updatedAt: string;
}

export interface ApplicationDetail extends ApplicationSummary {
  answers: FormAnswers;
  /** The form the application was written on (its version, not necessarily the newest). */
  form: CallFormView;
  eligibilityReasons: string[];
  decisionRationale: string | null;
  supplements: SupplementView[];
  deadline: string;
}

export interface ScreenApplicationRequest {
  eligible: boolean;
  /** Reasons, shown to the applicant (required when not eligible). */
  reasons?: string[];
}

export interface RequestSupplementRequest {
  fieldIds: string[];
  message: string;
  dueAt: string;
}

export interface SupplementView {
  id: string;
  applicationId: string;
  fieldIds: string[];
  message: string;
  dueAt: string;
  state: SupplementState;
  requestedBy: string;
  answeredAt: string | null;
  createdAt: string;
}

export interface DecideApplicationRequest {
  decision: SelectionDecision;
  rationale: string;
}

export interface ApplicationListQuery extends PageQuery {
  state?: ApplicationState;
  eligibility?: EligibilityState;
}

// ---------------------------------------------------------------------------------------------
// Rubric and reviews
// ---------------------------------------------------------------------------------------------

export type RubricCommentRule =
  | { required: 'never' }
  | { required: 'always' }
  | { required: 'at-or-below'; score: number };

export interface RubricCriterion {
  id: string;
  label: LocalizedText;
  weight: number;
  min: number;
  max: number;
  step?: number;
  scaleLabels?: { value: number; label: LocalizedText }[];
  comment?: RubricCommentRule;
}

export type RecruitmentTieBreak =
  | { kind: 'criterion'; criterionId: string; prefer: 'higher' | 'lower' }
  | { kind: 'earlier-submission' }
  | { kind: 'lottery'; seed: string };

export interface SaveRubricRequest {
  criteria: RubricCriterion[];
  overallCommentRequired?: boolean;
  tieBreaks?: RecruitmentTieBreak[];
}

export interface RubricView extends SaveRubricRequest {
  callId: string;
  tieBreaks: RecruitmentTieBreak[];
  overallCommentRequired: boolean;
}

export interface SetReviewersRequest {
  userIds: string[];
}

export interface ReviewerView {
  userId: string;
  displayName: string;
  email: string;
  load: number;
}

export interface AssignReviewerRequest {
  reviewerId: string;
  applicationId: string;
}

export interface BalancedAssignmentRequest {
  /** Reviewers per application (default: the call's). */
  k?: number;
  seed?: string;
}

export interface ConflictReasonView {
  code: RecruitmentConflictCode;
  message: LocalizedText;
}

export interface AssignmentView {
  id: string;
  callId: string;
  applicationId: string;
  reviewerId: string;
  reviewerName: string;
  state: AssignmentState;
  /** Conflicts Madang found in its own records (warnings) and any declared one. */
  conflicts: ConflictReasonView[];
  submittedAt: string | null;
  createdAt: string;
}

export interface ReviewAssignmentSummary {
  id: string;
  callId: string;
  callTitle: LocalizedText;
  applicationId: string;
  /** Group name; null on blind calls. */
  applicantLabel: string | null;
  /** A neutral label ("지원서 3" / "Application 3") that is shown on blind calls. */
  code: string;
  state: AssignmentState;
  conflicts: ConflictReasonView[];
  submittedAt: string | null;
}

export interface DeclareConflictRequest {
  hasConflict: boolean;
  note?: string;
}

export interface ReviewSheetView {
  scores: Record<string, number | null>;
  comments: Record<string, string>;
  overallComment: string | null;
  total: number | null;
  submittedAt: string | null;
}

export interface ReviewAssignmentDetail extends ReviewAssignmentSummary {
  blind: boolean;
  rubric: RubricView;
  form: CallFormView;
  /** Answers; on blind calls the fields marked `hiddenWhenBlind` and team member names are removed. */
  answers: FormAnswers | null;
  sheet: ReviewSheetView | null;
}

export interface SaveReviewSheetRequest {
  scores: Record<string, number | null>;
  comments?: Record<string, string>;
  overallComment?: string | null;
}

export interface PeerReviewView {
  /** "심사위원 A" — never a name on blind calls, and anonymised for everyone but staff. */
  reviewerLabel: string;
  scores: Record<string, number | null>;
  comments: Record<string, string>;
  overallComment: string | null;
  total: number | null;
}

export interface ScoreSummaryView {
  count: number;
  value: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  stdDev: number;
  range: number;
}

export interface RankingRow {
  applicationId: string;
  groupName: string;
  rank: number | null;
  score: number | null;
  total: ScoreSummaryView | null;
  criteria: Record<string, ScoreSummaryView | null>;
  decidedBy: 'first' | 'score' | 'tie-break' | 'tied' | 'unscored';
  reviewsSubmitted: number;
  reviewsAssigned: number;
  decision: SelectionDecision | null;
  rationale: string | null;
}

export interface RankingView {
  callId: string;
  aggregation: RecruitmentAggregation;
  tieBreaks: RecruitmentTieBreak[];
  rows: RankingRow[];
}

// ---------------------------------------------------------------------------------------------
// Results and objections
// ---------------------------------------------------------------------------------------------

export interface ApplicantResultView {
  applicationId: string;
  final: boolean;
  decision: SelectionDecision | null;
  rank: number | null;
  total: ScoreSummaryView | null;
  criteria: { criterionId: string; label: LocalizedText; summary: ScoreSummaryView | null }[];
  /** Reviewer comments without names ("심사위원 A"). */
  comments: { reviewerLabel: string; criterionId: string | null; text: string }[];
  objections: ObjectionView[];
  objectionWindowOpen: boolean;
}

export interface FileObjectionRequest {
  reasons: string;
}

export interface AnswerObjectionRequest {
  outcome: 'upheld' | 'dismissed';
  answer: string;
}

export interface ObjectionView {
  id: string;
  applicationId: string;
  callId: string;
  groupName: string;
  reasons: string;
  state: ObjectionState;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  createdAt: string;
}

// ---------------------------------------------------------------------------------------------
// Agreements and obligations
// ---------------------------------------------------------------------------------------------

export interface ObligationInput {
  title: LocalizedText | string;
  dueOn: string;
  /** Days before the due date the reminder goes out (default 7). */
  remindDaysBefore?: number;
}

export interface CreateAgreementRequest {
  termStart?: string;
  termEnd?: string;
  assetIds?: string[];
  seatCount?: number | null;
  monthlyFee?: number;
  deposit?: number;
  renewalOn?: string | null;
  obligations?: ObligationInput[];
}

export type UpdateAgreementRequest = CreateAgreementRequest;

export interface ObligationView {
  id: string;
  agreementId: string;
  groupName: string;
  title: string;
  dueOn: string;
  state: ObligationState;
  overdue: boolean;
  completedAt: string | null;
  note: string | null;
}

export interface AddObligationRequest extends ObligationInput {}

export interface CompleteObligationRequest {
  note?: string;
}

export interface AgreementView {
  id: string;
  callId: string;
  callTitle: LocalizedText;
  applicationId: string;
  groupId: string;
  groupName: string;
  /** The centre's signatory side is the foundation; the team side is the group. */
  parties: { centre: string; group: string };
  state: AgreementState;
  termStart: string;
  termEnd: string;
  assetIds: string[];
  seatCount: number | null;
  monthlyFee: number;
  deposit: number;
  renewalOn: string | null;
  obligations: ObligationView[];
  signedAt: string | null;
  signedBy: string | null;
  /** Booking-block ids created on signing. */
  blockIds: string[];
  /** Rent schedule id in settlement, once scheduled. */
  rentScheduleId: string | null;
  /** Catalogue asset created for a partner-space call. */
  partnerAssetId: string | null;
  createdAt: string;
}

export interface AgreementListQuery extends PageQuery {
  state?: AgreementState;
}

/** A booking that overlaps the agreement's rooms and term (listed before signing). */
export interface AgreementConflictView {
  assetId: string;
  assetName: string;
  bookingId: string;
  start: string;
  end: string;
  state: string;
}
