import { withMessages } from '@madang/web/i18n';
import { SETTLEMENT_MESSAGES } from '@madang/web/settlement/util';
import { BankComponent } from './bank.component';
import { IncomeComponent } from './income.component';

/** Bank reconciliation: statement import, auto-match and matching by hand; mounted at `settlement/bank`. */
export const BANK_ROUTES = withMessages(SETTLEMENT_MESSAGES, [
  { path: '', title: 'settlement.bank.title', component: BankComponent },
]);

/** Rental income: unpaid approved bookings and recording their payments; mounted at `settlement/income`. */
export const INCOME_ROUTES = withMessages(SETTLEMENT_MESSAGES, [
  { path: '', title: 'settlement.income.title', component: IncomeComponent },
]);
