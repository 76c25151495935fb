import { APPROVER_ONLY, json, type RouteEntry } from './common';

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
};
