import { defineMessages } from '@madang/web/i18n';
import { accountsEn } from './messages.en';
import { accountsKo } from './messages.ko';

declare module '@madang/web/i18n' {
  interface MessageCatalogue {
    accounts: typeof accountsEn;
  }
}

/** The accounts pages' messages (sign-in to audit); every accounts route provides them. */
export const ACCOUNTS_MESSAGES = defineMessages('accounts', { en: accountsEn, ko: accountsKo });
