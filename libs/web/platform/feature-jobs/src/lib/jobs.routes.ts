import { withMessages } from '@madang/web/i18n';
import { PLATFORM_MESSAGES } from '@madang/web/platform/util';
import { JobsComponent } from './jobs.component';

/** Background-job health; mounted at `admin/jobs` (needs jobs:read). */
export const JOBS_ROUTES = withMessages(PLATFORM_MESSAGES, [
  { path: '', title: 'jobs.title', component: JobsComponent },
]);
