import { Logger } from '@nestjs/common';
import type { ObservationResponseKind } from '@madang/contracts';
import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import type { BookingsService } from '../bookings/bookings.service';
import type { CreateBookingDto } from '../bookings/dto/bookings.dto';
import type { AppConfig } from '../config/app-config';
import type { Actor } from '../core/actor';
import type { FilesService } from '../platform/files/files.service';
import { LabResponsePromise } from '../living-labs/response-promise';

/** The demo's second living-lab staff member (outcomes are verified by someone other than the lead). */
export const DEMO_LABS_STAFF = 'labs@madang.local';

export interface LivingLabsDemoDeps {
  bookings: BookingsService;
  files: FilesService;
  config: AppConfig;
  actorFor: (email: string) => Promise<Actor>;
}

type Obs = [
  poster: string,
  kind: 'problem' | 'possibility',
  category: string,
  title: string,
  body: string,
  place: string | null,
  daysAgo: number,
  hour: number,
  team: string,
  responseKind: ObservationResponseKind,
  /** Clock minutes to the acknowledgement (null: none yet). */
  ackAfter: number | null,
  /** Clock hours to the answer (null: none yet). */
  answerAfter: number | null,
  anonymous?: boolean,
];

const R1 = 'resident@madang.local';
const R2 = 'resident2@madang.local';
const R3 = 'reviewer@madang.local';
const R4 = 'operations2@madang.local';

