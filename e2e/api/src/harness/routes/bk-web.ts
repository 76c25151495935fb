import { get, PUBLIC_200, type RouteEntry } from './common';

/** The booking pages (issue 12, bk-web): the public site configuration the web app loads at start. */
export const BK_WEB_ROUTES: Readonly<Record<string, RouteEntry>> = {
  'GET /api/config': {
    rule: 'public: time zone, languages and currency',
    all: PUBLIC_200,
    request: () => get('/api/config'),
  },
};
