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

export type EmailState = 'none' | 'queued' | 'sent' | 'failed';

@Entity({ name: 'notifications' })
@Index('notifications_user_created_idx', ['userId', 'createdAt'])
@Index('notifications_subject_idx', ['subjectType', 'subjectId'])
@Index('notifications_email_due_idx', ['emailNextAttemptAt'], { where: `"email_state" = 'queued'` })
@Check('notifications_email_state_check', `"email_state" IN ('none', 'queued', 'sent', 'failed')`)
@Check('notifications_email_attempts_check', '"email_attempts" >= 0')
@Check('notifications_subject_type_check', `"subject_type" ~ '^[a-z][a-z_]{0,39}$'`)
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'notifications_pkey' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notifications_user_id_fkey' })
  user?: UserEntity;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'title_ko', type: 'text' })
  titleKo!: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn!: string;

  @Column({ name: 'body_ko', type: 'text' })
  bodyKo!: string;

  @Column({ name: 'body_en', type: 'text' })
  bodyEn!: string;

  /** What the notification is about: a domain's aggregate (`booking`, …) and its id (null for a list, e.g. a digest). */
  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** E-mail delivery: `queued` when written while e-mail is configured (see MailerService). */
  @Column({ name: 'email_state', type: 'text', default: 'none' })
  emailState!: EmailState;

  @Column({ name: 'email_attempts', type: 'integer', default: 0 })
  emailAttempts!: number;

  @Column({ name: 'email_next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  emailNextAttemptAt!: Date;

  @Column({ name: 'email_sent_at', type: 'timestamptz', nullable: true })
  emailSentAt!: Date | null;

  @Column({ name: 'email_last_error', type: 'text', nullable: true })
  emailLastError!: string | null;
}
