import { defineMessages } from '@madang/web/i18n';
import { seriesEn } from './series.messages.en';
import { seriesKo } from './series.messages.ko';

declare module '@madang/web/i18n' {
  interface MessageCatalogue {
    series: typeof seriesEn;
  }
}

/** The recurring-series pages' messages, loaded with their routes. */
export const SERIES_MESSAGES = defineMessages('series', { en: seriesEn, ko: seriesKo });
