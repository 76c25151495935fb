import type { LocalizedText } from './locale';
import type { FileInfo } from './files';
import type { GroupKind } from './roles';
import type { PageQuery } from './users';
import type { BookingDto, CreateBookingRequest, PersonRef } from './bookings';
import type { ExecutionFigures, ProgrammeKind } from './settlement';

/*
 * Living-lab projects (issue 11): observations → projects (observation, experiment, cooperation,
 * sharing, on hold, discontinued) → experiments → outcomes → public archive.
 * Times are ISO 8601 instants (UTC); dates are `YYYY-MM-DD` (Asia/Seoul); money is integer won.
 *
 * Routes (all under /api):
 *  Public, no sign-in
 *   GET    public/observations                      Page<PublicObservationSummary>   (PublicObservationListQuery)
 *   GET    public/observations/:id                  PublicObservationDetail
 *   GET    public/labs/response-promise             ResponsePromiseView
 *   GET    public/labs/projects                     Page<PublicProjectSummary>       (ArchiveQuery)
 *   GET    public/labs/projects/:id                 PublicProjectPage                (published projects only)
 *   GET    public/labs/projects/:id/results.csv     text/csv: metric readings of every experiment
 *   GET    public/labs/summary                      ArchiveSummary                   (ArchiveQuery filters)
 *  Observations (labs:participate = every resident; staff actions labs:manage)
 *   POST   observations                             ObservationDetail (201)          CreateObservationRequest
 *   GET    observations                             Page<ObservationSummary>         ObservationListQuery (scope=all: labs:manage)
 *   GET    observations/:id                         ObservationDetail
 *   PUT    observations/:id/support                 SupportState
 *   DELETE observations/:id/support                 SupportState
 *   POST   observations/:id/comments                ObservationComment (201)         CreateCommentRequest
 *   PATCH  observations/:id/triage                  ObservationDetail    labs:manage TriageObservationRequest
 *   POST   observations/:id/responses               ObservationDetail    labs:manage RespondToObservationRequest
 *   POST   observations/:id/merge                   ObservationDetail    labs:manage MergeObservationRequest (answers the target)
 *   GET    labs/response-dashboard                  ResponseDashboard    labs:manage ResponseDashboardQuery
 *  Projects (labs:participate, scoped: lead user, members, members of the lead group, labs:manage;
 *  anyone else gets 404 — a project outside your team does not exist for you in the signed-in API)
 *   POST   labs/projects                            ProjectDetail (201)  labs:manage CreateProjectRequest
 *   GET    labs/projects                            Page<ProjectSummary>             ProjectListQuery (scope=all: labs:manage)
 *   GET    labs/projects/:id                        ProjectDetail
 *   PATCH  labs/projects/:id                        ProjectDetail                    UpdateProjectRequest
 *   POST   labs/projects/:id/stage                  ProjectDetail                    ChangeStageRequest (422 lab_rule on a gate)
 *   POST   labs/projects/:id/publish                ProjectDetail                    (makes a non-draft, visible in the archive)
 *   POST   labs/projects/:id/unpublish              ProjectDetail                    (409 while in sharing)
 *   GET    labs/projects/:id/timeline               TimelineEvent[]
 *   GET    labs/projects/:id/budget                 ProjectBudgetView                (404 without a programme)
 *   PUT    labs/projects/:id/members/:userId        ProjectDetail                    (lead or labs:manage)
 *   DELETE labs/projects/:id/members/:userId        ProjectDetail
 *   POST   labs/projects/:id/observations           ProjectDetail                    LinkObservationRequest (poster is notified)
 *   DELETE labs/projects/:id/observations/:obsId    ProjectDetail
 *   POST   labs/projects/:id/partners               ProjectPartner (201)             CreatePartnerRequest
 *   PATCH  labs/partners/:id                        ProjectPartner                   UpdatePartnerRequest
 *   POST   labs/partners/:id/commitments            ProjectPartner (201)             CreateCommitmentRequest
 *   PATCH  labs/commitments/:id                     ProjectPartner                   UpdateCommitmentRequest
 *   POST   labs/projects/:id/milestones             ProjectMilestone (201)           CreateMilestoneRequest
 *   PATCH  labs/milestones/:id                      ProjectMilestone                 UpdateMilestoneRequest
 *   POST   labs/projects/:id/experiments            ExperimentDetail (201)           CreateExperimentRequest
 *   GET    labs/experiments/:id                     ExperimentDetail
 *   PATCH  labs/experiments/:id                     ExperimentDetail                 UpdateExperimentRequest
 *   POST   labs/experiments/:id/bookings            ExperimentDetail (201)           CreateBookingRequest (409 slot_taken, 422 rule_violation)
 *   POST   labs/experiments/:id/linked-bookings     ExperimentDetail                 LinkBookingRequest
 *   DELETE labs/experiments/:id/bookings/:bookingId ExperimentDetail                 (unlinks; the booking stays)
 *   GET    labs/experiments/:id/participants        ExperimentParticipant[]          (editors only; never public)
 *   POST   labs/experiments/:id/participants        ExperimentParticipant (201)      RecordConsentRequest
 *   POST   labs/participants/:id/withdraw           ExperimentParticipant            (consent withdrawn, contact erased)
 *   POST   labs/experiments/:id/metrics             ExperimentMetric (201)           CreateMetricRequest
 *   POST   labs/metrics/:id/readings                ExperimentMetric (201)           AddReadingRequest
 *   POST   labs/experiments/:id/verdict             ExperimentDetail                 RecordVerdictRequest
 *   POST   labs/projects/:id/outcomes               ProjectOutcome (201)             CreateOutcomeRequest
 *   POST   labs/outcomes/:id/verify                 ProjectOutcome       labs:manage (verifier ≠ project lead and ≠ recorder; 422 lab_rule)
 *  Files: the house route `POST /api/files` with ownerType one of LAB_FILE_OWNER_TYPES.
 */

