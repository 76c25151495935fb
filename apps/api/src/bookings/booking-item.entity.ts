import type { AssetKind } from '@madang/contracts';
import {
  Check,
  Column,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AssetEntity } from '../catalogue/asset.entity';
import { BookingEntity } from './booking.entity';

/**
 * One asset of a booking, over its buffered time range. The exclusion constraint refuses two
 * slot-holding items of the same space or single item whose ranges overlap; quantity pools are
 * guarded by the `booking_items_pool_capacity` trigger (see the booking migration).
 */
@Entity({ name: 'booking_items' })
@Index('booking_items_booking_id_idx', ['bookingId'])
@Index('booking_items_asset_during_idx', ['assetId', 'during'], { spatial: true })
@Exclusion(
  'booking_items_no_overlap',
  `USING gist ("asset_id" WITH =, "during" WITH &&) WHERE ("holds_slot" AND "asset_kind" <> 'equipment_pool')`,
)
@Check(
  'booking_items_quantity_check',
  `"quantity" > 0 AND ("asset_kind" = 'equipment_pool' OR "quantity" = 1)`,
)
@Check(
  'booking_items_during_check',
  `NOT isempty("during") AND NOT lower_inf("during") AND NOT upper_inf("during")`,
)
export class BookingItemEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'booking_items_pkey' })
  id!: string;

  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @ManyToOne(() => BookingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'booking_items_booking_id_fkey' })
  booking?: BookingEntity;

  @Column({ name: 'asset_id', type: 'uuid' })
  assetId!: string;

  @ManyToOne(() => AssetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'booking_items_asset_id_fkey' })
  asset?: AssetEntity;

  @Column({ name: 'asset_kind', type: 'text' })
  assetKind!: AssetKind;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'rules_version', type: 'integer' })
  rulesVersion!: number;

  /** Buffered range [start − buffer before, end + buffer after). */
  @Column({ type: 'tstzrange' })
  during!: string;

  /** Copy of bookings.holds_slot, maintained by trigger. */
  @Column({ name: 'holds_slot', type: 'boolean' })
  holdsSlot!: boolean;
}
