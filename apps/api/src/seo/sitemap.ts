import type { Locale } from '@madang/contracts';

/** One public page of the web app, listed in the sitemap in every language. */
export interface SitemapPage {
  /** Path from the site root, starting with `/`, no query. */
  path: string;
  /** When the page's content last changed, if known (ISO 8601). */
  lastmod?: string | null;
}

/** The public pages with no id in them (lists and the home page), in sitemap order. */
export const PUBLIC_LIST_PATHS: readonly string[] = ['/', '/catalogue', '/calls', '/labs', '/observations'];

/**
 * Areas for signed-in people (and the API): never crawled. Keep in step with the guarded routes of
 * apps/web/src/app/app.routes.ts.
 */
export const PRIVATE_PATH_PREFIXES: readonly string[] = [
  '/api/',
  '/sign-in',
  '/sign-up',
  '/bookings',
  '/approvals',
  '/desk',
  '/catalogue-admin',
  '/settlement',
  '/recruitment',
  '/observations/new',
  '/labs/inbox',
  '/labs/dashboard',
  '/labs/projects',
  '/labs/experiments',
  '/profile',
  '/users',
  '/groups',
  '/audit',
  '/admin',
  '/forbidden',
];

/** The address of a page in one language (`?lang=`), or the language-neutral one (x-default). */
export function pageUrl(origin: string, path: string, locale: Locale | null): string {
  return locale ? `${origin}${path}?lang=${locale}` : `${origin}${path}`;
}

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );

/**
 * A sitemaps.org urlset: each page once per language, each entry naming all its language versions
 * and the language-neutral address as `xhtml:link` alternates (Google's hreflang in sitemaps).
 */
export function sitemapXml(
  origin: string,
  pages: readonly SitemapPage[],
  locales: readonly Locale[],
): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const page of pages) {
    const alternates = [
      ...locales.map((l) => [l, pageUrl(origin, page.path, l)] as const),
      ['x-default', pageUrl(origin, page.path, null)] as const,
    ].map(([lang, href]) => `    <xhtml:link rel="alternate" hreflang="${lang}" href="${escapeXml(href)}"/>`);
    for (const locale of locales) {
      lines.push('  <url>', `    <loc>${escapeXml(pageUrl(origin, page.path, locale))}</loc>`);
      if (page.lastmod) lines.push(`    <lastmod>${escapeXml(page.lastmod)}</lastmod>`);
      lines.push(...alternates, '  </url>');
    }
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/** robots.txt: public pages open, the API and the signed-in areas closed, the sitemap named. */
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    ...PRIVATE_PATH_PREFIXES.map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}
