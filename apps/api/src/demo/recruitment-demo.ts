import { Logger } from '@nestjs/common';
import { RESIDENT_BASE_TAG, type CallOffer, type CallPhase, type FormSection } from '@madang/contracts';
import { scoreSheet } from '@madang/review';
import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { AgreementsRepository } from '../recruitment/agreements.repository';
import { ApplicationsRepository } from '../recruitment/applications.repository';
import { CallsRepository, type StoredRubric } from '../recruitment/calls.repository';
import { ReviewsRepository } from '../recruitment/reviews.repository';

const ZONE = 'Asia/Seoul';
const PAST_TITLE = '2026 코워킹 좌석 공모';

/** The demo's application form: the team's name is hidden from reviewers on blind calls. */
export const DEMO_FORM: FormSection[] = [
  {
    id: 'team',
    title: { ko: '팀 소개', en: 'About the team' },
    fields: [
      {
        id: 'teamName',
        type: 'text',
        label: { ko: '팀 이름', en: 'Team name' },
        required: true,
        maxLength: 60,
        hiddenWhenBlind: true,
      },
      { id: 'members', type: 'team_members', label: { ko: '팀원', en: 'Team members' }, required: false },
      {
        id: 'field',
        type: 'choice',
        label: { ko: '활동 분야', en: 'Field' },
        required: true,
        options: [
          { value: 'care', label: { ko: '돌봄', en: 'Care' } },
          { value: 'environment', label: { ko: '환경', en: 'Environment' } },
          { value: 'culture', label: { ko: '문화', en: 'Culture' } },
        ],
      },
    ],
  },
  {
    id: 'plan',
    title: { ko: '활동 계획', en: 'Plan' },
    fields: [
      {
        id: 'plan',
        type: 'long_text',
        label: { ko: '입주 기간 활동 계획', en: 'What the team will do' },
        required: true,
        maxLength: 3000,
      },
      { id: 'startOn', type: 'date', label: { ko: '활동 시작일', en: 'Start date' }, required: false },
      {
        id: 'people',
        type: 'number',
        label: { ko: '예상 참여 인원', en: 'Expected participants' },
        required: false,
        min: 0,
        max: 10000,
      },
      { id: 'budget', type: 'file', label: { ko: '예산 계획서', en: 'Budget plan' }, required: false },
    ],
  },
];

export const DEMO_RUBRIC: StoredRubric = {
  criteria: [
    {
      id: 'impact',
      label: { ko: '지역 사회 영향', en: 'Local impact' },
      weight: 3,
      min: 1,
      max: 5,
      scaleLabels: [
        { value: 1, label: { ko: '미흡', en: 'Weak' } },
        { value: 5, label: { ko: '매우 우수', en: 'Excellent' } },
      ],
      comment: { required: 'always' },
    },
    {
      id: 'feasibility',
      label: { ko: '실현 가능성', en: 'Feasibility' },
      weight: 2,
      min: 1,
      max: 5,
      comment: { required: 'at-or-below', score: 2 },
    },
    { id: 'collaboration', label: { ko: '협력 계획', en: 'Collaboration' }, weight: 1, min: 1, max: 5 },
  ],
  overallCommentRequired: false,
};

const offer = (o: Partial<CallOffer> & Pick<CallOffer, 'termStart' | 'termEnd'>): CallOffer => ({
  assetIds: [],
  seatCount: null,
  places: 1,
  monthlyFee: 0,
  deposit: 0,
  privileges: { tags: [RESIDENT_BASE_TAG], extraAdvanceDays: 30, feeWaiverCategoryIds: [] },
  ...o,
});

async function one(m: EntityManager, sql: string, params: unknown[] = []): Promise<string | null> {
  const rows = (await m.query(sql, params)) as { id: string }[];
  return rows[0]?.id ?? null;
}

async function must(m: EntityManager, sql: string, params: unknown[] = []): Promise<string> {
  const id = await one(m, sql, params);
  if (!id) throw new Error(`recruitment demo: nothing for ${sql} ${JSON.stringify(params)}`);
  return id;
}

