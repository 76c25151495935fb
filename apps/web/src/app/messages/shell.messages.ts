import { defineMessages } from '@madang/web/i18n';
import { shellEn } from './shell.en';
import { shellKo } from './shell.ko';

declare module '@madang/web/i18n' {
  interface MessageCatalogue {
    shell: typeof shellEn;
  }
}

/** The shell's own messages (toolbar, menu, home), loaded with the first page. */
export const SHELL_MESSAGES = defineMessages('shell', { en: shellEn, ko: shellKo });
