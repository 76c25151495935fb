import type {
  ExperimentDetail,
  ExperimentMetric,
  ExperimentParticipant,
  MeResponse,
  ObservationDetail,
  ProgrammeView,
  ProjectDetail,
  ProjectOutcome,
  ProjectPartner,
  ProjectMilestone,
} from '@madang/contracts';
import { MadangClient } from '@madang/testing';
import { DEMO_PASSWORD } from './probe';

/** The demo's second living-lab staff member (seeded by the living-lab demo). */
const LABS_STAFF = 'labs@madang.local';

/**
 * Living-lab objects for the matrix. Projects are made by labs@ (a second staff member, so
 * approver@ may verify their outcomes) and led by resident A's team: resident A and approver@
 * (labs:manage) are inside every project, resident B, operations@ and admin@ are not (404).
 */
export interface LabsContext {
  /** A fresh observation posted by `poster` (public unless said otherwise). */
  observation(poster: MadangClient, isPublic?: boolean): Promise<string>;
  /** A fresh project led by resident A's team (optionally linked to resident A's settlement programme). */
  project(withProgramme?: boolean): Promise<string>;
  experiment(): Promise<string>;
  partner(): Promise<ProjectPartner>;
  milestone(): Promise<string>;
  outcome(): Promise<string>;
  participant(): Promise<string>;
  metric(): Promise<string>;
  /** A fresh experiment with a booking of resident A linked to it. */
  linkedBooking(pendingBooking: () => Promise<string>): Promise<{ experimentId: string; bookingId: string }>;
  /** A public demo project (published). */
  publishedProject(): Promise<string>;
  staff: MadangClient;
  /** The set-up session of a demo person (to post their own observation). */
  client(person: 'residentA' | 'residentB' | 'approver' | 'operations' | 'admin'): MadangClient;
}

function ok<T>(what: string, r: { status: number; body: T }, status = [200, 201]): T {
  if (!status.includes(r.status))
    throw new Error(`matrix setup (labs): ${what} answered ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function livingLabsContext(
  baseUrl: string,
  sessions: Readonly<Record<'residentA' | 'residentB' | 'approver' | 'operations' | 'admin', MadangClient>>,
): Promise<LabsContext> {
  const staff = new MadangClient(baseUrl, 'en');
  await staff.login(LABS_STAFF, DEMO_PASSWORD);
  const me = ok('me', await sessions.residentA.get<MeResponse>('/api/auth/me'));
  const teamId = me.groups[0]?.groupId;
  if (!teamId) throw new Error('matrix setup (labs): resident A has no team');
  let n = 0;
  let programmeId: string | undefined;
  const observation = async (poster: MadangClient, isPublic = true) =>
    ok(
      'observation',
      await poster.post<ObservationDetail>('/api/observations', {
        kind: 'problem',
        category: 'community',
        title: `매트릭스 관찰 ${n++}`,
        body: '매트릭스 점검용 관찰',
        isPublic,
      }),
    ).id;
  const project = async (withProgramme = false) => {
    if (withProgramme && !programmeId) {
      const list = ok(
        'programmes',
        await sessions.approver.get<ProgrammeView[]>('/api/settlement/programmes?year=2027'),
      );
      programmeId = list.find((p) => p.code === 'LAB-2027')?.id;
    }
    return ok(
      'project',
      await staff.post<ProjectDetail>('/api/labs/projects', {
        title: `매트릭스 프로젝트 ${n++}`,
        summary: '매트릭스 점검용',
        category: 'community',
        leadGroupId: teamId,
        ...(withProgramme && programmeId ? { programmeId } : {}),
      }),
    ).id;
  };
  const experiment = async () =>
    ok(
      'experiment',
      await staff.post<ExperimentDetail>(`/api/labs/projects/${await project()}/experiments`, {
        title: `매트릭스 실험 ${n++}`,
        hypothesis: '가설',
        intervention: '개입',
        startsOn: '2026-12-01',
        endsOn: '2026-12-31',
      }),
    ).id;
  return {
    observation,
    project,
    experiment,
    partner: async () =>
      ok(
        'partner',
        await staff.post<ProjectPartner>(`/api/labs/projects/${await project()}/partners`, {
          name: '매트릭스 협력 기관',
          sector: 'civic',
          commitments: [{ kind: 'people', description: '자원봉사' }],
        }),
      ),
    milestone: async () =>
      ok(
        'milestone',
        await staff.post<ProjectMilestone>(`/api/labs/projects/${await project()}/milestones`, {
          title: '매트릭스 이정표',
          dueOn: '2027-01-15',
        }),
      ).id,
    outcome: async () =>
      ok(
        'outcome',
        await staff.post<ProjectOutcome>(`/api/labs/projects/${await project()}/outcomes`, {
          type: 'other',
          title: '매트릭스 성과',
          description: '점검용',
          occurredOn: '2026-11-30',
          responsibleBody: '센터',
        }),
      ).id,
    participant: async () =>
      ok(
        'participant',
        await staff.post<ExperimentParticipant>(`/api/labs/experiments/${await experiment()}/participants`, {
          name: '매트릭스 참여자',
          consentNote: '점검용 동의',
        }),
      ).id,
    metric: async () =>
      ok(
        'metric',
        await staff.post<ExperimentMetric>(`/api/labs/experiments/${await experiment()}/metrics`, {
          name: '지표',
          unit: '건',
          baseline: 1,
          target: 2,
          direction: 'increase',
        }),
      ).id,
    linkedBooking: async (pendingBooking) => {
      const experimentId = await experiment();
      const bookingId = await pendingBooking();
      ok(
        'link booking',
        await sessions.approver.post(`/api/labs/experiments/${experimentId}/linked-bookings`, { bookingId }),
      );
      return { experimentId, bookingId };
    },
    publishedProject: async () => {
      const id = await project();
      ok('publish', await staff.post(`/api/labs/projects/${id}/publish`));
      return id;
    },
    staff,
    client: (person) => sessions[person],
  };
}
