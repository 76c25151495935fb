import type { ArgumentMetadata } from '@nestjs/common';
import type {
  AddReadingRequest,
  ArchiveQuery,
  ChangeStageRequest,
  CreateCommentRequest,
  CreateCommitmentRequest,
  CreateExperimentRequest,
  CreateMetricRequest,
  CreateMilestoneRequest,
  CreateObservationRequest,
  CreateOutcomeRequest,
  CreatePartnerRequest,
  CreateProjectRequest,
  LinkBookingRequest,
  LinkObservationRequest,
  MergeObservationRequest,
  ObservationListQuery,
  ProjectListQuery,
  PublicObservationListQuery,
  RecordConsentRequest,
  RecordVerdictRequest,
  RespondToObservationRequest,
  ResponseDashboardQuery,
  TriageObservationRequest,
  UpdateCommitmentRequest,
  UpdateExperimentRequest,
  UpdateMilestoneRequest,
  UpdatePartnerRequest,
  UpdateProjectRequest,
} from '@madang/contracts';
import { DomainError } from '../core/domain-error';
import { createValidationPipe } from '../core/validation';
import {
  CreateCommentDto,
  CreateObservationDto,
  MergeObservationDto,
  ObservationListQueryDto,
  PublicObservationListQueryDto,
  RespondToObservationDto,
  ResponseDashboardQueryDto,
  TriageObservationDto,
} from './dto/observations.dto';
import {
  AddReadingDto,
  ArchiveQueryDto,
  ChangeStageDto,
  CreateCommitmentDto,
  CreateExperimentDto,
  CreateMetricDto,
  CreateMilestoneDto,
  CreateOutcomeDto,
  CreatePartnerDto,
  CreateProjectDto,
  LinkBookingDto,
  LinkObservationDto,
  ProjectListQueryDto,
  RecordConsentDto,
  RecordVerdictDto,
  UpdateCommitmentDto,
  UpdateExperimentDto,
  UpdateMilestoneDto,
  UpdatePartnerDto,
  UpdateProjectDto,
} from './dto/projects.dto';

const ID = '3f2b8c1e-5d4a-4b6f-9e8d-7c6b5a4f3e2d';

interface Case<T> {
  dto: new () => object;
  type: 'body' | 'query';
  payload: T;
}
const body = <T>(dto: new () => object, payload: T): Case<T> => ({ dto, type: 'body', payload });
const query = <T>(dto: new () => object, payload: T): Case<T> => ({ dto, type: 'query', payload });

