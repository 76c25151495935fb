import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../auth/user.entity';

/**
 * A person's secret calendar feed. The secret is never stored: `token_hash` is the SHA-256 of it
 * (looked up on every fetch); rotating bumps `generation`, which changes the secret and its hash.
 */
@Entity({ name: 'calendar_feeds' })
@Index('calendar_feeds_token_hash_key', ['tokenHash'], { unique: true })
@Check('calendar_feeds_generation_check', `"generation" > 0`)
export class CalendarFeedEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'calendar_feeds_pkey' })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'calendar_feeds_user_id_fkey' })
  user?: UserEntity;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ type: 'integer', default: 1 })
  generation!: number;

  @Column({ name: 'rotated_at', type: 'timestamptz', default: () => 'now()' })
  rotatedAt!: Date;
}