// ─── Vocabularies ──────────────────────────────────────────────────────────────────────────────

export const OBSERVATION_KINDS = ['problem', 'possibility'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];
export const OBSERVATION_KIND_LABELS: Readonly<Record<ObservationKind, LocalizedText>> = {
  problem: { ko: '문제', en: 'Problem' },
  possibility: { ko: '가능성', en: 'Possibility' },
};

export const OBSERVATION_CATEGORIES = [
  'transport',
  'housing',
  'environment',
  'community',
  'culture',
  'safety',
  'welfare',
  'economy',
  'other',
] as const;
export type ObservationCategory = (typeof OBSERVATION_CATEGORIES)[number];
export const OBSERVATION_CATEGORY_LABELS: Readonly<Record<ObservationCategory, LocalizedText>> = {
  transport: { ko: '교통', en: 'Transport' },
  housing: { ko: '주거', en: 'Housing' },
  environment: { ko: '환경', en: 'Environment' },
  community: { ko: '공동체', en: 'Community' },
  culture: { ko: '문화', en: 'Culture' },
  safety: { ko: '안전', en: 'Safety' },
  welfare: { ko: '복지', en: 'Welfare' },
  economy: { ko: '경제', en: 'Economy' },
  other: { ko: '기타', en: 'Other' },
};

/**
 * Where an observation stands: `received` (waiting for an acknowledgement), `acknowledged`,
 * `answered` (a substantive answer was given), `merged` (a duplicate of another observation).
 */
export const OBSERVATION_STATES = ['received', 'acknowledged', 'answered', 'merged'] as const;
export type ObservationState = (typeof OBSERVATION_STATES)[number];
export const OBSERVATION_STATE_LABELS: Readonly<Record<ObservationState, LocalizedText>> = {
  received: { ko: '접수', en: 'Received' },
  acknowledged: { ko: '확인', en: 'Acknowledged' },
  answered: { ko: '답변 완료', en: 'Answered' },
  merged: { ko: '병합됨', en: 'Merged' },
};

/**
 * The Seoul SNS civil-service rule (seeds/003): a simple opinion or request is answered within
 * 3 working hours, a matter needing an official's review within 3 working days, a policy
 * suggestion within 5 working days. Every observation is also acknowledged within 3 working hours.
 * The numbers are configuration (`ResponsePromiseView`).
 */
export const OBSERVATION_RESPONSE_KINDS = ['simple', 'review', 'policy'] as const;
export type ObservationResponseKind = (typeof OBSERVATION_RESPONSE_KINDS)[number];
export const OBSERVATION_RESPONSE_KIND_LABELS: Readonly<Record<ObservationResponseKind, LocalizedText>> = {
  simple: { ko: '단순 의견·요청', en: 'Simple opinion or request' },
  review: { ko: '담당자 검토 필요', en: 'Needs an official’s review' },
  policy: { ko: '정책 제안', en: 'Policy suggestion' },
};

/** A staff reply: an acknowledgement (first contact) or the substantive answer. */
export const OBSERVATION_REPLY_KINDS = ['acknowledgement', 'answer'] as const;
export type ObservationReplyKind = (typeof OBSERVATION_REPLY_KINDS)[number];

