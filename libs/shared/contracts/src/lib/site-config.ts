import type { Locale } from './locale';

/**
 * What every client needs to know about the centre before it shows a date or a price: served by
 * the public `GET /api/config` from the server's configuration (`MADANG_TIMEZONE`), never hard-coded.
 */
export interface SiteConfig {
  /** IANA time zone of the centre: every wall-clock time, calendar and form is in this zone. */
  timeZone: string;
  /** The languages the app speaks, the default first. */
  locales: readonly Locale[];
  defaultLocale: Locale;
  /** Money is integer units of this currency. */
  currency: 'KRW';
  /**
   * The address people open Madang at (`PUBLIC_URL`, e.g. https://madang.example.kr, no trailing
   * slash), for canonical links, sitemaps and link previews; null when not configured (then the
   * page's own origin is used).
   */
  publicUrl: string | null;
}
