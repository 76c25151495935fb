import type {
  AgreementView,
  ApplicationDetail,
  CallDetail,
  ObjectionView,
  SupplementView,
} from '@madang/contracts';
import { MadangClient } from '@madang/testing';
import { DEMO_PASSWORD, ROLE_ACCOUNTS, type RoleName } from './probe';

type Person = Exclude<RoleName, 'anonymous'>;

/**
 * Recruitment objects for the matrix, made through approver@ (calls, phases, screening, decisions),
 * admin@ (a fresh group per application, managed by the applying person) and each person's own
 * session (applications). Every call has a one-field optional form, so an application submits as is.
 */
export interface RecruitmentContext {
  /** A call open for applications (shared; nothing a cell does moves it). */
  openCall(): Promise<CallDetail>;
  /** A fresh call in draft with its form saved. */
  draftCall(): Promise<CallDetail>;
  /** A fresh group managed by `person`. */
  groupOf(person: Person): Promise<string>;
  /** A fresh draft application of `person` on the open call. */
  draft(person: Person): Promise<ApplicationDetail>;
  /** A fresh submitted application of `person` on the open call. */
  submitted(person: Person): Promise<ApplicationDetail>;
  /** A fresh supplement request on a submitted application of `person`. */
  supplement(person: Person): Promise<SupplementView>;
  /** A fresh call in `screening` with one submitted application (by resident A). */
  inScreening(): Promise<{ call: CallDetail; application: ApplicationDetail }>;
  /** A fresh call in `review_document` with one eligible application and reviewer@ on the panel. */
  inReview(): Promise<{ call: CallDetail; application: ApplicationDetail; reviewerId: string }>;
  /** A fresh objection, filed by resident A during the objection window. */
  objection(): Promise<ObjectionView>;
  /** A fresh call in `final_results` with a selected application of `person`. */
  selected(person: Person): Promise<ApplicationDetail>;
  /** A fresh draft agreement (no rooms, no budget line) for a group `person` manages. */
  agreement(person: Person): Promise<AgreementView>;
  /** reviewer@'s assignment on a fresh call. */
  assignment(): Promise<string>;
}

