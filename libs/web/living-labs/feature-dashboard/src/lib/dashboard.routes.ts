import { withMessages } from '@madang/web/i18n';
import { LABS_MESSAGES, provideLabCharts } from '@madang/web/living-labs/util';
import { DashboardComponent } from './dashboard.component';

/** Response times per team and month; mounted at `labs/dashboard` (labs:manage). */
export const DASHBOARD_ROUTES = withMessages(LABS_MESSAGES, [
  { path: '', title: 'labs.dash.title', component: DashboardComponent, providers: [provideLabCharts()] },
]);
