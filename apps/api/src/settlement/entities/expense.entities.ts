import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../../auth/user.entity';
import { BudgetLineEntity, FundingSourceEntity, ProgrammeEntity } from './budget.entities';
import { JournalEntryEntity } from './ledger.entities';

/**
 * An expense (지출) through its state machine. The database refuses a verification by the
 * requester or the same person twice, and a verified expense without both verifications.
 */
@Entity({ name: 'expenses' })
@Index('expenses_programme_state_idx', ['programmeId', 'state'])
@Index('expenses_line_idx', ['budgetLineId'])
@Index('expenses_requested_by_idx', ['requestedBy'])
@Check(
  'expenses_state_check',
  `"state" IN ('requested', 'approved', 'paid', 'evidence_complete', 'verified', 'rejected', 'evidence_missing', 'disallowed')`,
)
@Check('expenses_evidence_type_check', `"evidence_type" IN ('e_tax_invoice', 'card_slip', 'other')`)
@Check('expenses_amount_check', `"amount" > 0`)
@Check(
  'expenses_disallowed_check',
  `"disallowed_amount" BETWEEN 0 AND "amount" AND ("disallowed_amount" = 0 OR "disallowed_reason" IS NOT NULL)`,
)
@Check(
  'expenses_verifiers_check',
  `"substantive_verified_by" IS DISTINCT FROM "requested_by" AND "financial_verified_by" IS DISTINCT FROM "requested_by" AND ("substantive_verified_by" IS NULL OR "substantive_verified_by" IS DISTINCT FROM "financial_verified_by")`,
)
@Check(
  'expenses_verified_check',
  `"state" <> 'verified' OR ("substantive_verified_by" IS NOT NULL AND "financial_verified_by" IS NOT NULL)`,
)
@Check('expenses_paid_check', `("paid_entry_id" IS NULL) = ("paid_at" IS NULL)`)
export class ExpenseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'expenses_pkey' })
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'expenses_programme_id_fkey' })
  programme?: ProgrammeEntity;

  @Column({ name: 'budget_line_id', type: 'uuid' })
  budgetLineId!: string;

  @ManyToOne(() => BudgetLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id', foreignKeyConstraintName: 'expenses_budget_line_id_fkey' })
  budgetLine?: BudgetLineEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'bigint' })
  amount!: string;

  @Column({ type: 'text', default: 'requested' })
  state!: string;

  @Column({ name: 'expense_date', type: 'date' })
  expenseDate!: string;

  @Column({ name: 'payee_name', type: 'text' })
  payeeName!: string;

  @Column({ name: 'payee_account', type: 'text', nullable: true })
  payeeAccount!: string | null;

  @Column({ name: 'evidence_type', type: 'text' })
  evidenceType!: string;

  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId!: string | null;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  @Column({ name: 'agreement_id', type: 'uuid', nullable: true })
  agreementId!: string | null;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'expenses_requested_by_fkey' })
  requester?: UserEntity;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'expenses_approved_by_fkey' })
  approver?: UserEntity;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Column({ name: 'paid_entry_id', type: 'uuid', nullable: true })
  paidEntryId!: string | null;

  @ManyToOne(() => JournalEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'paid_entry_id', foreignKeyConstraintName: 'expenses_paid_entry_id_fkey' })
  paidEntry?: JournalEntryEntity;

  @Column({ name: 'substantive_verified_by', type: 'uuid', nullable: true })
  substantiveVerifiedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'substantive_verified_by',
    foreignKeyConstraintName: 'expenses_substantive_verified_by_fkey',
  })
  substantiveVerifier?: UserEntity;

  @Column({ name: 'substantive_verified_at', type: 'timestamptz', nullable: true })
  substantiveVerifiedAt!: Date | null;

  @Column({ name: 'financial_verified_by', type: 'uuid', nullable: true })
  financialVerifiedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'financial_verified_by',
    foreignKeyConstraintName: 'expenses_financial_verified_by_fkey',
  })
  financialVerifier?: UserEntity;

  @Column({ name: 'financial_verified_at', type: 'timestamptz', nullable: true })
  financialVerifiedAt!: Date | null;

  @Column({ name: 'disallowed_amount', type: 'bigint', default: 0 })
  disallowedAmount!: string;

  @Column({ name: 'disallowed_reason', type: 'text', nullable: true })
  disallowedReason!: string | null;

  @Column({ name: 'state_reason', type: 'text', nullable: true })
  stateReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** How an expense is split across the programme's funding sources (sums to the amount). */
@Entity({ name: 'expense_splits' })
@Check('expense_splits_amount_check', `"amount" >= 0`)
export class ExpenseSplitEntity {
  @PrimaryColumn({ name: 'expense_id', type: 'uuid', primaryKeyConstraintName: 'expense_splits_pkey' })
  expenseId!: string;

  @PrimaryColumn({ name: 'funding_source_id', type: 'uuid', primaryKeyConstraintName: 'expense_splits_pkey' })
  fundingSourceId!: string;

  @ManyToOne(() => ExpenseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'expense_id', foreignKeyConstraintName: 'expense_splits_expense_id_fkey' })
  expense?: ExpenseEntity;

  @ManyToOne(() => FundingSourceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'funding_source_id',
    foreignKeyConstraintName: 'expense_splits_funding_source_id_fkey',
  })
  source?: FundingSourceEntity;

  @Column({ type: 'bigint' })
  amount!: string;
}

/** An evidence item provided for an expense (a file id from the house's file service, or a note). */
@Entity({ name: 'expense_evidence' })
export class ExpenseEvidenceEntity {
  @PrimaryColumn({ name: 'expense_id', type: 'uuid', primaryKeyConstraintName: 'expense_evidence_pkey' })
  expenseId!: string;

  @PrimaryColumn({ name: 'item', type: 'text', primaryKeyConstraintName: 'expense_evidence_pkey' })
  item!: string;

  @ManyToOne(() => ExpenseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'expense_id', foreignKeyConstraintName: 'expense_evidence_expense_id_fkey' })
  expense?: ExpenseEntity;

  @Column({ name: 'file_id', type: 'uuid', nullable: true })
  fileId!: string | null;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ name: 'provided_by', type: 'uuid' })
  providedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provided_by', foreignKeyConstraintName: 'expense_evidence_provided_by_fkey' })
  provider?: UserEntity;

  @CreateDateColumn({ name: 'provided_at', type: 'timestamptz' })
  providedAt!: Date;
}
