import { withMessages } from '@madang/web/i18n';
import { SETTLEMENT_MESSAGES } from '@madang/web/settlement/util';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { provideCharts } from 'ng2-charts';
import { ProgrammeComponent } from './programme.component';

/**
 * One programme's budget and execution; mounted at `settlement/programmes/:id`. Chart.js comes
 * with this route only, registered with just the bar and doughnut parts the app's charts use.
 */
export const PROGRAMME_ROUTES = withMessages(SETTLEMENT_MESSAGES, [
  {
    path: '',
    title: 'settlement.programme.title',
    component: ProgrammeComponent,
    providers: [
      provideCharts({
        registerables: [
          BarController,
          BarElement,
          CategoryScale,
          LinearScale,
          DoughnutController,
          ArcElement,
          Legend,
          Tooltip,
        ],
      }),
    ],
  },
]);
