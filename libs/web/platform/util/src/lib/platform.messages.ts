import { defineMessages } from '@madang/web/i18n';
import { platformEn } from './messages.en';
import { platformKo } from './messages.ko';

declare module '@madang/web/i18n' {
  interface MessageCatalogue {
    platform: typeof platformEn;
  }
}

/** The platform admin pages' messages (background jobs); their routes provide them. */
export const PLATFORM_MESSAGES = defineMessages('platform', { en: platformEn, ko: platformKo });
