import { withMessages } from '@madang/web/i18n';
import { AssetDeskComponent } from './asset-desk.component';
import { CheckInComponent } from './check-in.component';
import { DeskComponent } from './desk.component';
import { DESK_MESSAGES } from './desk.messages';

/** The equipment desk; mounted at `desk` (needs bookings:decide). */
export const DESK_ROUTES = withMessages(DESK_MESSAGES, [
  { path: '', title: 'desk.title', component: DeskComponent },
]);

/** A kit's parts and out-of-service periods; mounted at `desk/assets/:id` (needs catalogue:manage). */
export const ASSET_DESK_ROUTES = withMessages(DESK_MESSAGES, [
  { path: '', title: 'assetDesk.title', component: AssetDeskComponent },
]);

/** Check-in of a booking; mounted at `bookings/:id/check-in` (the booker, or staff). */
export const CHECK_IN_ROUTES = withMessages(DESK_MESSAGES, [
  { path: '', title: 'checkIn.title', component: CheckInComponent },
]);
