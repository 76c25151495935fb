import { BOOKINGS_MESSAGES } from '@madang/web/bookings/util';
import { withMessages } from '@madang/web/i18n';
import { MyBookingsComponent } from './my-bookings.component';

export const MY_BOOKINGS_ROUTES = withMessages(BOOKINGS_MESSAGES, [
  { path: '', title: 'bookings.title', component: MyBookingsComponent },
]);
