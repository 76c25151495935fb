import { withMessages } from '@madang/web/i18n';
import { SETTLEMENT_MESSAGES } from '@madang/web/settlement/util';
import { SettlementHomeComponent } from './settlement-home.component';

/** The operations home ("what waits for me"); mounted at `settlement` (needs settlement:manage). */
export const SETTLEMENT_HOME_ROUTES = withMessages(SETTLEMENT_MESSAGES, [
  { path: '', title: 'settlement.home.title', component: SettlementHomeComponent },
]);
