import { withMessages } from '@madang/web/i18n';
import { SETTLEMENT_MESSAGES } from '@madang/web/settlement/util';
import { ExpenseDetailComponent } from './expense-detail.component';
import { ExpenseListComponent } from './expense-list.component';

/** Expenses: the filtered list and one expense with its actions; mounted at `settlement/expenses`. */
export const EXPENSES_ROUTES = withMessages(SETTLEMENT_MESSAGES, [
  { path: '', title: 'settlement.expenses.title', component: ExpenseListComponent },
  { path: ':id', title: 'settlement.expense.title', component: ExpenseDetailComponent },
]);
