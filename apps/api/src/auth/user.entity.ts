import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ApprovalNotices, Locale } from '@madang/contracts';
import { UserRoleEntity } from './user-role.entity';

@Entity({ name: 'users' })
@Index('users_email_normalized_key', ['emailNormalized'], { unique: true })
@Check('users_locale_check', `"locale" IN ('ko', 'en')`)
@Check('users_approval_notices_check', `"approval_notices" IN ('each', 'daily_digest', 'off')`)
@Check('users_reminder_hours_check', `"reminder_hours" IS NULL OR "reminder_hours" IN (1, 3, 24)`)
@Check('users_reminder_channel_check', `"reminder_hours" IS NULL OR "reminder_email" OR "reminder_in_app"`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'users_pkey' })
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'email_normalized', type: 'text' })
  emailNormalized!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text', default: 'ko' })
  locale!: Locale;

  /** How an approver hears of requests waiting for them (see APPROVAL_NOTICES). */
  @Column({ name: 'approval_notices', type: 'text', default: 'each' })
  approvalNotices!: ApprovalNotices;

  /** Reminders before a booking starts / equipment is due back: hours before, or null for none. */
  @Column({ name: 'reminder_hours', type: 'integer', nullable: true })
  reminderHours!: number | null;

  @Column({ name: 'reminder_email', type: 'boolean', default: true })
  reminderEmail!: boolean;

  @Column({ name: 'reminder_in_app', type: 'boolean', default: true })
  reminderInApp!: boolean;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => UserRoleEntity, (role) => role.user)
  roles?: UserRoleEntity[];
}
