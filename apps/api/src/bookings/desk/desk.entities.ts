import type { PartCheckStage, PartCheckState } from '@madang/contracts';
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
import { AssetEntity } from '../../catalogue/asset.entity';
import { BookingItemEntity } from '../booking-item.entity';
import { BookingEntity } from '../booking.entity';

/** A part of a kit (camera body, lens, tripod …): the kit is booked as one asset, checked part by part. */
@Entity({ name: 'asset_parts' })
@Index('asset_parts_asset_id_sort_idx', ['assetId', 'sort'])
@Check('asset_parts_quantity_check', `"quantity" >= 1 AND "quantity" <= 100`)
@Check('asset_parts_names_check', `length(btrim("name_ko")) > 0 AND length(btrim("name_en")) > 0`)
export class AssetPartEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'asset_parts_pkey' })
  id!: string;

  @Column({ name: 'asset_id', type: 'uuid' })
  assetId!: string;

  @ManyToOne(() => AssetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'asset_parts_asset_id_fkey' })
  asset?: AssetEntity;

  @Column({ name: 'name_ko', type: 'text' })
  nameKo!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  @Column({ type: 'integer', default: 1 })
  quantity!: number;

  @Column({ type: 'text', default: '' })
  serial!: string;

  @Column({ type: 'integer', default: 0 })
  sort!: number;

  /** False once removed from the kit after being checked (its checks keep pointing at it). */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** One hand-out of a booking item and its return (see the desk migration for the database rules). */
@Entity({ name: 'custody_handouts' })
@Index('custody_handouts_one_open_idx', ['bookingItemId'], { unique: true, where: `"returned_at" IS NULL` })
@Index('custody_handouts_booking_id_idx', ['bookingId'])
@Check(
  'custody_handouts_return_check',
  `("returned_at" IS NULL) = ("returned_by" IS NULL) AND ("returned_at" IS NULL) = ("condition_in" IS NULL) AND ("returned_at" IS NULL OR "returned_at" >= "handed_out_at")`,
)
@Check('custody_handouts_received_by_check', `length(btrim("received_by")) > 0`)
export class CustodyHandoutEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'custody_handouts_pkey' })
  id!: string;

  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @ManyToOne(() => BookingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'custody_handouts_booking_id_fkey' })
  booking?: BookingEntity;

  @Column({ name: 'booking_item_id', type: 'uuid' })
  bookingItemId!: string;

  @ManyToOne(() => BookingItemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'booking_item_id', foreignKeyConstraintName: 'custody_handouts_booking_item_id_fkey' })
  bookingItem?: BookingItemEntity;

  @Column({ name: 'asset_id', type: 'uuid' })
  assetId!: string;

  @ManyToOne(() => AssetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'custody_handouts_asset_id_fkey' })
  asset?: AssetEntity;

  @Column({ name: 'handed_out_at', type: 'timestamptz', default: () => 'now()' })
  handedOutAt!: Date;

  @Column({ name: 'handed_out_by', type: 'uuid' })
  handedOutBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handed_out_by', foreignKeyConstraintName: 'custody_handouts_handed_out_by_fkey' })
  handedOutByUser?: UserEntity;

  /** Who took it (the borrower or someone they sent), as they named themselves at the desk. */
  @Column({ name: 'received_by', type: 'text' })
  receivedBy!: string;

  @Column({ name: 'condition_out', type: 'text', default: '' })
  conditionOut!: string;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;

  @Column({ name: 'returned_by', type: 'uuid', nullable: true })
  returnedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'returned_by', foreignKeyConstraintName: 'custody_handouts_returned_by_fkey' })
  returnedByUser?: UserEntity;

  @Column({ name: 'condition_in', type: 'text', nullable: true })
  conditionIn!: string | null;

  /** When the borrower was last reminded that it is overdue. */
  @Column({ name: 'overdue_notified_at', type: 'timestamptz', nullable: true })
  overdueNotifiedAt!: Date | null;
}

/** A part's state at hand-out (`out`) or return (`in`). */
@Entity({ name: 'custody_part_checks' })
@Check('custody_part_checks_stage_check', `"stage" IN ('out', 'in')`)
@Check('custody_part_checks_state_check', `"state" IN ('ok', 'missing', 'damaged')`)
export class CustodyPartCheckEntity {
  @PrimaryColumn({ name: 'handout_id', type: 'uuid', primaryKeyConstraintName: 'custody_part_checks_pkey' })
  handoutId!: string;

  @ManyToOne(() => CustodyHandoutEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'handout_id', foreignKeyConstraintName: 'custody_part_checks_handout_id_fkey' })
  handout?: CustodyHandoutEntity;

  @PrimaryColumn({ name: 'part_id', type: 'uuid', primaryKeyConstraintName: 'custody_part_checks_pkey' })
  partId!: string;

  @ManyToOne(() => AssetPartEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'part_id', foreignKeyConstraintName: 'custody_part_checks_part_id_fkey' })
  part?: AssetPartEntity;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'custody_part_checks_pkey' })
  stage!: PartCheckStage;

  @Column({ type: 'text' })
  state!: PartCheckState;

  @Column({ type: 'text', default: '' })
  note!: string;
}

/** Deposit kept for damage or loss: how much, why, who decided, and the settlement payment it was posted as. */
@Entity({ name: 'deposit_retentions' })
@Index('deposit_retentions_booking_id_idx', ['bookingId'])
@Check('deposit_retentions_amount_check', `"amount" > 0`)
@Check('deposit_retentions_reason_check', `length(btrim("reason")) > 0`)
export class DepositRetentionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'deposit_retentions_pkey' })
  id!: string;

  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @ManyToOne(() => BookingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'deposit_retentions_booking_id_fkey' })
  booking?: BookingEntity;

  @Column({ name: 'handout_id', type: 'uuid', nullable: true })
  handoutId!: string | null;

  @ManyToOne(() => CustodyHandoutEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handout_id', foreignKeyConstraintName: 'deposit_retentions_handout_id_fkey' })
  handout?: CustodyHandoutEntity;

  @Column({ type: 'integer' })
  amount!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'deposit_retentions_decided_by_fkey' })
  decider?: UserEntity;

  @Column({ name: 'decided_at', type: 'timestamptz', default: () => 'now()' })
  decidedAt!: Date;

  /** The settlement payment (`deposit_kept`) it was posted as. */
  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId!: string;
}

export const DESK_ENTITIES = [
  AssetPartEntity,
  CustodyHandoutEntity,
  CustodyPartCheckEntity,
  DepositRetentionEntity,
];
