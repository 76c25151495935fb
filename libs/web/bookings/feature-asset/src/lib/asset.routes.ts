import { BOOKINGS_MESSAGES } from '@madang/web/bookings/util';
import { withMessages } from '@madang/web/i18n';
import { AssetDetailComponent } from './asset-detail.component';

/** Mounted at `catalogue/:id`; the page reads `id` from the parent route. */
export const ASSET_ROUTES = withMessages(BOOKINGS_MESSAGES, [
  { path: '', title: 'catalogue.title', component: AssetDetailComponent },
]);
