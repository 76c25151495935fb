import { withMessages } from '@madang/web/i18n';
import { RECRUITMENT_MESSAGES } from '@madang/web/recruitment/util';
import {
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { provideCharts } from 'ng2-charts';
import { CallEditorComponent } from './call-editor.component';
import { CallManageComponent } from './call-manage.component';
import { CallsAdminComponent } from './calls-admin.component';
import { OverdueObligationsComponent } from './overdue-obligations.component';

/**
 * Staff pages (recruitment:manage), mounted at `recruitment/manage`: the calls, a new call, one
 * call's workbench (tabs). Chart.js comes with the workbench only.
 */
export const MANAGE_ROUTES = withMessages(RECRUITMENT_MESSAGES, [
  { path: '', title: 'recruitment.manage.title', component: CallsAdminComponent },
  { path: 'calls/new', title: 'recruitment.editor.newTitle', component: CallEditorComponent },
  {
    path: 'calls/:id',
    title: 'recruitment.manage.callTitle',
    component: CallManageComponent,
    providers: [
      provideCharts({
        registerables: [
          BarController,
          BarElement,
          LineController,
          LineElement,
          PointElement,
          CategoryScale,
          LinearScale,
          Legend,
          Tooltip,
        ],
      }),
    ],
  },
]);

/** Mounted at `recruitment/manage/obligations` (recruitment:manage): obligations past due. */
export const OBLIGATIONS_ROUTES = withMessages(RECRUITMENT_MESSAGES, [
  { path: '', title: 'recruitment.obligations.title', component: OverdueObligationsComponent },
]);
