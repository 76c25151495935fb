import { withMessages } from '@madang/web/i18n';
import { SETTLEMENT_MESSAGES } from '@madang/web/settlement/util';
import { ExpenseDetailComponent } from './expense-detail.component';
import { ExpenseListComponent } from './expense-list.component';
import { ExpenseRequestComponent } from './expense-request.component';

/** Expenses: the filtered list and one expense with its actions; mounted at `settlement/expenses`. */
export const EXPENSES_ROUTES = withMessages(SETTLEMENT_MESSAGES, [
  { path: '', title: 'settlement.expenses.title', component: ExpenseListComponent },
  { path: ':id', title: 'settlement.expense.title', component: ExpenseDetailComponent },
]);

/** 품의: the request form; mounted at `settlement/request`. */
export const REQUEST_EXPENSE_ROUTES = withMessages(SETTLEMENT_MESSAGES, [
  { path: '', title: 'settlement.request.title', component: ExpenseRequestComponent },
]);
