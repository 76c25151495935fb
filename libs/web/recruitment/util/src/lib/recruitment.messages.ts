import { defineMessages } from '@madang/web/i18n';
import { recruitmentEn } from './messages.en';
import { recruitmentKo } from './messages.ko';

declare module '@madang/web/i18n' {
  interface MessageCatalogue {
    recruitment: typeof recruitmentEn;
  }
}

/** The recruitment pages' messages; every recruitment route provides them. */
export const RECRUITMENT_MESSAGES = defineMessages('recruitment', { en: recruitmentEn, ko: recruitmentKo });
