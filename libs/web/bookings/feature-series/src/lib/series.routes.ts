import { BOOKINGS_MESSAGES } from '@madang/web/bookings/util';
import { withMessages } from '@madang/web/i18n';
import { SERIES_MESSAGES } from './series.messages';
import { SeriesDetailComponent } from './series-detail.component';
import { SeriesNewComponent } from './series-new.component';
import { SeriesListComponent } from './series-list.component';

/** `/bookings/series` (mine), `/bookings/series/new?asset=…` and `/bookings/series/:id`. */
export const SERIES_ROUTES = withMessages(
  BOOKINGS_MESSAGES,
  withMessages(SERIES_MESSAGES, [
    { path: '', pathMatch: 'full', title: 'series.listTitle', component: SeriesListComponent },
    { path: 'new', title: 'series.newTitle', component: SeriesNewComponent },
    { path: ':id', title: 'series.detailTitle', component: SeriesDetailComponent },
  ]),
);