/** ~30 observations over five months: most answered on time, some late, a few still open. */
const OBSERVATIONS: Obs[] = [
  [
    R1,
    'problem',
    'transport',
    '시청 앞 버스 정류장에 그늘이 없어요',
    '한여름 오후에 정류장에서 기다리기가 너무 덥습니다. 어르신들이 특히 힘들어하세요.',
    '제주시청 버스 정류장',
    150,
    10,
    'research_pr',
    'review',
    40,
    30,
  ],
  [
    R2,
    'problem',
    'transport',
    '광양 정류장도 햇볕이 그대로',
    '버스를 15분 넘게 기다리는데 가릴 곳이 없어요.',
    '광양 사거리 정류장',
    148,
    14,
    'research_pr',
    'review',
    95,
    50,
  ],
  [
    R3,
    'possibility',
    'transport',
    '정류장 그늘막을 주민이 함께 만들면',
    '마을 목공 모임이 그늘막을 만들어 볼 수 있을 것 같아요.',
    null,
    146,
    11,
    'community_innovation',
    'policy',
    60,
    70,
  ],
  [
    R4,
    'problem',
    'transport',
    '정류장 햇빛 가림막 필요',
    '시청 앞 정류장이 너무 뜨거워요.',
    '제주시청 버스 정류장',
    145,
    16,
    'research_pr',
    'simple',
    30,
    2,
  ],
  [
    R1,
    'problem',
    'environment',
    '나눔 밥상 후 잔반이 너무 많아요',
    '공유 부엌 나눔 밥상 뒤에 버리는 음식이 매번 한 통 가득입니다.',
    '센터 1층 공유 부엌',
    120,
    19,
    'foundation_development',
    'review',
    900,
    70,
    true,
  ],
  [
    R2,
    'possibility',
    'environment',
    '남은 음식 나눔 냉장고',
    '남은 반찬을 이웃과 나누는 냉장고를 두면 어떨까요.',
    '센터 1층',
    118,
    10,
    'foundation_development',
    'review',
    20,
    20,
  ],
  [
    R3,
    'problem',
    'environment',
    '오일장 비닐봉투가 너무 많이 쓰여요',
    '민속오일장에서 장 한 번 보면 비닐이 열 장 넘게 생깁니다.',
    '제주시 민속오일장',
    110,
    9,
    'community_innovation',
    'policy',
    45,
    110,
  ],
  [
    R4,
    'possibility',
    'environment',
    '장바구니 대여소',
    '시장 입구에 장바구니를 빌려주는 곳이 있으면 좋겠어요.',
    '제주시 민속오일장',
    108,
    13,
    'community_innovation',
    'review',
    2900,
    140,
  ],
  [
    R1,
    'possibility',
    'economy',
    '상인회와 다회용기 협약',
    '상인회가 다회용기를 쓰면 손님도 따라 할 것 같아요.',
    null,
    105,
    15,
    'community_innovation',
    'policy',
    55,
    90,
  ],
  [
    R2,
    'problem',
    'safety',
    '원도심 골목이 밤에 너무 어두워요',
    '관덕정 뒤 골목은 가로등이 꺼져 있는 곳이 많아요.',
    '관덕정 뒤 골목',
    170,
    20,
    'research_pr',
    'review',
    700,
    45,
  ],
  [
    R3,
    'problem',
    'safety',
    '통학로에 보도가 끊겨요',
    '초등학교 앞 보도가 중간에 끊겨 아이들이 차도로 걸어요.',
    '남성마을 통학로',
    168,
    8,
    'research_pr',
    'review',
    30,
    60,
  ],
  [
    R1,
    'possibility',
    'safety',
    '주민이 만드는 골목 안전 지도',
    '위험한 곳을 주민이 직접 지도에 표시하면 시에 전달하기 쉬울 거예요.',
    null,
    165,
    10,
    'research_pr',
    'policy',
    25,
    100,
  ],
  [
    R4,
    'problem',
    'safety',
    '공사장 주변 임시 보행로 없음',
    '칠성로 공사장 옆을 지나기가 위험합니다.',
    '칠성로',
    60,
    11,
    'research_pr',
    'simple',
    300,
    30,
  ],
  [
    R2,
    'possibility',
    'culture',
    '작은 도서관 야간 개방',
    '직장인도 저녁에 책을 빌릴 수 있게 도서관을 늦게까지 열면 좋겠어요.',
    '삼도동 작은도서관',
    40,
    21,
    'community_innovation',
    'policy',
    20,
    100,
  ],
  [
    R3,
    'possibility',
    'culture',
    '도서관에서 주민 강좌',
    '저녁 시간에 주민이 서로 가르치는 강좌를 열 수 있어요.',
    null,
    38,
    12,
    'community_innovation',
    'review',
    35,
    26,
  ],
  [
    R1,
    'problem',
    'culture',
    '청소년이 갈 곳이 없어요',
    '방과 후에 머물 공간이 부족합니다.',
    null,
    36,
    17,
    'community_innovation',
    'review',
    70,
    40,
  ],
  [
    R4,
    'problem',
    'housing',
    '빈집이 늘어나는 골목',
    '원도심에 빈집이 늘어 골목이 쓸쓸해요.',
    '일도1동',
    90,
    10,
    'foundation_development',
    'policy',
    40,
    200,
  ],
  [
    R2,
    'possibility',
    'housing',
    '빈집을 청년 작업실로',
    '빈집을 고쳐 청년 작업실로 쓰면 어떨까요.',
    '일도1동',
    88,
    15,
    'foundation_development',
    'policy',
    2700,
    220,
  ],
  [
    R3,
    'problem',
    'welfare',
    '홀몸 어르신 점심 걱정',
    '경로당이 쉬는 날 점심을 거르는 어르신이 많아요.',
    null,
    75,
    9,
    'foundation_development',
    'review',
    50,
    28,
  ],
  [
    R1,
    'possibility',
    'welfare',
    '공유 부엌에서 어르신 점심',
    '주 1회라도 공유 부엌에서 점심을 함께하면 좋겠어요.',
    '센터 1층 공유 부엌',
    73,
    11,
    'foundation_development',
    'review',
    15,
    20,
  ],
  [
    R4,
    'problem',
    'community',
    '아파트와 주택가 주민이 만날 일이 없어요',
    '같은 동네인데 서로 모르는 사이입니다.',
    null,
    30,
    14,
    'community_innovation',
    'simple',
    20,
    2,
  ],
  [
    R2,
    'possibility',
    'community',
    '골목 잔치',
    '일 년에 한 번 골목 잔치를 열면 이웃을 알게 될 거예요.',
    null,
    28,
    10,
    'community_innovation',
    'review',
    45,
    30,
  ],
  [
    R3,
    'problem',
    'economy',
    '전통시장 주차가 어려워요',
    '주말에는 주차할 곳이 없어 시장을 피하게 됩니다.',
    '동문시장',
    20,
    13,
    'operations_management',
    'review',
    3000,
    160,
  ],
  [
    R1,
    'possibility',
    'transport',
    '공영자전거 정류소를 시장 앞에',
    '시장 앞에 공영자전거가 있으면 차 없이 올 수 있어요.',
    '동문시장',
    18,
    16,
    'research_pr',
    'policy',
    30,
    null,
  ],
  [
    R4,
    'problem',
    'environment',
    '해안 쓰레기가 밀려와요',
    '탑동 해안에 스티로폼이 많이 쌓였어요.',
    '탑동 해안',
    12,
    10,
    'research_pr',
    'review',
    60,
    20,
  ],
  [
    R2,
    'possibility',
    'environment',
    '주민 해변 정화 모임',
    '한 달에 한 번 함께 청소하는 모임을 만들고 싶어요.',
    '탑동 해안',
    10,
    18,
    'community_innovation',
    'review',
    40,
    null,
  ],
  [
    R3,
    'problem',
    'welfare',
    '센터 2층 엘리베이터가 너무 좁아요',
    '휠체어와 보호자가 같이 타기 어려워요.',
    '센터',
    6,
    11,
    'operations_management',
    'simple',
    null,
    null,
  ],
  [
    R1,
    'possibility',
    'culture',
    '마을 기록 영상 상영회',
    '주민이 찍은 영상을 함께 보는 자리를 만들면 좋겠어요.',
    null,
    4,
    15,
    'community_innovation',
    'review',
    25,
    null,
  ],
  [
    R4,
    'problem',
    'transport',
    '심야 버스 배차 간격',
    '밤 11시 이후 버스가 너무 드물어요.',
    null,
    2,
    10,
    'research_pr',
    'policy',
    null,
    null,
  ],
  [
    R2,
    'possibility',
    'community',
    '동네 공구 도서관',
    '드릴 같은 공구를 빌려 쓰는 곳이 있으면 좋겠어요.',
    '메이커 스페이스',
    1,
    9,
    'community_innovation',
    'review',
    null,
    null,
  ],
];

