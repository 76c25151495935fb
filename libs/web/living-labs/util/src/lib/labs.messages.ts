import { defineMessages } from '@madang/web/i18n';
import { labsEn } from './messages.en';
import { labsKo } from './messages.ko';

declare module '@madang/web/i18n' {
  interface MessageCatalogue {
    labs: typeof labsEn;
  }
}

/** The living-lab pages' messages; every living-lab route provides them. */
export const LABS_MESSAGES = defineMessages('labs', { en: labsEn, ko: labsKo });
