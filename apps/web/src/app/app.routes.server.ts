import { RenderMode, type ServerRoute } from '@angular/ssr';

/**
 * Which pages the server renders. Public pages — the ones residents open from a link in a chat and
 * search engines index — are rendered on the server for every request (their data changes all day:
 * availability, deadlines), anonymously, and hydrated in the browser. Everything behind a sign-in is
 * rendered in the browser only: the server never sees a session, so it has nothing personal to render.
 * Keep in step with app.routes.ts and the sitemap (apps/api/src/seo).
 */
export const PUBLIC_SERVER_RENDERED = [
  '',
  'catalogue',
  'catalogue/:id',
  'calls',
  'calls/:id',
  'labs',
  'labs/shared/:id',
  'observations',
  'observations/:id',
] as const;

export const serverRoutes: ServerRoute[] = [
  ...PUBLIC_SERVER_RENDERED.map((path): ServerRoute => ({ path, renderMode: RenderMode.Server })),
  { path: '**', renderMode: RenderMode.Client },
];
