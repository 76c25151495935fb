import { cells, json, get, APPROVER_ONLY, SIGNED_IN_200, type RouteEntry } from './common';

/**
 * Recurring booking series (issue 12). Every signed-in role may request one (bookings:create) and
 * reads its own; approvers and operations read everyone's (bookings:read-all), others get 404. Only
 * the requester edits a series or one of its occurrences: a reader who is not the requester gets
 * 403. Approvers decide series (their own are answered per occurrence with own_request inside a
 * 200) and cancel anyone's with a reason; operations may read but not cancel another's (403).
 */
const OTHER_READ = cells(401, 404, 404, 200, 200, 404);
const OTHER_CHANGE = cells(401, 404, 404, 403, 403, 404);

export const BK_SERIES_ROUTES: Readonly<Record<string, RouteEntry>> = {
  'POST /api/bookings/series/preview': {
    rule: 'bookings:create (every signed-in role)',
    all: SIGNED_IN_200,
    request: async (ctx) => json('POST', '/api/bookings/series/preview', await ctx.bkSeries.body()),
  },
  'POST /api/bookings/series': {
    rule: 'bookings:create; each cell on a fresh room',
    all: cells(401, 201, 201, 201, 201, 201),
    request: async (ctx) =>
      json('POST', '/api/bookings/series', { ...(await ctx.bkSeries.body()), mode: 'free_only' }),
  },
  'GET /api/bookings/series': {
    rule: 'bookings:read-own; scope=all needs bookings:read-all',
    all: SIGNED_IN_200,
    request: () => get('/api/bookings/series'),
  },
  'GET /api/bookings/series/{id}': {
    rule: "own, or bookings:read-all (approver, operations); another's is 404",
    own: SIGNED_IN_200,
    other: OTHER_READ,
    request: async (ctx, role, variant) =>
      get(`/api/bookings/series/${(await ctx.bkSeries.series(ctx.owner(role, variant))).id}`),
  },
  'PATCH /api/bookings/series/{id}': {
    rule: 'the requester only; a reader who is not the requester 403, others 404',
    own: SIGNED_IN_200,
    other: OTHER_CHANGE,
    request: async (ctx, role, variant) =>
      json('PATCH', `/api/bookings/series/${(await ctx.bkSeries.series(ctx.owner(role, variant))).id}`, {
        scope: 'all',
        startTime: '11:00',
      }),
  },
  'PATCH /api/bookings/series/{id}/occurrences/{date}': {
    rule: 'the requester only; a reader who is not the requester 403, others 404',
    own: SIGNED_IN_200,
    other: OTHER_CHANGE,
    request: async (ctx, role, variant) => {
      const s = await ctx.bkSeries.series(ctx.owner(role, variant));
      return json('PATCH', `/api/bookings/series/${s.id}/occurrences/${s.dates[0]}`, { action: 'cancel' });
    },
  },
  'POST /api/bookings/series/{id}/decision': {
    rule: 'bookings:decide; one’s own series is answered per occurrence (own_request) inside a 200',
    own: cells(401, 403, 403, 200, 403, 403),
    other: APPROVER_ONLY(200),
    request: async (ctx, role, variant) =>
      json(
        'POST',
        `/api/bookings/series/${(await ctx.bkSeries.series(ctx.owner(role, variant))).id}/decision`,
        {
          action: 'approve',
        },
      ),
  },
  'POST /api/bookings/series/{id}/cancel': {
    rule: "own; bookings:decide for another's (with a reason); read-all alone (operations) 403",
    own: SIGNED_IN_200,
    other: cells(401, 404, 404, 200, 403, 404),
    request: async (ctx, role, variant) =>
      json(
        'POST',
        `/api/bookings/series/${(await ctx.bkSeries.series(ctx.owner(role, variant))).id}/cancel`,
        {
          reason: 'matrix',
        },
      ),
  },
};
