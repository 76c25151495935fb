import {
  type EnvironmentProviders,
  computed,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
  signal,
} from '@angular/core';
import type { Routes } from '@angular/router';
import type { Locale } from '@madang/contracts';
import { commonEn } from './messages.common.en';
import { commonKo } from './messages.common.ko';

/**
 * The dictionaries the compiler knows, by part of the app. Each part adds its English dictionary's
 * type by declaration merging next to where it defines the dictionary (the pattern of i18next's
 * `CustomTypeOptions`), so `MessageKey` is the union of every key a compiled program can load:
 *
 * ```ts
 * declare module '@madang/web/i18n' {
 *   interface MessageCatalogue { bookings: typeof bookingsEn }
 * }
 * ```
 *
 * A template or call using a key that no part defines fails the compile, and each Korean
 * dictionary is typed by its English keys, so a missing translation fails it too.
 */
export interface MessageCatalogue {
  common: typeof commonEn;
}

export type MessageKey = {
  [Part in keyof MessageCatalogue]: keyof MessageCatalogue[Part] & string;
}[keyof MessageCatalogue];

export type Dictionary<K extends string = string> = Readonly<Record<K, string>>;

/** One part's messages in every language, loaded together with that part's routes. */
export interface MessageBundle<K extends string = string> {
  readonly id: string;
  readonly dictionaries: Readonly<Record<Locale, Dictionary<K>>>;
}

export function defineMessages<K extends string>(
  id: string,
  dictionaries: Readonly<Record<Locale, Dictionary<K>>>,
): MessageBundle<K> {
  return { id, dictionaries };
}

/** Messages every page may need; part of the shell's first download. */
export const COMMON_MESSAGES = defineMessages('common', { en: commonEn, ko: commonKo });

const bundles = signal<readonly MessageBundle[]>([COMMON_MESSAGES]);
const merged = computed(() => {
  const out: Record<Locale, Record<string, string>> = { ko: {}, en: {} };
  for (const bundle of bundles()) {
    Object.assign(out.ko, bundle.dictionaries.ko);
    Object.assign(out.en, bundle.dictionaries.en);
  }
  return out;
});

/** Adds a part's messages (once; loading a part twice changes nothing). */
export function registerMessages(bundle: MessageBundle): void {
  if (bundles().some((loaded) => loaded.id === bundle.id)) return;
  bundles.update((loaded) => [...loaded, bundle]);
}

/** Ids of the parts whose messages are loaded, in load order. */
export function loadedMessageParts(): readonly string[] {
  return bundles().map((bundle) => bundle.id);
}

/**
 * The text of `key` in `locale`. Reading it inside a template or `computed()` tracks both the
 * loaded parts and nothing else; a key whose part is not loaded yet reads as the key itself.
 */
export function messageText(locale: Locale, key: MessageKey): string {
  return merged()[locale][key] ?? key;
}

/** Every loaded message of one language by key (tracks loading like `messageText`). */
export function dictionary(locale: Locale): Dictionary<MessageKey> {
  return merged()[locale] as Dictionary<MessageKey>;
}

/**
 * Route providers that load a part's messages before its pages render:
 * `{ path: '', providers: [provideMessages(BOOKINGS_MESSAGES)], children: [...] }`.
 */
export function provideMessages(bundle: MessageBundle): EnvironmentProviders {
  return makeEnvironmentProviders([provideEnvironmentInitializer(() => registerMessages(bundle))]);
}

/** Wraps a part's routes so its messages are loaded before any of them renders. */
export function withMessages(bundle: MessageBundle, children: Routes): Routes {
  return [{ path: '', providers: [provideMessages(bundle)], children }];
}
