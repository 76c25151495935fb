import { randomUUID } from 'node:crypto';
import { TINY_PNG } from './support/fixture';
import type { ProbeRequest, RoleName } from './support/probe';
import type { ProgrammeSide, SettlementContext } from './support/settlement-context';

/**
 * THE route × role table: for every operation of the OpenAPI description, the status each role must
 * get — for routes on an owned object, once on the role's own object and once on another person's.
 * The matrix test (matrix.harness-spec.ts) fails for an operation without an entry here, for an
 * entry whose operation no longer exists, and for every cell the running API answers differently.
 *
 * Columns, always in this order: anonymous, resident A, resident B, approver, operations, admin
 * (the demo accounts resident@, resident2@, approver@, operations@, admin@madang.local).
 * A cell is one status, or a list when several answers are right (the note says why).
 * "own" = an object of the acting person (anonymous: resident A's); "other" = resident B's object
 * for resident A and resident A's for everyone else.
 */
export type Cell = number | readonly number[];
export type Row = Readonly<Record<RoleName, Cell>>;
export type Variant = 'own' | 'other';
export type Person = Exclude<RoleName, 'anonymous'>;

/** Builds rows in column order: anonymous, resident A, resident B, approver, operations, admin. */
export const cells = (
  anonymous: Cell,
  residentA: Cell,
  residentB: Cell,
  approver: Cell,
  operations: Cell,
  admin: Cell,
): Row => ({
  anonymous,
  residentA,
  residentB,
  approver,
  operations,
  admin,
});

/** What a row's request may use: objects made fresh for each cell, so cells never depend on each other. */
export interface MatrixContext {
  /** The person whose object the cell is about (own → the role itself; other → someone else). */
  owner(role: RoleName, variant: Variant): Person;
  userId(person: Person): string;
  /** A fresh pending booking of `person` on the matrix room (approval required). */
  pendingBooking(person: Person): Promise<string>;
  /** A notification addressed to `person` (from cancelling a fresh booking). */
  notification(person: Person): Promise<string>;
  /** A free one-hour slot on the matrix room. */
  slot(): { start: string; end: string };
  roomId: string;
  categoryId: string;
  /** One registered account outside the demo roles (registered once: registration may be throttled). */
  scratchUser(): Promise<{ id: string; email: string }>;
  group(): Promise<string>;
  freshGroup(): Promise<string>;
  /** A fresh group with the scratch account as a member. */
  membership(): Promise<{ groupId: string; userId: string }>;
  freshCategory(): Promise<string>;
  freshAsset(): Promise<string>;
  photo(): Promise<{ assetId: string; photoId: string }>;
  unique(): string;
  /** Settlement objects (programmes, expenses, periods, bank lines, entries). */
  settlement: SettlementContext;
}

export interface RouteEntry {
  /** Why the cells are what they are (permission, ownership rule). */
  rule: string;
  /** Object-free routes: one row. Owned-object routes: `own` and `other`. */
  all?: Row;
  own?: Row;
  other?: Row;
  /** The request; `form` bodies are multipart. */
  request(ctx: MatrixContext, role: RoleName, variant: Variant): Promise<ProbeRequest>;
  /** The request replaces or ends the caller's session: sign the role in again afterwards. */
  endsSession?: boolean;
}

const json = (method: string, url: string, body?: unknown): ProbeRequest => ({
  method,
  url,
  body: body === undefined ? undefined : JSON.stringify(body),
});
const get = (url: string) => Promise.resolve(json('GET', url));

const PUBLIC_200 = cells(200, 200, 200, 200, 200, 200);
const SIGNED_IN_200 = cells(401, 200, 200, 200, 200, 200);
const APPROVER_ONLY = (ok: number) => cells(401, 403, 403, ok, 403, 403);
const ADMIN_ONLY = (ok: number) => cells(401, 403, 403, 403, 403, ok);
/** Approvers decide other people's requests, never their own (issue 7, separation of duties). */
const OWN_DECISION = cells(401, 403, 403, 403, 403, 403);
/**
 * Files and exports: signing in is all the route asks; the owner's policy decides and what the actor
 * may not see is 404. No HTTP route starts an export yet (domains start them in code), so the only
 * registered owner type (export_run) has no object a role could reach: every signed-in role gets 404
 * for an id nobody gave them — knowing an id grants nothing.
 */
