import { LOCALE_COOKIE, type Locale, isLocale, negotiateLocale } from '@madang/contracts';

/** `?lang=en` in a page's address shows that page in English (the URLs `hreflang` points at). */
export const LOCALE_QUERY_PARAM = 'lang';

export interface LocaleHints {
  /** The page address's query string (`?lang=en&…`). */
  readonly search?: string | null;
  /** The Cookie header or `document.cookie`. */
  readonly cookies?: string | null;
  /** What this browser stored (older visits stored only here). */
  readonly stored?: string | null;
  /** Accept-Language, or the browser's languages joined with commas. */
  readonly acceptLanguage?: string | null;
}

/**
 * The one rule for which language a page is shown in, on the server and in the browser alike (so a
 * server-rendered page and its hydration agree): the address's `lang`, then the remembered choice
 * (cookie, then browser storage), then the browser's languages, then Korean.
 */
export function chooseLocale(hints: LocaleHints): Locale {
  const query = new URLSearchParams(hints.search ?? '').get(LOCALE_QUERY_PARAM);
  if (isLocale(query)) return query;
  const cookie = cookieValue(hints.cookies ?? '', LOCALE_COOKIE);
  if (isLocale(cookie)) return cookie;
  const stored = hints.stored ?? null;
  if (isLocale(stored)) return stored;
  return negotiateLocale(hints.acceptLanguage ?? undefined);
}

function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}
