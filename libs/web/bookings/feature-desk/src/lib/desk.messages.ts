import { defineMessages } from '@madang/web/i18n';
import { deskEn } from './desk.en';
import { deskKo } from './desk.ko';

declare module '@madang/web/i18n' {
  interface MessageCatalogue {
    desk: typeof deskEn;
  }
}

/** The desk pages' messages (hand-out, return, check-in, kit parts, out of service). */
export const DESK_MESSAGES = defineMessages('desk', { en: deskEn, ko: deskKo });