const SIGNED_IN_404 = cells(401, 404, 404, 404, 404, 404);
const PUBLIC_404 = cells(404, 404, 404, 404, 404, 404);

/**
 * Settlement (issue 9): operations do everything; approvers see and request expenses for the
 * programmes they are assigned to (approver@ is on every demo programme); managers of a programme's
 * lead group see it and request expenses (resident A manages LAB-2027's lead group); anyone without
 * a programme — resident B, and the admin, whose only settlement power is reopening a period — is
 * refused (403) before the request is even read. A programme outside the actor's scope is 404.
 * For programme-scoped rows, "own" is LAB-2027 (resident A's) and "other" is HUB-2027 (not theirs).
 */
const SCOPED = cells(401, 200, 403, 200, 200, 403);
const SCOPED_OTHER = cells(401, 404, 403, 200, 200, 403);
const SCOPED_CREATE = cells(401, 201, 403, 201, 201, 403);
/** A budget line of a programme outside the actor's scope is refused like an unknown one: 400 naming budgetLineId. */
const SCOPED_CREATE_OTHER = cells(401, 400, 403, 201, 201, 403);
const MANAGE = (ok: Cell) => cells(401, 403, 403, 403, ok, 403);
const REOPEN = (ok: number) => cells(401, 403, 403, 403, 403, ok);
const side = (variant: Variant): ProgrammeSide => (variant === 'own' ? 'led' : 'other');
const today = () => new Date().toISOString().slice(0, 10);
const programmeRead = (suffix: string): RouteEntry => ({
  rule: 'settlement:participate, scoped by programme (own = LAB-2027 led by resident A, other = HUB-2027)',
  own: SCOPED,
  other: SCOPED_OTHER,
  request: async (ctx, _role, variant) =>
    json('GET', `/api/settlement/programmes/${(await ctx.settlement.programme(side(variant))).id}${suffix}`),
});
const scopedList = (url: string): RouteEntry => ({
  rule: 'settlement:participate; each role sees its own programmes, no scope at all is 403',
  all: SCOPED,
  request: () => get(url),
});
const manageGet = (url: string): RouteEntry => ({
  rule: 'settlement:manage (operations)',
  all: MANAGE(200),
  request: () => get(url),
});

