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
import { BudgetLineEntity } from './budget.entities';
import { JournalEntryEntity } from './ledger.entities';

/** Which budget line a catalogue category's booking income goes to (asset category id: plain uuid). */
@Entity({ name: 'income_mappings' })
export class IncomeMappingEntity {
  @PrimaryColumn({
    name: 'asset_category_id',
    type: 'uuid',
    primaryKeyConstraintName: 'income_mappings_pkey',
  })
  assetCategoryId!: string;

  @Column({ name: 'budget_line_id', type: 'uuid' })
  budgetLineId!: string;

  @ManyToOne(() => BudgetLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id', foreignKeyConstraintName: 'income_mappings_budget_line_id_fkey' })
  budgetLine?: BudgetLineEntity;
}

/** Money received or paid back for a booking (booking id: plain uuid, owned by bookings). */
@Entity({ name: 'booking_payments' })
@Index('booking_payments_booking_idx', ['bookingId'])
@Index('booking_payments_reference_key', ['method', 'reference'], {
  unique: true,
  where: `"reference" <> ''`,
})
@Check(
  'booking_payments_kind_check',
  `"kind" IN ('fee', 'deposit', 'deposit_return', 'deposit_kept', 'cancellation_fee', 'refund')`,
)
@Check('booking_payments_method_check', `"method" IN ('bank_transfer', 'card', 'cash')`)
@Check('booking_payments_amount_check', `"amount" > 0`)
export class BookingPaymentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'booking_payments_pkey' })
  id!: string;

  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'text', default: '' })
  reference!: string;

  @Column({ name: 'payer_name', type: 'text', default: '' })
  payerName!: string;

  @Column({ type: 'bigint' })
  amount!: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  @Column({ name: 'budget_line_id', type: 'uuid', nullable: true })
  budgetLineId!: string | null;

  @ManyToOne(() => BudgetLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id', foreignKeyConstraintName: 'booking_payments_budget_line_id_fkey' })
  budgetLine?: BudgetLineEntity;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  @ManyToOne(() => JournalEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'booking_payments_entry_id_fkey' })
  entry?: JournalEntryEntity;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'booking_payments_recorded_by_fkey' })
  recorder?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A waived fee recorded as in-kind support at the quote's value, with who waived it and why. */
@Entity({ name: 'in_kind_waivers' })
@Index('in_kind_waivers_booking_key', ['bookingId'], { unique: true })
@Check('in_kind_waivers_value_check', `"value" > 0`)
export class InKindWaiverEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'in_kind_waivers_pkey' })
  id!: string;

  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @Column({ type: 'bigint' })
  value!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'budget_line_id', type: 'uuid', nullable: true })
  budgetLineId!: string | null;

  @ManyToOne(() => BudgetLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id', foreignKeyConstraintName: 'in_kind_waivers_budget_line_id_fkey' })
  budgetLine?: BudgetLineEntity;

  @Column({ name: 'waived_by', type: 'uuid' })
  waivedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'waived_by', foreignKeyConstraintName: 'in_kind_waivers_waived_by_fkey' })
  waiver?: UserEntity;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  @ManyToOne(() => JournalEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'in_kind_waivers_entry_id_fkey' })
  entry?: JournalEntryEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Rent of an occupancy agreement (agreement id: plain uuid, owned by recruitment), posted monthly. */
@Entity({ name: 'rent_schedules' })
@Index('rent_schedules_agreement_key', ['agreementId'], { unique: true })
@Check('rent_schedules_amount_check', `"monthly_amount" > 0`)
@Check('rent_schedules_range_check', `"ends_on" >= "starts_on"`)
export class RentScheduleEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'rent_schedules_pkey' })
  id!: string;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @Column({ name: 'budget_line_id', type: 'uuid' })
  budgetLineId!: string;

  @ManyToOne(() => BudgetLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id', foreignKeyConstraintName: 'rent_schedules_budget_line_id_fkey' })
  budgetLine?: BudgetLineEntity;

  @Column({ name: 'monthly_amount', type: 'bigint' })
  monthlyAmount!: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'rent_schedules_created_by_fkey' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** One month of rent posted (at most once per schedule and month). */
@Entity({ name: 'rent_postings' })
export class RentPostingEntity {
  @PrimaryColumn({ name: 'schedule_id', type: 'uuid', primaryKeyConstraintName: 'rent_postings_pkey' })
  scheduleId!: string;

  @PrimaryColumn({ name: 'month', type: 'date', primaryKeyConstraintName: 'rent_postings_pkey' })
  month!: string;

  @ManyToOne(() => RentScheduleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'schedule_id', foreignKeyConstraintName: 'rent_postings_schedule_id_fkey' })
  schedule?: RentScheduleEntity;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  @ManyToOne(() => JournalEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'rent_postings_entry_id_fkey' })
  entry?: JournalEntryEntity;
}
