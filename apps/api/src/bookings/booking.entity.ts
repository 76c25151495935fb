import type { BlockReason, BookingKind, Decision, PaymentStatus, Quote } from '@madang/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { GroupEntity } from '../groups/group.entity';

/**
 * A booking request. Three separate axes: does it hold its slot (`holds_slot`), the decision, and
 * the money (`payment_status`). `holds_slot` is copied to the items by a trigger, where the
 * exclusion constraint and the pool trigger enforce it.
 */
@Entity({ name: 'bookings' })
@Index('bookings_requester_start_idx', ['requesterId', 'startAt'])
@Index('bookings_group_start_idx', ['groupId', 'startAt'])
@Index('bookings_decision_created_idx', ['decision', 'createdAt'])
@Index('bookings_requester_idempotency_key', ['requesterId', 'idempotencyKey'], {
  unique: true,
  where: `"idempotency_key" IS NOT NULL`,
})
@Check('bookings_range_check', `"end_at" > "start_at"`)
@Check('bookings_decision_check', `"decision" IN ('pending', 'approved', 'rejected', 'cancelled')`)
@Check(
  'bookings_payment_status_check',
  `"payment_status" IN ('quoted', 'invoiced', 'paid', 'waived', 'refunded')`,
)
@Check('bookings_holds_slot_check', `NOT "holds_slot" OR "decision" IN ('pending', 'approved')`)
@Check('bookings_money_check', `"quoted_total" >= 0 AND "cancellation_fee" >= 0`)
@Check('bookings_attendees_check', `"attendees" >= 0`)
@Check('bookings_kind_check', `"kind" IN ('request', 'block')`)
@Check(
  'bookings_block_reason_check',
  `("kind" = 'block') = ("block_reason" IS NOT NULL) AND ("block_reason" IS NULL OR "block_reason" IN ('maintenance', 'repair', 'residency', 'experiment', 'event', 'other'))`,
)
@Check(
  'bookings_source_check',
  `("source_type" IS NULL) = ("source_id" IS NULL) AND ("source_type" IS NULL OR "kind" = 'block')`,
)
@Check(
  'bookings_block_free_check',
  `"kind" = 'request' OR ("quoted_total" = 0 AND "cancellation_fee" = 0 AND "attendees" = 0 AND "decision" IN ('approved', 'cancelled'))`,
)
@Index('bookings_source_idx', ['sourceType', 'sourceId'], { where: `"source_id" IS NOT NULL` })
export class BookingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'bookings_pkey' })
  id!: string;

  @Column({ name: 'requester_id', type: 'uuid' })
  requesterId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requester_id', foreignKeyConstraintName: 'bookings_requester_id_fkey' })
  requester?: UserEntity;

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  @ManyToOne(() => GroupEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'bookings_group_id_fkey' })
  group?: GroupEntity;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ name: 'purpose_tag', type: 'text', nullable: true })
  purposeTag!: string | null;

  @Column({ type: 'integer' })
  attendees!: number;

  @Column({ name: 'start_at', type: 'timestamptz' })
  startAt!: Date;

  @Column({ name: 'end_at', type: 'timestamptz' })
  endAt!: Date;

  @Column({ name: 'holds_slot', type: 'boolean' })
  holdsSlot!: boolean;

  @Column({ type: 'text' })
  decision!: Decision;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'bookings_decided_by_fkey' })
  decider?: UserEntity;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true })
  cancelledBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cancelled_by', foreignKeyConstraintName: 'bookings_cancelled_by_fkey' })
  canceller?: UserEntity;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;

  @Column({ name: 'payment_status', type: 'text' })
  paymentStatus!: PaymentStatus;

  @Column({ name: 'quoted_total', type: 'integer' })
  quotedTotal!: number;

  @Column({ name: 'cancellation_fee', type: 'integer', default: 0 })
  cancellationFee!: number;

  /** The quote exactly as the requester was given it. */
  @Column({ type: 'jsonb' })
  quote!: Quote;

  @Column({ name: 'approval_required', type: 'boolean' })
  approvalRequired!: boolean;

  /** `request` (a resident's) or `block` (staff hold the time: out of service, residency, …). */
  @Column({ type: 'text', default: 'request' })
  kind!: BookingKind;

  @Column({ name: 'block_reason', type: 'text', nullable: true })
  blockReason!: BlockReason | null;

  /** What made a block, e.g. `agreement` and its id (both or neither). */
  @Column({ name: 'source_type', type: 'text', nullable: true })
  sourceType!: string | null;

  @Column({ name: 'source_id', type: 'uuid', nullable: true })
  sourceId!: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'request_hash', type: 'text', nullable: true })
  requestHash!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
