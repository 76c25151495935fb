import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../../auth/user.entity';

/** A fiscal year (회계연도); its months are the periods that close. */
@Entity({ name: 'fiscal_years' })
@Index('fiscal_years_year_key', ['year'], { unique: true })
@Check('fiscal_years_range_check', `"ends_on" > "starts_on"`)
export class FiscalYearEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'fiscal_years_pkey' })
  id!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A month of a fiscal year. Closed periods refuse every posting dated inside them (trigger). */
@Entity({ name: 'fiscal_periods' })
@Index('fiscal_periods_year_month_key', ['fiscalYearId', 'month'], { unique: true })
@Index('fiscal_periods_range_idx', ['startsOn', 'endsOn'])
@Check('fiscal_periods_month_check', `"month" BETWEEN 1 AND 12`)
@Check('fiscal_periods_range_check', `"ends_on" >= "starts_on"`)
@Check('fiscal_periods_closed_check', `("closed_at" IS NULL) = ("closed_by" IS NULL)`)
export class FiscalPeriodEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'fiscal_periods_pkey' })
  id!: string;

  @Column({ name: 'fiscal_year_id', type: 'uuid' })
  fiscalYearId!: string;

  @ManyToOne(() => FiscalYearEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'fiscal_periods_fiscal_year_id_fkey' })
  fiscalYear?: FiscalYearEntity;

  @Column({ type: 'integer' })
  month!: number;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'closed_by', foreignKeyConstraintName: 'fiscal_periods_closed_by_fkey' })
  closer?: UserEntity;
}

/** Chart of accounts. Kinds: asset, liability, income, expense, equity, in_kind. */
@Entity({ name: 'ledger_accounts' })
@Index('ledger_accounts_code_key', ['code'], { unique: true })
@Check(
  'ledger_accounts_kind_check',
  `"kind" IN ('asset', 'liability', 'income', 'expense', 'equity', 'in_kind')`,
)
export class LedgerAccountEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'ledger_accounts_pkey' })
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'name_ko', type: 'text' })
  nameKo!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;
}

/**
 * A journal entry. Its lines must sum to zero at commit (deferred constraint trigger); entries and
 * lines never change (trigger); a correction is a new entry that `reverses` the old one.
 */
@Entity({ name: 'journal_entries' })
@Index('journal_entries_date_idx', ['entryDate'])
@Index('journal_entries_source_idx', ['source', 'sourceId'])
@Index('journal_entries_reverses_key', ['reversesId'], { unique: true, where: `"reverses_id" IS NOT NULL` })
@Check(
  'journal_entries_source_check',
  `"source" IN ('expense', 'booking_fee', 'deposit', 'refund', 'bank_line', 'manual', 'rent', 'interest', 'reversal', 'disallowance', 'in_kind')`,
)
export class JournalEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'journal_entries_pkey' })
  id!: string;

  @Column({ name: 'entry_date', type: 'date' })
  entryDate!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'source_id', type: 'uuid', nullable: true })
  sourceId!: string | null;

  @Column({ type: 'text', default: '' })
  memo!: string;

  @Column({ name: 'posted_by', type: 'uuid' })
  postedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'posted_by', foreignKeyConstraintName: 'journal_entries_posted_by_fkey' })
  poster?: UserEntity;

  @CreateDateColumn({ name: 'posted_at', type: 'timestamptz' })
  postedAt!: Date;

  @Column({ name: 'reverses_id', type: 'uuid', nullable: true })
  reversesId!: string | null;

  @ManyToOne(() => JournalEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reverses_id', foreignKeyConstraintName: 'journal_entries_reverses_id_fkey' })
  reverses?: JournalEntryEntity;
}

/**
 * One line: a signed amount in won (debit positive, credit negative) on an account, with the
 * budget dimensions the reports group by.
 */
@Entity({ name: 'journal_lines' })
@Index('journal_lines_entry_idx', ['entryId'])
@Index('journal_lines_programme_idx', ['programmeId', 'accountId'])
@Index('journal_lines_budget_line_idx', ['budgetLineId'])
@Check('journal_lines_amount_check', `"amount" <> 0`)
export class JournalLineEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'journal_lines_pkey' })
  id!: string;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  @ManyToOne(() => JournalEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'journal_lines_entry_id_fkey' })
  entry?: JournalEntryEntity;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => LedgerAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'journal_lines_account_id_fkey' })
  account?: LedgerAccountEntity;

  @Column({ type: 'bigint' })
  amount!: string;

  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId!: string | null;

  @Column({ name: 'budget_line_id', type: 'uuid', nullable: true })
  budgetLineId!: string | null;

  @Column({ name: 'funding_source_id', type: 'uuid', nullable: true })
  fundingSourceId!: string | null;

  @Column({ name: 'expense_id', type: 'uuid', nullable: true })
  expenseId!: string | null;
}
