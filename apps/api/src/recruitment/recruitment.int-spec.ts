import {
  CSRF_COOKIE,
  CSRF_HEADER,
  SESSION_COOKIE,
  type AgreementConflictView,
  type AgreementView,
  type ApplicantResultView,
  type ApplicationDetail,
  type AssignmentView,
  type BookingDto,
  type CallDetail,
  type FileUploadResult,
  type GroupDetail,
  type ObjectionView,
  type PeerReviewView,
  type ProblemDetails,
  type PublicCallDetail,
  type PublicCallSummary,
  type Page,
  type RankingView,
  type RentScheduleView,
  type ReviewAssignmentDetail,
  type ReviewAssignmentSummary,
} from '@madang/contracts';
import type { MadangClient } from '@madang/testing';
import { IncomeService } from '../settlement/income.service';
import { startTestApp, TestApp } from '../test/test-app';
import { RecruitmentJobs } from './recruitment-jobs';

const TERM = { termStart: '2027-01-04', termEnd: '2027-12-31' };

/** The "How we will check", over HTTP on the real database with the demo accounts. */
describe('recruitment API', () => {
  let t: TestApp;
  let approver: MadangClient;
  let resident: MadangClient;
  let resident2: MadangClient;
  let reviewer: MadangClient;
  let reviewer2: MadangClient;
  let reviewer3: MadangClient;
  let admin: MadangClient;
  let anonymous: MadangClient;
  let roomId: string;
  let teamId: string;
  let rentLineId: string;
  let call: CallDetail;
  let application: ApplicationDetail;
  let agreement: AgreementView;

  const id = async (sql: string, params: unknown[] = []) =>
    ((await t.db.query(sql, params)) as { id: string }[])[0].id;

  /** A reviewer account: registered, then given the reviewer role by the admin. */
  const newReviewer = async (email: string, name: string) => {
    const client = t.client('en');
    const user = await client.register(email, name);
    expect((await admin.put(`/api/users/${user.id}/roles/reviewer`)).status).toBe(200);
    await client.login(email, 'correct horse battery');
    return client;
  };

  const upload = async (client: MadangClient, applicationId: string, name: string) => {
    const form = new FormData();
    form.append('ownerType', 'recruitment_application');
    form.append('ownerId', applicationId);
    form.append('purpose', 'application_document');
    const bytes = Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
    if (!client.cookie(CSRF_COOKIE)) await client.get('/api/auth/csrf');
    const cookie = [SESSION_COOKIE, CSRF_COOKIE]
      .map((n) => [n, client.cookie(n)] as const)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const res = await fetch(`${t.baseUrl}/api/files`, {
      method: 'POST',
      body: form,
      headers: { cookie, [CSRF_HEADER]: client.cookie(CSRF_COOKIE) ?? '' },
    });
    return { status: res.status, body: (await res.json()) as FileUploadResult & ProblemDetails };
  };

  const newCall = (over: Record<string, unknown> = {}) =>
    approver.post<CallDetail>('/api/recruitment/calls', {
      kind: 'residency',
      title: { ko: '2027 입주 팀 공모', en: '2027 resident team call' },
      summary: { ko: '회의실 C 입주', en: 'Residency in Meeting Room C' },
      body: { ko: '본문', en: 'Body' },
      eligibility: { ko: '제주 주민 팀', en: 'Resident teams of Jeju' },
      offer: { assetIds: [roomId], ...TERM, monthlyFee: 150_000, deposit: 300_000 },
      deadline: new Date(Date.now() + 3600_000).toISOString(),
      budgetLineId: rentLineId,
      reviewersPerApplication: 2,
      ...over,
    });

  const FORM = {
    sections: [
      {
        id: 'team',
        title: { ko: '팀 소개', en: 'The team' },
        fields: [
          {
            id: 'teamName',
            type: 'text',
            label: { ko: '팀 이름', en: 'Team name' },
            required: true,
            maxLength: 40,
            hiddenWhenBlind: true,
          },
          { id: 'members', type: 'team_members', label: { ko: '팀원', en: 'Members' }, required: false },
          {
            id: 'plan',
            type: 'long_text',
            label: { ko: '활동 계획', en: 'Plan' },
            required: true,
            maxLength: 2000,
          },
          { id: 'budget', type: 'file', label: { ko: '예산서', en: 'Budget' }, required: true },
        ],
      },
    ],
  };
  const RUBRIC = {
    criteria: [
      {
        id: 'impact',
        label: { ko: '지역 영향', en: 'Local impact' },
        weight: 2,
        min: 1,
        max: 5,
        comment: { required: 'always' },
      },
      { id: 'feasibility', label: { ko: '실현 가능성', en: 'Feasibility' }, weight: 1, min: 1, max: 5 },
    ],
    tieBreaks: [{ kind: 'criterion', criterionId: 'impact', prefer: 'higher' }],
  };

  const open = async (c: CallDetail) => {
    expect((await approver.put(`/api/recruitment/calls/${c.id}/form`, FORM)).status).toBe(200);
    expect((await approver.put(`/api/recruitment/calls/${c.id}/rubric`, RUBRIC)).status).toBe(200);
    const moved = await approver.post<CallDetail>(`/api/recruitment/calls/${c.id}/phase`, { to: 'open' });
    expect(moved.status).toBe(200);
    return moved.body;
  };
  const moveTo = async (c: CallDetail, ...phases: string[]) => {
    for (const to of phases) {
      const moved = await approver.post<CallDetail>(`/api/recruitment/calls/${c.id}/phase`, { to });
      expect([moved.status, to, moved.body]).toEqual([200, to, expect.anything()]);
    }
  };

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    approver = await t.signIn('approver@madang.local');
    resident = await t.signIn('resident@madang.local');
    resident2 = await t.signIn('resident2@madang.local');
    reviewer = await t.signIn('reviewer@madang.local', 'en');
    admin = await t.signIn('admin@madang.local');
    anonymous = t.client();
    roomId = await id(`SELECT id FROM assets WHERE name_en = 'Meeting Room C'`);
    teamId = await id(`SELECT id FROM groups WHERE name = '함께걷는 제주 주민팀'`);
    rentLineId = await id(`SELECT id FROM budget_lines WHERE name = '입주 임대료 수입'`);
    reviewer2 = await newReviewer('panel2@madang.local', 'Panel Two');
    reviewer3 = await newReviewer('panel3@madang.local', 'Panel Three');
    // reviewer@ sings in the village choir with resident@, a member of the applying team.
    const choir = await admin.post<GroupDetail>('/api/groups', { name: '마을 합창단', kind: 'ngo' });
    expect(choir.status).toBe(201);
    for (const email of ['reviewer@madang.local', 'resident@madang.local'])
      expect((await admin.post(`/api/groups/${choir.body.id}/members`, { email })).status).toBe(201);
  }, 120000);
  afterAll(async () => t?.close());

  it('a resident team drafts, attaches a file and submits before the deadline', async () => {
    const created = await newCall({ blind: true });
    expect(created.status).toBe(201);
    call = await open(created.body);
    expect(call.phase).toBe('open');

    const draft = await resident.post<ApplicationDetail>(`/api/recruitment/calls/${call.id}/applications`, {
      groupId: teamId,
      answers: { teamName: '함께걷는 제주', plan: '골목 안전 지도' },
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ state: 'draft', formVersion: 1, groupId: teamId });
    application = draft.body;

    // resident2 is not a manager of the team: refused, naming the field.
    const foreign = await resident2.post(`/api/recruitment/calls/${call.id}/applications`, {
      groupId: teamId,
    });
    expect(foreign.status).toBe(422);
    expect(foreign.problem.code).toBe('recruitment_rule');
    // and cannot even see the team's application
    expect((await resident2.get(`/api/recruitment/applications/${application.id}`)).status).toBe(404);

    // Required file missing → 422 naming the field.
    const early = await resident.post<ApplicationDetail>(
      `/api/recruitment/applications/${application.id}/submit`,
    );
    expect(early.status).toBe(422);
    expect(early.problem.violations).toEqual([
      expect.objectContaining({ code: 'answer_required', field: 'answers.budget' }),
    ]);
    // Too long an answer → 422 naming the field.
    const long = await resident.patch(`/api/recruitment/applications/${application.id}`, {
      answers: { teamName: '가'.repeat(41) },
    });
    expect(long.status).toBe(422);
    expect(long.problem.violations).toEqual([
      expect.objectContaining({ code: 'answer_too_long', field: 'answers.teamName' }),
    ]);

    const file = await upload(resident, application.id, '예산서.pdf');
    expect(file.status).toBe(201);
    expect((await upload(resident2, application.id, 'x.pdf')).status).toBe(404);
    const saved = await resident.patch<ApplicationDetail>(`/api/recruitment/applications/${application.id}`, {
      answers: {
        budget: [file.body.id],
        members: [{ name: '김주민', role: '대표' }, { name: '오팀원' }],
      },
    });
    expect(saved.status).toBe(200);
    const submitted = await resident.post<ApplicationDetail>(
      `/api/recruitment/applications/${application.id}/submit`,
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    application = submitted.body;

    // A form change after opening gives a new version; the submitted application keeps its own.
    const v2 = await approver.put(`/api/recruitment/calls/${call.id}/form`, {
      sections: [{ ...FORM.sections[0], fields: FORM.sections[0].fields.slice(1) }],
    });
    expect(v2.status).toBe(200);
    const kept = await resident.get<ApplicationDetail>(`/api/recruitment/applications/${application.id}`);
    expect(kept.body.formVersion).toBe(1);
    expect(kept.body.form.sections[0].fields.map((f) => f.id)).toContain('teamName');
  });

  it('refuses a submission one second after the deadline, in the service and in the database', async () => {
    const deadline = new Date(Date.now() + 2500);
    const late = await newCall({
      deadline: deadline.toISOString(),
      title: { ko: '마감 시험', en: 'Deadline test' },
    });
    const opened = await open(late.body);
    const draft = await resident.post<ApplicationDetail>(`/api/recruitment/calls/${opened.id}/applications`, {
      groupId: teamId,
      answers: { teamName: '늦은 팀', plan: '계획' },
    });
    expect(draft.status).toBe(201);
    const file = await upload(resident, draft.body.id, 'budget.pdf');
    await resident.patch(`/api/recruitment/applications/${draft.body.id}`, {
      answers: { budget: [file.body.id] },
    });
    await new Promise((r) => setTimeout(r, Math.max(0, deadline.getTime() + 1000 - Date.now())));
    const refused = await resident.post(`/api/recruitment/applications/${draft.body.id}/submit`);
    expect(refused.status).toBe(422);
    expect(refused.problem.violations).toEqual([expect.objectContaining({ code: 'deadline_passed' })]);
    // The database has the last word: a submission stamped one second late is refused.
    await expect(
      t.db.query(`UPDATE recruitment_applications SET state = 'submitted', submitted_at = $2 WHERE id = $1`, [
        draft.body.id,
        new Date(deadline.getTime() + 1000),
      ]),
    ).rejects.toMatchObject({ driverError: { constraint: 'recruitment_applications_deadline' } });
  });

  it('the approver screens it with reasons the applicant sees', async () => {
    await moveTo(call, 'closed', 'screening');
    const notYet = await resident.post(`/api/recruitment/applications/${application.id}/screening`, {
      eligible: true,
    });
    expect(notYet.status).toBe(403);
    const noReason = await approver.post(`/api/recruitment/applications/${application.id}/screening`, {
      eligible: false,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.problem.errors?.[0]).toMatchObject({ field: 'reasons', code: 'required' });
    const screened = await approver.post<ApplicationDetail>(
      `/api/recruitment/applications/${application.id}/screening`,
      { eligible: true, reasons: ['제주 소재 주민 팀 확인'] },
    );
    expect(screened.status).toBe(200);
    const seen = await resident.get<ApplicationDetail>(`/api/recruitment/applications/${application.id}`);
    expect(seen.body).toMatchObject({
      eligibility: 'eligible',
      eligibilityReasons: ['제주 소재 주민 팀 확인'],
    });
  });

  it('reviewers: the one sharing a group with a team member is warned and cannot score', async () => {
    const panel = await approver.put(`/api/recruitment/calls/${call.id}/reviewers`, {
      userIds: await Promise.all(
        ['reviewer@madang.local', 'panel2@madang.local', 'panel3@madang.local'].map((e) =>
          id(`SELECT id FROM users WHERE email_normalized = $1`, [e]),
        ),
      ),
    });
    expect(panel.status).toBe(200);
    const reviewerId = await id(`SELECT id FROM users WHERE email_normalized = 'reviewer@madang.local'`);
    // By hand: reviewer@ (conflicted, but warned only); then balanced fills the rest with k = 2.
    const byHand = await approver.post<AssignmentView>(`/api/recruitment/calls/${call.id}/assignments`, {
      reviewerId,
      applicationId: application.id,
    });
    expect(byHand.status).toBe(201);
    expect(byHand.body.conflicts.map((c) => c.code)).toContain('shared_group');
    const balanced = await approver.post<AssignmentView[]>(
      `/api/recruitment/calls/${call.id}/assignments/balanced`,
      {
        k: 2,
        seed: 'test',
      },
    );
    expect(balanced.status).toBe(200);
    const others = balanced.body.filter((a) => a.reviewerId !== reviewerId);
    expect(others).toHaveLength(2);
    await moveTo(call, 'review_document');

    const [mine] = (await reviewer.get<ReviewAssignmentSummary[]>('/api/recruitment/reviews')).body;
    // Blind call: the warning names no group or person.
    expect(mine.applicantLabel).toBeNull();
    expect(JSON.stringify(mine)).not.toContain('함께걷는');
    expect(JSON.stringify(mine)).not.toContain('합창단');
    const declared = await reviewer.post<ReviewAssignmentDetail>(
      `/api/recruitment/reviews/${mine.id}/declaration`,
      {
        hasConflict: false,
      },
    );
    expect(declared.status).toBe(200);
    expect(declared.body.state).toBe('conflicted');
    expect(declared.body.answers).toBeNull();
    const scored = await reviewer.put(`/api/recruitment/reviews/${mine.id}/sheet`, {
      scores: { impact: 5, feasibility: 5 },
      comments: { impact: '좋음' },
    });
    expect(scored.status).toBe(422);
    expect(scored.problem.violations).toEqual([expect.objectContaining({ code: 'conflict_of_interest' })]);
    // The database refuses a score row for a conflicted reviewer too.
    await expect(
      t.db.query(`UPDATE recruitment_assignments SET scores = '{"impact": 5}' WHERE id = $1`, [mine.id]),
    ).rejects.toMatchObject({ driverError: { constraint: 'recruitment_assignments_conflict_check' } });
  });

  it('a blind call hides names in every answer to reviewers; peers stay hidden until one submits', async () => {
    const sheets: Record<string, ReviewAssignmentDetail> = {};
    for (const [client, impact] of [
      [reviewer2, 4],
      [reviewer3, 5],
    ] as const) {
      const list = await client.get<ReviewAssignmentSummary[]>('/api/recruitment/reviews');
      expect(list.status).toBe(200);
      const [a] = list.body;
      const undeclared = await client.get(`/api/recruitment/reviews/${a.id}/peers`);
      expect(undeclared.status).toBe(422);
      await client.post(`/api/recruitment/reviews/${a.id}/declaration`, { hasConflict: false });
      const detail = await client.get<ReviewAssignmentDetail>(`/api/recruitment/reviews/${a.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.state).toBe('reviewing');
      expect(detail.body.answers?.['plan']).toBe('골목 안전 지도');
      const saved = await client.put<ReviewAssignmentDetail>(`/api/recruitment/reviews/${a.id}/sheet`, {
        scores: { impact, feasibility: 3 },
        comments: { impact: `근거 ${impact}` },
      });
      expect(saved.status).toBe(200);
      for (const answer of [list.body, detail.body, saved.body]) {
        const text = JSON.stringify(answer);
        expect(text).not.toContain('함께걷는');
        expect(text).not.toContain('김주민');
        expect(text).not.toContain('오팀원');
        expect(text).not.toContain(teamId);
      }
      sheets[impact] = saved.body;
    }
    // reviewer2 cannot see reviewer3's scores before submitting their own.
    const before = await reviewer2.get(`/api/recruitment/reviews/${sheets[4].id}/peers`);
    expect(before.status).toBe(422);
    expect(before.problem.violations).toEqual([
      expect.objectContaining({ code: 'own_review_not_submitted' }),
    ]);
    expect(JSON.stringify(before.body)).not.toContain('"impact":5');
    for (const [client, key] of [
      [reviewer2, 4],
      [reviewer3, 5],
    ] as const) {
      const done = await client.post<ReviewAssignmentDetail>(
        `/api/recruitment/reviews/${sheets[key].id}/submit`,
      );
      expect(done.status).toBe(200);
      expect(done.body.sheet?.submittedAt).not.toBeNull();
    }
    const after = await reviewer2.get<PeerReviewView[]>(`/api/recruitment/reviews/${sheets[4].id}/peers`);
    expect(after.status).toBe(200);
    expect(after.body).toEqual([expect.objectContaining({ scores: { impact: 5, feasibility: 3 } })]);
    expect(JSON.stringify(after.body)).not.toContain('Panel');
    // A submitted sheet is sealed, in the database too.
    await expect(
      t.db.query(
        `UPDATE recruitment_assignments SET scores = '{"impact": 1, "feasibility": 1}' WHERE id = $1`,
        [sheets[4].id],
      ),
    ).rejects.toMatchObject({ driverError: { constraint: 'recruitment_assignments_sealed' } });
  });

  it('ranks, decides, publishes provisional results; the applicant objects and staff answer', async () => {
    const ranking = await approver.get<RankingView>(`/api/recruitment/calls/${call.id}/ranking`);
    expect(ranking.status).toBe(200);
    expect(ranking.body.rows[0]).toMatchObject({
      applicationId: application.id,
      rank: 1,
      reviewsSubmitted: 2,
    });
    expect(ranking.body.rows[0].total?.count).toBe(2);
    const decided = await approver.put<ApplicationDetail>(
      `/api/recruitment/applications/${application.id}/decision`,
      {
        decision: 'selected',
        rationale: '지역 영향이 큼',
      },
    );
    expect(decided.status).toBe(200);
    await moveTo(call, 'provisional_results');

    const published = await anonymous.get<PublicCallDetail>(`/api/public/calls/${call.id}`);
    expect(published.status).toBe(200);
    expect(published.body.results?.selected).toEqual([{ groupName: '함께걷는 제주 주민팀', rank: null }]);
    const result = await resident.get<ApplicantResultView>(
      `/api/recruitment/applications/${application.id}/result`,
    );
    expect(result.status).toBe(200);
    expect(result.body.criteria.map((c) => c.summary?.count)).toEqual([2, 2]);
    expect(result.body.comments.map((c) => c.reviewerLabel).sort()).toEqual(['A', 'B']);
    expect(JSON.stringify(result.body)).not.toContain('Panel');

    const tooEarly = await resident.post(`/api/recruitment/applications/${application.id}/objections`, {
      reasons: '점수 근거 요청',
    });
    expect(tooEarly.status).toBe(422);
    await moveTo(call, 'objection_window');
    const objection = await resident.post<ObjectionView>(
      `/api/recruitment/applications/${application.id}/objections`,
      {
        reasons: '실현 가능성 점수의 근거를 알고 싶습니다.',
      },
    );
    expect(objection.status).toBe(201);
    const answered = await approver.post<ObjectionView>(
      `/api/recruitment/objections/${objection.body.id}/answer`,
      {
        outcome: 'dismissed',
        answer: '두 심사위원 모두 3점을 주었습니다.',
      },
    );
    expect(answered.status).toBe(200);
    expect(answered.body.state).toBe('dismissed');
    await moveTo(call, 'final_results');
    expect((await anonymous.get<PublicCallDetail>(`/api/public/calls/${call.id}`)).body.results?.final).toBe(
      true,
    );
  });

  it('signing blocks the room for the term (resident2 gets 409), and schedules the rent', async () => {
    // A booking already in the term is listed before signing.
    const clash = await resident2.post<BookingDto>('/api/bookings', {
      items: [{ assetId: roomId }],
      start: '2027-01-05T10:00:00+09:00',
      end: '2027-01-05T11:00:00+09:00',
      purpose: '이웃 모임',
      attendees: 4,
    });
    expect(clash.status).toBe(201);
    const created = await approver.post<AgreementView>(
      `/api/recruitment/applications/${application.id}/agreement`,
      {
        obligations: [{ title: '분기 활동 보고서', dueOn: '2027-03-31' }],
      },
    );
    expect(created.status).toBe(201);
    agreement = created.body;
    expect(agreement).toMatchObject({ state: 'draft', assetIds: [roomId], monthlyFee: 150_000, ...TERM });
    const conflicts = await approver.get<AgreementConflictView[]>(
      `/api/recruitment/agreements/${agreement.id}/conflicts`,
    );
    expect(conflicts.body).toEqual([expect.objectContaining({ bookingId: clash.body.id, assetId: roomId })]);
    const refused = await approver.post(`/api/recruitment/agreements/${agreement.id}/sign`);
    expect(refused.status).toBe(409);
    expect(refused.problem.code).toBe('slot_taken');
    expect(
      (await approver.get<AgreementView>(`/api/recruitment/agreements/${agreement.id}`)).body.state,
    ).toBe('draft');

    expect((await resident2.post(`/api/bookings/${clash.body.id}/cancel`, { reason: '취소' })).status).toBe(
      200,
    );
    const signed = await approver.post<AgreementView>(`/api/recruitment/agreements/${agreement.id}/sign`);
    expect(signed.status).toBe(200);
    expect(signed.body.state).toBe('signed');
    expect(signed.body.blockIds).toHaveLength(1);
    expect(signed.body.rentScheduleId).not.toBeNull();

    const second = await resident2.post('/api/bookings', {
      items: [{ assetId: roomId }],
      start: '2027-01-12T14:00:00+09:00',
      end: '2027-01-12T15:00:00+09:00',
      purpose: '이웃 모임',
      attendees: 4,
    });
    expect(second.status).toBe(409);

    // The first rent invoice appears in settlement once its month is due.
    await t.app.get(IncomeService).postDueRent(null, '2027-01-10');
    const ops = await t.signIn('operations@madang.local');
    const schedules = await ops.get<RentScheduleView[]>('/api/settlement/rent-schedules');
    const rent = schedules.body.find((s) => s.agreementId === agreement.id);
    expect(rent).toMatchObject({
      monthlyAmount: 150_000,
      budgetLineId: rentLineId,
      postedMonths: ['2027-01-01'],
    });

    const privileges = (await t.db.query(
      `SELECT tag, starts_on::text, ends_on::text FROM group_privileges WHERE source_id = $1`,
      [agreement.id],
    )) as { tag: string; starts_on: string; ends_on: string }[];
    expect(privileges).toEqual([{ tag: 'resident_base', starts_on: TERM.termStart, ends_on: TERM.termEnd }]);
  });

  it('public pages list calls and reveal no personal data', async () => {
    const list = await anonymous.get<Page<PublicCallSummary>>('/api/public/calls');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c) => c.id)).toContain(call.id);
    const page = await anonymous.get<PublicCallDetail>(`/api/public/calls/${call.id}`);
    const text = JSON.stringify([list.body, page.body]);
    for (const secret of ['김주민', 'resident@', '골목 안전 지도', 'Panel', application.applicantId])
      expect(text).not.toContain(secret);
    expect((await anonymous.get('/api/recruitment/calls')).status).toBe(401);
  });

  it('the scheduled job moves a call on its dates, audited', async () => {
    const dated = await newCall({
      title: { ko: '일정 시험', en: 'Schedule test' },
      deadline: new Date(Date.now() + 7200_000).toISOString(),
      schedule: { open: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(dated.status).toBe(201);
    expect((await approver.put(`/api/recruitment/calls/${dated.body.id}/form`, FORM)).status).toBe(200);
    expect(await t.app.get(RecruitmentJobs).movePhases()).toBeGreaterThanOrEqual(1);
    const after = await approver.get<CallDetail>(`/api/recruitment/calls/${dated.body.id}`);
    expect(after.body.phase).toBe('open');
    expect(after.body.phaseHistory).toEqual([
      expect.objectContaining({ from: 'draft', to: 'open', by: null }),
    ]);
    const [audit] = (await t.db.query(
      `SELECT actor_id FROM audit_log WHERE entity_id = $1 AND action = 'recruitment.call.phase'`,
      [dated.body.id],
    )) as { actor_id: string | null }[];
    expect(audit.actor_id).toBeNull();
  });
});
