import { DOCUMENT } from '@angular/common';
import { Injectable, effect, inject, signal } from '@angular/core';
import {
  type Locale,
  type LocalizedText,
  LOCALES,
  interpolate,
  isLocale,
  negotiateLocale,
} from '@madang/contracts';
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

  /** Switches the language and remembers it in this browser. */
  use(locale: Locale): void {
    this.current.set(locale);
    try {
      this.storage?.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Storage may be full or blocked; the language still changes for this visit.
    }
  }

  /** Stored choice first, then the browser's languages, then the default (Korean). */
  private initialLocale(): Locale {
    let stored: string | null = null;
    try {
      stored = this.storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
    } catch {
      stored = null;
    }
    if (isLocale(stored)) return stored;
    const nav = this.document.defaultView?.navigator;
    const languages = nav?.languages?.length ? nav.languages.join(',') : nav?.language;
    return negotiateLocale(languages);
  }
}

function safeStorage(document: Document): Storage | null {
  try {
    return document.defaultView?.localStorage ?? null;
  } catch {
    return null;
  }
}
