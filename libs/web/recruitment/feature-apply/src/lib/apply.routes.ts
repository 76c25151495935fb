import { withMessages } from '@madang/web/i18n';
import { RECRUITMENT_MESSAGES } from '@madang/web/recruitment/util';
import { ApplicationComponent } from './application.component';
import { ApplyComponent } from './apply.component';
import { MyApplicationsComponent } from './my-applications.component';

/** Mounted at `recruitment/applications`: my applications, and one of them (draft editor or status). */
export const MY_APPLICATIONS_ROUTES = withMessages(RECRUITMENT_MESSAGES, [
  { path: '', title: 'recruitment.mine.title', component: MyApplicationsComponent },
  { path: ':id', title: 'recruitment.application.title', component: ApplicationComponent },
]);

/** Mounted at `recruitment/apply/:callId`: choose the group to apply for, then the draft opens. */
export const APPLY_ROUTES = withMessages(RECRUITMENT_MESSAGES, [
  { path: '', title: 'recruitment.apply.title', component: ApplyComponent },
]);
