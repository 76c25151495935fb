import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { BookingEntity } from '../booking.entity';

/**
 * The iCal SEQUENCE of a booking: how many times its time, state or purpose changed. Kept by the
 * trigger `bookings_feed_sequence` (see the migration), so every code path that changes a booking
 * counts; a booking without a row has never changed (SEQUENCE 0).
 */
@Entity({ name: 'booking_feed_sequences' })
@Check('booking_feed_sequences_sequence_check', `"sequence" >= 0`)
export class BookingFeedSequenceEntity {
  @PrimaryColumn({
    name: 'booking_id',
    type: 'uuid',
    primaryKeyConstraintName: 'booking_feed_sequences_pkey',
  })
  bookingId!: string;

  @OneToOne(() => BookingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'booking_feed_sequences_booking_id_fkey' })
  booking?: BookingEntity;

  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
