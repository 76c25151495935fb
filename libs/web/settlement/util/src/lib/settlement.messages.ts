import { defineMessages } from '@madang/web/i18n';
import { settlementEn } from './messages.en';
import { settlementKo } from './messages.ko';

declare module '@madang/web/i18n' {
  interface MessageCatalogue {
    settlement: typeof settlementEn;
  }
}

/** The settlement pages' messages; every settlement route provides them. */
export const SETTLEMENT_MESSAGES = defineMessages('settlement', { en: settlementEn, ko: settlementKo });