/** One full example of every living-lab request of the contract (every optional field set). */
const CASES = {
  CreateObservationRequest: body<CreateObservationRequest>(CreateObservationDto, {
    kind: 'problem',
    category: 'transport',
    title: '정류장 그늘',
    body: '너무 더워요.',
    placeName: '시청 앞',
    point: { lat: 33.5, lng: 126.53 },
    isPublic: false,
    anonymous: true,
  }),
  PublicObservationListQuery: query<PublicObservationListQuery>(PublicObservationListQueryDto, {
    kind: 'possibility',
    category: 'culture',
    state: 'answered',
    q: '도서관',
    sort: 'supported',
    limit: 20,
    offset: 40,
  }),
  ObservationListQuery: query<ObservationListQuery>(ObservationListQueryDto, {
    scope: 'all',
    team: 'research_pr',
    late: true,
    kind: 'problem',
    category: 'safety',
    state: 'received',
    q: '골목',
    sort: 'recent',
    limit: 50,
    offset: 0,
  }),
  CreateCommentRequest: body<CreateCommentRequest>(CreateCommentDto, { body: '저도요.' }),
  TriageObservationRequest: body<TriageObservationRequest>(TriageObservationDto, {
    responseKind: 'policy',
    team: 'community_innovation',
    category: 'economy',
  }),
  RespondToObservationRequest: body<RespondToObservationRequest>(RespondToObservationDto, {
    kind: 'answer',
    body: '검토하겠습니다.',
  }),
  MergeObservationRequest: body<MergeObservationRequest>(MergeObservationDto, { intoId: ID, reason: '중복' }),
  ResponseDashboardQuery: query<ResponseDashboardQuery>(ResponseDashboardQueryDto, {
    from: '2026-01',
    to: '2026-12',
    team: 'research_pr',
  }),
  CreateProjectRequest: body<CreateProjectRequest>(CreateProjectDto, {
    title: '그늘 실험',
    summary: '요약',
    category: 'transport',
    leadGroupId: ID,
    memberIds: [ID],
    observationIds: [ID],
    problemStatement: '문제',
    programmeId: ID,
  }),
  UpdateProjectRequest: body<UpdateProjectRequest>(UpdateProjectDto, {
    title: '새 제목',
    summary: '요약',
    category: 'environment',
    problemStatement: null,
    resultsNote: '결과',
    programmeId: null,
  }),
  ProjectListQuery: query<ProjectListQuery>(ProjectListQueryDto, {
    scope: 'all',
    stage: 'on_hold',
    category: 'community',
    q: '실험',
    limit: 10,
    offset: 0,
  }),
  ChangeStageRequest: body<ChangeStageRequest>(ChangeStageDto, { to: 'experiment', reason: '준비 완료' }),
  LinkObservationRequest: body<LinkObservationRequest>(LinkObservationDto, { observationId: ID }),
  CreatePartnerRequest: body<CreatePartnerRequest>(CreatePartnerDto, {
    name: '제주시',
    sector: 'public',
    status: 'active',
    groupId: ID,
    contact: '담당자',
    commitments: [{ kind: 'money', description: '예산', amount: 1_000_000, status: 'agreed' }],
  }),
  UpdatePartnerRequest: body<UpdatePartnerRequest>(UpdatePartnerDto, {
    name: '제주시청',
    sector: 'public',
    status: 'ended',
    contact: null,
  }),
  CreateCommitmentRequest: body<CreateCommitmentRequest>(CreateCommitmentDto, {
    kind: 'space',
    description: '회의실',
    amount: 0,
    status: 'proposed',
  }),
  UpdateCommitmentRequest: body<UpdateCommitmentRequest>(UpdateCommitmentDto, {
    description: '회의실 2곳',
    amount: null,
    status: 'delivered',
  }),
  CreateMilestoneRequest: body<CreateMilestoneRequest>(CreateMilestoneDto, {
    title: '설치',
    dueOn: '2027-02-28',
    status: 'planned',
  }),
  UpdateMilestoneRequest: body<UpdateMilestoneRequest>(UpdateMilestoneDto, {
    title: '설치 완료',
    dueOn: '2027-03-01',
    status: 'done',
    doneOn: null,
  }),
  CreateOutcomeRequest: body<CreateOutcomeRequest>(CreateOutcomeDto, {
    type: 'budget_line_created',
    title: '예산 편성',
    description: '시 예산에 반영',
    occurredOn: '2026-11-30',
    responsibleBody: '제주시',
  }),
  CreateExperimentRequest: body<CreateExperimentRequest>(CreateExperimentDto, {
    title: '실험',
    hypothesis: '가설',
    intervention: '개입',
    startsOn: '2026-12-01',
    endsOn: '2026-12-31',
    participantCount: 30,
  }),
  UpdateExperimentRequest: body<UpdateExperimentRequest>(UpdateExperimentDto, {
    title: '실험 2',
    hypothesis: '가설',
    intervention: '개입',
    startsOn: '2026-12-02',
    endsOn: '2027-01-31',
    participantCount: null,
  }),
  LinkBookingRequest: body<LinkBookingRequest>(LinkBookingDto, { bookingId: ID }),
  RecordConsentRequest: body<RecordConsentRequest>(RecordConsentDto, {
    name: '홍길동',
    contact: '010-0000-0000',
    consentNote: '설문 동의',
  }),
  CreateMetricRequest: body<CreateMetricRequest>(CreateMetricDto, {
    name: '체감 온도',
    unit: '℃',
    baseline: 35.2,
    target: 32,
    direction: 'decrease',
  }),
  AddReadingRequest: body<AddReadingRequest>(AddReadingDto, {
    measuredOn: '2026-12-08',
    value: -1.5,
    note: '흐림',
  }),
  RecordVerdictRequest: body<RecordVerdictRequest>(RecordVerdictDto, { verdict: 'refuted', lesson: '교훈' }),
  ArchiveQuery: query<ArchiveQuery>(ArchiveQueryDto, {
    stage: 'sharing',
    category: 'safety',
    year: 2026,
    outcomeType: 'policy_adopted',
    q: '골목',
    limit: 20,
    offset: 0,
  }),
} satisfies Record<string, Case<unknown>>;

function asQueryString(payload: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
  );
}

async function problemOf(c: Case<unknown>): Promise<unknown> {
  const metadata: ArgumentMetadata = { type: c.type, metatype: c.dto, data: undefined };
  const value = c.type === 'query' ? asQueryString(c.payload) : structuredClone(c.payload);
  try {
    await createValidationPipe().transform(value, metadata);
    return null;
  } catch (error) {
    return error instanceof DomainError ? { code: error.code, fields: error.fieldErrors } : error;
  }
}

describe('living-lab requests typed by the contracts pass the API validation', () => {
  it.each(Object.entries(CASES))('%s', async (_name, c) => {
    expect(await problemOf(c)).toBeNull();
  });

  it('refuses a date PostgreSQL cannot store (year 0) as not_date, never a 500', async () => {
    expect(await problemOf(body(CreateMilestoneDto, { title: 'x', dueOn: '0000-02-01' }))).toEqual({
      code: 'validation_failed',
      fields: [expect.objectContaining({ field: 'dueOn', code: 'not_date' })],
    });
  });

  it('refuses what the contract does not allow, naming the field', async () => {
    expect(
      await problemOf(
        body(CreateObservationDto, { kind: 'rumour', category: 'transport', title: 'x', body: '' }),
      ),
    ).toEqual({
      code: 'validation_failed',
      fields: expect.arrayContaining([
        expect.objectContaining({ field: 'kind', code: 'not_in' }),
        expect.objectContaining({ field: 'title', code: 'too_short' }),
        expect.objectContaining({ field: 'body', code: 'too_short' }),
      ]),
    });
    expect(
      await problemOf(
        body(CreateMetricDto, { name: 'x', unit: 'x', baseline: 'hot', target: 1, direction: 'up' }),
      ),
    ).toMatchObject({ code: 'validation_failed' });
    expect(await problemOf(body(UpdateProjectDto, { title: null }))).toEqual({
      code: 'validation_failed',
      fields: [expect.objectContaining({ field: 'title', code: 'not_null' })],
    });
    expect(
      await problemOf(
        body(CreateObservationDto, {
          kind: 'problem',
          category: 'transport',
          title: '제목',
          body: '본문',
          point: { lat: 91, lng: 0 },
        }),
      ),
    ).toEqual({
      code: 'validation_failed',
      fields: [expect.objectContaining({ field: 'point.lat', code: 'too_large' })],
    });
  });
});
