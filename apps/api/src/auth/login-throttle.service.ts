import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../core/domain-error';
import { LoginAttemptEntity } from './login-attempt.entity';

/**
 * Throttles sign-in guessing per account and per address. Attempts live in PostgreSQL,
 * so the limit holds across several API instances.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Throws too_many_attempts (429, with retry-after) when either limit is reached. */
  async check(email: string, ip: string): Promise<void> {
    const windowMinutes = this.config.LOGIN_WINDOW_MINUTES;
    const [row] = (await this.db.query(
      `WITH last_ok AS (
         SELECT coalesce(max(at), '-infinity') AS at FROM login_attempts WHERE email = $1 AND success
       ),
       by_account AS (
         SELECT count(*)::int AS n, min(at) AS oldest FROM login_attempts
          WHERE email = $1 AND NOT success AND at > now() - make_interval(mins => $3) AND at > (SELECT at FROM last_ok)
       ),
       by_address AS (
         SELECT count(*)::int AS n, min(at) AS oldest FROM login_attempts
          WHERE ip = $2 AND NOT success AND at > now() - make_interval(mins => $3)
       )
       SELECT a.n AS account_failures,
              ceil(extract(epoch FROM a.oldest + make_interval(mins => $3) - now()))::int AS account_retry,
              b.n AS address_failures,
              ceil(extract(epoch FROM b.oldest + make_interval(mins => $3) - now()))::int AS address_retry
         FROM by_account a, by_address b`,
      [email, ip, windowMinutes],
    )) as {
      account_failures: number;
      account_retry: number | null;
      address_failures: number;
      address_retry: number | null;
    }[];
    const retries: number[] = [];
    if (row.account_failures >= this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT)
      retries.push(row.account_retry ?? 60);
    if (row.address_failures >= this.config.LOGIN_MAX_FAILURES_PER_ADDRESS)
      retries.push(row.address_retry ?? 60);
    if (retries.length > 0) {
      const seconds = Math.max(1, ...retries);
      throw new DomainError('too_many_attempts', { retryAfterSeconds: seconds }, { seconds });
    }
  }

  async record(email: string, ip: string, success: boolean): Promise<void> {
    await this.db.getRepository(LoginAttemptEntity).insert({ email, ip, success });
  }
}
