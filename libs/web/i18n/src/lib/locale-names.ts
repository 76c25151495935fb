import type { Locale } from '@madang/contracts';

/** Each language named in itself (shown with a matching `lang` attribute). */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { ko: '한국어', en: 'English' };
