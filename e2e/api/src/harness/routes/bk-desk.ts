import { APPROVER_ONLY, cells, get, json, PUBLIC_200, type RouteEntry } from './common';

/**
 * The desk (issue 12): out-of-service blocks, custody, check-in. Out-of-service periods are set and
 * ended by catalogue:manage (approvers), each cell on a fresh asset so cells never collide.
 */
export const BK_DESK_ROUTES: Readonly<Record<string, RouteEntry>> = {
  'POST /api/assets/{id}/out-of-service': {
    rule: 'catalogue:manage (approver)',
    all: APPROVER_ONLY(201),
    request: async (ctx) =>
      json('POST', `/api/assets/${await ctx.freshAsset()}/out-of-service`, {
        ...ctx.bkDesk.window(),
        reason: 'maintenance',
      }),
  },
  'GET /api/assets/{id}/out-of-service': {
    rule: 'catalogue:manage (approver)',
    all: APPROVER_ONLY(200),
    request: async (ctx) => json('GET', `/api/assets/${ctx.roomId}/out-of-service`),
  },
  'DELETE /api/assets/{id}/out-of-service/{blockId}': {
    rule: 'catalogue:manage (approver)',
    all: APPROVER_ONLY(204),
    request: async (ctx) => {
      const { assetId, blockId } = await ctx.bkDesk.outOfService();
      return json('DELETE', `/api/assets/${assetId}/out-of-service/${blockId}`);
    },
  },
  // ── kits ─────────────────────────────────────────────────────────────────────
  'GET /api/assets/{id}/parts': {
    rule: 'public, like the catalogue',
    all: PUBLIC_200,
    request: (ctx) => get(`/api/assets/${ctx.roomId}/parts`),
  },
  'PUT /api/assets/{id}/parts': {
    rule: 'catalogue:manage (approver)',
    all: APPROVER_ONLY(200),
    request: async (ctx) =>
      json('PUT', `/api/assets/${await ctx.freshAsset()}/parts`, {
        parts: [{ name: { ko: '본체', en: 'Body' } }],
      }),
  },
  // ── the equipment desk ───────────────────────────────────────────────────────
  'GET /api/desk': {
    rule: 'bookings:decide (approver)',
    all: APPROVER_ONLY(200),
    request: () => get(`/api/desk?date=${new Date().toISOString().slice(0, 10)}`),
  },
  'GET /api/desk/overdue': {
    rule: 'bookings:decide (approver)',
    all: APPROVER_ONLY(200),
    request: () => get('/api/desk/overdue'),
  },
  'POST /api/bookings/{id}/handouts': {
    rule: 'bookings:decide (approver); a fresh approved equipment booking of resident A per cell',
    all: APPROVER_ONLY(201),
    request: async (ctx) => {
      const { bookingId, assetId } = await ctx.bkDesk.equipmentBooking();
      return json('POST', `/api/bookings/${bookingId}/handouts`, { assetId, receivedBy: 'Matrix' });
    },
  },
  'POST /api/handouts/{id}/return': {
    rule: 'bookings:decide (approver); a fresh open hand-out per cell',
    all: APPROVER_ONLY(201),
    request: async (ctx) =>
      json('POST', `/api/handouts/${await ctx.bkDesk.handout()}/return`, { condition: 'ok' }),
  },
  'GET /api/bookings/{id}/custody': {
    rule: "bookings:read-own; resident A's booking: the booker and bookings:read-all see it, others 404",
    all: cells(401, 200, 404, 200, 200, 404),
    request: async (ctx) => get(`/api/bookings/${await ctx.pendingBooking('residentA')}/custody`),
  },
  'POST /api/bookings/{id}/deposit-retentions': {
    rule: 'bookings:decide (approver); the matrix booking has no deposit, so the approver is told the amount is too large (400 naming it) — the whole flow is in desk.int-spec',
    all: APPROVER_ONLY(400),
    request: async (ctx) => {
      const { bookingId } = await ctx.bkDesk.equipmentBooking();
      return json('POST', `/api/bookings/${bookingId}/deposit-retentions`, {
        amount: 1000,
        reason: 'matrix',
      });
    },
  },
  'GET /api/bookings/{id}/check-in': {
    rule: "bookings:read-own; resident A's booking: the booker and bookings:read-all see it, others 404",
    all: cells(401, 200, 404, 200, 200, 404),
    request: async (ctx) => get(`/api/bookings/${await ctx.pendingBooking('residentA')}/check-in`),
  },
  'POST /api/bookings/{id}/check-in': {
    rule: "the booker or bookings:decide, in the window; resident A's pending booking: 409 for both, 403 for operations (sees, may not), 404 for those who cannot see it",
    all: cells(401, 409, 404, 409, 403, 404),
    request: async (ctx) =>
      json('POST', `/api/bookings/${await ctx.pendingBooking('residentA')}/check-in`, {}),
  },
};
