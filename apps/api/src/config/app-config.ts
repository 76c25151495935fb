import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off', ''].includes(v)) return false;
  return value;
};
const BYTES_MESSAGE = 'must be a whole number of bytes (1024–1073741824)';
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * The one typed, validated view of the environment. Nothing else in the API reads process.env.
 * Each property is named after the variable it comes from.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'production';

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 65535' })
  @Min(1, { message: 'must be a whole number between 1 and 65535' })
  @Max(65535, { message: 'must be a whole number between 1 and 65535' })
  PORT = 3000;

  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  HOST = '0.0.0.0';

  @Transform(trimmed)
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL!: string;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 100' })
  @Min(1, { message: 'must be a whole number between 1 and 100' })
  @Max(100, { message: 'must be a whole number between 1 and 100' })
  DB_POOL_SIZE = 10;

  /** Demo mode: seeds demo accounts and data on start. */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  MADANG_DEMO = false;

  @Transform(trimmed)
  @Matches(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, { message: 'must be an IANA time zone such as Asia/Seoul' })
  MADANG_TIMEZONE = 'Asia/Seoul';

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of minutes (5–1440)' })
  @Min(5, { message: 'must be a whole number of minutes (5–1440)' })
  @Max(1440, { message: 'must be a whole number of minutes (5–1440)' })
  SESSION_IDLE_MINUTES = 120;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of hours (1–2160)' })
  @Min(1, { message: 'must be a whole number of hours (1–2160)' })
  @Max(2160, { message: 'must be a whole number of hours (1–2160)' })
  SESSION_ABSOLUTE_HOURS = 168;

  /** Send cookies with `Secure` (set true behind HTTPS). */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  COOKIE_SECURE = false;

  /** Trust X-Forwarded-For from this many proxy hops (0 = none). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number (0–10)' })
  @Min(0, { message: 'must be a whole number (0–10)' })
  @Max(10, { message: 'must be a whole number (0–10)' })
  TRUST_PROXY_HOPS = 0;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number (1–100)' })
  @Min(1, { message: 'must be a whole number (1–100)' })
  @Max(100, { message: 'must be a whole number (1–100)' })
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number (1–1000)' })
  @Min(1, { message: 'must be a whole number (1–1000)' })
  @Max(1000, { message: 'must be a whole number (1–1000)' })
  LOGIN_MAX_FAILURES_PER_ADDRESS = 20;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of minutes (1–1440)' })
  @Min(1, { message: 'must be a whole number of minutes (1–1440)' })
  @Max(1440, { message: 'must be a whole number of minutes (1–1440)' })
  LOGIN_WINDOW_MINUTES = 15;

  /** Registrations allowed from one address per LOGIN_WINDOW_MINUTES. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number (1–1000)' })
  @Min(1, { message: 'must be a whole number (1–1000)' })
  @Max(1000, { message: 'must be a whole number (1–1000)' })
  REGISTER_MAX_PER_ADDRESS = 20;

  /** A request still unanswered after this many milliseconds is answered 503 (Retry-After). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds (100–600000)' })
  @Min(100, { message: 'must be a whole number of milliseconds (100–600000)' })
  @Max(600_000, { message: 'must be a whole number of milliseconds (100–600000)' })
  REQUEST_TIMEOUT_MS = 30_000;

  /**
   * On SIGTERM/SIGINT: new connections are refused at once, accepted requests get this many
   * milliseconds to finish, then the rest is closed and the database pool after it.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds (0–10000)' })
  @Min(0, { message: 'must be a whole number of milliseconds (0–10000)' })
  @Max(10_000, { message: 'must be a whole number of milliseconds (0–10000)' })
  SHUTDOWN_DRAIN_MS = 8_000;

  /**
   * Separation of duties: false (default) means an approver cannot approve or reject their own
   * request; another approver must. Set true only when the centre is too small to have two.
   */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  ALLOW_SELF_APPROVAL = false;

  /**
   * SMTP server for e-mail, as a URL with any credentials in it: smtp://user:pass@host:587 (STARTTLS
   * when offered) or smtps://…:465. Unset: notifications are still queued in the outbox, not sent.
   */
  @IsOptional()
  @Transform(trimmed)
  @Matches(/^smtps?:\/\/[^\s/]+(:\d+)?\/?(\?\S*)?$/, {
    message: 'must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.kr:587',
  })
  SMTP_URL?: string;

  /**
   * Key the secret calendar-feed URLs are derived from (HMAC; only their hashes are stored). At least
   * 32 characters. Unset: derived from DATABASE_URL (a database copy alone still cannot rebuild them).
   * Changing it changes every feed URL.
   */
  @IsOptional()
  @MinLength(32, { message: 'must be at least 32 characters' })
  FEED_TOKEN_SECRET?: string;

  /** Sender of Madang's e-mail. */
  @Transform(trimmed)
  @Matches(/^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'must be an address such as no-reply@example.kr or "Madang <no-reply@example.kr>"',
  })
  MAIL_FROM = 'Madang <no-reply@madang.local>';

  /** How often the e-mail sender looks for due messages, in milliseconds. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds (100–600000)' })
  @Min(100, { message: 'must be a whole number of milliseconds (100–600000)' })
  @Max(600_000, { message: 'must be a whole number of milliseconds (100–600000)' })
  MAIL_POLL_MS = 3000;

  /**
   * Run background jobs (e-mail, reminders, scheduled work) in this process. Every API process may
   * run them: workers claim each job with FOR UPDATE SKIP LOCKED. False: this process only enqueues.
   */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  JOBS_ENABLED = true;

  /** Workers per job queue in this process (jobs of one queue run at most this many at a time here). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number (1–20)' })
  @Min(1, { message: 'must be a whole number (1–20)' })
  @Max(20, { message: 'must be a whole number (1–20)' })
  JOBS_CONCURRENCY = 2;

  /** How often an idle worker looks for new jobs, in milliseconds. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds (500–60000)' })
  @Min(500, { message: 'must be a whole number of milliseconds (500–60000)' })
  @Max(60_000, { message: 'must be a whole number of milliseconds (500–60000)' })
  JOBS_POLL_MS = 2000;

  /** How often stuck jobs (past their expiry) are failed and retried, and old jobs archived, in seconds. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds (1–3600)' })
  @Min(1, { message: 'must be a whole number of seconds (1–3600)' })
  @Max(3600, { message: 'must be a whole number of seconds (1–3600)' })
  JOBS_MAINTENANCE_SECONDS = 60;

  /** How often schedules (cron) are checked, in seconds. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds (1–45)' })
  @Min(1, { message: 'must be a whole number of seconds (1–45)' })
  @Max(45, { message: 'must be a whole number of seconds (1–45)' })
  JOBS_CRON_CHECK_SECONDS = 30;

  /** On shutdown, how long running jobs may take to finish before they are released for a retry, in seconds. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds (1–120)' })
  @Min(1, { message: 'must be a whole number of seconds (1–120)' })
  @Max(120, { message: 'must be a whole number of seconds (1–120)' })
  JOBS_SHUTDOWN_SECONDS = 8;

  /** Database connections of the job runner (besides DB_POOL_SIZE). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 50' })
  @Min(1, { message: 'must be a whole number between 1 and 50' })
  @Max(50, { message: 'must be a whole number between 1 and 50' })
  JOBS_POOL_SIZE = 4;

  /** The address people open Madang at, for links in e-mails (e.g. https://madang.example.kr). */
  @IsOptional()
  @Transform(trimmed)
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http:// or https:// URL' })
  PUBLIC_URL?: string;

  /** Folder of the built web app; empty disables serving it. Default: next to the API bundle. */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  WEB_DIST_DIR?: string;

  /** Largest photo, in bytes (default 5 MiB). */
  @Transform(toInt)
  @IsInt({ message: BYTES_MESSAGE })
  @Min(1024, { message: BYTES_MESSAGE })
  @Max(1_073_741_824, { message: BYTES_MESSAGE })
  FILE_MAX_BYTES_PHOTO = 5 * 1024 * 1024;

  /** Largest application document (recruitment), in bytes (default 20 MiB). */
  @Transform(toInt)
  @IsInt({ message: BYTES_MESSAGE })
  @Min(1024, { message: BYTES_MESSAGE })
  @Max(1_073_741_824, { message: BYTES_MESSAGE })
  FILE_MAX_BYTES_APPLICATION_DOCUMENT = 20 * 1024 * 1024;

  /** Largest piece of expense evidence (settlement), in bytes (default 20 MiB). */
  @Transform(toInt)
  @IsInt({ message: BYTES_MESSAGE })
  @Min(1024, { message: BYTES_MESSAGE })
  @Max(1_073_741_824, { message: BYTES_MESSAGE })
  FILE_MAX_BYTES_EXPENSE_EVIDENCE = 20 * 1024 * 1024;

  /** Largest piece of project evidence (living labs), in bytes (default 50 MiB). */
  @Transform(toInt)
  @IsInt({ message: BYTES_MESSAGE })
  @Min(1024, { message: BYTES_MESSAGE })
  @Max(1_073_741_824, { message: BYTES_MESSAGE })
  FILE_MAX_BYTES_PROJECT_EVIDENCE = 50 * 1024 * 1024;

  /** Largest generated export kept for download, in bytes (default 200 MiB). */
  @Transform(toInt)
  @IsInt({ message: BYTES_MESSAGE })
  @Min(1024, { message: BYTES_MESSAGE })
  @Max(1_073_741_824, { message: BYTES_MESSAGE })
  FILE_MAX_BYTES_EXPORT = 200 * 1024 * 1024;

  /** How long a finished background export stays downloadable, in hours. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of hours (1–720)' })
  @Min(1, { message: 'must be a whole number of hours (1–720)' })
  @Max(720, { message: 'must be a whole number of hours (1–720)' })
  EXPORT_RETENTION_HOURS = 24;

  /**
   * Living labs, the response promise to an observation (Seoul's SNS civil-service rule): an
   * acknowledgement within LABS_ACK_HOURS working hours; an answer within LABS_SIMPLE_HOURS working
   * hours (simple opinion), LABS_REVIEW_DAYS working days (needs review) or LABS_POLICY_DAYS working
   * days (policy suggestion). Working time: Mon–Fri 09:00–18:00 in MADANG_TIMEZONE, Korean public
   * holidays and LABS_HOLIDAYS (comma-separated YYYY-MM-DD) off.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of hours (1–72)' })
  @Min(1, { message: 'must be a whole number of hours (1–72)' })
  @Max(72, { message: 'must be a whole number of hours (1–72)' })
  LABS_ACK_HOURS = 3;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of hours (1–72)' })
  @Min(1, { message: 'must be a whole number of hours (1–72)' })
  @Max(72, { message: 'must be a whole number of hours (1–72)' })
  LABS_SIMPLE_HOURS = 3;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days (1–60)' })
  @Min(1, { message: 'must be a whole number of days (1–60)' })
  @Max(60, { message: 'must be a whole number of days (1–60)' })
  LABS_REVIEW_DAYS = 3;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days (1–60)' })
  @Min(1, { message: 'must be a whole number of days (1–60)' })
  @Max(60, { message: 'must be a whole number of days (1–60)' })
  LABS_POLICY_DAYS = 5;

  @Transform(trimmed)
  @Matches(/^(\d{4}-\d{2}-\d{2}(\s*,\s*\d{4}-\d{2}-\d{2})*)?$/, {
    message: 'must be dates YYYY-MM-DD separated by commas',
  })
  LABS_HOLIDAYS = '';

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'], {
    message: 'must be one of error, warn, log, debug, verbose',
  })
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

/** `PUBLIC_URL` without a trailing slash (links are `${publicUrl}/path`), or null when not set. */
export function publicUrlOf(config: Pick<AppConfig, 'PUBLIC_URL'>): string | null {
  const url = config.PUBLIC_URL?.replace(/\/+$/, '');
  return url ? url : null;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Variables whose URL may carry a password, never echoed in an error. */
const SECRET_URLS = new Set(['DATABASE_URL', 'SMTP_URL']);
const withoutPassword = (url: string) => url.replace(/\/\/([^:@/]*):[^@]*@/, '//$1:***@');

const KEYS = Object.keys(new AppConfig()).concat(['DATABASE_URL', 'WEB_DIST_DIR', 'SMTP_URL', 'PUBLIC_URL']);
/** Optional variables without a default (so not among the instance's keys), added per feature. */
KEYS.push('FEED_TOKEN_SECRET');
/** Variables never echoed in an error at all. */
const SECRETS = new Set(['FEED_TOKEN_SECRET']);

/** Validates the environment; throws ConfigValidationError naming every bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of KEYS) {
    const value = env[key];
    if (value !== undefined) raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true });
  const problems = errors.map((error) => {
    const value = raw[error.property];
    const shown =
      value === undefined
        ? '(not set)'
        : SECRETS.has(error.property)
          ? `${value.length} characters`
          : `'${SECRET_URLS.has(error.property) ? withoutPassword(value) : value}'`;
    const reason =
      error.property === 'DATABASE_URL' && raw[error.property] === undefined
        ? 'is required'
        : (Object.values(error.constraints ?? {})[0] ?? 'is not valid');
    return `${error.property} ${reason} (got ${shown})`;
  });
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return config;
}
