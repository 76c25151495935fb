import { withMessages } from '@madang/web/i18n';
import { RECRUITMENT_MESSAGES } from '@madang/web/recruitment/util';
import { CallListComponent } from './call-list.component';
import { CallPageComponent } from './call-page.component';

/** Public pages (no sign-in), mounted at `calls`: the list of open and past calls, and one call's page. */
export const PUBLIC_CALLS_ROUTES = withMessages(RECRUITMENT_MESSAGES, [
  { path: '', title: 'recruitment.public.title', component: CallListComponent },
  { path: ':id', title: 'recruitment.public.callTitle', component: CallPageComponent },
]);