async function ensureGroup(
  m: EntityManager,
  name: string,
  kind: string,
  description: string,
  members: { userId: string; manager: boolean }[],
): Promise<string> {
  const id =
    (await one(m, `SELECT id FROM groups WHERE name = $1`, [name])) ??
    (await must(m, `INSERT INTO groups (name, kind, description) VALUES ($1, $2, $3) RETURNING id`, [
      name,
      kind,
      description,
    ]));
  for (const member of members)
    await m.query(
      `INSERT INTO group_members (group_id, user_id, is_manager) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [id, member.userId, member.manager],
    );
  return id;
}

/**
 * Recruitment demo: a past co-working call with results and a signed agreement (with an overdue
 * obligation for the approver's home), an open residency call with three rooms, an open co-working
 * call, a partner-space call under review; applicants and reviews on each; reviewer@ sings in the
 * village choir with resident2@, so reviewing resident2@'s team shows a conflict warning.
 * Idempotent: nothing is added once the past call exists.
 */
export async function seedRecruitmentDemo(db: DataSource): Promise<void> {
  const logger = new Logger('Demo');
  await db.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock(774210)');
    if (await one(m, `SELECT id FROM recruitment_calls WHERE title->>'ko' = $1`, [PAST_TITLE])) return;
    const user = (email: string) => must(m, `SELECT id FROM users WHERE email_normalized = $1`, [email]);
    const approver = await user('approver@madang.local');
    const resident = await user('resident@madang.local');
    const resident2 = await user('resident2@madang.local');
    const resident3 = await user('resident3@madang.local');
    const reviewer = await user('reviewer@madang.local');
    const asset = (nameEn: string) => must(m, `SELECT id FROM assets WHERE name_en = $1`, [nameEn]);
    const rentLine = await one(m, `SELECT id FROM budget_lines WHERE name = '입주 임대료 수입' LIMIT 1`);
    const partnerCategory = await one(m, `SELECT id FROM asset_categories WHERE code = 'meeting-rooms'`);

    const team = await must(m, `SELECT id FROM groups WHERE name = '함께걷는 제주 주민팀'`);
    const lab = await ensureGroup(m, '제주 골목 연구소', 'ngo', '골목의 역사와 생활을 기록하는 연구 모임', [
      { userId: resident3, manager: true },
    ]);
    const coworkers = await ensureGroup(m, '이웃 코워커스', 'ngo', '동네에서 일하는 프리랜서 모임', [
      { userId: resident2, manager: true },
    ]);
    await ensureGroup(m, '마을 합창단', 'ngo', '매주 목요일 저녁 연습하는 마을 합창단', [
      { userId: reviewer, manager: false },
      { userId: resident2, manager: false },
    ]);
    const partner = await ensureGroup(
      m,
      '해안마을 협동조합',
      'partner_org',
      '마을 창고를 공유 공간으로 여는 협동조합',
      [{ userId: resident3, manager: true }],
    );

    const calls = new CallsRepository();
    const apps = new ApplicationsRepository();
    const reviews = new ReviewsRepository();
    const agreements = new AgreementsRepository();
    const now = DateTime.now().setZone(ZONE);
    const iso = (d: DateTime) => d.toUTC().toISO() as string;

    const makeCall = async (c: {
      kind: 'residency' | 'coworking' | 'partner_space';
      title: { ko: string; en: string };
      summary: { ko: string; en: string };
      offer: CallOffer;
      deadline: DateTime;
      phase: CallPhase;
      blind?: boolean;
      budgetLineId?: string | null;
    }) => {
      const id = await calls.insert(m, {
        kind: c.kind,
        title: c.title,
        summary: c.summary,
        body: {
          ko: `${c.summary.ko}\n\n제출 서류: 신청서, 활동 계획, 예산 계획서. 문의: 재단발전팀 064-000-0000`,
          en: `${c.summary.en}\n\nSubmit: the form, a plan and a budget. Questions: Foundation Development Team.`,
        },
        eligibility: {
          ko: '제주에서 활동하는 주민 팀·비영리 단체(대표자가 단체 관리자일 것)',
          en: 'Resident teams and non-profits active in Jeju (applied for by a manager of the group)',
        },
        offer: c.offer,
        schedule: {},
        deadline: iso(c.deadline),
        blind: c.blind ?? false,
        hasInterview: false,
        aggregation: 'mean',
        reviewersPerApplication: 2,
        budgetLineId: c.budgetLineId ?? null,
        createdBy: approver,
      });
      const form = await calls.insertForm(m, id, DEMO_FORM);
      await calls.setRubric(m, id, DEMO_RUBRIC, [
        { kind: 'criterion', criterionId: 'impact', prefer: 'higher' },
      ]);
      await calls.setReviewers(m, id, [reviewer]);
      let from: CallPhase = 'draft';
      for (const to of PHASE_PATH[c.phase]) {
        await calls.insertMove(m, { callId: id, from, to, by: approver, reason: 'demo' });
        from = to;
      }
      await calls.setPhase(m, id, c.phase, PHASE_PATH[c.phase].includes('provisional_results'));
      return { id, formId: form.id };
    };
    const apply = async (
      call: { id: string; formId: string },
      groupId: string,
      applicantId: string,
      answers: Record<string, unknown>,
      submittedAt: DateTime | null,
    ) => {
      const id = await apps.insert(m, {
        callId: call.id,
        formId: call.formId,
        groupId,
        applicantId,
        answers: answers as never,
      });
      if (submittedAt) await apps.submit(m, id, submittedAt.toJSDate());
      return id;
    };
    const score = async (
      callId: string,
      applicationId: string,
      reviewerId: string,
      s: Record<string, number>,
      submit: boolean,
    ) => {
      const assignment = (await reviews.insert(m, {
        callId,
        applicationId,
        reviewerId,
        detected: [],
      })) as string;
      await reviews.declare(m, assignment, false, null);
      const comments = {
        impact: '지역 주민과의 접점이 분명함',
        feasibility: s['feasibility'] <= 2 ? '일정이 촉박함' : '',
      };
      const sheet = scoreSheet(DEMO_RUBRIC, { reviewerId, scores: s, comments });
      await reviews.saveSheet(m, assignment, {
        scores: s,
        comments: Object.fromEntries(Object.entries(comments).filter(([, v]) => v)),
        overallComment: null,
        total: submit ? sheet.total : null,
      });
      if (submit) await reviews.submit(m, assignment);
    };

    // 1. Past co-working call (2026): results, reviews, a signed agreement with an overdue obligation.
    const past = await makeCall({
      kind: 'coworking',
      title: { ko: PAST_TITLE, en: '2026 co-working seats' },
      summary: { ko: '코워킹 데스크 6석, 월 5만 원', en: 'Six co-working desks, 50,000 won a month' },
      offer: offer({
        seatCount: 6,
        places: 6,
        termStart: '2026-03-01',
        termEnd: '2027-02-28',
        monthlyFee: 50_000,
        deposit: 100_000,
        privileges: { tags: ['coworking_member'], extraAdvanceDays: 0, feeWaiverCategoryIds: [] },
      }),
      deadline: DateTime.fromISO('2026-01-31T18:00:00', { zone: ZONE }),
      phase: 'agreements',
    });
    const pastTeam = await apply(
      past,
      team,
      resident,
      { teamName: '함께걷는 제주', field: 'care', plan: '골목 안전 지도 제작' },
      DateTime.fromISO('2026-01-20T10:00:00', { zone: ZONE }),
    );
    const pastLab = await apply(
      past,
      lab,
      resident3,
      { teamName: '골목 연구소', field: 'culture', plan: '골목 기록 아카이브' },
      DateTime.fromISO('2026-01-25T15:30:00', { zone: ZONE }),
    );
    for (const [id, decision, s] of [
      [pastTeam, 'selected', { impact: 5, feasibility: 4, collaboration: 4 }],
      [pastLab, 'not_selected', { impact: 3, feasibility: 2, collaboration: 3 }],
    ] as const) {
      await apps.screen(m, id, 'eligible', ['제주 소재 단체 확인'], approver);
      await score(past.id, id, reviewer, { ...s }, true);
      await apps.decide(
        m,
        id,
        decision,
        decision === 'selected' ? '지역 돌봄 효과가 큼' : '활동 계획 구체성 부족',
        approver,
      );
    }
    const pastAgreement = await agreements.insert(m, {
      callId: past.id,
      applicationId: pastTeam,
      groupId: team,
      termStart: '2026-03-01',
      termEnd: '2027-02-28',
      assetIds: [],
      seatCount: 2,
      monthlyFee: 50_000,
      deposit: 100_000,
      renewalOn: '2027-01-31',
      createdBy: approver,
    });
    await agreements.sign(m, pastAgreement, { by: approver, blockIds: [], rentScheduleId: null });
    await agreements.insertPrivilege(m, {
      groupId: team,
      tag: 'coworking_member',
      extraAdvanceDays: 0,
      sourceId: pastAgreement,
      startsOn: '2026-03-01',
      endsOn: '2027-02-28',
    });
    await agreements.insertObligation(m, {
      agreementId: pastAgreement,
      title: '3분기 활동 보고서 / Q3 activity report',
      dueOn: '2026-10-31',
      remindDaysBefore: 14,
    });
    await agreements.insertObligation(m, {
      agreementId: pastAgreement,
      title: '4분기 활동 보고서 / Q4 activity report',
      dueOn: '2027-01-31',
      remindDaysBefore: 14,
    });

    // 2. Open residency call: three rooms for two years, rent on the rent line.
    const rooms = [await asset('Media Studio'), await asset('Maker Space'), await asset('Meeting Room C')];
    const residency = await makeCall({
      kind: 'residency',
      title: { ko: '2027 입주 팀 공모', en: '2027 resident team call' },
      summary: {
        ko: '입주 공간 3실(미디어 스튜디오, 메이커 스페이스, 회의실 C), 2년',
        en: 'Three rooms (Media Studio, Maker Space, Meeting Room C) for two years',
      },
      offer: offer({
        assetIds: rooms,
        places: 3,
        termStart: '2027-03-01',
        termEnd: '2029-02-28',
        monthlyFee: 150_000,
        deposit: 300_000,
      }),
      deadline: now.plus({ days: 21 }).set({ hour: 18, minute: 0, second: 0, millisecond: 0 }),
      phase: 'open',
      blind: true,
      budgetLineId: rentLine,
    });
    await apply(
      residency,
      team,
      resident,
      { teamName: '함께걷는 제주', field: 'care', plan: '골목 안전 지도 2.0 (작성 중)' },
      null,
    );

    // 3. Open co-working call: resident2@'s team has applied; reviewer@ is warned (the choir).
    const coworking = await makeCall({
      kind: 'coworking',
      title: { ko: '2027 상반기 코워킹 좌석 공모', en: '2027 spring co-working seats' },
      summary: {
        ko: '코워킹 데스크 8석, 6개월, 월 5만 원',
        en: 'Eight desks for six months, 50,000 won a month',
      },
      offer: offer({
        seatCount: 8,
        places: 8,
        termStart: '2027-01-04',
        termEnd: '2027-06-30',
        monthlyFee: 50_000,
        deposit: 0,
        privileges: { tags: ['coworking_member'], extraAdvanceDays: 0, feeWaiverCategoryIds: [] },
      }),
      deadline: now.plus({ days: 10 }).set({ hour: 18, minute: 0, second: 0, millisecond: 0 }),
      phase: 'open',
      budgetLineId: rentLine,
    });
    const coworkApp = await apply(
      coworking,
      coworkers,
      resident2,
      {
        teamName: '이웃 코워커스',
        field: 'culture',
        plan: '동네 프리랜서의 공동 작업실',
        members: [{ name: '박이웃', role: '대표', userId: resident2 }],
      },
      now.minus({ days: 1 }),
    );
    await reviews.insert(m, {
      callId: coworking.id,
      applicationId: coworkApp,
      reviewerId: reviewer,
      detected: [
        {
          code: 'shared_group',
          message: {
            ko: '심사위원이 지원 팀원 박이웃과(와) 같은 단체 마을 합창단에 속해 있습니다.',
            en: 'The reviewer shares the group 마을 합창단 with the applicant member 박이웃.',
          },
        },
      ],
    });

    // 4. Partner-space call under document review: a cooperative's village storehouse.
    const partnerCall = await makeCall({
      kind: 'partner_space',
      title: { ko: '2027 협력 공간 공모', en: '2027 partner spaces' },
      summary: {
        ko: '마을의 빈 공간을 마당 네트워크의 대관 공간으로',
        en: "Bring a village's spare room into Madang's network",
      },
      offer: offer({
        places: 2,
        termStart: '2027-04-01',
        termEnd: '2028-03-31',
        partnerCategoryId: partnerCategory,
      }),
      deadline: now.minus({ days: 7 }),
      phase: 'review_document',
    });
    const partnerApp = await apply(
      partnerCall,
      partner,
      resident3,
      {
        teamName: '해안마을 협동조합',
        field: 'environment',
        plan: '마을 창고를 주 3일 공유 작업장으로 개방',
        people: 40,
      },
      now.minus({ days: 9 }),
    );
    await apps.screen(m, partnerApp, 'eligible', ['협동조합 등록 확인'], approver);
    await score(partnerCall.id, partnerApp, reviewer, { impact: 4, feasibility: 3 }, false);
  });
  logger.log('recruitment demo: four calls seeded');
}

/** The phases a demo call has passed through to reach its phase (no interview). */
const PHASE_PATH: Record<CallPhase, CallPhase[]> = {
  draft: [],
  open: ['open'],
  closed: ['open', 'closed'],
  screening: ['open', 'closed', 'screening'],
  review_document: ['open', 'closed', 'screening', 'review_document'],
  review_interview: ['open', 'closed', 'screening', 'review_document', 'review_interview'],
  provisional_results: ['open', 'closed', 'screening', 'review_document', 'provisional_results'],
  objection_window: [
    'open',
    'closed',
    'screening',
    'review_document',
    'provisional_results',
    'objection_window',
  ],
  final_results: [
    'open',
    'closed',
    'screening',
    'review_document',
    'provisional_results',
    'objection_window',
    'final_results',
  ],
  agreements: [
    'open',
    'closed',
    'screening',
    'review_document',
    'provisional_results',
    'objection_window',
    'final_results',
    'agreements',
  ],
};
