import { randomUUID } from 'node:crypto';
import { TINY_PNG } from './support/fixture';
import {
  json,
  get,
  cells,
  PUBLIC_200,
  SIGNED_IN_200,
  APPROVER_ONLY,
  ADMIN_ONLY,
  OWN_DECISION,
  SIGNED_IN_404,
  PUBLIC_404,
  type RouteEntry,
} from './routes/common';
import { SETTLEMENT_ROUTES } from './routes/settlement';
import { BK_DESK_ROUTES } from './routes/bk-desk';
import { BK_SERIES_ROUTES } from './routes/bk-series';
import { LIVING_LAB_ROUTES } from './routes/living-labs';
import { RECRUITMENT_ROUTES } from './routes/recruitment';
import { BK_NOTIFY_ROUTES } from './routes/bk-notify';
import { BK_WEB_ROUTES } from './routes/bk-web';
import { LEAN_ROUTES } from './routes/lean';

export * from './routes/common';

/**
 * THE route × role table: every operation of the OpenAPI description (see routes/common.ts for the
 * columns and cells). Platform, accounts, catalogue and bookings rows live here; each other domain keeps
 * its rows in routes/<domain>.ts and is spread in below.
 */
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
  'GET /api/auth/session': {
    rule: 'public (the user, or null when not signed in)',
    all: PUBLIC_200,
    request: () => get('/api/auth/session'),
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
  // ── other domains, one file each ─────────────────────────────────────────────
  ...SETTLEMENT_ROUTES,
  ...BK_DESK_ROUTES,
  ...BK_SERIES_ROUTES,
  ...LIVING_LAB_ROUTES,
  ...RECRUITMENT_ROUTES,
  ...BK_NOTIFY_ROUTES,
  ...BK_WEB_ROUTES,
  ...LEAN_ROUTES,
};
