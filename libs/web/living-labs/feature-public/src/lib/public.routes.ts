import { withMessages } from '@madang/web/i18n';
import { LABS_MESSAGES, provideLabCharts } from '@madang/web/living-labs/util';
import { ArchiveComponent } from './archive.component';
import { SharedProjectComponent } from './shared-project.component';

/** The public living-lab archive with its summary charts; mounted at `labs`, no sign-in. */
export const ARCHIVE_ROUTES = withMessages(LABS_MESSAGES, [
  { path: '', title: 'labs.archive.title', component: ArchiveComponent, providers: [provideLabCharts()] },
]);

/** A shared project's public page; mounted at `labs/shared/:id`, no sign-in. */
export const SHARED_PROJECT_ROUTES = withMessages(LABS_MESSAGES, [
  {
    path: '',
    title: 'labs.archive.title',
    component: SharedProjectComponent,
    providers: [provideLabCharts()],
  },
]);