function ok<T>(what: string, r: { status: number; body: T }, status = [200, 201, 204]): T {
  if (!status.includes(r.status))
    throw new Error(`matrix setup: ${what} answered ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export const MATRIX_FORM = {
  sections: [
    {
      id: 'about',
      title: { ko: '소개', en: 'About' },
      fields: [{ id: 'plan', type: 'text', label: { ko: '계획', en: 'Plan' }, required: false }],
    },
  ],
};

export function matrixCallBody(title: string) {
  return {
    kind: 'coworking',
    title: { ko: title, en: title },
    summary: { ko: '매트릭스', en: 'Matrix' },
    body: { ko: '매트릭스', en: 'Matrix' },
    eligibility: { ko: '누구나', en: 'Anyone' },
    offer: { seatCount: 5, termStart: '2027-03-01', termEnd: '2027-08-31', monthlyFee: 50000, deposit: 0 },
    deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  };
}

export async function recruitmentContext(
  baseUrl: string,
  sessions: Record<Person, MadangClient>,
): Promise<RecruitmentContext> {
  const approver = sessions.approver;
  const admin = sessions.admin;
  const reviewerSession = new MadangClient(baseUrl, 'en');
  await reviewerSession.login('reviewer@madang.local', DEMO_PASSWORD);
  const reviewerId = ok('reviewer me', await reviewerSession.get<{ id: string }>('/api/auth/me')).id;
  let counter = 0;

  const draftCall = async () => {
    const call = ok(
      'call',
      await approver.post<CallDetail>('/api/recruitment/calls', matrixCallBody(`Matrix call ${counter++}`)),
    );
    ok('form', await approver.put(`/api/recruitment/calls/${call.id}/form`, MATRIX_FORM));
    return call;
  };
  const walk = async (callId: string, phases: string[]) => {
    for (const to of phases)
      ok(`phase ${to}`, await approver.post(`/api/recruitment/calls/${callId}/phase`, { to }));
  };
  const freshOpen = async () => {
    const call = await draftCall();
    await walk(call.id, ['open']);
    return call;
  };
  let shared: CallDetail | undefined;
  const openCall = async () => (shared ??= await freshOpen());
  const groupOf = async (person: Person) => {
    const group = ok(
      'group',
      await admin.post<{ id: string }>('/api/groups', {
        name: `Matrix team ${Date.now()} ${counter++}`,
        kind: 'ngo',
      }),
    );
    ok(
      'manager',
      await admin.post(`/api/groups/${group.id}/members`, { email: ROLE_ACCOUNTS[person], isManager: true }),
    );
    return group.id;
  };
  const applyTo = async (callId: string, person: Person) =>
    ok(
      'application',
      await sessions[person].post<ApplicationDetail>(`/api/recruitment/calls/${callId}/applications`, {
        groupId: await groupOf(person),
        answers: { plan: 'matrix' },
      }),
    );
  const submit = async (person: Person, app: ApplicationDetail) =>
    ok(
      'submit',
      await sessions[person].post<ApplicationDetail>(`/api/recruitment/applications/${app.id}/submit`),
    );
  const submitted = async (person: Person) => submit(person, await applyTo((await openCall()).id, person));
  const inScreening = async () => {
    const call = await freshOpen();
    const application = await submit('residentA', await applyTo(call.id, 'residentA'));
    await walk(call.id, ['closed', 'screening']);
    return { call, application };
  };
  const selectedIn = async (person: Person, upTo: string[]) => {
    const call = await freshOpen();
    const application = await submit(person, await applyTo(call.id, person));
    await walk(call.id, ['closed', 'screening']);
    ok(
      'screen',
      await approver.post(`/api/recruitment/applications/${application.id}/screening`, { eligible: true }),
    );
    await walk(call.id, ['review_document']);
    ok(
      'decide',
      await approver.put(`/api/recruitment/applications/${application.id}/decision`, {
        decision: 'selected',
        rationale: 'matrix',
      }),
    );
    await walk(call.id, upTo);
    return application;
  };

  return {
    openCall,
    draftCall,
    groupOf,
    draft: async (person) => applyTo((await openCall()).id, person),
    submitted,
    supplement: async (person) => {
      const app = await submitted(person);
      return ok(
        'supplement',
        await approver.post<SupplementView>(`/api/recruitment/applications/${app.id}/supplements`, {
          fieldIds: ['plan'],
          message: 'matrix',
          dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        }),
      );
    },
    inScreening,
    inReview: async () => {
      const { call, application } = await inScreening();
      ok(
        'screen',
        await approver.post(`/api/recruitment/applications/${application.id}/screening`, { eligible: true }),
      );
      ok(
        'panel',
        await approver.put(`/api/recruitment/calls/${call.id}/reviewers`, { userIds: [reviewerId] }),
      );
      await walk(call.id, ['review_document']);
      return { call, application, reviewerId };
    },
    objection: async () => {
      const app = await selectedIn('residentA', ['provisional_results', 'objection_window']);
      return ok(
        'objection',
        await sessions.residentA.post<ObjectionView>(`/api/recruitment/applications/${app.id}/objections`, {
          reasons: 'matrix',
        }),
      );
    },
    selected: (person) => selectedIn(person, ['provisional_results', 'objection_window', 'final_results']),
    agreement: async (person) => {
      const app = await selectedIn(person, ['provisional_results', 'objection_window', 'final_results']);
      return ok(
        'agreement',
        await approver.post<AgreementView>(`/api/recruitment/applications/${app.id}/agreement`, {
          obligations: [{ title: 'matrix report', dueOn: '2027-06-30' }],
        }),
      );
    },
    assignment: async () => {
      const { call, application } = await inScreening();
      ok(
        'panel',
        await approver.put(`/api/recruitment/calls/${call.id}/reviewers`, { userIds: [reviewerId] }),
      );
      return ok(
        'assign',
        await approver.post<{ id: string }>(`/api/recruitment/calls/${call.id}/assignments`, {
          reviewerId,
          applicationId: application.id,
        }),
      ).id;
    },
  };
}
