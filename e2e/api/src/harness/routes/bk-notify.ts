import { cells, get, json, PUBLIC_200, PUBLIC_404, SIGNED_IN_200, type RouteEntry } from './common';

const SIGNED_IN_201 = cells(401, 201, 201, 201, 201, 201);
const SIGNED_IN_204 = cells(401, 204, 204, 204, 204, 204);
const SIGNED_IN_404 = cells(401, 404, 404, 404, 404, 404);

/**
 * Waitlists, reminders and calendar feeds (issue 12). Joining and accepting need bookings:create
 * (every signed-in role); entries and offers are their person's alone (another's is 404). Feed
 * content is public by secret: the current secret answers anyone, any other secret is 404.
 */
export const BK_NOTIFY_ROUTES: Readonly<Record<string, RouteEntry>> = {
  'POST /api/assets/{id}/waitlist': {
    rule: 'bookings:create; only for a slot someone holds (a free one is 409)',
    all: SIGNED_IN_201,
    request: async (ctx, role) => {
      const joiner = role === 'anonymous' ? 'residentA' : role;
      const when = await ctx.bkNotify.takenSlot(joiner);
      return json('POST', `/api/assets/${ctx.roomId}/waitlist`, { ...when, purpose: 'matrix', attendees: 1 });
    },
  },
  'GET /api/waitlist': {
    rule: 'bookings:read-own (my entries)',
    all: SIGNED_IN_200,
    request: () => get('/api/waitlist'),
  },
  'DELETE /api/waitlist/{id}': {
    rule: "bookings:create, own entry only; another's is 404",
    own: SIGNED_IN_204,
    other: SIGNED_IN_404,
    request: async (ctx, role, variant) =>
      json('DELETE', `/api/waitlist/${await ctx.bkNotify.entry(ctx.owner(role, variant))}`),
  },
  'POST /api/waitlist/offers/{id}/accept': {
    rule: "bookings:create, own open offer only (books through the normal path); another's is 404",
    own: SIGNED_IN_201,
    other: SIGNED_IN_404,
    request: async (ctx, role, variant) =>
      json('POST', `/api/waitlist/offers/${await ctx.bkNotify.offer(ctx.owner(role, variant))}/accept`),
  },
  'GET /api/reminder-preferences': {
    rule: 'self',
    all: SIGNED_IN_200,
    request: () => get('/api/reminder-preferences'),
  },
  'PUT /api/reminder-preferences': {
    rule: 'self',
    all: SIGNED_IN_200,
    request: () =>
      Promise.resolve(
        json('PUT', '/api/reminder-preferences', { hoursBefore: null, email: true, inApp: true }),
      ),
  },
  'GET /api/feeds/me': {
    rule: 'self (creates the feed on first use)',
    all: SIGNED_IN_200,
    request: () => get('/api/feeds/me'),
  },
  'POST /api/feeds/me/rotate': {
    rule: 'self',
    all: SIGNED_IN_200,
    request: () => Promise.resolve(json('POST', '/api/feeds/me/rotate')),
  },
  'GET /api/feeds/me/{file}': {
    rule: 'public by secret: the current secret answers anyone (own), a wrong one is 404 (other)',
    own: PUBLIC_200,
    other: PUBLIC_404,
    request: async (ctx, role, variant) =>
      variant === 'own'
        ? get(await ctx.bkNotify.feedPath(ctx.owner(role, 'own')))
        : get(`/api/feeds/me/${'x'.repeat(43)}.ics`),
  },
  'GET /api/feeds/assets/{id}/{file}': {
    rule: 'public: busy times only (public.ics)',
    all: PUBLIC_200,
    request: (ctx) => get(`/api/feeds/assets/${ctx.roomId}/public.ics`),
  },
};
