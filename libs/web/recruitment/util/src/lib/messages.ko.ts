import type { recruitmentEn } from './messages.en';

/** Korean. Messages of the recruitment pages, loaded with their routes. Typed by the English keys: a missing or extra key fails the compile. */
export const recruitmentKo: Readonly<Record<keyof typeof recruitmentEn, string>> = {
  'recruitment.calls.title': '공모',
};
