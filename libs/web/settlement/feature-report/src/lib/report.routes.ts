import { withMessages } from '@madang/web/i18n';
import { SETTLEMENT_MESSAGES } from '@madang/web/settlement/util';
import { PeriodReopenComponent } from './period-reopen.component';
import { ReportComponent } from './report.component';

/** The settlement report with downloads and period close; mounted at `settlement/report` (settlement:manage). */
export const REPORT_ROUTES = withMessages(SETTLEMENT_MESSAGES, [
  { path: '', title: 'settlement.report.title', component: ReportComponent },
]);

/** Reopening a closed period (admin, with a reason); mounted at `settlement/periods` (settlement:reopen). */
export const PERIOD_REOPEN_ROUTES = withMessages(SETTLEMENT_MESSAGES, [
  { path: '', title: 'settlement.reopen.title', component: PeriodReopenComponent },
]);
