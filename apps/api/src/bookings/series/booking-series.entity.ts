import type { BookingItem, SeriesStatus } from '@madang/contracts';
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
import { GroupEntity } from '../../groups/group.entity';

/**
 * A recurring booking series: a recurrence read on the wall clock of `time_zone` over one or more
 * assets. Each occurrence is a normal `bookings` row pointing here (`series_id`, `occurrence_date`),
 * so the exclusion constraint, quotas, approvals and cancellation terms apply to it as they are.
 * `rrule` is the RFC 5545 RRULE part; the other columns say the same in queryable form.
 */
@Entity({ name: 'booking_series' })
@Index('booking_series_requester_created_idx', ['requesterId', 'createdAt'])
@Check('booking_series_status_check', `"status" IN ('active', 'cancelled')`)
@Check('booking_series_duration_check', `"duration_minutes" > 0 AND "duration_minutes" <= 527040`)
@Check(
  'booking_series_end_check',
  `("until_date" IS NULL) <> ("occurrence_count" IS NULL) AND ("occurrence_count" IS NULL OR "occurrence_count" BETWEEN 1 AND 260) AND ("until_date" IS NULL OR "until_date" >= "start_date")`,
)
@Check(
  'booking_series_items_check',
  `jsonb_typeof("items") = 'array' AND jsonb_array_length("items") BETWEEN 1 AND 10`,
)
@Check('booking_series_attendees_check', `"attendees" >= 0`)
export class BookingSeriesEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'booking_series_pkey' })
  id!: string;

  @Column({ name: 'requester_id', type: 'uuid' })
  requesterId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requester_id', foreignKeyConstraintName: 'booking_series_requester_id_fkey' })
  requester?: UserEntity;

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  @ManyToOne(() => GroupEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'booking_series_group_id_fkey' })
  group?: GroupEntity;

  /** The series this one was split off from ("this and following"). */
  @Column({ name: 'split_from', type: 'uuid', nullable: true })
  splitFrom!: string | null;

  @ManyToOne(() => BookingSeriesEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'split_from', foreignKeyConstraintName: 'booking_series_split_from_fkey' })
  parent?: BookingSeriesEntity;

  /** The assets of every occurrence (unless an occurrence was moved to another room). */
  @Column({ type: 'jsonb' })
  items!: BookingItem[];

  @Column({ type: 'text' })
  rrule!: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  /** Local wall-clock start, `HH:mm`. */
  @Column({ name: 'start_time', type: 'time' })
  startTime!: string;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes!: number;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ name: 'until_date', type: 'date', nullable: true })
  untilDate!: string | null;

  @Column({ name: 'occurrence_count', type: 'integer', nullable: true })
  occurrenceCount!: number | null;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ name: 'purpose_tag', type: 'text', nullable: true })
  purposeTag!: string | null;

  @Column({ type: 'integer' })
  attendees!: number;

  @Column({ type: 'text' })
  status!: SeriesStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
