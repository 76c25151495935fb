import {
  json,
  get,
  cells,
  PUBLIC_200,
  SIGNED_IN_200,
  APPROVER_ONLY,
  type Cell,
  type RouteEntry,
} from './common';

/**
 * Living labs (issue 11). Observations: every signed-in role posts, supports and comments (each is a
 * resident too); the public reads public ones; labs:manage (approver@) answers, classifies, merges
 * and reads the dashboard. Projects are made by labs@ (a second staff member) and led by resident A's
 * team: resident A and approver@ (labs:manage) are inside, everyone else gets 404 — a project outside
 * one's team does not exist in the signed-in API. Team changes are for the lead group's manager
 * (resident A) and labs:manage; outcome verification for labs:manage alone.
 */
const TEAM = (ok: Cell) => cells(401, ok, 404, ok, 404, 404);
const SIGNED_IN = (ok: Cell) => cells(401, ok, ok, ok, ok, ok);

export const LIVING_LAB_ROUTES: Readonly<Record<string, RouteEntry>> = {
  // ── public ─────────────────────────────────────────────────────────────────
  'GET /api/public/observations': {
    rule: 'public; public observations only',
    all: PUBLIC_200,
    request: () => get('/api/public/observations?category=transport'),
  },
  'GET /api/public/observations/{id}': {
    rule: 'public for a public observation (a private one is 404 here for everyone)',
    all: PUBLIC_200,
    request: async (ctx) => get(`/api/public/observations/${await ctx.labs.observation(ctx.labs.staff)}`),
  },
  'GET /api/public/labs/response-promise': {
    rule: 'public',
    all: PUBLIC_200,
    request: () => get('/api/public/labs/response-promise'),
  },
  'GET /api/public/labs/projects': {
    rule: 'public; published projects only',
    all: PUBLIC_200,
    request: () => get('/api/public/labs/projects?stage=sharing'),
  },
  'GET /api/public/labs/projects/{id}': {
    rule: 'public for a published project',
    all: PUBLIC_200,
    request: async (ctx) => get(`/api/public/labs/projects/${await ctx.labs.publishedProject()}`),
  },
  'GET /api/public/labs/projects/{id}/results.csv': {
    rule: 'public for a published project',
    all: PUBLIC_200,
    request: async (ctx) => get(`/api/public/labs/projects/${await ctx.labs.publishedProject()}/results.csv`),
  },
  'GET /api/public/labs/summary': {
    rule: 'public',
    all: PUBLIC_200,
    request: () => get('/api/public/labs/summary'),
  },
  // ── observations ───────────────────────────────────────────────────────────
  'POST /api/observations': {
    rule: 'labs:participate (every signed-in role)',
    all: SIGNED_IN(201),
    request: () =>
      Promise.resolve(
        json('POST', '/api/observations', {
          kind: 'possibility',
          category: 'culture',
          title: '매트릭스 관찰',
          body: '점검용',
        }),
      ),
  },
  'GET /api/observations': {
    rule: 'labs:participate; scope=mine',
    all: SIGNED_IN_200,
    request: () => get('/api/observations'),
  },
  'GET /api/observations/{id}': {
    rule: "labs:participate; a private observation is seen by its poster and labs:manage only (another's is 404)",
    own: SIGNED_IN(200),
    other: cells(401, 404, 404, 200, 404, 404),
    request: async (ctx, role, variant) => {
      const owner = ctx.owner(role, variant);
      return get(`/api/observations/${await ctx.labs.observation(ctx.labs.client(owner), false)}`);
    },
  },
  'PUT /api/observations/{id}/support': {
    rule: 'labs:participate; one support per person',
    all: SIGNED_IN(200),
    request: async (ctx) =>
      json('PUT', `/api/observations/${await ctx.labs.observation(ctx.labs.staff)}/support`),
  },
  'DELETE /api/observations/{id}/support': {
    rule: 'labs:participate',
    all: SIGNED_IN(200),
    request: async (ctx) =>
      json('DELETE', `/api/observations/${await ctx.labs.observation(ctx.labs.staff)}/support`),
  },
  'POST /api/observations/{id}/comments': {
    rule: 'labs:participate on an observation one may read',
    all: SIGNED_IN(201),
    request: async (ctx) =>
      json('POST', `/api/observations/${await ctx.labs.observation(ctx.labs.staff)}/comments`, {
        body: '의견',
      }),
  },
  'PATCH /api/observations/{id}/triage': {
    rule: 'labs:manage',
    all: APPROVER_ONLY(200),
    request: async (ctx) =>
      json('PATCH', `/api/observations/${await ctx.labs.observation(ctx.labs.staff)}/triage`, {
        responseKind: 'policy',
        team: 'community_innovation',
      }),
  },
  'POST /api/observations/{id}/responses': {
    rule: 'labs:manage',
    all: APPROVER_ONLY(200),
    request: async (ctx) =>
      json('POST', `/api/observations/${await ctx.labs.observation(ctx.labs.staff)}/responses`, {
        kind: 'acknowledgement',
        body: '확인했습니다.',
      }),
  },
  'POST /api/observations/{id}/merge': {
    rule: 'labs:manage; two fresh observations',
    all: APPROVER_ONLY(200),
    request: async (ctx) => {
      const [a, b] = [await ctx.labs.observation(ctx.labs.staff), await ctx.labs.observation(ctx.labs.staff)];
      return json('POST', `/api/observations/${a}/merge`, { intoId: b, reason: '중복' });
    },
  },
  'GET /api/labs/response-dashboard': {
    rule: 'labs:manage',
    all: APPROVER_ONLY(200),
    request: () => get('/api/labs/response-dashboard'),
  },
  // ── projects ───────────────────────────────────────────────────────────────
  'POST /api/labs/projects': {
    rule: 'labs:manage',
    all: APPROVER_ONLY(201),
    request: async (ctx) =>
      json('POST', '/api/labs/projects', {
        title: '매트릭스 새 프로젝트',
        summary: '점검용',
        category: 'other',
        leadUserId: ctx.userId('residentA'),
      }),
  },
  'GET /api/labs/projects': {
    rule: 'labs:participate; scope=mine',
    all: SIGNED_IN_200,
    request: () => get('/api/labs/projects'),
  },
  'GET /api/labs/projects/{id}': {
    rule: 'the team (resident A via the lead group) and labs:manage; others 404',
    all: TEAM(200),
    request: async (ctx) => get(`/api/labs/projects/${await ctx.labs.project()}`),
  },
  'PATCH /api/labs/projects/{id}': {
    rule: 'the team and labs:manage; others 404',
    all: TEAM(200),
    request: async (ctx) =>
      json('PATCH', `/api/labs/projects/${await ctx.labs.project()}`, { problemStatement: '문제 정의' }),
  },
  'POST /api/labs/projects/{id}/stage': {
    rule: 'the team and labs:manage; on hold is always reachable',
    all: TEAM(200),
    request: async (ctx) =>
      json('POST', `/api/labs/projects/${await ctx.labs.project()}/stage`, { to: 'on_hold', reason: '점검' }),
  },
  'POST /api/labs/projects/{id}/publish': {
    rule: 'the team and labs:manage',
    all: TEAM(200),
    request: async (ctx) => json('POST', `/api/labs/projects/${await ctx.labs.project()}/publish`),
  },
  'POST /api/labs/projects/{id}/unpublish': {
    rule: 'the team and labs:manage (outside the sharing stage)',
    all: TEAM(200),
    request: async (ctx) => json('POST', `/api/labs/projects/${await ctx.labs.publishedProject()}/unpublish`),
  },
  'GET /api/labs/projects/{id}/timeline': {
    rule: 'the team and labs:manage',
    all: TEAM(200),
    request: async (ctx) => get(`/api/labs/projects/${await ctx.labs.project()}/timeline`),
  },
  'GET /api/labs/projects/{id}/budget': {
    rule: 'the team and labs:manage; the figures follow settlement’s own access (LAB-2027)',
    all: TEAM(200),
    request: async (ctx) => get(`/api/labs/projects/${await ctx.labs.project(true)}/budget`),
  },
  'PUT /api/labs/projects/{id}/members/{userId}': {
    rule: "team changes: the lead group's manager (resident A) and labs:manage",
    all: TEAM(200),
    request: async (ctx) =>
      json('PUT', `/api/labs/projects/${await ctx.labs.project()}/members/${ctx.userId('residentB')}`),
  },
  'DELETE /api/labs/projects/{id}/members/{userId}': {
    rule: "team changes: the lead group's manager (resident A) and labs:manage",
    all: TEAM(200),
    request: async (ctx) =>
      json('DELETE', `/api/labs/projects/${await ctx.labs.project()}/members/${ctx.userId('residentB')}`),
  },
  'POST /api/labs/projects/{id}/observations': {
    rule: 'the team and labs:manage; the poster is told',
    all: TEAM(200),
    request: async (ctx) =>
      json('POST', `/api/labs/projects/${await ctx.labs.project()}/observations`, {
        observationId: await ctx.labs.observation(ctx.labs.staff),
      }),
  },
  'DELETE /api/labs/projects/{id}/observations/{observationId}': {
    rule: 'the team and labs:manage (in the observation stage)',
    all: TEAM(200),
    request: async (ctx) =>
      json(
        'DELETE',
        `/api/labs/projects/${await ctx.labs.project()}/observations/${await ctx.labs.observation(ctx.labs.staff)}`,
      ),
  },
  'POST /api/labs/projects/{id}/partners': {
    rule: 'the team and labs:manage',
    all: TEAM(201),
    request: async (ctx) =>
      json('POST', `/api/labs/projects/${await ctx.labs.project()}/partners`, {
        name: '기관',
        sector: 'public',
      }),
  },
  'PATCH /api/labs/partners/{id}': {
    rule: 'the team and labs:manage',
    all: TEAM(200),
    request: async (ctx) =>
      json('PATCH', `/api/labs/partners/${(await ctx.labs.partner()).id}`, { status: 'active' }),
  },
  'POST /api/labs/partners/{id}/commitments': {
    rule: 'the team and labs:manage',
    all: TEAM(201),
    request: async (ctx) =>
      json('POST', `/api/labs/partners/${(await ctx.labs.partner()).id}/commitments`, {
        kind: 'money',
        description: '지원금',
        amount: 1000000,
      }),
  },
  'PATCH /api/labs/commitments/{id}': {
    rule: 'the team and labs:manage',
    all: TEAM(200),
    request: async (ctx) =>
      json('PATCH', `/api/labs/commitments/${(await ctx.labs.partner()).commitments[0].id}`, {
        status: 'agreed',
      }),
  },
  'POST /api/labs/projects/{id}/milestones': {
    rule: 'the team and labs:manage',
    all: TEAM(201),
    request: async (ctx) =>
      json('POST', `/api/labs/projects/${await ctx.labs.project()}/milestones`, {
        title: '이정표',
        dueOn: '2027-02-01',
      }),
  },
  'PATCH /api/labs/milestones/{id}': {
    rule: 'the team and labs:manage',
    all: TEAM(200),
    request: async (ctx) =>
      json('PATCH', `/api/labs/milestones/${await ctx.labs.milestone()}`, { status: 'done' }),
  },
  'POST /api/labs/projects/{id}/outcomes': {
    rule: 'the team and labs:manage',
    all: TEAM(201),
    request: async (ctx) =>
      json('POST', `/api/labs/projects/${await ctx.labs.project()}/outcomes`, {
        type: 'service_continued',
        title: '성과',
        description: '설명',
        occurredOn: '2026-11-01',
        responsibleBody: '제주시',
      }),
  },
  'POST /api/labs/outcomes/{id}/verify': {
    rule: 'labs:manage, never the recorder nor the project’s creator (labs@ made and recorded it)',
    all: APPROVER_ONLY(200),
    request: async (ctx) => json('POST', `/api/labs/outcomes/${await ctx.labs.outcome()}/verify`),
  },
  // ── experiments ────────────────────────────────────────────────────────────
  'POST /api/labs/projects/{id}/experiments': {
    rule: 'the team and labs:manage',
    all: TEAM(201),
    request: async (ctx) =>
      json('POST', `/api/labs/projects/${await ctx.labs.project()}/experiments`, {
        title: '실험',
        hypothesis: '가설',
        intervention: '개입',
        startsOn: '2027-01-01',
        endsOn: '2027-01-31',
      }),
  },
  'GET /api/labs/experiments/{id}': {
    rule: 'the team and labs:manage',
    all: TEAM(200),
    request: async (ctx) => get(`/api/labs/experiments/${await ctx.labs.experiment()}`),
  },
  'PATCH /api/labs/experiments/{id}': {
    rule: 'the team and labs:manage',
    all: TEAM(200),
    request: async (ctx) =>
      json('PATCH', `/api/labs/experiments/${await ctx.labs.experiment()}`, { participantCount: 40 }),
  },
  'POST /api/labs/experiments/{id}/bookings': {
    rule: 'bookings:create and the team; the booking engine decides the rest (a pending request here)',
    all: TEAM(201),
    request: async (ctx) => {
      const slot = ctx.slot();
      return json('POST', `/api/labs/experiments/${await ctx.labs.experiment()}/bookings`, {
        items: [{ assetId: ctx.roomId, quantity: 1 }],
        start: slot.start,
        end: slot.end,
        purpose: '실험 장소',
        attendees: 4,
      });
    },
  },
  'POST /api/labs/experiments/{id}/linked-bookings': {
    rule: "the team and labs:manage; a booking the actor can see (resident A's own)",
    all: TEAM(200),
    request: async (ctx) =>
      json('POST', `/api/labs/experiments/${await ctx.labs.experiment()}/linked-bookings`, {
        bookingId: await ctx.pendingBooking('residentA'),
      }),
  },
  'DELETE /api/labs/experiments/{id}/bookings/{bookingId}': {
    rule: 'the team and labs:manage; the booking itself stays',
    all: TEAM(200),
    request: async (ctx) => {
      const { experimentId, bookingId } = await ctx.labs.linkedBooking(() => ctx.pendingBooking('residentA'));
      return json('DELETE', `/api/labs/experiments/${experimentId}/bookings/${bookingId}`);
    },
  },
  'GET /api/labs/experiments/{id}/participants': {
    rule: 'the team and labs:manage; never public',
    all: TEAM(200),
    request: async (ctx) => get(`/api/labs/experiments/${await ctx.labs.experiment()}/participants`),
  },
  'POST /api/labs/experiments/{id}/participants': {
    rule: 'the team and labs:manage',
    all: TEAM(201),
    request: async (ctx) =>
      json('POST', `/api/labs/experiments/${await ctx.labs.experiment()}/participants`, {
        name: '참여자',
        consentNote: '동의',
      }),
  },
  'POST /api/labs/participants/{id}/withdraw': {
    rule: 'the team and labs:manage',
    all: TEAM(200),
    request: async (ctx) => json('POST', `/api/labs/participants/${await ctx.labs.participant()}/withdraw`),
  },
  'POST /api/labs/experiments/{id}/metrics': {
    rule: 'the team and labs:manage',
    all: TEAM(201),
    request: async (ctx) =>
      json('POST', `/api/labs/experiments/${await ctx.labs.experiment()}/metrics`, {
        name: '지표',
        unit: '%',
        baseline: 10,
        target: 20,
        direction: 'increase',
      }),
  },
  'POST /api/labs/metrics/{id}/readings': {
    rule: 'the team and labs:manage',
    all: TEAM(201),
    request: async (ctx) =>
      json('POST', `/api/labs/metrics/${await ctx.labs.metric()}/readings`, {
        measuredOn: '2026-12-10',
        value: 12.5,
      }),
  },
  'POST /api/labs/experiments/{id}/verdict': {
    rule: 'the team and labs:manage',
    all: TEAM(200),
    request: async (ctx) =>
      json('POST', `/api/labs/experiments/${await ctx.labs.experiment()}/verdict`, {
        verdict: 'inconclusive',
        lesson: '더 긴 기간이 필요하다.',
      }),
  },
};
