import type { BookingItem, WaitlistState } from '@madang/contracts';
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
import { UserEntity } from '../../auth/user.entity';
import { AssetEntity } from '../../catalogue/asset.entity';
import { GroupEntity } from '../../groups/group.entity';

/**
 * A person in line for a slot someone else holds: the booking they would have made (items,
 * purpose, attendees, group) for [start_at, end_at) on `asset_id`. Line order is `created_at`.
 */
@Entity({ name: 'waitlist_entries' })
@Index('waitlist_entries_asset_start_idx', ['assetId', 'startAt'])
@Index('waitlist_entries_user_idx', ['userId', 'createdAt'])
@Index('waitlist_entries_one_per_person_slot', ['userId', 'assetId', 'startAt', 'endAt'], {
  unique: true,
  where: `"state" IN ('waiting', 'offered')`,
})
@Check('waitlist_entries_range_check', `"end_at" > "start_at"`)
@Check('waitlist_entries_state_check', `"state" IN ('waiting', 'offered', 'booked', 'lapsed', 'withdrawn')`)
@Check('waitlist_entries_attendees_check', `"attendees" >= 0`)
@Check('waitlist_entries_items_check', `jsonb_typeof("items") = 'array' AND jsonb_array_length("items") > 0`)
export class WaitlistEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'waitlist_entries_pkey' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'waitlist_entries_user_id_fkey' })
  user?: UserEntity;

  @Column({ name: 'asset_id', type: 'uuid' })
  assetId!: string;

  @ManyToOne(() => AssetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'waitlist_entries_asset_id_fkey' })
  asset?: AssetEntity;

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'waitlist_entries_group_id_fkey' })
  group?: GroupEntity;

  @Column({ name: 'start_at', type: 'timestamptz' })
  startAt!: Date;

  @Column({ name: 'end_at', type: 'timestamptz' })
  endAt!: Date;

  /** The booking's items, the path asset among them. */
  @Column({ type: 'jsonb' })
  items!: BookingItem[];

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'integer' })
  attendees!: number;

  @Column({ type: 'text', default: 'waiting' })
  state!: WaitlistState;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
