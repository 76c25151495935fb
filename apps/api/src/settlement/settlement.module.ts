import { Module } from '@nestjs/common';
import { AuditModule } from '../platform/audit/audit.module';
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
import { ExcelSettlementReportExporter, SettlementReportExporter } from './report-export';
import { ReportService } from './report.service';
import { SettlementAccess } from './settlement-access';
import { SettlementScopeGuard } from './settlement-scope.guard';

/**
 * Budget settlement: ledger, budgets, expenses, booking income, bank reconciliation, reports.
 * Other domains may call only `IncomeService` (post a booking payment, record a waiver, schedule
 * an agreement's rent) and `ReportService` (the report as data, for the export service).
 */
@Module({
  imports: [AuditModule],
  controllers: [SettlementBudgetController, SettlementExpensesController, SettlementMoneyController],
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
    // The house's export service replaces this binding after the merge (CSV and PDF too).
    { provide: SettlementReportExporter, useClass: ExcelSettlementReportExporter },
  ],
  exports: [IncomeService, ReportService],
})
export class SettlementModule {}