const ACKS = [
  '소중한 관찰 감사합니다. 담당 팀에서 살펴보고 다시 안내드리겠습니다.',
  '관찰을 잘 받았습니다. 관련 부서와 함께 확인하고 있습니다.',
];
const ANSWERS = [
  '비슷한 관찰이 모여 리빙랩 프로젝트로 이어졌습니다. 진행 상황을 프로젝트 페이지에서 보실 수 있어요.',
  '관련 기관에 전달했고, 센터의 생활실험 지원 사업으로 검토하겠습니다.',
  '좋은 제안 감사합니다. 다음 공모에서 주민 팀으로 직접 실험해 보실 수 있도록 안내드립니다.',
];

interface People {
  [email: string]: string;
}

/**
 * A believable living-lab portfolio: ~30 observations (some answered late, a few open, one merged)
 * and five projects across the four stages — a bus-stop shade experiment with the city, a
 * community-kitchen food-waste experiment booked in the kitchen, a plastic-free market cooperation,
 * a shared alley-safety project with a policy outcome, and a library idea still being observed —
 * with partners, milestones, metrics and evidence. Idempotent: nothing is added once any project exists.
 */
export async function seedLivingLabsDemo(db: DataSource, deps: LivingLabsDemoDeps): Promise<void> {
  const logger = new Logger('Demo');
  const exists = (await db.query(`SELECT 1 FROM lab_projects LIMIT 1`)) as unknown[];
  if (exists.length) return;
  const promise = new LabResponsePromise(deps.config);
  const zone = deps.config.MADANG_TIMEZONE;
  const now = DateTime.now().setZone(zone);

  const { people, observationIds, projects } = await db.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock(774204)');
    const people = await ensurePeople(m);
    const observationIds: string[] = [];
    for (const [i, o] of OBSERVATIONS.entries()) {
      const [
        poster,
        kind,
        category,
        title,
        body,
        place,
        daysAgo,
        hour,
        team,
        responseKind,
        ackAfter,
        answerAfter,
        anon,
      ] = o;
      const received = now
        .minus({ days: daysAgo })
        .set({ hour, minute: (i * 7) % 60, second: 0, millisecond: 0 });
      const at = received.toJSDate();
      const ack = ackAfter === null ? null : received.plus({ minutes: ackAfter }).toJSDate();
      const answer = answerAfter === null ? null : received.plus({ hours: answerAfter }).toJSDate();
      const staff = people[i % 3 === 0 ? DEMO_LABS_STAFF : 'approver@madang.local'];
      const [row] = (await m.query(
        `INSERT INTO lab_observations (kind, category, title, body, place_name, is_public, anonymous, posted_by, state,
                                       response_kind, team, ack_due_at, answer_due_at, acknowledged_at, answered_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, true, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id`,
        [
          kind,
          category,
          title,
          body,
          place,
          anon ?? false,
          people[poster],
          answer ? 'answered' : ack ? 'acknowledged' : 'received',
          responseKind,
          team,
          promise.ackDue(at),
          promise.answerDue(at, responseKind),
          ack ?? answer,
          answer,
          at,
        ],
      )) as { id: string }[];
      observationIds.push(row.id);
      const reply = async (kindOfReply: string, body: string, when: Date) =>
        m.query(
          `INSERT INTO lab_observation_replies (observation_id, kind, body, team, author_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
          [row.id, kindOfReply, body, team, staff, when],
        );
      if (ack) await reply('acknowledgement', ACKS[i % ACKS.length], ack);
      if (answer) await reply('answer', ANSWERS[i % ANSWERS.length], answer);
      // A few supports and comments, one per person.
      for (const [j, email] of [R1, R2, R3, R4].entries())
        if (email !== poster && (i + j) % 3 !== 0)
          await m.query(
            `INSERT INTO lab_observation_supports (observation_id, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
            [row.id, people[email], received.plus({ hours: j + 1 }).toJSDate()],
          );
      if (i % 4 === 1)
        await m.query(
          `INSERT INTO lab_observation_comments (observation_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)`,
          [
            row.id,
            people[poster === R1 ? R2 : R1],
            '저도 같은 생각이에요. 함께하고 싶습니다.',
            received.plus({ hours: 5 }).toJSDate(),
          ],
        );
    }
    // The fourth duplicates the first: merged, its supports moved.
    await m.query(
      `INSERT INTO lab_observation_supports (observation_id, user_id, created_at)
       SELECT $2, user_id, created_at FROM lab_observation_supports WHERE observation_id = $1 ON CONFLICT DO NOTHING`,
      [observationIds[3], observationIds[0]],
    );
    await m.query(`DELETE FROM lab_observation_supports WHERE observation_id = $1`, [observationIds[3]]);
    await m.query(
      `UPDATE lab_observations SET state = 'merged', merged_into_id = $2, merge_reason = '같은 정류장에 대한 관찰입니다.' WHERE id = $1`,
      [observationIds[3], observationIds[0]],
    );
    const projects = await seedProjects(m, people, observationIds, now);
    return { people, observationIds, projects };
  });

  // The kitchen experiment's sessions are real bookings through the booking engine (the resident
  // team books; its rules make it automatic), and evidence goes through the house's file service.
  const resident = await deps.actorFor(R1);
  const kitchen = (await db.query(`SELECT id FROM assets WHERE name_en = 'Community Kitchen'`)) as {
    id: string;
  }[];
  const teamId = resident.groups[0]?.id ?? null;
  if (kitchen[0]) {
    const firstWeek = now.startOf('week').plus({ weeks: 1 });
    for (const week of [0, 1, 2]) {
      const day = firstWeek.plus({ weeks: week, days: 3 });
      try {
        const { booking } = await deps.bookings.create(resident, {
          items: [{ assetId: kitchen[0].id, quantity: 1 }],
          start: day.set({ hour: 17 }).toISO() as string,
          end: day.set({ hour: 19 }).toISO() as string,
          purpose: `잔반 줄이기 나눔 밥상 ${week + 1}회차`,
          attendees: 10 + week * 2, // the kitchen seats 16
          groupId: teamId,
        } as CreateBookingDto);
        await db.query(
          `INSERT INTO lab_experiment_bookings (experiment_id, booking_id, linked_by) VALUES ($1, $2, $3)`,
          [projects.kitchenExperiment, booking.id, people[R1]],
        );
      } catch (error) {
        logger.warn(`living-lab demo: kitchen session ${week + 1} not booked (${(error as Error).message})`);
      }
    }
  }
  const approver = await deps.actorFor('approver@madang.local');
  const evidence = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8');
  await deps.files.attach(approver, {
    ownerType: 'lab_project',
    ownerId: projects.shared,
    purpose: 'project_evidence',
    name: '골목안전지도_결과보고.txt',
    declaredType: 'text/plain',
    bytes: evidence(
      '원도심 골목 안전 지도 리빙랩 결과 요약\n- 위험 지점 47곳 표시\n- 가로등 21곳 교체\n- 제주시 보행안전 조례 개정에 반영\n',
    ),
  });
  await deps.files.attach(approver, {
    ownerType: 'lab_outcome',
    ownerId: projects.sharedOutcome,
    purpose: 'project_evidence',
    name: '보행안전조례_개정공포.txt',
    declaredType: 'text/plain',
    bytes: evidence('제주시 보행 안전 및 편의 증진 조례 일부개정 공포 (주민 골목 안전 지도 반영)\n'),
  });
  logger.log(`living-lab demo: ${observationIds.length} observations, 5 projects`);
}

