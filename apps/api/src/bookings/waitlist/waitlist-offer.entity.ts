import type { WaitlistOfferState } from '@madang/contracts';
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
import { AssetEntity } from '../../catalogue/asset.entity';
import { BookingEntity } from '../booking.entity';
import { WaitlistEntryEntity } from './waitlist-entry.entity';

/**
 * A timed offer of a freed slot to one entry. At most one open offer per slot (asset, start, end)
 * and per entry (partial unique indexes); accepting after `expires_at` is refused by a trigger that
 * reads now() (see the migration), whatever code runs the update.
 */
@Entity({ name: 'waitlist_offers' })
@Index('waitlist_offers_one_open_per_slot', ['assetId', 'startAt', 'endAt'], {
  unique: true,
  where: `"state" = 'open'`,
})
@Index('waitlist_offers_one_open_per_entry', ['entryId'], { unique: true, where: `"state" = 'open'` })
@Index('waitlist_offers_open_expiry_idx', ['expiresAt'], { where: `"state" = 'open'` })
@Check('waitlist_offers_state_check', `"state" IN ('open', 'accepted', 'expired', 'withdrawn')`)
@Check('waitlist_offers_expiry_check', `"expires_at" > "created_at"`)
@Check('waitlist_offers_booking_check', `("state" = 'accepted') = ("booking_id" IS NOT NULL)`)
export class WaitlistOfferEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'waitlist_offers_pkey' })
  id!: string;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  @ManyToOne(() => WaitlistEntryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'waitlist_offers_entry_id_fkey' })
  entry?: WaitlistEntryEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'waitlist_offers_user_id_fkey' })
  user?: UserEntity;

  @Column({ name: 'asset_id', type: 'uuid' })
  assetId!: string;

  @ManyToOne(() => AssetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'waitlist_offers_asset_id_fkey' })
  asset?: AssetEntity;

  @Column({ name: 'start_at', type: 'timestamptz' })
  startAt!: Date;

  @Column({ name: 'end_at', type: 'timestamptz' })
  endAt!: Date;

  @Column({ type: 'text', default: 'open' })
  state!: WaitlistOfferState;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId!: string | null;

  @ManyToOne(() => BookingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'waitlist_offers_booking_id_fkey' })
  booking?: BookingEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
