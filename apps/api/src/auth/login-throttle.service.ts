import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../core/domain-error';
import type { AttemptKind } from './login-attempt.entity';

/** Advisory-lock class ids: accounts and addresses never share a lock, so two locks cannot deadlock. */
const ACCOUNT_LOCK = 7_742_011;
const ADDRESS_LOCK = 7_742_012;

interface Limits {
  /** Failures of one account (since its last success) allowed in the window; null: not limited per account. */
  perAccount: number | null;
  perAddress: number;
  /** Count successful attempts too (registration: every attempt from an address counts). */
  countSuccesses: boolean;
}

/**
 * Throttles guessing per account and per address: sign-in, the current-password check of a password
 * change, and registration. Attempts live in PostgreSQL, so the limits hold across API instances.
 *
 * `admit` decides and records in one transaction under an advisory lock per account and per address:
 * the attempt is recorded as a failure before the password is even checked, so N parallel guesses
 * see each other and at most the limit of them get through; `succeeded` then marks it a success.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Throws too_many_attempts (429, with retry-after) when a limit is reached; otherwise records the attempt. */
  async admit(kind: AttemptKind, email: string, ip: string): Promise<string> {
    const limits = this.limits(kind);
    const windowMinutes = this.config.LOGIN_WINDOW_MINUTES;
    return this.db.transaction(async (manager) => {
      await manager.query(
        `SELECT pg_advisory_xact_lock($1, hashtext($3 || ':' || $4)), pg_advisory_xact_lock($2, hashtext($3 || ':' || $5))`,
        [ACCOUNT_LOCK, ADDRESS_LOCK, kind, email, ip],
      );
      // Read after the locks are held: every attempt that got in before this one is visible.
      const [row] = (await manager.query(
        `WITH last_ok AS (
           SELECT coalesce(max(at), '-infinity') AS at FROM login_attempts WHERE kind = $4 AND email = $1 AND success
         ),
         by_account AS (
           SELECT count(*)::int AS n, min(at) AS oldest FROM login_attempts
            WHERE kind = $4 AND email = $1 AND NOT success AND at > now() - make_interval(mins => $3)
              AND at > (SELECT at FROM last_ok)
         ),
         by_address AS (
           SELECT count(*)::int AS n, min(at) AS oldest FROM login_attempts
            WHERE kind = $4 AND ip = $2 AND ($5 OR NOT success) AND at > now() - make_interval(mins => $3)
         )
         SELECT a.n AS account_failures,
                ceil(extract(epoch FROM a.oldest + make_interval(mins => $3) - now()))::int AS account_retry,
                b.n AS address_failures,
                ceil(extract(epoch FROM b.oldest + make_interval(mins => $3) - now()))::int AS address_retry
           FROM by_account a, by_address b`,
        [email, ip, windowMinutes, kind, limits.countSuccesses],
      )) as {
        account_failures: number;
        account_retry: number | null;
        address_failures: number;
        address_retry: number | null;
      }[];
      const retries: number[] = [];
      if (limits.perAccount !== null && row.account_failures >= limits.perAccount)
        retries.push(row.account_retry ?? 60);
      if (row.address_failures >= limits.perAddress) retries.push(row.address_retry ?? 60);
      if (retries.length > 0) {
        const seconds = Math.max(1, ...retries);
        throw new DomainError('too_many_attempts', { retryAfterSeconds: seconds }, { seconds });
      }
      const [{ id }] = (await manager.query(
        `INSERT INTO login_attempts (kind, email, ip, success) VALUES ($1, $2, $3, false) RETURNING id`,
        [kind, email, ip],
      )) as { id: string }[];
      return id;
    });
  }

  /** The admitted attempt turned out right (password matched, account created). */
  async succeeded(attemptId: string): Promise<void> {
    await this.db.query(`UPDATE login_attempts SET success = true WHERE id = $1`, [attemptId]);
  }

  private limits(kind: AttemptKind): Limits {
    switch (kind) {
      case 'login':
      case 'password':
        return {
          perAccount: this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
          perAddress: this.config.LOGIN_MAX_FAILURES_PER_ADDRESS,
          countSuccesses: false,
        };
      case 'register':
        return { perAccount: null, perAddress: this.config.REGISTER_MAX_PER_ADDRESS, countSuccesses: true };
    }
  }
}