/** The centre's teams that answer observations (dashboard rows). */
export const LAB_TEAMS = [
  'research_pr',
  'community_innovation',
  'foundation_development',
  'operations_management',
] as const;
export type LabTeam = (typeof LAB_TEAMS)[number];
export const LAB_TEAM_LABELS: Readonly<Record<LabTeam, LocalizedText>> = {
  research_pr: { ko: '연구홍보팀', en: 'Research & PR Team' },
  community_innovation: { ko: '지역혁신팀', en: 'Community Innovation Team' },
  foundation_development: { ko: '재단발전팀', en: 'Foundation Development Team' },
  operations_management: { ko: '경영지원팀', en: 'Operations & Management Team' },
};

/** Promise state of one deadline (the service-targets library's states). */
export const RESPONSE_TARGET_STATES = ['on-time', 'due-soon', 'late', 'met', 'missed'] as const;
export type ResponseTargetState = (typeof RESPONSE_TARGET_STATES)[number];

export const PROJECT_STAGES = [
  'observation',
  'experiment',
  'cooperation',
  'sharing',
  'on_hold',
  'discontinued',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
/** The centre's four steps in order (brochure, seeds/000); on_hold and discontinued are off the path. */
export const PROJECT_PATH: readonly ProjectStage[] = ['observation', 'experiment', 'cooperation', 'sharing'];
export const PROJECT_STAGE_LABELS: Readonly<Record<ProjectStage, LocalizedText>> = {
  observation: { ko: '관찰', en: 'Observation' },
  experiment: { ko: '실험', en: 'Experiment' },
  cooperation: { ko: '협력', en: 'Cooperation' },
  sharing: { ko: '공유', en: 'Sharing' },
  on_hold: { ko: '보류', en: 'On hold' },
  discontinued: { ko: '중단', en: 'Discontinued' },
};

/** The quadruple helix. */
export const PARTNER_SECTORS = ['public', 'private', 'civic', 'academic'] as const;
export type PartnerSector = (typeof PARTNER_SECTORS)[number];
export const PARTNER_SECTOR_LABELS: Readonly<Record<PartnerSector, LocalizedText>> = {
  public: { ko: '공공', en: 'Public' },
  private: { ko: '민간', en: 'Private' },
  civic: { ko: '시민사회', en: 'Civic' },
  academic: { ko: '학계', en: 'Academic' },
};

export const PARTNER_STATUSES = ['invited', 'active', 'ended'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
export const PARTNER_STATUS_LABELS: Readonly<Record<PartnerStatus, LocalizedText>> = {
  invited: { ko: '제안', en: 'Invited' },
  active: { ko: '참여 중', en: 'Active' },
  ended: { ko: '종료', en: 'Ended' },
};

export const COMMITMENT_KINDS = ['money', 'space', 'people', 'data'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];
export const COMMITMENT_KIND_LABELS: Readonly<Record<CommitmentKind, LocalizedText>> = {
  money: { ko: '재원', en: 'Money' },
  space: { ko: '공간', en: 'Space' },
  people: { ko: '인력', en: 'People' },
  data: { ko: '데이터', en: 'Data' },
};

export const COMMITMENT_STATUSES = ['proposed', 'agreed', 'delivered', 'withdrawn'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const COMMITMENT_STATUS_LABELS: Readonly<Record<CommitmentStatus, LocalizedText>> = {
  proposed: { ko: '제안', en: 'Proposed' },
  agreed: { ko: '합의', en: 'Agreed' },
  delivered: { ko: '이행', en: 'Delivered' },
  withdrawn: { ko: '철회', en: 'Withdrawn' },
};

export const MILESTONE_STATUSES = ['planned', 'done', 'missed', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const MILESTONE_STATUS_LABELS: Readonly<Record<MilestoneStatus, LocalizedText>> = {
  planned: { ko: '예정', en: 'Planned' },
  done: { ko: '완료', en: 'Done' },
  missed: { ko: '지연', en: 'Missed' },
  cancelled: { ko: '취소', en: 'Cancelled' },
};

/** An experiment is `planned`, `running` (its period has started) or `concluded` (a verdict is recorded). */
export const EXPERIMENT_STATUSES = ['planned', 'running', 'concluded'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

export const EXPERIMENT_VERDICTS = ['confirmed', 'refuted', 'inconclusive'] as const;
export type ExperimentVerdict = (typeof EXPERIMENT_VERDICTS)[number];
export const EXPERIMENT_VERDICT_LABELS: Readonly<Record<ExperimentVerdict, LocalizedText>> = {
  confirmed: { ko: '가설 입증', en: 'Confirmed' },
  refuted: { ko: '가설 기각', en: 'Refuted' },
  inconclusive: { ko: '판단 유보', en: 'Inconclusive' },
};

/** Whether a higher or a lower reading is better (for charts and "target reached"). */
export const METRIC_DIRECTIONS = ['increase', 'decrease'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

export const OUTCOME_TYPES = [
  'policy_adopted',
  'service_continued',
  'budget_line_created',
  'organisation_founded',
  'other',
] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];
export const OUTCOME_TYPE_LABELS: Readonly<Record<OutcomeType, LocalizedText>> = {
  policy_adopted: { ko: '정책·조례 채택', en: 'Policy or ordinance adopted' },
  service_continued: { ko: '공공 서비스로 지속', en: 'Service continued by a public body' },
  budget_line_created: { ko: '예산 편성', en: 'Budget line created' },
  organisation_founded: { ko: '조직 설립', en: 'Organisation founded' },
  other: { ko: '기타', en: 'Other' },
};

/** File owner types the living-lab domain registers with the house file service. */
export const LAB_FILE_OWNER_TYPES = [
  'lab_observation',
  'lab_project',
  'lab_experiment',
  'lab_outcome',
] as const;
export type LabFileOwnerType = (typeof LAB_FILE_OWNER_TYPES)[number];

// ─── Errors ────────────────────────────────────────────────────────────────────────────────────

/**
 * Why a living-lab action was refused: a `lab_rule` problem (422) carries `violations:
 * LabViolation[]`. Stage gates are also enforced by the database.
 */
export const LAB_RULES = [
  'problem_statement_missing',
  'no_linked_observation',
  'no_concluded_experiment',
  'results_note_missing',
  'stage_not_allowed',
  'reason_required',
  'project_closed',
  'verifier_is_lead',
  'verifier_is_recorder',
  'outcome_already_verified',
  'experiment_concluded',
  'merge_into_self',
  'observation_merged',
  'booking_not_visible',
  'consent_withdrawn',
  'lead_required',
] as const;
export type LabRule = (typeof LAB_RULES)[number];

export const LAB_RULE_MESSAGES: Readonly<Record<LabRule, LocalizedText>> = {
  problem_statement_missing: {
    ko: '실험 단계로 가려면 문제 정의가 있어야 합니다.',
    en: 'A problem statement is needed before the experiment stage.',
  },
  no_linked_observation: {
    ko: '실험 단계로 가려면 연결된 관찰이 하나 이상 있어야 합니다.',
    en: 'At least one linked observation is needed before the experiment stage.',
  },
  no_concluded_experiment: {
    ko: '협력 단계로 가려면 결론이 난 실험이 하나 이상 있어야 합니다.',
    en: 'At least one concluded experiment is needed before the cooperation stage.',
  },
  results_note_missing: {
    ko: '공유 단계로 가려면 결과 정리가 있어야 합니다.',
    en: 'A results note is needed before the sharing stage.',
  },
  stage_not_allowed: {
    ko: '현재 단계에서 그 단계로 옮길 수 없습니다.',
    en: 'The project cannot move from its current stage to that stage.',
  },
  reason_required: { ko: '사유를 적어 주세요.', en: 'Please give a reason.' },
  project_closed: {
    ko: '중단된 프로젝트는 바꿀 수 없습니다.',
    en: 'A discontinued project cannot be changed.',
  },
  verifier_is_lead: {
    ko: '프로젝트 책임자는 성과를 검증할 수 없습니다.',
    en: 'The project lead cannot verify its outcomes.',
  },
  verifier_is_recorder: {
    ko: '성과를 기록한 사람은 검증할 수 없습니다.',
    en: 'Whoever recorded an outcome cannot verify it.',
  },
  outcome_already_verified: { ko: '이미 검증된 성과입니다.', en: 'This outcome is already verified.' },
  experiment_concluded: {
    ko: '결론이 난 실험은 바꿀 수 없습니다.',
    en: 'A concluded experiment cannot be changed.',
  },
  merge_into_self: {
    ko: '같은 관찰로 병합할 수 없습니다.',
    en: 'An observation cannot be merged into itself.',
  },
  observation_merged: {
    ko: '이미 다른 관찰로 병합되었습니다.',
    en: 'This observation has already been merged into another.',
  },
  booking_not_visible: {
    ko: '볼 수 없는 예약은 연결할 수 없습니다.',
    en: 'Only a booking you can see can be linked.',
  },
  consent_withdrawn: { ko: '이미 동의를 철회했습니다.', en: 'Consent has already been withdrawn.' },
  lead_required: {
    ko: '책임자로 그룹이나 직원 한 명을 지정해 주세요.',
    en: 'Name a group or one staff member as the lead.',
  },
};

export interface LabViolation {
  code: LabRule;
  message: string;
}

// ─── Response promise ─────────────────────────────────────────────────────────────────────────

/** A promise in the service-targets library's shape, with its sentence. */
export interface ResponseTargetView {
  kind: 'working-hours' | 'working-days';
  amount: number;
  description: LocalizedText;
}

/** `GET /api/public/labs/response-promise`: the configured promise, shown beside the form. */
export interface ResponsePromiseView {
  acknowledgement: ResponseTargetView;
  answer: Readonly<Record<ObservationResponseKind, ResponseTargetView>>;
  /** The kind a new observation gets until staff classify it. */
  defaultKind: ObservationResponseKind;
  timeZone: string;
  workingHours: { start: string; end: string };
}

/** One deadline of an observation and where it stands now. */
export interface ObservationDeadline {
  dueAt: string;
  respondedAt: string | null;
  state: ResponseTargetState;
  /** Working minutes from receipt to the reply (or to now while open). */
  elapsedWorkingMinutes: number;
  /** Working minutes past the deadline (0 when not late). */
  overdueWorkingMinutes: number;
}

// ─── Observations ─────────────────────────────────────────────────────────────────────────────

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** `POST /api/observations`. Photos and files follow through `POST /api/files` (ownerType `lab_observation`). */
export interface CreateObservationRequest {
  kind: ObservationKind;
  category: ObservationCategory;
  title: string;
  /** In the poster's own words (Korean welcome), 1–5000 characters. */
  body: string;
  placeName?: string;
  point?: GeoPoint;
  /** Shown publicly (default true); when false only the poster and staff see it. */
  isPublic?: boolean;
  /** Hide the poster's name from the public (never from staff); default false. */
  anonymous?: boolean;
}

export interface ObservationReply {
  id: string;
  kind: ObservationReplyKind;
  body: string;
  /** Staff member; the public sees the team name only (`author` null). */
  author: PersonRef | null;
  team: LabTeam;
  createdAt: string;
}

export interface ObservationComment {
  id: string;
  body: string;
  author: PersonRef;
  /** The author is staff (labs:manage) — shown as "centre". */
  byStaff: boolean;
  createdAt: string;
}

export interface CreateCommentRequest {
  body: string;
}

/** What the public sees in the list. */
export interface PublicObservationSummary {
  id: string;
  kind: ObservationKind;
  category: ObservationCategory;
  title: string;
  /** The first ~200 characters of the body. */
  excerpt: string;
  placeName: string | null;
  point: GeoPoint | null;
  state: ObservationState;
  /** null when the poster chose to stay anonymous to the public. */
  poster: PersonRef | null;
  supportCount: number;
  commentCount: number;
  /** Published projects it is linked to. */
  projects: { id: string; title: string }[];
  createdAt: string;
}

export interface PublicObservationDetail extends PublicObservationSummary {
  body: string;
  replies: ObservationReply[];
  comments: ObservationComment[];
  files: FileInfo[];
  /** When merged: the observation it now lives on. */
  mergedInto: { id: string; title: string } | null;
}

export interface PublicObservationListQuery extends PageQuery {
  kind?: ObservationKind;
  category?: ObservationCategory;
  state?: ObservationState;
  /** Words in the title or body. */
  q?: string;
  /** `recent` (default) or `supported` (most supported first). */
  sort?: 'recent' | 'supported';
}

/** A signed-in view; staff see the poster even when anonymous, and the promise. */
export interface ObservationSummary extends Omit<PublicObservationSummary, 'projects'> {
  isPublic: boolean;
  anonymous: boolean;
  /** Staff and the poster: the poster's real name. */
  poster: PersonRef | null;
  mine: boolean;
  supportedByMe: boolean;
  responseKind: ObservationResponseKind;
  team: LabTeam;
  acknowledgement: ObservationDeadline;
  answer: ObservationDeadline;
  /** Every linked project the viewer may see (published ones and their own). */
  projects: { id: string; title: string }[];
}

export interface ObservationDetail extends ObservationSummary {
  body: string;
  replies: ObservationReply[];
  comments: ObservationComment[];
  files: FileInfo[];
  mergedInto: { id: string; title: string } | null;
  /** Observations merged into this one. */
  duplicates: { id: string; title: string }[];
}

export interface ObservationListQuery extends PublicObservationListQuery {
  /** `mine` (default): posted by me; `all`: every observation (labs:manage). */
  scope?: 'mine' | 'all';
  team?: LabTeam;
  /** Only those whose acknowledgement or answer is late now. */
  late?: boolean;
}

export interface SupportState {
  observationId: string;
  supportCount: number;
  supportedByMe: boolean;
}

/** `PATCH /api/observations/:id/triage` (labs:manage): classify and assign; the answer deadline follows the kind. */
export interface TriageObservationRequest {
  responseKind?: ObservationResponseKind;
  team?: LabTeam;
  category?: ObservationCategory;
}

/** `POST /api/observations/:id/responses` (labs:manage). An answer also acknowledges. */
export interface RespondToObservationRequest {
  kind: ObservationReplyKind;
  body: string;
}

/** `POST /api/observations/:id/merge` (labs:manage): supports move to the target (one per person). */
export interface MergeObservationRequest {
  intoId: string;
  reason: string;
}

/** `GET /api/labs/response-dashboard?from=YYYY-MM&to=YYYY-MM` (default the last 12 months). */
export interface ResponseDashboardQuery {
  from?: string;
  to?: string;
  team?: LabTeam;
}

/** Response statistics of a set of observations (the service-targets library's figures). */
export interface ResponseStatisticsView {
  count: number;
  responded: number;
  met: number;
  missed: number;
  openLate: number;
  openOnTime: number;
  /** met / (met + missed + openLate), null when none is known yet. */
  onTimeShare: number | null;
  medianResponseWorkingMinutes: number | null;
  medianResponseMinutes: number | null;
}

export interface ResponseDashboardRow {
  acknowledgement: ResponseStatisticsView;
  answer: ResponseStatisticsView;
}

export interface ResponseDashboard {
  from: string;
  to: string;
  generatedAt: string;
  promise: ResponsePromiseView;
  total: ResponseDashboardRow;
  byTeam: (ResponseDashboardRow & { team: LabTeam })[];
  /** `YYYY-MM` of receipt (Asia/Seoul), oldest first. */
  byMonth: (ResponseDashboardRow & { month: string })[];
  byTeamMonth: (ResponseDashboardRow & { team: LabTeam; month: string })[];
  /** Open observations past a deadline, most overdue first (at most 50). */
  lateNow: {
    id: string;
    title: string;
    team: LabTeam;
    which: ObservationReplyKind;
    dueAt: string;
    overdueWorkingMinutes: number;
  }[];
}

// ─── Projects ─────────────────────────────────────────────────────────────────────────────────

export interface ProjectLead {
  /** Exactly one of the two. */
  group: { id: string; name: string; kind: GroupKind } | null;
  user: PersonRef | null;
}

export interface CommitmentView {
  id: string;
  kind: CommitmentKind;
  description: string;
  /** Won, for money commitments (or the value of in-kind ones); null when not priced. */
  amount: number | null;
  status: CommitmentStatus;
}

export interface ProjectPartner {
  id: string;
  name: string;
  sector: PartnerSector;
  status: PartnerStatus;
  /** The partner's group in Madang, if it has one. */
  groupId: string | null;
  /** Staff and team only; never on public pages. */
  contact: string | null;
  commitments: CommitmentView[];
}

export interface ProjectMilestone {
  id: string;
  title: string;
  dueOn: string;
  status: MilestoneStatus;
  doneOn: string | null;
}

export interface MetricReading {
  id: string;
  measuredOn: string;
  value: number;
  note: string | null;
}

export interface ExperimentMetric {
  id: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: MetricDirection;
  /** Oldest first. */
  readings: MetricReading[];
  /** The latest reading, or null. */
  actual: number | null;
  /** The latest reading reaches the target in the metric's direction. */
  targetReached: boolean;
}

export interface ExperimentSummary {
  id: string;
  title: string;
  hypothesis: string;
  status: ExperimentStatus;
  startsOn: string;
  endsOn: string;
  verdict: ExperimentVerdict | null;
}

export interface ExperimentDetail extends ExperimentSummary {
  projectId: string;
  intervention: string;
  lesson: string | null;
  concludedAt: string | null;
  concludedBy: PersonRef | null;
  /** Sites: real bookings of Madang's (or partner) spaces. */
  bookings: BookingDto[];
  participants: ParticipantCounts;
  metrics: ExperimentMetric[];
  files: FileInfo[];
}

export interface ParticipantCounts {
  /** Entered by the team (e.g. a street count); null when not entered. */
  entered: number | null;
  /** Sum of attendees of the linked bookings that are approved (check-ins do not exist yet). */
  fromBookings: number;
  /** People whose consent is recorded and not withdrawn. */
  consented: number;
  withdrawn: number;
}

export interface ExperimentParticipant {
  id: string;
  /** null once consent is withdrawn (the person's data is erased; the row remains as a count). */
  name: string | null;
  contact: string | null;
  consentNote: string;
  consentedAt: string;
  recordedBy: PersonRef;
  withdrawnAt: string | null;
}

export interface ProjectOutcome {
  id: string;
  type: OutcomeType;
  title: string;
  description: string;
  occurredOn: string;
  responsibleBody: string;
  recordedBy: PersonRef;
  verifiedBy: PersonRef | null;
  verifiedAt: string | null;
  files: FileInfo[];
}

export interface ProjectSummary {
  id: string;
  title: string;
  summary: string;
  category: ObservationCategory;
  stage: ProjectStage;
  published: boolean;
  lead: ProjectLead;
  /** What the viewer may do: edit (lead, member, lead group's member, labs:manage), manage (lead, labs:manage). */
  canEdit: boolean;
  canManageTeam: boolean;
  experimentCount: number;
  outcomeCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectDetail extends ProjectSummary {
  problemStatement: string | null;
  resultsNote: string | null;
  /** The stage before on_hold (to resume to), else null. */
  heldFrom: ProjectStage | null;
  members: PersonRef[];
  observations: { id: string; title: string; kind: ObservationKind; supportCount: number }[];
  partners: ProjectPartner[];
  milestones: ProjectMilestone[];
  experiments: ExperimentSummary[];
  outcomes: ProjectOutcome[];
  files: FileInfo[];
  programme: { id: string; code: string; name: string; year: number } | null;
  /** The stages the project may move to now, each with the gate violations that would stop it. */
  nextStages: { stage: ProjectStage; violations: LabViolation[] }[];
}

export interface ProjectListQuery extends PageQuery {
  /** `mine` (default): projects I lead or am a member of (also through the lead group); `all`: labs:manage. */
  scope?: 'mine' | 'all';
  stage?: ProjectStage;
  category?: ObservationCategory;
  q?: string;
}

export interface CreateProjectRequest {
  title: string;
  summary: string;
  category: ObservationCategory;
  /** Exactly one lead: a group or a staff member. */
  leadGroupId?: string;
  leadUserId?: string;
  memberIds?: string[];
  /** Start the project from these observations (their posters are told). */
  observationIds?: string[];
  problemStatement?: string;
  programmeId?: string;
}

/** `null` clears an optional field. */
export interface UpdateProjectRequest {
  title?: string;
  summary?: string;
  category?: ObservationCategory;
  problemStatement?: string | null;
  resultsNote?: string | null;
  programmeId?: string | null;
}

export interface ChangeStageRequest {
  to: ProjectStage;
  /** Why (kept on the timeline and in the audit log), 1–1000 characters. */
  reason: string;
}

export interface LinkObservationRequest {
  observationId: string;
}

export interface CreatePartnerRequest {
  name: string;
  sector: PartnerSector;
  status?: PartnerStatus;
  groupId?: string;
  contact?: string;
  commitments?: CreateCommitmentRequest[];
}

export interface UpdatePartnerRequest {
  name?: string;
  sector?: PartnerSector;
  status?: PartnerStatus;
  contact?: string | null;
}

export interface CreateCommitmentRequest {
  kind: CommitmentKind;
  description: string;
  amount?: number;
  status?: CommitmentStatus;
}

export interface UpdateCommitmentRequest {
  description?: string;
  amount?: number | null;
  status?: CommitmentStatus;
}

export interface CreateMilestoneRequest {
  title: string;
  dueOn: string;
  status?: MilestoneStatus;
}

export interface UpdateMilestoneRequest {
  title?: string;
  dueOn?: string;
  status?: MilestoneStatus;
  /** Defaults to today when status becomes `done`. */
  doneOn?: string | null;
}

export const TIMELINE_EVENT_KINDS = [
  'created',
  'stage_changed',
  'observation_linked',
  'experiment_added',
  'experiment_concluded',
  'milestone_due',
  'milestone_done',
  'partner_joined',
  'outcome_recorded',
  'outcome_verified',
  'published',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

export interface TimelineEvent {
  kind: TimelineEventKind;
  at: string;
  /** Who did it (null for dated facts such as a milestone's due date). */
  actor: PersonRef | null;
  /** Short text: the stage move's reason, the experiment's title, the milestone's title... */
  text: string;
  fromStage?: ProjectStage;
  toStage?: ProjectStage;
  /** The object it is about (experiment, outcome, milestone, observation, partner). */
  subjectId?: string;
}

/** `GET /api/labs/projects/:id/budget`: the linked settlement programme's figures (settlement's own report). */
export interface ProjectBudgetView {
  programme: { id: string; code: string; name: string; year: number; kind: ProgrammeKind };
  /** false when the viewer has no access to the programme's books: figures are then null. */
  available: boolean;
  total: ExecutionFigures | null;
  lines: (ExecutionFigures & { budgetLineId: string; name: string; categoryName: string })[];
  expenses: { id: string; date: string; title: string; amount: number; state: string }[];
}

// ─── Experiments ──────────────────────────────────────────────────────────────────────────────

export interface CreateExperimentRequest {
  title: string;
  hypothesis: string;
  intervention: string;
  startsOn: string;
  endsOn: string;
  participantCount?: number;
}

export interface UpdateExperimentRequest {
  title?: string;
  hypothesis?: string;
  intervention?: string;
  startsOn?: string;
  endsOn?: string;
  participantCount?: number | null;
}

/** `POST /api/labs/experiments/:id/bookings` takes the booking engine's own request. */
export type CreateExperimentBookingRequest = CreateBookingRequest;

export interface LinkBookingRequest {
  bookingId: string;
}

export interface RecordConsentRequest {
  name: string;
  contact?: string;
  /** What the person agreed to, e.g. "설문 응답 및 사진 촬영 동의". */
  consentNote: string;
}

export interface CreateMetricRequest {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: MetricDirection;
}

export interface AddReadingRequest {
  measuredOn: string;
  value: number;
  note?: string;
}

export interface RecordVerdictRequest {
  verdict: ExperimentVerdict;
  /** The lesson learned, 1–5000 characters. */
  lesson: string;
}

// ─── Outcomes ─────────────────────────────────────────────────────────────────────────────────

export interface CreateOutcomeRequest {
  type: OutcomeType;
  title: string;
  description: string;
  occurredOn: string;
  responsibleBody: string;
}

// ─── Public archive ───────────────────────────────────────────────────────────────────────────

export interface ArchiveQuery extends PageQuery {
  stage?: ProjectStage;
  category?: ObservationCategory;
  /** Calendar year the project was created or last moved stage in (Asia/Seoul). */
  year?: number;
  outcomeType?: OutcomeType;
  q?: string;
}

export interface PublicProjectSummary {
  id: string;
  title: string;
  summary: string;
  category: ObservationCategory;
  stage: ProjectStage;
  /** The lead group's name, or the centre for staff-led projects — never a person's name. */
  leadName: string;
  year: number;
  publishedAt: string;
  experimentCount: number;
  verdicts: ExperimentVerdict[];
  outcomeTypes: OutcomeType[];
}

export interface PublicMetric {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: MetricDirection;
  readings: { measuredOn: string; value: number }[];
  actual: number | null;
  targetReached: boolean;
}

/** Public project page: never participant names, contacts or any person's name except group names. */
export interface PublicProjectPage extends PublicProjectSummary {
  problemStatement: string | null;
  resultsNote: string | null;
  observations: { id: string; title: string; kind: ObservationKind; supportCount: number }[];
  experiments: {
    id: string;
    title: string;
    hypothesis: string;
    intervention: string;
    startsOn: string;
    endsOn: string;
    status: ExperimentStatus;
    verdict: ExperimentVerdict | null;
    lesson: string | null;
    /** Asset names of the booked sites. */
    sites: LocalizedText[];
    participantCount: number;
    metrics: PublicMetric[];
  }[];
  partners: { name: string; sector: PartnerSector; status: PartnerStatus; commitments: CommitmentKind[] }[];
  milestones: { title: string; dueOn: string; status: MilestoneStatus }[];
  /** Verified outcomes only. */
  outcomes: {
    id: string;
    type: OutcomeType;
    title: string;
    description: string;
    occurredOn: string;
    responsibleBody: string;
    files: FileInfo[];
  }[];
  stageHistory: { from: ProjectStage | null; to: ProjectStage; at: string; reason: string }[];
  /** Evidence files of the project and its experiments. */
  files: FileInfo[];
  /** Relative URL of the CSV of every metric reading. */
  resultsCsvUrl: string;
}

export interface ArchiveSummary {
  projects: number;
  byStage: Readonly<Partial<Record<ProjectStage, number>>>;
  experimentsByVerdict: Readonly<Partial<Record<ExperimentVerdict | 'open', number>>>;
  outcomesByType: Readonly<Partial<Record<OutcomeType, number>>>;
  byCategory: Readonly<Partial<Record<ObservationCategory, number>>>;
  years: number[];
}
