import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../platform/audit/audit.module';
import { FilesService } from '../platform/files/files.service';
import { EXPENSE_OWNER, ExpenseFilesPolicy } from './expense-files.policy';
import { BankRepository } from './bank.repository';
import { BankService } from './bank.service';
import { SettlementBudgetController } from './budget.controller';
import { BudgetRepository } from './budget.repository';
import { BudgetService } from './budget.service';
import { SettlementExpensesController } from './expenses.controller';
import { ExpensesRepository } from './expenses.repository';
import { ExpensesService } from './expenses.service';
import { IncomeRepository } from './income.repository';
import { IncomeService } from './income.service';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';
import { SettlementMoneyController } from './money.controller';
import { ReportService } from './report.service';
import { SettlementAccess } from './settlement-access';
import { SettlementScopeGuard } from './settlement-scope.guard';
import { SettlementJobs } from './settlement-jobs';
import { SettlementMeController } from './settlement-me.controller';

/**
 * Budget settlement: ledger, budgets, expenses, booking income, bank reconciliation, reports.
 * Other domains may call only `IncomeService` (post a booking payment, record a waiver, schedule
 * an agreement's rent) and `ReportService` (the report as data, for the export service).
 */
@Module({
  imports: [AuditModule],
  controllers: [
    SettlementMeController,
    SettlementBudgetController,
    SettlementExpensesController,
    SettlementMoneyController,
  ],
  providers: [
    SettlementAccess,
    SettlementScopeGuard,
    LedgerRepository,
    BudgetRepository,
    ExpensesRepository,
    IncomeRepository,
    BankRepository,
    LedgerService,
    BudgetService,
    ExpensesService,
    IncomeService,
    BankService,
    ReportService,
    SettlementJobs,
    ExpenseFilesPolicy,
  ],
  exports: [IncomeService, ReportService],
})
export class SettlementModule implements OnModuleInit {
  constructor(
    private readonly files: FilesService,
    private readonly expenseFiles: ExpenseFilesPolicy,
  ) {}

  /** Evidence files of expenses go through the house's file service (owner type `expense`). */
  onModuleInit(): void {
    this.files.registerOwner(EXPENSE_OWNER, this.expenseFiles);
  }
}
