import { json, PUBLIC_200, type RouteEntry } from './common';

/**
 * Asset photos in modern formats and the Open Graph image (issue 13): public like the photo itself
 * (an active asset's photo is anyone's to see). The photo comes from the matrix's fresh upload.
 */
export const LEAN_ROUTES: Readonly<Record<string, RouteEntry>> = {
  'GET /api/assets/{id}/photos/{photoId}/{variant}': {
    rule: 'public, as the photo',
    all: PUBLIC_200,
    request: async (ctx) => {
      const { assetId, photoId } = await ctx.photo();
      return json('GET', `/api/assets/${assetId}/photos/${photoId}/320.webp`);
    },
  },
  'GET /api/assets/{id}/og.jpg': {
    rule: 'public, as the asset; its first photo',
    all: PUBLIC_200,
    request: async (ctx) => json('GET', `/api/assets/${(await ctx.photo()).assetId}/og.jpg`),
  },
};
