import { defineMessages } from '@madang/web/i18n';
import { notificationsEn } from './messages.en';
import { notificationsKo } from './messages.ko';

declare module '@madang/web/i18n' {
  interface MessageCatalogue {
    notifications: typeof notificationsEn;
  }
}

/** The bell's messages; the shell provides them with its own, since the bell is in every page's toolbar. */
export const NOTIFICATIONS_MESSAGES = defineMessages('notifications', {
  en: notificationsEn,
  ko: notificationsKo,
});
