import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AttemptKind = 'login' | 'password' | 'register';

/** Sign-in attempts, kept to throttle guessing per account and per address. */
@Entity({ name: 'login_attempts' })
@Index('login_attempts_email_at_idx', ['email', 'at'])
@Index('login_attempts_ip_at_idx', ['ip', 'at'])
@Index('login_attempts_kind_ip_at_idx', ['kind', 'ip', 'at'])
@Check('login_attempts_kind_check', `"kind" IN ('login', 'password', 'register')`)
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'login_attempts_pkey' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  ip!: string;

  @Column({ type: 'boolean' })
  success!: boolean;

  /** login, password (current-password check) or register. */
  @Column({ type: 'text', default: 'login' })
  kind!: AttemptKind;
}
