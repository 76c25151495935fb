import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { LOCALES, type SiteConfig } from '@madang/contracts';
import { firstValueFrom, timeout } from 'rxjs';
import { dateTimeFormat } from './intl-formats';

/**
 * Used only until `GET /api/config` has answered (the app waits for it at start) or if it never
 * does; the centre's real zone is the server's `MADANG_TIMEZONE`.
 */
export const FALLBACK_SITE_CONFIG: SiteConfig = {
  timeZone: 'Asia/Seoul',
  locales: LOCALES,
  defaultLocale: 'ko',
  currency: 'KRW',
  publicUrl: null,
};

/** One configuration per page load: set once at start, read everywhere (also by pure helpers). */
const current = signal<SiteConfig>(FALLBACK_SITE_CONFIG);

/** The centre's IANA time zone as the server configures it: every date shown or typed is in it. */
export function centreTimeZone(): string {
  return current().timeZone;
}

/** Today's date in the centre's time zone (default: the server's), `YYYY-MM-DD`. */
export function centreToday(timeZone = centreTimeZone(), now = new Date()): string {
  return dateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(now);
}

/** The server's public configuration (time zone, languages, currency), loaded once at app start. */
@Injectable({ providedIn: 'root' })
export class SiteConfigService {
  private readonly http = inject(HttpClient);
  readonly config = current.asReadonly();

  timeZone(): string {
    return current().timeZone;
  }

  /** The configured public address (`PUBLIC_URL`, no trailing slash), or null. */
  publicUrl(): string | null {
    return current().publicUrl;
  }

  /** Loads `GET /api/config`; when the API does not answer within `waitMs` the fallback stays. */
  async load(waitMs = 5000): Promise<void> {
    try {
      const config = await firstValueFrom(this.http.get<SiteConfig>('/api/config').pipe(timeout(waitMs)));
      if (isSiteConfig(config)) current.set({ ...config, publicUrl: publicUrlOf(config) });
    } catch {
      // The page still works in the fallback zone; requests that matter are checked by the server.
    }
  }

  /** For tests: as if the server had answered `config`. */
  set(config: SiteConfig): void {
    current.set(config);
  }
}

/** An http(s) origin without a trailing slash, or null (older servers do not send one). */
function publicUrlOf(config: SiteConfig): string | null {
  const url: unknown = (config as { publicUrl?: unknown }).publicUrl;
  return typeof url === 'string' && /^https?:\/\/\S+$/.test(url) ? url.replace(/\/+$/, '') : null;
}

function isSiteConfig(value: unknown): value is SiteConfig {
  if (typeof value !== 'object' || value === null) return false;
  const zone = (value as { timeZone?: unknown }).timeZone;
  if (typeof zone !== 'string') return false;
  // The browser's list of zones first: building a formatter here would be the page's first Intl object,
  // and the first one costs a phone tens of milliseconds of start-up (the list costs a tenth of that).
  // Names the list leaves out (aliases such as "UTC" in some browsers) are tried with a formatter.
  if (typeof Intl.supportedValuesOf === 'function' && Intl.supportedValuesOf('timeZone').includes(zone))
    return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