async function ensurePeople(m: EntityManager): Promise<People> {
  await m.query(
    `INSERT INTO users (email, email_normalized, display_name, locale, password_hash)
     SELECT $1, $1, '윤연구 (연구홍보팀)', 'ko', password_hash FROM users WHERE email_normalized = 'approver@madang.local'
     ON CONFLICT DO NOTHING`,
    [DEMO_LABS_STAFF],
  );
  await m.query(
    `INSERT INTO user_roles (user_id, role) SELECT id, r FROM users, unnest(ARRAY['resident', 'approver']) r
      WHERE email_normalized = $1 ON CONFLICT DO NOTHING`,
    [DEMO_LABS_STAFF],
  );
  const rows = (await m.query(
    `SELECT id, email_normalized FROM users WHERE email_normalized = ANY($1::text[])`,
    [[R1, R2, R3, R4, 'approver@madang.local', DEMO_LABS_STAFF]],
  )) as { id: string; email_normalized: string }[];
  return Object.fromEntries(rows.map((r) => [r.email_normalized, r.id]));
}

async function seedProjects(
  m: EntityManager,
  people: People,
  obs: string[],
  now: DateTime,
): Promise<{ kitchenExperiment: string; shared: string; sharedOutcome: string }> {
  const approver = people['approver@madang.local'];
  const staff2 = people[DEMO_LABS_STAFF];
  const [team] = (await m.query(`SELECT id FROM groups WHERE name = '함께걷는 제주 주민팀'`)) as {
    id: string;
  }[];
  const [programme] = (await m.query(`SELECT id FROM programmes WHERE code = 'LAB-2027' LIMIT 1`)) as {
    id: string;
  }[];
  const ago = (days: number) => now.minus({ days }).toJSDate();
  const date = (days: number) => now.plus({ days }).toISODate() as string;

  const project = async (p: {
    title: string;
    summary: string;
    category: string;
    problem: string | null;
    leadGroup?: string;
    leadUser?: string;
    createdDaysAgo: number;
    observations: number[];
    programme?: string | null;
  }) => {
    const [row] = (await m.query(
      `INSERT INTO lab_projects (title, summary, category, problem_statement, lead_group_id, lead_user_id, created_by, programme_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
      [
        p.title,
        p.summary,
        p.category,
        p.problem,
        p.leadGroup ?? null,
        p.leadUser ?? null,
        approver,
        p.programme ?? null,
        ago(p.createdDaysAgo),
      ],
    )) as { id: string }[];
    await stage(row.id, null, 'observation', '관찰에서 출발', p.createdDaysAgo);
    for (const i of p.observations)
      await m.query(
        `INSERT INTO lab_project_observations (project_id, observation_id, linked_by, linked_at) VALUES ($1, $2, $3, $4)`,
        [row.id, obs[i], approver, ago(p.createdDaysAgo)],
      );
    return row.id;
  };
  const stage = async (id: string, from: string | null, to: string, reason: string, daysAgo: number) => {
    if (from !== null)
      await m.query(
        `UPDATE lab_projects SET stage = $2, published_at = CASE WHEN $2 = 'sharing' THEN coalesce(published_at, $3) ELSE published_at END WHERE id = $1`,
        [id, to, ago(daysAgo)],
      );
    await m.query(
      `INSERT INTO lab_stage_changes (project_id, from_stage, to_stage, reason, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, from, to, reason, approver, ago(daysAgo)],
    );
  };
  const partner = async (
    projectId: string,
    name: string,
    sector: string,
    status: string,
    commitments: [kind: string, description: string, amount: number | null, status: string][],
  ) => {
    const [row] = (await m.query(
      `INSERT INTO lab_partners (project_id, name, sector, status) VALUES ($1, $2, $3, $4) RETURNING id`,
      [projectId, name, sector, status],
    )) as { id: string }[];
    for (const [kind, description, amount, s] of commitments)
      await m.query(
        `INSERT INTO lab_commitments (partner_id, kind, description, amount, status) VALUES ($1, $2, $3, $4, $5)`,
        [row.id, kind, description, amount, s],
      );
  };
  const milestone = async (projectId: string, title: string, dueIn: number, status: string) =>
    m.query(
      `INSERT INTO lab_milestones (project_id, title, due_on, status, done_on) VALUES ($1, $2, $3, $4, $5)`,
      [projectId, title, date(dueIn), status, status === 'done' ? date(dueIn) : null],
    );
  const experiment = async (
    projectId: string,
    e: {
      title: string;
      hypothesis: string;
      intervention: string;
      from: number;
      to: number;
      count: number | null;
    },
    verdict?: [verdict: string, lesson: string, daysAgo: number],
  ) => {
    const [row] = (await m.query(
      `INSERT INTO lab_experiments (project_id, title, hypothesis, intervention, starts_on, ends_on, participant_count, created_by,
                                    verdict, lesson, concluded_at, concluded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        projectId,
        e.title,
        e.hypothesis,
        e.intervention,
        date(e.from),
        date(e.to),
        e.count,
        approver,
        verdict?.[0] ?? null,
        verdict?.[1] ?? null,
        verdict ? ago(verdict[2]) : null,
        verdict ? approver : null,
      ],
    )) as { id: string }[];
    return row.id;
  };
  const metric = async (
    experimentId: string,
    name: string,
    unit: string,
    baseline: number,
    target: number,
    direction: string,
    readings: [daysFromNow: number, value: number][],
  ) => {
    const [row] = (await m.query(
      `INSERT INTO lab_metrics (experiment_id, name, unit, baseline, target, direction) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [experimentId, name, unit, baseline, target, direction],
    )) as { id: string }[];
    for (const [d, value] of readings)
      await m.query(
        `INSERT INTO lab_metric_readings (metric_id, measured_on, value, recorded_by) VALUES ($1, $2, $3, $4)`,
        [row.id, date(d), value, approver],
      );
  };

  // 1. Bus-stop shade: experiment with the city, published while it runs.
  const shade = await project({
    title: '버스 정류장 그늘 실험',
    summary: '한여름 정류장 대기 환경을 주민과 시가 함께 바꾸는 리빙랩',
    category: 'transport',
    problem:
      '한낮 버스 정류장에 그늘이 없어 대기 승객(특히 어르신)이 폭염에 그대로 노출됩니다. 관찰 4건, 지지 9건.',
    leadGroup: team?.id,
    createdDaysAgo: 140,
    observations: [0, 1, 2],
  });
  await stage(shade, 'observation', 'experiment', '문제 정의와 시 협의 완료, 시범 설치 합의', 120);
  await m.query(`UPDATE lab_projects SET published_at = $2 WHERE id = $1`, [shade, ago(118)]);
  await partner(shade, '제주시 교통행정과', 'public', 'active', [
    ['money', '이동식 그늘막 제작·설치비', 4_800_000, 'agreed'],
    ['data', '정류장별 승하차 데이터', null, 'delivered'],
  ]);
  await partner(shade, '제주대학교 건축학과', 'academic', 'active', [
    ['people', '체감 온도 측정 연구원 2명', null, 'delivered'],
  ]);
  await partner(shade, '마을 목공 모임', 'civic', 'active', [
    ['people', '그늘막 제작 자원봉사', null, 'agreed'],
  ]);
  await milestone(shade, '시범 정류장 2곳 선정', -110, 'done');
  await milestone(shade, '그늘막 설치', -100, 'done');
  await milestone(shade, '중간 측정 결과 공유', 10, 'planned');
  const shadeExp = await experiment(shade, {
    title: '정류장 이동식 그늘막 8주 실험',
    hypothesis: '그늘막이 있으면 한낮 대기 승객의 체감 온도가 3℃ 이상 낮아지고 정류장 이용 불만이 줄어든다.',
    intervention: '시청 앞·광양 정류장 2곳에 주민이 만든 이동식 그늘막 설치',
    from: -100,
    to: 20,
    count: 142,
  });
  await metric(shadeExp, '한낮 체감 온도', '℃', 35.2, 32, 'decrease', [
    [-95, 34.1],
    [-80, 33.0],
    [-65, 32.4],
    [-50, 31.8],
  ]);
  await metric(shadeExp, '대기 불만 응답 비율', '%', 68, 30, 'decrease', [
    [-90, 52],
    [-60, 41],
  ]);

  // 2. Community-kitchen food waste: experiment booked in the kitchen (sessions added after), linked to the lab programme.
  const kitchen = await project({
    title: '공유 부엌 잔반 줄이기',
    summary: '나눔 밥상의 잔반을 절반으로 줄이는 생활실험',
    category: 'environment',
    problem: '나눔 밥상 뒤 버려지는 음식이 회당 평균 14kg입니다. 관찰 3건.',
    leadUser: staff2,
    createdDaysAgo: 100,
    observations: [4, 5, 19],
    programme: programme?.id ?? null,
  });
  await stage(kitchen, 'observation', 'experiment', '공유 부엌에서 3회 실험하기로 결정', 60);
  await partner(kitchen, '제주 음식나눔 협동조합', 'civic', 'active', [
    ['people', '조리 봉사자 4명', null, 'agreed'],
  ]);
  await partner(kitchen, '동네 반찬가게 연합', 'private', 'invited', [
    ['space', '남은 음식 나눔 냉장고 자리', null, 'proposed'],
  ]);
  await milestone(kitchen, '계량 안내판 제작', 3, 'planned');
  const kitchenExperiment = await experiment(kitchen, {
    title: '1인분 계량 안내 실험',
    hypothesis: '배식 전에 1인분 기준을 안내하면 잔반이 절반으로 줄어든다.',
    intervention: '1인분 계량 안내판과 남김없이 먹기 약속 카드',
    from: 7,
    to: 28,
    count: null,
  });
  await metric(kitchenExperiment, '회당 잔반', 'kg', 14, 7, 'decrease', []);

  // 3. Plastic-free market: cooperation after a confirmed experiment; published.
  const market = await project({
    title: '플라스틱 없는 오일장',
    summary: '민속오일장 상인회와 함께 비닐봉투를 다회용기로 바꾸는 협력 프로젝트',
    category: 'environment',
    problem: '오일장 장보기 한 번에 비닐봉투가 평균 11장 나옵니다. 관찰 3건, 지지 7건.',
    leadGroup: team?.id,
    createdDaysAgo: 105,
    observations: [6, 7, 8],
  });
  await stage(market, 'observation', 'experiment', '상인회 5곳 참여 확정', 95);
  const marketExp = await experiment(
    market,
    {
      title: '장바구니 대여소 4주 실험',
      hypothesis: '시장 입구에 장바구니 대여소를 두면 비닐봉투 사용이 40% 줄어든다.',
      intervention: '입구 대여소 1곳, 참여 상점 5곳 다회용기 할인',
      from: -90,
      to: -62,
      count: 310,
    },
    ['confirmed', '대여소만으로 38%, 상점 할인과 함께 52% 줄었다. 반납률을 높이는 보증금이 필요하다.', 58],
  );
  await metric(marketExp, '장보기 1회당 비닐봉투', '장', 11, 6.6, 'decrease', [
    [-88, 9.8],
    [-81, 7.9],
    [-74, 6.1],
    [-67, 5.3],
  ]);
  await stage(market, 'experiment', 'cooperation', '시 자원순환과·상인회와 확대 협약 추진', 50);
  await m.query(`UPDATE lab_projects SET published_at = $2 WHERE id = $1`, [market, ago(49)]);
  await partner(market, '제주시 민속오일장 상인회', 'civic', 'active', [
    ['space', '시장 입구 대여소 자리', null, 'delivered'],
    ['people', '참여 상점 5곳', null, 'delivered'],
  ]);
  await partner(market, '제주특별자치도 자원순환과', 'public', 'active', [
    ['money', '다회용기 보급 예산', 12_000_000, 'agreed'],
  ]);
  await partner(market, '로컬 카페 협의회', 'private', 'active', [
    ['data', '다회용컵 반납 기록', null, 'agreed'],
  ]);
  await milestone(market, '확대 협약 체결', -20, 'done');
  await milestone(market, '전 점포 다회용기 보급', 40, 'planned');

  // 4. Alley safety map: shared, with a verified policy outcome.
  const shared = await project({
    title: '원도심 골목 안전 지도',
    summary: '주민이 밤길 위험 지점을 지도로 만들어 시의 보행 안전 정책으로 이은 리빙랩',
    category: 'safety',
    problem: '원도심 골목의 어두운 길과 끊긴 보도가 어디인지 아무도 한눈에 모릅니다. 관찰 3건.',
    leadGroup: team?.id,
    createdDaysAgo: 165,
    observations: [9, 10, 11],
  });
  await stage(shared, 'observation', 'experiment', '주민 지도 제작단 12명 모집', 160);
  const walk1 = await experiment(
    shared,
    {
      title: '야간 골목 걷기 조사',
      hypothesis: '주민이 직접 걸으며 표시한 위험 지점이 시의 민원 기록보다 많고 구체적이다.',
      intervention: '4주간 주 2회 야간 골목 걷기와 지도 표시',
      from: -158,
      to: -130,
      count: 24,
    },
    ['confirmed', '민원 기록 9건 대비 주민 조사 47건, 사진과 위치가 함께 있어 바로 조치할 수 있었다.', 128],
  );
  await metric(walk1, '표시된 위험 지점', '곳', 9, 30, 'increase', [
    [-150, 18],
    [-140, 35],
    [-132, 47],
  ]);
  await experiment(
    shared,
    {
      title: '임시 태양광 조명 실험',
      hypothesis: '태양광 조명을 달면 밤 10시 이후 골목 통행이 늘어난다.',
      intervention: '가장 어두운 골목 3곳에 태양광 조명 임시 설치',
      from: -125,
      to: -100,
      count: 60,
    },
    [
      'inconclusive',
      '통행량은 늘었지만 비 오는 날이 많아 비교가 어려웠다. 가로등 교체가 더 확실한 해법이었다.',
      95,
    ],
  );
  await stage(shared, 'experiment', 'cooperation', '제주시 도시디자인과와 가로등 교체 협력', 90);
  await partner(shared, '제주시 도시디자인과', 'public', 'active', [
    ['money', '가로등 21곳 교체', 63_000_000, 'delivered'],
  ]);
  await partner(shared, '제주대학교 공간정보연구실', 'academic', 'ended', [
    ['data', '골목 공간정보 지도화', null, 'delivered'],
  ]);
  await milestone(shared, '안전 지도 1판 공개', -85, 'done');
  await milestone(shared, '가로등 교체 완료', -40, 'done');
  await m.query(`UPDATE lab_projects SET results_note = $2 WHERE id = $1`, [
    shared,
    '주민 12명이 위험 지점 47곳을 지도에 표시했고, 제주시가 가로등 21곳을 교체했습니다. 보행 안전 조례 개정으로 주민 조사가 정례화되었습니다. 한계: 태양광 조명 효과는 확인하지 못했습니다.',
  ]);
  const [outcome] = (await m.query(
    `INSERT INTO lab_outcomes (project_id, type, title, description, occurred_on, responsible_body, recorded_by, created_at)
     VALUES ($1, 'policy_adopted', $2, $3, $4, '제주시의회', $5, $6) RETURNING id`,
    [
      shared,
      '보행 안전 조례 개정: 주민 골목 안전 조사 정례화',
      '제주시 보행 안전 및 편의 증진 조례에 주민 참여 안전 조사를 연 1회 하도록 반영되었습니다.',
      date(-30),
      approver,
      ago(29),
    ],
  )) as { id: string }[];
  await m.query(`UPDATE lab_outcomes SET verified_by = $2, verified_at = $3 WHERE id = $1`, [
    outcome.id,
    staff2,
    ago(27),
  ]);
  await m.query(
    `INSERT INTO lab_outcomes (project_id, type, title, description, occurred_on, responsible_body, recorded_by, verified_by, verified_at, created_at)
     VALUES ($1, 'service_continued', '가로등 점검을 시 정기 사업으로', '주민 지도로 찾은 지점을 시가 분기마다 점검합니다.', $2, '제주시 도시디자인과', $3, $4, $5, $5)`,
    [shared, date(-25), approver, staff2, ago(24)],
  );
  await stage(shared, 'cooperation', 'sharing', '결과 정리 완료, 아카이브 공개', 20);

  // 5. Evening library: still an observation (a draft, not public).
  await project({
    title: '작은 도서관 야간 개방',
    summary: '직장인과 청소년이 저녁에 머물 수 있는 동네 도서관을 찾는 리빙랩 준비',
    category: 'culture',
    problem: null,
    leadUser: approver,
    createdDaysAgo: 25,
    observations: [13, 14, 15],
  });

  return { kitchenExperiment, shared, sharedOutcome: outcome.id };
}