export const ROUTE_MATRIX: Readonly<Record<string, RouteEntry>> = {
  // ── platform ───────────────────────────────────────────────────────────────
  'GET /api/health': { rule: 'public', all: PUBLIC_200, request: () => get('/api/health') },
  'GET /api/ready': { rule: 'public', all: PUBLIC_200, request: () => get('/api/ready') },
  'GET /api/auth/csrf': {
    rule: 'public',
    all: cells(204, 204, 204, 204, 204, 204),
    request: () => get('/api/auth/csrf'),
  },
  'POST /api/auth/register': {
    rule: 'public; 429 once registration is throttled per address (issue 7)',
    all: cells([201, 429], [201, 429], [201, 429], [201, 429], [201, 429], [201, 429]),
    request: async (ctx) =>
      json('POST', '/api/auth/register', {
        email: `matrix-${ctx.unique()}@example.kr`,
        password: 'correct horse battery',
        displayName: 'Matrix',
        locale: 'en',
      }),
    endsSession: true,
  },
  'POST /api/auth/login': {
    rule: 'public (signs in as a scratch account)',
    all: PUBLIC_200,
    request: async (ctx) => {
      const user = await ctx.scratchUser();
      return json('POST', '/api/auth/login', { email: user.email, password: 'correct horse battery' });
    },
    endsSession: true,
  },
  'POST /api/auth/logout': {
    rule: 'public; revokes the session if any',
    all: cells(204, 204, 204, 204, 204, 204),
    request: () => Promise.resolve(json('POST', '/api/auth/logout')),
    endsSession: true,
  },
  'GET /api/auth/me': { rule: 'self', all: SIGNED_IN_200, request: () => get('/api/auth/me') },
  'PATCH /api/auth/me': {
    rule: 'self',
    all: SIGNED_IN_200,
    request: () => Promise.resolve(json('PATCH', '/api/auth/me', { locale: 'ko' })),
  },
  'POST /api/auth/password': {
    rule: 'self; a wrong current password (422) proves the route was reached without changing anything',
    all: cells(401, [422, 429], [422, 429], [422, 429], [422, 429], [422, 429]),
    request: () =>
      Promise.resolve(
        json('POST', '/api/auth/password', {
          currentPassword: 'not-the-password',
          newPassword: 'another long password 1',
        }),
      ),
  },
  'GET /api/users': {
    rule: 'users:read (approver, admin)',
    all: cells(401, 403, 403, 200, 403, 200),
    request: () => get('/api/users'),
  },
  'PUT /api/users/{id}/roles/{role}': {
    rule: 'users:manage-roles (admin)',
    all: ADMIN_ONLY(200),
    request: async (ctx) => json('PUT', `/api/users/${(await ctx.scratchUser()).id}/roles/reviewer`),
  },
  'DELETE /api/users/{id}/roles/{role}': {
    rule: 'users:manage-roles (admin)',
    all: ADMIN_ONLY(200),
    request: async (ctx) => json('DELETE', `/api/users/${(await ctx.scratchUser()).id}/roles/reviewer`),
  },
  'GET /api/groups': {
    rule: 'groups:read (approver, operations, admin)',
    all: cells(401, 403, 403, 200, 200, 200),
    request: () => get('/api/groups'),
  },
  'POST /api/groups': {
    rule: 'groups:manage (admin)',
    all: ADMIN_ONLY(201),
    request: async (ctx) =>
      json('POST', '/api/groups', { name: `Matrix team ${ctx.unique()}`, kind: 'resident_team' }),
  },
  'GET /api/groups/{id}': {
    rule: 'groups:read',
    all: cells(401, 403, 403, 200, 200, 200),
    request: async (ctx) => json('GET', `/api/groups/${await ctx.group()}`),
  },
  'PATCH /api/groups/{id}': {
    rule: 'groups:manage',
    all: ADMIN_ONLY(200),
    request: async (ctx) => json('PATCH', `/api/groups/${await ctx.group()}`, { description: 'matrix' }),
  },
  'POST /api/groups/{id}/members': {
    rule: 'groups:manage',
    all: ADMIN_ONLY(201),
    request: async (ctx) =>
      json('POST', `/api/groups/${await ctx.freshGroup()}/members`, {
        email: (await ctx.scratchUser()).email,
      }),
  },
  'PATCH /api/groups/{id}/members/{userId}': {
    rule: 'groups:manage',
    all: ADMIN_ONLY(200),
    request: async (ctx) => {
      const { groupId, userId } = await ctx.membership();
      return json('PATCH', `/api/groups/${groupId}/members/${userId}`, { isManager: true });
    },
  },
  'DELETE /api/groups/{id}/members/{userId}': {
    rule: 'groups:manage',
    all: ADMIN_ONLY(200),
    request: async (ctx) => {
      const { groupId, userId } = await ctx.membership();
      return json('DELETE', `/api/groups/${groupId}/members/${userId}`);
    },
  },
  'GET /api/audit': { rule: 'audit:read (admin)', all: ADMIN_ONLY(200), request: () => get('/api/audit') },
  'GET /api/admin/jobs': {
    rule: 'jobs:read (admin)',
    all: ADMIN_ONLY(200),
    request: () => get('/api/admin/jobs'),
  },

  // ── files and exports ──────────────────────────────────────────────────────
  'POST /api/files': {
    rule: "self; the owner's policy decides: an export run nobody gave the role is 404",
    all: SIGNED_IN_404,
    request: () => {
      const form = new FormData();
      form.append('ownerType', 'export_run');
      form.append('ownerId', randomUUID());
      form.append('purpose', 'export');
      form.append('file', new Blob([TINY_PNG], { type: 'image/png' }), 'tiny.png');
      return Promise.resolve({ method: 'POST', url: '/api/files', form });
    },
  },
  'GET /api/files': {
    rule: "public route; the owner's policy decides: another's (or nobody's) export run is 404",
    all: PUBLIC_404,
    request: () => get(`/api/files?ownerType=export_run&ownerId=${randomUUID()}`),
  },
  'GET /api/files/{id}': {
    rule: 'public route; a file id nobody gave the role is 404',
    all: PUBLIC_404,
    request: () => get(`/api/files/${randomUUID()}`),
  },
  'GET /api/files/{id}/content': {
    rule: 'public route; a file id nobody gave the role is 404',
    all: PUBLIC_404,
    request: () => get(`/api/files/${randomUUID()}/content`),
  },
  'DELETE /api/files/{id}': {
    rule: 'self; a file id nobody gave the role is 404',
    all: SIGNED_IN_404,
    request: () => Promise.resolve(json('DELETE', `/api/files/${randomUUID()}`)),
  },
  'GET /api/exports/{id}': {
    rule: 'self; seen only by whoever started the run, any other id is 404',
    all: SIGNED_IN_404,
    request: () => get(`/api/exports/${randomUUID()}`),
  },
  'GET /api/exports/{id}/file': {
    rule: 'self; seen only by whoever started the run, any other id is 404',
    all: SIGNED_IN_404,
    request: () => get(`/api/exports/${randomUUID()}/file`),
  },

  // ── catalogue ──────────────────────────────────────────────────────────────
  'GET /api/categories': { rule: 'public', all: PUBLIC_200, request: () => get('/api/categories') },
  'POST /api/categories': {
    rule: 'catalogue:manage (approver)',
    all: APPROVER_ONLY(201),
    request: async (ctx) =>
      json('POST', '/api/categories', {
        code: `matrix-${ctx.unique()}`,
        name: { ko: '매트릭스', en: 'Matrix' },
      }),
  },
  'PATCH /api/categories/{id}': {
    rule: 'catalogue:manage',
    all: APPROVER_ONLY(200),
    request: async (ctx) =>
      json('PATCH', `/api/categories/${await ctx.freshCategory()}`, {
        name: { ko: '매트릭스2', en: 'Matrix 2' },
      }),
  },
  'PUT /api/categories/{id}/rules': {
    rule: 'rules:manage (approver)',
    all: APPROVER_ONLY(200),
    request: async (ctx) =>
      json('PUT', `/api/categories/${await ctx.freshCategory()}/rules`, { rules: { slotStepMinutes: 30 } }),
  },
  'GET /api/assets': { rule: 'public', all: PUBLIC_200, request: () => get('/api/assets') },
  'POST /api/assets': {
    rule: 'catalogue:manage',
    all: APPROVER_ONLY(201),
    request: async (ctx) =>
      json('POST', '/api/assets', {
        categoryId: ctx.categoryId,
        kind: 'space',
        name: { ko: `방 ${ctx.unique()}`, en: `Room ${ctx.unique()}` },
        capacity: 4,
      }),
  },
  'GET /api/assets/{id}': {
    rule: 'public',
    all: PUBLIC_200,
    request: (ctx) => get(`/api/assets/${ctx.roomId}`),
  },
  'PATCH /api/assets/{id}': {
    rule: 'catalogue:manage',
    all: APPROVER_ONLY(200),
    request: async (ctx) => json('PATCH', `/api/assets/${await ctx.freshAsset()}`, { location: 'Floor 3' }),
  },
  'PUT /api/assets/{id}/rules': {
    rule: 'rules:manage',
    all: APPROVER_ONLY(200),
    request: async (ctx) =>
      json('PUT', `/api/assets/${await ctx.freshAsset()}/rules`, { rules: { maxDurationMinutes: 120 } }),
  },
  'POST /api/assets/{id}/photos': {
    rule: 'catalogue:manage',
    all: APPROVER_ONLY(201),
    request: async (ctx) => {
      const form = new FormData();
      form.append('photo', new Blob([TINY_PNG], { type: 'image/png' }), 'tiny.png');
      return { method: 'POST', url: `/api/assets/${await ctx.freshAsset()}/photos`, form };
    },
  },
  'GET /api/assets/{id}/photos/{photoId}': {
    rule: 'public',
    all: PUBLIC_200,
    request: async (ctx) => {
      const { assetId, photoId } = await ctx.photo();
      return json('GET', `/api/assets/${assetId}/photos/${photoId}`);
    },
  },
  'DELETE /api/assets/{id}/photos/{photoId}': {
    rule: 'catalogue:manage',
    all: APPROVER_ONLY(200),
    request: async (ctx) => {
      const { assetId, photoId } = await ctx.photo();
      return json('DELETE', `/api/assets/${assetId}/photos/${photoId}`);
    },
  },

  // ── bookings ───────────────────────────────────────────────────────────────
  'GET /api/availability': {
    rule: 'public',
    all: PUBLIC_200,
    request: (ctx) => {
      const { start } = ctx.slot();
      const to = new Date(new Date(start).getTime() + 86_400_000).toISOString();
      return get(
        `/api/availability?from=${encodeURIComponent(start)}&to=${encodeURIComponent(to)}&assetIds=${ctx.roomId}`,
      );
    },
  },
  'POST /api/bookings/quote': {
    rule: 'bookings:create (every signed-in role)',
    all: SIGNED_IN_200,
    request: (ctx) =>
      Promise.resolve(
        json('POST', '/api/bookings/quote', {
          items: [{ assetId: ctx.roomId }],
          ...ctx.slot(),
          purpose: 'matrix',
          attendees: 1,
        }),
      ),
  },
  'POST /api/bookings': {
    rule: 'bookings:create',
    all: cells(401, 201, 201, 201, 201, 201),
    request: (ctx) =>
      Promise.resolve(
        json('POST', '/api/bookings', {
          items: [{ assetId: ctx.roomId }],
          ...ctx.slot(),
          purpose: 'matrix',
          attendees: 1,
        }),
      ),
  },
  'GET /api/bookings': { rule: 'bookings:read-own', all: SIGNED_IN_200, request: () => get('/api/bookings') },
  'POST /api/bookings/decisions': {
    rule: 'bookings:decide (approver); each id answered on its own inside a 200',
    all: APPROVER_ONLY(200),
    request: async (ctx) =>
      json('POST', '/api/bookings/decisions', {
        ids: [await ctx.pendingBooking('residentA')],
        action: 'approve',
      }),
  },
  'GET /api/bookings/{id}': {
    rule: "own, or bookings:read-all (approver, operations); another's is 404",
    own: SIGNED_IN_200,
    other: cells(401, 404, 404, 200, 200, 404),
    request: async (ctx, role, variant) =>
      json('GET', `/api/bookings/${await ctx.pendingBooking(ctx.owner(role, variant))}`),
  },
  'POST /api/bookings/{id}/approve': {
    rule: 'bookings:decide, not on one’s own request',
    own: OWN_DECISION,
    other: APPROVER_ONLY(200),
    request: async (ctx, role, variant) =>
      json('POST', `/api/bookings/${await ctx.pendingBooking(ctx.owner(role, variant))}/approve`, {
        reason: 'ok',
      }),
  },
  'POST /api/bookings/{id}/reject': {
    rule: 'bookings:decide, not on one’s own request (cancel it instead)',
    own: OWN_DECISION,
    other: APPROVER_ONLY(200),
    request: async (ctx, role, variant) =>
      json('POST', `/api/bookings/${await ctx.pendingBooking(ctx.owner(role, variant))}/reject`, {
        reason: 'no',
      }),
  },
  'GET /api/bookings/{id}/cancellation': {
    rule: "own, or bookings:decide for another's; read-all alone (operations) does not cancel",
    own: SIGNED_IN_200,
    other: cells(401, 404, 404, 200, 404, 404),
    request: async (ctx, role, variant) =>
      json('GET', `/api/bookings/${await ctx.pendingBooking(ctx.owner(role, variant))}/cancellation`),
  },
  'POST /api/bookings/{id}/cancel': {
    rule: "own, or bookings:decide for another's (with a reason)",
    own: SIGNED_IN_200,
    other: cells(401, 404, 404, 200, 404, 404),
    request: async (ctx, role, variant) =>
      json('POST', `/api/bookings/${await ctx.pendingBooking(ctx.owner(role, variant))}/cancel`, {
        reason: 'matrix',
      }),
  },
  'POST /api/bookings/{id}/payments': {
    rule: 'settlement:manage (operations); a pending booking takes no payment yet (409 not_approved)',
    all: cells(401, 403, 403, 403, 409, 403),
    request: async (ctx) =>
      json('POST', `/api/bookings/${await ctx.pendingBooking('residentA')}/payments`, {
        kind: 'fee',
        method: 'bank_transfer',
        amount: 10000,
        receivedOn: '2027-03-02',
      }),
  },
  'GET /api/settlement/me': {
    rule: 'settlement:participate (every role); answers whether the user has any settlement scope',
    all: SIGNED_IN_200,
    request: () => get('/api/settlement/me'),
  },
  // ── settlement ─────────────────────────────────────────────────────────────
  'GET /api/settlement/fiscal-years': scopedList('/api/settlement/fiscal-years'),
  'POST /api/settlement/fiscal-years': {
    rule: 'settlement:manage; a year not opened before',
    all: MANAGE(201),
    request: (ctx) =>
      Promise.resolve(json('POST', '/api/settlement/fiscal-years', { year: ctx.settlement.freshYear() })),
  },
  'POST /api/settlement/fiscal-years/{year}/periods/{month}/close': {
    rule: 'settlement:manage; an open month',
    all: MANAGE(200),
    request: async (ctx) => {
      const { year, month } = await ctx.settlement.openPeriod();
      return json('POST', `/api/settlement/fiscal-years/${year}/periods/${month}/close`);
    },
  },
  'POST /api/settlement/fiscal-years/{year}/periods/{month}/reopen': {
    rule: 'settlement:reopen (admin only, with a reason; operations close but never reopen)',
    all: REOPEN(200),
    request: async (ctx) => {
      const { year, month } = await ctx.settlement.closedPeriod();
      return json('POST', `/api/settlement/fiscal-years/${year}/periods/${month}/reopen`, {
        reason: 'matrix reopen',
      });
    },
  },
  'GET /api/settlement/categories': scopedList('/api/settlement/categories'),
  'GET /api/settlement/programmes': scopedList('/api/settlement/programmes'),
  'POST /api/settlement/programmes': {
    rule: 'settlement:manage',
    all: MANAGE(201),
    request: async (ctx) =>
      json('POST', '/api/settlement/programmes', {
        year: 2027,
        code: `MXP-${ctx.unique()}`,
        name: 'Matrix programme',
        kind: 'subsidy',
        executionDeadline: '2027-12-31',
        sources: [{ kind: 'national', name: 'National', shareBp: 10000 }],
      }),
  },
  'GET /api/settlement/programmes/{id}': programmeRead(''),
  'PATCH /api/settlement/programmes/{id}': {
    rule: 'settlement:manage',
    all: MANAGE(200),
    request: async (ctx) =>
      json('PATCH', `/api/settlement/programmes/${(await ctx.settlement.scratchProgramme()).programme.id}`, {
        name: 'Matrix programme (renamed)',
      }),
  },
  'PUT /api/settlement/programmes/{id}/approvers': {
    rule: 'settlement:manage',
    all: MANAGE(200),
    request: async (ctx) =>
      json(
        'PUT',
        `/api/settlement/programmes/${(await ctx.settlement.scratchProgramme()).programme.id}/approvers`,
        { userIds: [ctx.userId('approver')] },
      ),
  },
  'GET /api/settlement/programmes/{id}/lines': programmeRead('/lines'),
  'POST /api/settlement/programmes/{id}/lines': {
    rule: 'settlement:manage',
    all: MANAGE(201),
    request: async (ctx) => {
      const { programme } = await ctx.settlement.scratchProgramme();
      return json('POST', `/api/settlement/programmes/${programme.id}/lines`, {
        categoryCode: '200-06',
        name: 'Matrix line 2',
        amounts: [{ fundingSourceId: programme.sources[0].id, amount: 500_000 }],
      });
    },
  },
  'GET /api/settlement/programmes/{id}/amendments': programmeRead('/amendments'),
  'POST /api/settlement/programmes/{id}/amendments': {
    rule: 'settlement:manage',
    all: MANAGE(201),
    request: async (ctx) => {
      const { programme, line } = await ctx.settlement.scratchProgramme();
      return json('POST', `/api/settlement/programmes/${programme.id}/amendments`, {
        reason: 'matrix amendment',
        items: [{ budgetLineId: line.id, fundingSourceId: programme.sources[0].id, delta: 1000 }],
      });
    },
  },
  'POST /api/settlement/amendments/{id}/approve': {
    rule: 'settlement:manage; decided by someone other than its requester (operations2@ asked)',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/amendments/${(await ctx.settlement.amendment()).id}/approve`, {
        note: 'ok',
      }),
  },
  'POST /api/settlement/amendments/{id}/reject': {
    rule: 'settlement:manage; decided by someone other than its requester (operations2@ asked)',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/amendments/${(await ctx.settlement.amendment()).id}/reject`, {
        note: 'no',
      }),
  },
  'GET /api/settlement/programmes/{id}/execution': programmeRead('/execution'),
  'GET /api/settlement/programmes/{id}/report': programmeRead('/report'),
  'GET /api/settlement/programmes/{id}/report.xlsx': programmeRead('/report.xlsx'),
  'GET /api/settlement/programmes/{id}/report.csv': programmeRead('/report.csv'),
  'GET /api/settlement/programmes/{id}/report.pdf': programmeRead('/report.pdf'),
  'GET /api/settlement/expenses': scopedList('/api/settlement/expenses'),
  'POST /api/settlement/expenses': {
    rule: 'settlement:participate: approvers and project leads request expenses for their programmes',
    own: SCOPED_CREATE,
    other: SCOPED_CREATE_OTHER,
    request: async (ctx, _role, variant) =>
      json('POST', '/api/settlement/expenses', {
        budgetLineId: (await ctx.settlement.line(side(variant))).id,
        title: `matrix ${ctx.unique()}`,
        amount: 1000,
        expenseDate: today(),
        payeeName: 'Matrix payee',
        evidenceType: 'card_slip',
      }),
  },
  'GET /api/settlement/expenses/{id}': {
    rule: 'settlement:participate, scoped by the expense’s programme (own = LAB-2027, other = HUB-2027)',
    own: SCOPED,
    other: SCOPED_OTHER,
    request: async (ctx, _role, variant) =>
      json('GET', `/api/settlement/expenses/${(await ctx.settlement.requestedExpense(side(variant))).id}`),
  },
  'POST /api/settlement/expenses/{id}/approve': {
    rule: 'settlement:manage; a requested expense (asked by approver@)',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/expenses/${(await ctx.settlement.requestedExpense('led')).id}/approve`),
  },
  'POST /api/settlement/expenses/{id}/reject': {
    rule: 'settlement:manage; a requested expense',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/expenses/${(await ctx.settlement.requestedExpense('led')).id}/reject`, {
        reason: 'matrix refusal',
      }),
  },
  'POST /api/settlement/expenses/{id}/pay': {
    rule: 'settlement:manage; an approved expense',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/expenses/${(await ctx.settlement.approvedExpense()).id}/pay`, {
        paidOn: today(),
      }),
  },
  'POST /api/settlement/expenses/{id}/evidence': {
    rule: 'settlement:participate, scoped by the expense’s programme: whoever may see it adds evidence',
    own: SCOPED,
    other: SCOPED_OTHER,
    request: async (ctx, _role, variant) => {
      const expense = await ctx.settlement.requestedExpense(side(variant));
      return json('POST', `/api/settlement/expenses/${expense.id}/evidence`, {
        item: expense.evidence[0]?.item ?? 'receipt',
        note: 'matrix evidence',
      });
    },
  },
  'POST /api/settlement/expenses/{id}/evidence-missing': {
    rule: 'settlement:manage; a paid expense',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/expenses/${(await ctx.settlement.paidExpense()).id}/evidence-missing`, {
        reason: 'matrix: receipt missing',
      }),
  },
  'POST /api/settlement/expenses/{id}/verify': {
    rule: 'settlement:manage; a paid expense whose evidence is incomplete is not verified (422 evidence_incomplete)',
    all: MANAGE(422),
    request: async (ctx) =>
      json('POST', `/api/settlement/expenses/${(await ctx.settlement.paidExpense()).id}/verify`, {
        kind: 'substantive',
      }),
  },
  'POST /api/settlement/expenses/{id}/disallow': {
    rule: 'settlement:manage; part of a paid expense',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/expenses/${(await ctx.settlement.paidExpense()).id}/disallow`, {
        amount: 500,
        reason: 'matrix disallowance',
      }),
  },
  'GET /api/settlement/summary': scopedList('/api/settlement/summary'),
  'POST /api/settlement/payments': {
    rule: 'settlement:manage; a pending booking takes no payment yet (409 not_approved)',
    all: MANAGE(409),
    request: async (ctx) =>
      json('POST', '/api/settlement/payments', {
        bookingId: await ctx.pendingBooking('residentA'),
        kind: 'fee',
        method: 'bank_transfer',
        amount: 10000,
        receivedOn: today(),
      }),
  },
  'GET /api/settlement/payments': manageGet('/api/settlement/payments'),
  'POST /api/settlement/waivers': {
    rule: 'settlement:manage; a pending booking is not waived before its decision (409 state_conflict)',
    all: MANAGE(409),
    request: async (ctx) =>
      json('POST', '/api/settlement/waivers', {
        bookingId: await ctx.pendingBooking('residentA'),
        value: 1000,
        reason: 'matrix waiver',
      }),
  },
  'GET /api/settlement/income-mappings': manageGet('/api/settlement/income-mappings'),
  'PUT /api/settlement/income-mappings/{assetCategoryId}': {
    rule: 'settlement:manage',
    all: MANAGE(204),
    request: async (ctx) =>
      json('PUT', `/api/settlement/income-mappings/${ctx.categoryId}`, {
        budgetLineId: (await ctx.settlement.line('led')).id,
      }),
  },
  'GET /api/settlement/rent-schedules': manageGet('/api/settlement/rent-schedules'),
  'POST /api/settlement/rent-schedules': {
    rule: 'settlement:manage; no agreements domain exists yet, so agreementId is an outside reference the API cannot check (reported to the lead)',
    all: MANAGE(201),
    request: async (ctx) =>
      json('POST', '/api/settlement/rent-schedules', {
        agreementId: randomUUID(),
        budgetLineId: (await ctx.settlement.line('led')).id,
        monthlyAmount: 150_000,
        startsOn: '2027-03-01',
        endsOn: '2027-12-31',
      }),
  },
  'POST /api/settlement/rent-schedules/post-due': {
    rule: 'settlement:manage',
    all: MANAGE(200),
    request: () =>
      Promise.resolve(json('POST', '/api/settlement/rent-schedules/post-due', { asOf: today() })),
  },
  'GET /api/settlement/bank/mappings': manageGet('/api/settlement/bank/mappings'),
  'PUT /api/settlement/bank/mappings/{bank}': {
    rule: 'settlement:manage',
    all: MANAGE(204),
    request: async (ctx) =>
      json('PUT', `/api/settlement/bank/mappings/matrix-${ctx.unique()}`, {
        date: '거래일시',
        deposit: '입금액',
        withdrawal: '출금액',
      }),
  },
  'POST /api/settlement/bank/imports': {
    rule: 'settlement:manage; a CSV statement in the saved layout',
    all: MANAGE(201),
    request: async (ctx) => {
      const bank = await ctx.settlement.bank();
      return {
        method: 'POST',
        url: `/api/settlement/bank/imports?bank=${bank.name}&fileName=matrix.csv`,
        body: bank.statement(),
        contentType: 'text/csv',
      };
    },
  },
  'GET /api/settlement/bank/lines': manageGet('/api/settlement/bank/lines'),
  'POST /api/settlement/bank/lines/{id}/match': {
    rule: 'settlement:manage; an unreconciled line',
    all: MANAGE(200),
    request: async (ctx) =>
      json('POST', `/api/settlement/bank/lines/${(await ctx.settlement.bankLine()).id}/match`, {
        target: 'other',
        note: 'matrix',
      }),
  },
  'POST /api/settlement/bank/auto-match': {
    rule: 'settlement:manage',
    all: MANAGE(200),
    request: () => Promise.resolve(json('POST', '/api/settlement/bank/auto-match')),
  },
  'GET /api/settlement/entries/{id}': {
    rule: 'settlement:participate, scoped by the entry’s programme (own = a LAB-2027 expense, other = HUB-2027)',
    own: SCOPED,
    other: SCOPED_OTHER,
    request: async (ctx, _role, variant) =>
      json('GET', `/api/settlement/entries/${(await ctx.settlement.paidExpense(side(variant))).paidEntryId}`),
  },
  'POST /api/settlement/entries/{id}/reverse': {
    rule: 'settlement:manage; an entry not reversed before',
    all: MANAGE(201),
    request: async (ctx) =>
      json('POST', `/api/settlement/entries/${await ctx.settlement.entry()}/reverse`, {
        reason: 'matrix reversal',
      }),
  },
  'GET /api/approvals/queue': {
    rule: 'bookings:decide',
    all: APPROVER_ONLY(200),
    request: () => get('/api/approvals/queue'),
  },
  'GET /api/notifications': {
    rule: 'notifications:read',
    all: SIGNED_IN_200,
    request: () => get('/api/notifications'),
  },
  'POST /api/notifications/{id}/read': {
    rule: "notifications:read, own only; another's is 404",
    own: cells(401, 204, 204, 204, 204, 204),
    other: cells(401, 404, 404, 404, 404, 404),
    request: async (ctx, role, variant) =>
      json('POST', `/api/notifications/${await ctx.notification(ctx.owner(role, variant))}/read`),
  },
};
