import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../auth/user.entity';
import { BookingEntity } from '../booking.entity';

export type ReminderKind = 'start' | 'return_due';

/** One reminder sent: the primary key (booking, kind) makes "exactly once" the database's rule. */
@Entity({ name: 'booking_reminders' })
@Check('booking_reminders_kind_check', `"kind" IN ('start', 'return_due')`)
export class BookingReminderEntity {
  @PrimaryColumn({ name: 'booking_id', type: 'uuid', primaryKeyConstraintName: 'booking_reminders_pkey' })
  bookingId!: string;

  @ManyToOne(() => BookingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'booking_reminders_booking_id_fkey' })
  booking?: BookingEntity;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'booking_reminders_pkey' })
  kind!: ReminderKind;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'booking_reminders_user_id_fkey' })
  user?: UserEntity;

  @CreateDateColumn({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;
}
