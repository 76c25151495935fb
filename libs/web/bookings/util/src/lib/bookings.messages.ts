import { defineMessages } from '@madang/web/i18n';
import { bookingsEn } from './messages.en';
import { bookingsKo } from './messages.ko';

declare module '@madang/web/i18n' {
  interface MessageCatalogue {
    bookings: typeof bookingsEn;
  }
}

/** The catalogue, booking and approval pages' messages; every bookings route provides them. */
export const BOOKINGS_MESSAGES = defineMessages('bookings', { en: bookingsEn, ko: bookingsKo });
