import type {
  ArchiveSummary,
  AssetSummary,
  ExperimentDetail,
  ExperimentMetric,
  ExperimentParticipant,
  MeResponse,
  ObservationDetail,
  Page,
  ProjectDetail,
  ProjectOutcome,
  PublicObservationDetail,
  PublicObservationSummary,
  PublicProjectPage,
  PublicProjectSummary,
  ResponseDashboard,
} from '@madang/contracts';
import type { MadangClient } from '@madang/testing';
import { DateTime } from 'luxon';
import { QueryFailedError } from 'typeorm';
import { startTestApp, TestApp } from '../test/test-app';

/** The "How we will check", over HTTP with the demo accounts, and the database's own rules. */
describe('living labs API', () => {
  let t: TestApp;
  let resident: MadangClient;
  let resident2: MadangClient;
  let approver: MadangClient;
  let staff2: MadangClient;
  let anonymous: MadangClient;
  let teamId: string;
  let observation: ObservationDetail;
  let project: ProjectDetail;
  let experiment: ExperimentDetail;
  let outcome: ProjectOutcome;

  const lateThenRespond = async (id: string) => {
    // The promise was made long ago: move receipt and deadlines three weeks back.
    await t.db.query(
      `UPDATE lab_observations SET created_at = created_at - interval '21 days',
              ack_due_at = ack_due_at - interval '21 days', answer_due_at = answer_due_at - interval '21 days' WHERE id = $1`,
      [id],
    );
  };

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    resident = await t.signIn('resident@madang.local');
    resident2 = await t.signIn('resident2@madang.local');
    approver = await t.signIn('approver@madang.local');
    anonymous = t.client();
    const admin = await t.signIn('admin@madang.local');
    // A second staff member (Research & PR), to verify outcomes the first one created.
    staff2 = t.client();
    const me = await staff2.register('labs-staff2@madang.local', '윤연구 (연구홍보팀)');
    expect((await admin.put(`/api/users/${me.id}/roles/approver`)).status).toBe(200);
    await staff2.login('labs-staff2@madang.local', 'correct horse battery');
    const who = await resident.get<MeResponse>('/api/auth/me');
    teamId = who.body.groups[0].groupId;
  }, 120000);
  afterAll(async () => t?.close());

  it('seeds a believable demo portfolio: 30 observations (late ones, one merged), five projects over the four stages', async () => {
    const [counts] = (await t.db.query(
      `SELECT (SELECT count(*)::int FROM lab_observations) AS observations,
              (SELECT count(*)::int FROM lab_observations WHERE state = 'merged') AS merged,
              (SELECT count(*)::int FROM lab_observations WHERE answered_at > answer_due_at OR acknowledged_at > ack_due_at) AS late,
              (SELECT count(*)::int FROM lab_projects) AS projects,
              (SELECT count(DISTINCT stage)::int FROM lab_projects) AS stages,
              (SELECT count(*)::int FROM lab_experiment_bookings lb JOIN lab_experiments e ON e.id = lb.experiment_id
                 WHERE e.title = '1인분 계량 안내 실험') AS kitchen_sessions,
              (SELECT count(*)::int FROM lab_outcomes WHERE verified_by IS NOT NULL) AS verified,
              (SELECT count(*)::int FROM files WHERE owner_type LIKE 'lab_%') AS evidence`,
    )) as Record<string, number>[];
    expect(counts).toEqual({
      observations: 30,
      merged: 1,
      late: expect.any(Number),
      projects: 5,
      stages: 4,
      kitchen_sessions: 3,
      verified: 2,
      evidence: 2,
    });
    expect(counts.late).toBeGreaterThanOrEqual(4);
    const archive = await anonymous.get<Page<PublicProjectSummary>>('/api/public/labs/projects');
    expect(archive.body.items.map((p) => p.title)).toEqual(
      expect.arrayContaining(['원도심 골목 안전 지도', '플라스틱 없는 오일장', '버스 정류장 그늘 실험']),
    );
    expect(archive.body.items.map((p) => p.title)).not.toContain('작은 도서관 야간 개방');
  });

  it('publishes a resident’s Korean observation, hiding an anonymous poster from the public but not from staff', async () => {
    const posted = await resident.post<ObservationDetail>('/api/observations', {
      kind: 'problem',
      category: 'transport',
      title: '시청 앞 버스 정류장에 그늘이 없어요',
      body: '한여름 오후 두 시에 정류장에서 기다리면 너무 덥습니다. 어르신들이 특히 힘들어하세요.',
      placeName: '제주시청 버스 정류장',
      point: { lat: 33.4996, lng: 126.5312 },
      anonymous: true,
    });
    expect(posted.status).toBe(201);
    observation = posted.body;
    expect(observation).toMatchObject({
      state: 'received',
      anonymous: true,
      mine: true,
      responseKind: 'review',
    });
    expect(observation.acknowledgement.state).toMatch(/on-time|due-soon/);

    const list = await anonymous.get<Page<PublicObservationSummary>>(
      '/api/public/observations?category=transport',
    );
    expect(list.status).toBe(200);
    const shown = list.body.items.find((o) => o.id === observation.id);
    expect(shown).toMatchObject({ title: '시청 앞 버스 정류장에 그늘이 없어요', poster: null });
    const detail = await anonymous.get<PublicObservationDetail>(`/api/public/observations/${observation.id}`);
    expect(detail.status).toBe(200);
    expect(JSON.stringify(detail.body)).not.toContain('김주민');

    const asStaff = await approver.get<ObservationDetail>(`/api/observations/${observation.id}`);
    expect(asStaff.body.poster?.displayName).toBe('김주민');

    const bad = await resident.post('/api/observations', {
      kind: 'rumour',
      category: 'transport',
      title: '',
      body: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.problem.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['kind', 'title']));
  });

  it('lets each person support once (the database keeps one row per person)', async () => {
    expect((await resident2.put(`/api/observations/${observation.id}/support`)).body).toMatchObject({
      supportCount: 1,
      supportedByMe: true,
    });
    expect((await resident2.put(`/api/observations/${observation.id}/support`)).body).toMatchObject({
      supportCount: 1,
    });
    const duplicate = t.db.query(
      `INSERT INTO lab_observation_supports (observation_id, user_id) SELECT observation_id, user_id FROM lab_observation_supports WHERE observation_id = $1`,
      [observation.id],
    );
    await expect(duplicate).rejects.toThrow(QueryFailedError);
    expect(
      (await resident2.post(`/api/observations/${observation.id}/comments`, { body: '저도 매일 겪어요.' }))
        .status,
    ).toBe(201);
  });

  it('answers within the promise and shows on the dashboard; a late answer shows as late', async () => {
    expect(
      (await resident.post(`/api/observations/${observation.id}/responses`, { kind: 'answer', body: 'x' }))
        .status,
    ).toBe(403);
    const ack = await approver.post<ObservationDetail>(`/api/observations/${observation.id}/responses`, {
      kind: 'acknowledgement',
      body: '소중한 관찰 감사합니다. 연구홍보팀이 살펴보고 있습니다.',
    });
    expect(ack.status).toBe(200);
    expect(ack.body.state).toBe('acknowledged');
    expect(ack.body.acknowledgement.state).toBe('met');
    expect(ack.body.replies[0].author?.displayName).toBe('이승인 (재단발전팀)');
    const publicReply = await anonymous.get<PublicObservationDetail>(
      `/api/public/observations/${observation.id}`,
    );
    expect(publicReply.body.replies[0]).toMatchObject({ team: 'research_pr', author: null });

    const late = await resident2.post<ObservationDetail>('/api/observations', {
      kind: 'possibility',
      category: 'environment',
      title: '전통시장 비닐봉투 줄이기',
      body: '장바구니 대여소가 있으면 좋겠어요.',
    });
    await lateThenRespond(late.body.id);
    const dashboardBefore = await approver.get<ResponseDashboard>('/api/labs/response-dashboard');
    expect(dashboardBefore.status).toBe(200);
    expect(dashboardBefore.body.lateNow.map((l) => l.id)).toContain(late.body.id);
    const answered = await approver.post<ObservationDetail>(`/api/observations/${late.body.id}/responses`, {
      kind: 'answer',
      body: '시장 상인회와 함께 실험을 준비하겠습니다.',
    });
    expect(answered.body.state).toBe('answered');
    expect(answered.body.acknowledgement.state).toBe('missed');
    expect(answered.body.answer.state).toBe('missed');
    expect(answered.body.answer.overdueWorkingMinutes).toBeGreaterThan(0);

    const dashboard = await approver.get<ResponseDashboard>('/api/labs/response-dashboard');
    const team = dashboard.body.byTeam.find((r) => r.team === 'research_pr');
    expect(team?.acknowledgement.met).toBeGreaterThanOrEqual(1);
    expect(team?.answer.missed).toBeGreaterThanOrEqual(1);
    expect(team?.acknowledgement.medianResponseWorkingMinutes).not.toBeNull();
    expect(dashboard.body.byMonth.length).toBeGreaterThanOrEqual(1);
    expect(dashboard.body.promise.acknowledgement.description.ko).toBe('3근무시간 이내');
    expect((await resident.get('/api/labs/response-dashboard')).status).toBe(403);
  });

  it('refuses the experiment stage without a problem statement, in the service and in the database', async () => {
    const created = await approver.post<ProjectDetail>('/api/labs/projects', {
      title: '버스 정류장 그늘 실험',
      summary: '여름철 정류장 대기 환경을 바꾸는 리빙랩',
      category: 'transport',
      leadGroupId: teamId,
    });
    expect(created.status).toBe(201);
    project = created.body;
    expect(project.stage).toBe('observation');
    expect(project.published).toBe(false);

    const refused = await resident.post(`/api/labs/projects/${project.id}/stage`, {
      to: 'experiment',
      reason: '실험 시작',
    });
    expect(refused.status).toBe(422);
    expect(refused.problem.code).toBe('lab_rule');
    expect((refused.problem['violations'] as { code: string }[]).map((v) => v.code)).toEqual([
      'problem_statement_missing',
      'no_linked_observation',
    ]);
    const direct = t.db.query(`UPDATE lab_projects SET stage = 'experiment' WHERE id = $1`, [project.id]);
    await expect(direct).rejects.toMatchObject({ driverError: { constraint: 'lab_gate_problem_statement' } });

    const linked = await resident.post<ProjectDetail>(`/api/labs/projects/${project.id}/observations`, {
      observationId: observation.id,
    });
    expect(linked.status).toBe(200);
    expect(linked.body.observations.map((o) => o.id)).toEqual([observation.id]);
    const notices = await t.db.query(
      `SELECT kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email_normalized = 'resident@madang.local' AND n.kind = 'lab.observation_linked'`,
    );
    expect(notices).toHaveLength(0); // the poster linked it herself: nobody to tell
    await approver.delete(`/api/labs/projects/${project.id}/observations/${observation.id}`);
    await approver.post(`/api/labs/projects/${project.id}/observations`, { observationId: observation.id });
    const told = (await t.db.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email_normalized = 'resident@madang.local' AND n.kind = 'lab.observation_linked'`,
    )) as { n: number }[];
    expect(told[0].n).toBe(1);

    await resident.patch(`/api/labs/projects/${project.id}`, {
      problemStatement: '한낮 정류장 대기 승객이 폭염에 노출됩니다 (관찰 1건, 지지 1).',
    });
    const moved = await resident.post<ProjectDetail>(`/api/labs/projects/${project.id}/stage`, {
      to: 'experiment',
      reason: '문제 정의 완료',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.stage).toBe('experiment');
    const cleared = await resident.patch(`/api/labs/projects/${project.id}`, { problemStatement: null });
    expect(cleared.status).toBe(422);
  });

  it('books the community kitchen through the booking engine; a conflicting booking is 409', async () => {
    const created = await resident.post<ExperimentDetail>(`/api/labs/projects/${project.id}/experiments`, {
      title: '공유 부엌 잔반 줄이기 실험',
      hypothesis: '나눔 밥상 전에 1인분 기준을 안내하면 잔반이 절반으로 준다.',
      intervention: '1인분 계량 안내판과 남김없이 먹기 약속 카드',
      startsOn: '2026-12-01',
      endsOn: '2026-12-31',
    });
    expect(created.status).toBe(201);
    experiment = created.body;
    const assets = await anonymous.get<AssetSummary[]>('/api/assets');
    const kitchen = assets.body.find((a) => a.name.en === 'Community Kitchen');
    expect(kitchen).toBeDefined();
    const day = DateTime.now().setZone('Asia/Seoul').startOf('week').plus({ weeks: 3, days: 2 });
    const slot = {
      items: [{ assetId: kitchen?.id, quantity: 1 }],
      start: day.set({ hour: 14 }).toISO(),
      end: day.set({ hour: 16 }).toISO(),
      purpose: '잔반 줄이기 실험 나눔 밥상',
      attendees: 12,
      groupId: teamId,
    };
    const booked = await resident.post<ExperimentDetail>(
      `/api/labs/experiments/${experiment.id}/bookings`,
      slot,
    );
    expect(booked.status).toBe(201);
    expect(booked.body.bookings).toHaveLength(1);
    expect(booked.body.bookings[0].items[0].assetName.en).toBe('Community Kitchen');
    expect(booked.body.participants.fromBookings).toBe(12);
    const clash = await resident2.post('/api/bookings', { ...slot, groupId: null, purpose: '요리 교실' });
    expect(clash.status).toBe(409);
    expect(clash.problem.code).toBe('slot_taken');
    const clashAgain = await resident.post(`/api/labs/experiments/${experiment.id}/bookings`, slot);
    expect(clashAgain.status).toBe(409);
  });

  it('records consent per person, withdrawable, and metrics against baseline and target', async () => {
    const a = await resident.post<ExperimentParticipant>(
      `/api/labs/experiments/${experiment.id}/participants`,
      {
        name: '홍길동',
        contact: '010-1234-5678',
        consentNote: '설문 응답 및 사진 촬영 동의',
      },
    );
    expect(a.status).toBe(201);
    const b = await resident.post<ExperimentParticipant>(
      `/api/labs/experiments/${experiment.id}/participants`,
      {
        name: '고순자',
        consentNote: '설문 응답 동의',
      },
    );
    const withdrawn = await resident.post<ExperimentParticipant>(
      `/api/labs/participants/${b.body.id}/withdraw`,
    );
    expect(withdrawn.body).toMatchObject({ name: null, contact: null });
    expect(withdrawn.body.withdrawnAt).not.toBeNull();
    expect((await resident.post(`/api/labs/participants/${b.body.id}/withdraw`)).status).toBe(422);
    await expect(
      t.db.query(`UPDATE lab_participants SET name = '고순자' WHERE id = $1`, [b.body.id]),
    ).rejects.toMatchObject({ driverError: { constraint: 'lab_participants_withdrawn_check' } });

    const metric = await resident.post<ExperimentMetric>(`/api/labs/experiments/${experiment.id}/metrics`, {
      name: '한 끼 잔반',
      unit: 'kg',
      baseline: 12,
      target: 6,
      direction: 'decrease',
    });
    expect(metric.status).toBe(201);
    for (const [measuredOn, value] of [
      ['2026-12-05', 10.5],
      ['2026-12-12', 7.2],
      ['2026-12-19', 5.8],
    ] as const)
      expect(
        (await resident.post(`/api/labs/metrics/${metric.body.id}/readings`, { measuredOn, value })).status,
      ).toBe(201);
    const detail = await resident.get<ExperimentDetail>(`/api/labs/experiments/${experiment.id}`);
    expect(detail.body.metrics[0]).toMatchObject({
      baseline: 12,
      target: 6,
      actual: 5.8,
      targetReached: true,
    });
    expect(detail.body.metrics[0].readings.map((r) => r.value)).toEqual([10.5, 7.2, 5.8]);
    expect(detail.body.participants).toMatchObject({ consented: 1, withdrawn: 1 });
  });

  it('records a verdict, then cooperation; an outcome is verified by a second person, never the lead', async () => {
    const early = await resident.post(`/api/labs/projects/${project.id}/stage`, {
      to: 'cooperation',
      reason: '협력 단계',
    });
    expect((early.problem['violations'] as { code: string }[]).map((v) => v.code)).toEqual([
      'no_concluded_experiment',
    ]);
    const verdict = await resident.post<ExperimentDetail>(`/api/labs/experiments/${experiment.id}/verdict`, {
      verdict: 'confirmed',
      lesson: '계량 안내만으로 잔반이 절반 넘게 줄었다. 안내판 위치가 중요했다.',
    });
    expect(verdict.body).toMatchObject({ status: 'concluded', verdict: 'confirmed' });
    expect(
      (
        await resident.post(`/api/labs/experiments/${experiment.id}/verdict`, {
          verdict: 'refuted',
          lesson: 'x',
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await resident.post<ProjectDetail>(`/api/labs/projects/${project.id}/stage`, {
          to: 'cooperation',
          reason: '결과 확산',
        })
      ).body.stage,
    ).toBe('cooperation');
    await resident.post(`/api/labs/projects/${project.id}/partners`, {
      name: '제주시 교통행정과',
      sector: 'public',
      status: 'active',
      contact: '담당 주무관 010-9999-0000',
      commitments: [{ kind: 'money', description: '그늘막 설치비', amount: 3_000_000, status: 'agreed' }],
    });

    const recorded = await resident.post<ProjectOutcome>(`/api/labs/projects/${project.id}/outcomes`, {
      type: 'policy_adopted',
      title: '버스 정류장 그늘막 설치 기준 마련',
      description: '제주시가 정류장 그늘막 설치 기준을 고시했다.',
      occurredOn: '2026-11-20',
      responsibleBody: '제주시 교통행정과',
    });
    expect(recorded.status).toBe(201);
    outcome = recorded.body;
    expect((await resident.post(`/api/labs/outcomes/${outcome.id}/verify`)).status).toBe(403);
    const byCreator = await approver.post(`/api/labs/outcomes/${outcome.id}/verify`);
    expect(byCreator.status).toBe(422);
    expect((byCreator.problem['violations'] as { code: string }[])[0].code).toBe('verifier_is_lead');
    const creator = (await t.db.query(`SELECT created_by FROM lab_projects WHERE id = $1`, [project.id])) as {
      created_by: string;
    }[];
    await expect(
      t.db.query(`UPDATE lab_outcomes SET verified_by = $2, verified_at = now() WHERE id = $1`, [
        outcome.id,
        creator[0].created_by,
      ]),
    ).rejects.toMatchObject({ driverError: { constraint: 'lab_outcomes_verifier_not_lead' } });
    await expect(
      t.db.query(`UPDATE lab_outcomes SET verified_by = recorded_by, verified_at = now() WHERE id = $1`, [
        outcome.id,
      ]),
    ).rejects.toMatchObject({ driverError: { constraint: 'lab_outcomes_verifier_check' } });
    const verified = await staff2.post<ProjectOutcome>(`/api/labs/outcomes/${outcome.id}/verify`);
    expect(verified.status).toBe(200);
    expect(verified.body.verifiedBy?.displayName).toBe('윤연구 (연구홍보팀)');
    expect((await approver.post(`/api/labs/outcomes/${outcome.id}/verify`)).status).toBe(422);
  });

  it('shares the project: public page and archive without sign-in, with no participant or person names', async () => {
    const early = await resident.post(`/api/labs/projects/${project.id}/stage`, {
      to: 'sharing',
      reason: '공유',
    });
    expect((early.problem['violations'] as { code: string }[]).map((v) => v.code)).toEqual([
      'results_note_missing',
    ]);
    await resident.patch(`/api/labs/projects/${project.id}`, {
      resultsNote: '안내판으로 잔반 52% 감소. 시 기준 고시로 이어짐. 한계: 겨울철 재검증 필요.',
    });
    const shared = await resident.post<ProjectDetail>(`/api/labs/projects/${project.id}/stage`, {
      to: 'sharing',
      reason: '결과 공개',
    });
    expect(shared.body).toMatchObject({ stage: 'sharing', published: true });
    expect((await resident.post(`/api/labs/projects/${project.id}/unpublish`)).status).toBe(409);

    const page = await anonymous.get<PublicProjectPage>(`/api/public/labs/projects/${project.id}`);
    expect(page.status).toBe(200);
    expect(page.body.experiments[0]).toMatchObject({ verdict: 'confirmed', participantCount: 12 });
    expect(page.body.experiments[0].metrics[0].readings).toHaveLength(3);
    expect(page.body.experiments[0].sites[0].en).toBe('Community Kitchen');
    expect(page.body.outcomes.map((o) => o.id)).toEqual([outcome.id]);
    expect(page.body.partners[0]).toEqual({
      name: '제주시 교통행정과',
      sector: 'public',
      status: 'active',
      commitments: ['money'],
    });
    const text = JSON.stringify(page.body);
    for (const personal of ['홍길동', '고순자', '010-', '김주민', '박이웃', '이승인', '윤연구'])
      expect(text).not.toContain(personal);
    expect(page.body.leadName).toBe('함께걷는 제주 주민팀');

    const csv = await anonymous.get<string>(`/api/public/labs/projects/${project.id}/results.csv`);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('한 끼 잔반');
    expect(csv.body).not.toContain('홍길동');

    const archive = await anonymous.get<Page<PublicProjectSummary>>(
      '/api/public/labs/projects?outcomeType=policy_adopted&stage=sharing',
    );
    expect(archive.body.items.map((p) => p.id)).toContain(project.id);
    const summary = await anonymous.get<ArchiveSummary>(
      `/api/public/labs/summary?year=${DateTime.now().setZone('Asia/Seoul').year}`,
    );
    expect(summary.body.byStage.sharing).toBeGreaterThanOrEqual(1);
    expect(summary.body.experimentsByVerdict.confirmed).toBeGreaterThanOrEqual(1);
    expect(summary.body.outcomesByType.policy_adopted).toBeGreaterThanOrEqual(1);

    const timeline = await resident.get<{ kind: string }[]>(`/api/labs/projects/${project.id}/timeline`);
    expect(timeline.body.filter((e) => e.kind === 'stage_changed')).toHaveLength(3);
  });

  it('keeps another team’s project out of reach (404) and drafts out of the public eye', async () => {
    for (const [method, path, body] of [
      ['GET', `/api/labs/projects/${project.id}`, undefined],
      ['PATCH', `/api/labs/projects/${project.id}`, { title: '남의 프로젝트' }],
      ['POST', `/api/labs/projects/${project.id}/stage`, { to: 'on_hold', reason: '장난' }],
      [
        'POST',
        `/api/labs/experiments/${experiment.id}/metrics`,
        { name: 'x', unit: 'x', baseline: 1, target: 2, direction: 'increase' },
      ],
      ['GET', `/api/labs/experiments/${experiment.id}/participants`, undefined],
    ] as const)
      expect((await resident2.request(method, path, body)).status).toBe(404);
    expect(
      (
        await resident2.post('/api/labs/projects', {
          title: 'x',
          summary: 'x',
          category: 'other',
          leadGroupId: teamId,
        })
      ).status,
    ).toBe(403);

    const draft = await approver.post<ProjectDetail>('/api/labs/projects', {
      title: '아직 비공개인 초안',
      summary: '초안',
      category: 'community',
      leadUserId: (await approver.get<MeResponse>('/api/auth/me')).body.id,
    });
    expect((await anonymous.get(`/api/public/labs/projects/${draft.body.id}`)).status).toBe(404);
    const archive = await anonymous.get<Page<PublicProjectSummary>>('/api/public/labs/projects?limit=200');
    expect(archive.body.items.map((p) => p.id)).not.toContain(draft.body.id);
    expect((await resident.get(`/api/labs/projects/${draft.body.id}`)).status).toBe(404);
    expect((await anonymous.get(`/api/labs/projects/${project.id}`)).status).toBe(401);
  });

  it('merges a duplicate: supports move, the duplicate points at the original', async () => {
    const dup = await resident2.post<ObservationDetail>('/api/observations', {
      kind: 'problem',
      category: 'transport',
      title: '정류장 햇빛 가림막 필요',
      body: '시청 앞 정류장이 너무 뜨거워요.',
    });
    await approver.put(`/api/observations/${dup.body.id}/support`);
    const merged = await approver.post<ObservationDetail>(`/api/observations/${dup.body.id}/merge`, {
      intoId: observation.id,
      reason: '같은 정류장에 대한 관찰입니다.',
    });
    expect(merged.status).toBe(200);
    expect(merged.body.duplicates.map((d) => d.id)).toEqual([dup.body.id]);
    expect(merged.body.supportCount).toBe(2);
    const again = await approver.post(`/api/observations/${dup.body.id}/merge`, {
      intoId: observation.id,
      reason: 'x',
    });
    expect(again.status).toBe(422);
    expect(
      (
        await approver.post(`/api/observations/${observation.id}/merge`, {
          intoId: observation.id,
          reason: 'x',
        })
      ).status,
    ).toBe(422);
  });
});
