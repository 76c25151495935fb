import { BOOKINGS_MESSAGES } from '@madang/web/bookings/util';
import { withMessages } from '@madang/web/i18n';
import { CatalogueComponent } from './catalogue.component';

export const CATALOGUE_ROUTES = withMessages(BOOKINGS_MESSAGES, [
  { path: '', title: 'catalogue.title', component: CatalogueComponent },
]);
