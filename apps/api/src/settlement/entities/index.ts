import { BankImportEntity, BankLineEntity, BankMappingEntity, BankMatchEntity } from './bank.entities';
import {
  BudgetAllocationEntity,
  BudgetAmendmentEntity,
  BudgetAmendmentItemEntity,
  BudgetCategoryEntity,
  BudgetLineEntity,
  FundingSourceEntity,
  ProgrammeApproverEntity,
  ProgrammeEntity,
} from './budget.entities';
import { ExpenseEntity, ExpenseEvidenceEntity, ExpenseSplitEntity } from './expense.entities';
import {
  BookingPaymentEntity,
  IncomeMappingEntity,
  InKindWaiverEntity,
  RentPostingEntity,
  RentScheduleEntity,
} from './income.entities';
import {
  FiscalPeriodEntity,
  FiscalYearEntity,
  JournalEntryEntity,
  JournalLineEntity,
  LedgerAccountEntity,
} from './ledger.entities';

/** Every settlement entity, for the entity list in `database/entities.ts`. */
export const SETTLEMENT_ENTITIES = [
  FiscalYearEntity,
  FiscalPeriodEntity,
  LedgerAccountEntity,
  JournalEntryEntity,
  JournalLineEntity,
  ProgrammeEntity,
  ProgrammeApproverEntity,
  FundingSourceEntity,
  BudgetCategoryEntity,
  BudgetLineEntity,
  BudgetAllocationEntity,
  BudgetAmendmentEntity,
  BudgetAmendmentItemEntity,
  ExpenseEntity,
  ExpenseSplitEntity,
  ExpenseEvidenceEntity,
  IncomeMappingEntity,
  BookingPaymentEntity,
  InKindWaiverEntity,
  RentScheduleEntity,
  RentPostingEntity,
  BankMappingEntity,
  BankImportEntity,
  BankLineEntity,
  BankMatchEntity,
];
