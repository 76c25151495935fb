import { withMessages } from '@madang/web/i18n';
import { SETTLEMENT_MESSAGES } from '@madang/web/settlement/util';
import { BankComponent } from './bank.component';

/** Bank reconciliation: statement import, auto-match and matching by hand; mounted at `settlement/bank`. */
export const BANK_ROUTES = withMessages(SETTLEMENT_MESSAGES, [
  { path: '', title: 'settlement.bank.title', component: BankComponent },
]);
