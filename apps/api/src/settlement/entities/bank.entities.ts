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
} from 'typeorm';
import { UserEntity } from '../../auth/user.entity';
import { ExpenseEntity } from './expense.entities';
import { BookingPaymentEntity } from './income.entities';
import { JournalEntryEntity } from './ledger.entities';

/** A saved column mapping per bank (header names of date, amount columns, …). */
@Entity({ name: 'bank_mappings' })
export class BankMappingEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'bank_mappings_pkey' })
  bank!: string;

  @Column({ type: 'jsonb' })
  mapping!: Record<string, unknown>;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'bank_mappings_updated_by_fkey' })
  updater?: UserEntity;
}

/** One imported statement file; the file's sha256 makes a second import of it a no-op. */
@Entity({ name: 'bank_imports' })
@Index('bank_imports_sha256_key', ['fileSha256'], { unique: true })
export class BankImportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'bank_imports_pkey' })
  id!: string;

  @Column({ type: 'text' })
  bank!: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'file_sha256', type: 'text' })
  fileSha256!: string;

  @Column({ type: 'text' })
  encoding!: string;

  @Column({ name: 'line_count', type: 'integer' })
  lineCount!: number;

  @Column({ name: 'imported_by', type: 'uuid' })
  importedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'imported_by', foreignKeyConstraintName: 'bank_imports_imported_by_fkey' })
  importer?: UserEntity;

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt!: Date;
}

/** A statement line (deposits positive, withdrawals negative); row hash unique across imports. */
@Entity({ name: 'bank_lines' })
@Index('bank_lines_row_hash_key', ['rowHash'], { unique: true })
@Index('bank_lines_date_amount_idx', ['lineDate', 'amount'])
@Index('bank_lines_import_idx', ['importId'])
@Check('bank_lines_amount_check', `"amount" <> 0`)
export class BankLineEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'bank_lines_pkey' })
  id!: string;

  @Column({ name: 'import_id', type: 'uuid' })
  importId!: string;

  @ManyToOne(() => BankImportEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'bank_lines_import_id_fkey' })
  import?: BankImportEntity;

  @Column({ name: 'row_hash', type: 'text' })
  rowHash!: string;

  @Column({ name: 'line_date', type: 'date' })
  lineDate!: string;

  @Column({ type: 'bigint' })
  amount!: string;

  @Column({ type: 'text', default: '' })
  counterparty!: string;

  @Column({ type: 'text', default: '' })
  memo!: string;

  @Column({ type: 'bigint', nullable: true })
  balance!: string | null;
}

/** How a statement line was reconciled: to an expense, a payment, or posted as interest/other. */
@Entity({ name: 'bank_matches' })
@Index('bank_matches_expense_key', ['expenseId'], { unique: true, where: `"expense_id" IS NOT NULL` })
@Index('bank_matches_payment_key', ['paymentId'], { unique: true, where: `"payment_id" IS NOT NULL` })
@Check('bank_matches_target_check', `"target" IN ('expense', 'payment', 'interest', 'other')`)
@Check('bank_matches_method_check', `"method" IN ('auto', 'manual')`)
@Check(
  'bank_matches_target_ids_check',
  `("target" = 'expense') = ("expense_id" IS NOT NULL) AND ("target" = 'payment') = ("payment_id" IS NOT NULL)`,
)
export class BankMatchEntity {
  @PrimaryColumn({ name: 'bank_line_id', type: 'uuid', primaryKeyConstraintName: 'bank_matches_pkey' })
  bankLineId!: string;

  @ManyToOne(() => BankLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bank_line_id', foreignKeyConstraintName: 'bank_matches_bank_line_id_fkey' })
  bankLine?: BankLineEntity;

  @Column({ type: 'text' })
  target!: string;

  @Column({ type: 'text' })
  method!: string;

  @Column({ name: 'expense_id', type: 'uuid', nullable: true })
  expenseId!: string | null;

  @ManyToOne(() => ExpenseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'expense_id', foreignKeyConstraintName: 'bank_matches_expense_id_fkey' })
  expense?: ExpenseEntity;

  @Column({ name: 'payment_id', type: 'uuid', nullable: true })
  paymentId!: string | null;

  @ManyToOne(() => BookingPaymentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payment_id', foreignKeyConstraintName: 'bank_matches_payment_id_fkey' })
  payment?: BookingPaymentEntity;

  @Column({ name: 'entry_id', type: 'uuid', nullable: true })
  entryId!: string | null;

  @ManyToOne(() => JournalEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'bank_matches_entry_id_fkey' })
  entry?: JournalEntryEntity;

  @Column({ name: 'matched_by', type: 'uuid' })
  matchedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'matched_by', foreignKeyConstraintName: 'bank_matches_matched_by_fkey' })
  matcher?: UserEntity;

  @Column({ type: 'text', default: '' })
  note!: string;

  @CreateDateColumn({ name: 'matched_at', type: 'timestamptz' })
  matchedAt!: Date;
}
