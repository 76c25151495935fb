import { withMessages } from '@madang/web/i18n';
import { RECRUITMENT_MESSAGES } from '@madang/web/recruitment/util';
import { ReviewComponent } from './review.component';
import { ReviewListComponent } from './review-list.component';

/** Mounted at `recruitment/reviews` (recruitment:review): my assignments, and one of them. */
export const REVIEW_ROUTES = withMessages(RECRUITMENT_MESSAGES, [
  { path: '', title: 'recruitment.reviews.title', component: ReviewListComponent },
  { path: ':assignmentId', title: 'recruitment.review.title', component: ReviewComponent },
]);
