import { DOCUMENT } from '@angular/common';
import { Injectable, REQUEST, effect, inject, signal } from '@angular/core';
import { LOCALE_COOKIE, type Locale, type LocalizedText, LOCALES, interpolate } from '@madang/contracts';
import { chooseLocale } from './locale-choice';
import { type MessageKey, messageText } from './messages';

export const LOCALE_STORAGE_KEY = 'madang.locale';

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The current language as a signal, and the one way to turn a message key into text.
 * Reading `t()` inside a template or `computed()` tracks the language, so views update when it changes.
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  /** Set only while the server renders a page: the request it renders. */
  private readonly request = inject(REQUEST, { optional: true });
  private readonly storage = safeStorage(this.document);
  private readonly current = signal<Locale>(this.initialLocale());

  readonly locale = this.current.asReadonly();
  readonly locales = LOCALES;

  constructor() {
    effect(() => {
      this.document.documentElement.lang = this.current();
    });
  }

  t(key: MessageKey, params?: MessageParams): string {
    return this.translate(this.current(), key, params);
  }

  /** Same as `t`, for an explicit language (used by the pure pipe). */
  translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
    const template = messageText(locale, key);
    return params ? interpolate(template, params) : template;
  }

  /** Picks the current language from a text the contracts lib carries in every language. */
  text(text: LocalizedText, params?: MessageParams): string {
    const template = text[this.current()];
    return params ? interpolate(template, params) : template;
  }

  /**
   * Switches the language and remembers it in this browser: in storage, and in a cookie so the pages
   * the server renders next come in the same language.
   */
  use(locale: Locale): void {
    this.current.set(locale);
    if (this.request) return;
    try {
      this.storage?.setItem(LOCALE_STORAGE_KEY, locale);
      this.document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
    } catch {
      // Storage or cookies may be blocked; the language still changes for this visit.
    }
  }

  /** See `chooseLocale`: the same rule on the server (from the request) and in the browser. */
  private initialLocale(): Locale {
    if (this.request) {
      return chooseLocale({
        search: new URL(this.request.url).search,
        cookies: this.request.headers.get('cookie'),
        acceptLanguage: this.request.headers.get('accept-language'),
      });
    }
    let stored: string | null = null;
    let cookies: string | null = null;
    try {
      stored = this.storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
      cookies = this.document.cookie;
    } catch {
      stored = null;
    }
    const nav = this.document.defaultView?.navigator;
    return chooseLocale({
      search: this.document.location?.search,
      cookies,
      stored,
      acceptLanguage: nav?.languages?.length ? nav.languages.join(',') : nav?.language,
    });
  }
}

function safeStorage(document: Document): Storage | null {
  try {
    return document.defaultView?.localStorage ?? null;
  } catch {
    return null;
  }
}
