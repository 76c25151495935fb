import { BOOKINGS_MESSAGES } from '@madang/web/bookings/util';
import { withMessages } from '@madang/web/i18n';
import { ApprovalQueueComponent } from './approval-queue.component';
import { ApproverDayComponent } from './approver-day.component';

/** The approval queue; mounted at `approvals` (needs bookings.decide). */
export const APPROVAL_QUEUE_ROUTES = withMessages(BOOKINGS_MESSAGES, [
  { path: '', title: 'approvals.title', component: ApprovalQueueComponent },
]);

/** Everybody's bookings of one day; mounted at `approvals/day` (needs bookings.read.all). */
export const APPROVER_DAY_ROUTES = withMessages(BOOKINGS_MESSAGES, [
  { path: '', title: 'day.title', component: ApproverDayComponent },
]);
