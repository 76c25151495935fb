export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ko';

/** A sentence a person reads, in every language Madang speaks. */
export type LocalizedText = Readonly<Record<Locale, string>>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the best supported locale from an Accept-Language header value
 * (RFC 9110 weights honoured); falls back to the default locale.
 */
export function negotiateLocale(
  acceptLanguage: string | undefined | null,
  fallback: Locale = DEFAULT_LOCALE,
): Locale {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag.length > 0 && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return fallback;
}

/** Replaces `{name}` placeholders with values. */
export function interpolate(
  template: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole,
  );
}

/** The language chosen in the switcher, sent with every page request so the server renders in it. */
export const LOCALE_COOKIE = 'madang_locale';

/**
 * Set by the web app once this browser has fetched the Pretendard files of a page it showed (a year; the
 * value is the faces' hash, their <style>'s `data-fonts`). Without it the API sends the page's @font-face
 * rules disabled: a first visit draws with the system's font and never waits for, or shares its network
 * with, fonts it could not have in time anyway.
 */
export const FONTS_COOKIE = 'madang_fonts';

/**
 * The id of index.html's <style> of @font-face rules; its `data-fonts` names the set (a hash).
 * tools/fonts/pretendard-faces.mjs writes both.
 */
export const FONT_FACES_STYLE_ID = 'pretendard-faces';

/** What the API hands the web app while it renders a page on the server (`REQUEST_CONTEXT`). */
export interface RenderContext {
  /** Where people reach Madang: PUBLIC_URL, else the request's own origin (behind trusted proxies). */
  readonly origin: string;
  /** This answer's Content-Security-Policy nonce, for the page's own inline scripts. */
  readonly nonce: string;
}
