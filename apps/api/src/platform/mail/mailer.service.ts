import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { JobHandle } from '../jobs/job-definition';
import { JobsService } from '../jobs/jobs.service';
import { DueMessage, MailOutboxRepository } from './mail-outbox.repository';

/** Attempts before an e-mail is given up (email_state = failed); the backoff doubles from 30 s up to an hour. */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_SECONDS = 30;
const LONGEST_RETRY_SECONDS = 3600;
/** Messages claimed at once; with the SMTP timeouts below a batch ends well within the flush job's expiry. */
const BATCH = 10;
/** A claimed message is not claimed again for this long unless its sender records an answer. */
const LEASE_SECONDS = 600;
/** The flush job is taken as crashed after this long (less than the lease, so a retry never re-sends a leased message). */
const FLUSH_EXPIRE_SECONDS = 240;
/** SMTP timeouts (ms), so no delivery hangs past the lease. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** The one job that drains the outbox; `stately`: at most one queued and one running in the whole cluster. */
export const MAIL_FLUSH_JOB = 'mail.flush';
type FlushData = Record<string, never>;

const SIGNATURE = {
  ko: { open: '마당에서 보기', sign: '마당 · 제주 사회혁신센터' },
  en: { open: 'Open in Madang', sign: 'Madang · Jeju Social Innovation Centre' },
} as const;

/**
 * E-mails queued notifications over SMTP, on the job runner.
 *
 * The outbox is the notification row (queued in the same statement as the change), so no decision
 * commits without its e-mail, whichever code wrote it, and none leaves for a change that rolled back.
 * Every process with SMTP_URL checks every MAIL_POLL_MS whether anything is due and, if so, queues the
 * `mail.flush` job (stately: duplicates are refused, one flush runs at a time in the whole cluster).
 * The flush claims due rows with FOR UPDATE SKIP LOCKED under a lease, sends, and records each answer
 * at once: 4xx is retried with backoff, 5xx (or MAX_ATTEMPTS) gives up. Delivery is at least once —
 * only a crash between the SMTP server's acceptance and the row update re-sends, after the lease — and
 * each message carries a stable Message-ID so receiving systems can drop such a duplicate.
 */
@Injectable()
export class MailerService
  implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  private readonly logger = new Logger('Mail');
  private readonly outbox: MailOutboxRepository;
  private transport?: Transporter;
  private flush?: JobHandle<FlushData>;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @InjectDataSource() db: DataSource,
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
  ) {
    this.outbox = new MailOutboxRepository(db);
  }

  get enabled(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  onModuleInit(): void {
    if (!this.config.SMTP_URL) return;
    // One pooled connection set per process, reused across messages (a new SMTP session per
    // message is slow and looks like spam to some servers).
    this.transport = createTransport({
      url: this.config.SMTP_URL,
      pool: true,
      maxConnections: 3,
      ...SMTP_TIMEOUTS,
    });
    this.flush = this.jobs.define<FlushData>({
      name: MAIL_FLUSH_JOB,
      policy: 'stately',
      retry: { limit: 2, delaySeconds: 5, backoff: true },
      expireInSeconds: FLUSH_EXPIRE_SECONDS,
      concurrency: 1,
      handler: async (_data, context) => {
        await this.drain(context.signal);
      },
    });
  }

  onApplicationBootstrap(): void {
    if (this.flush) this.schedule();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  onApplicationShutdown(): void {
    // After the job runner stopped (module destroy), no flush uses the transport any more.
    this.transport?.close();
  }

  /** Queues a flush when something is due (refused as a duplicate while one is already queued). */
  async nudge(): Promise<void> {
    if (!this.flush || !(await this.outbox.hasDue())) return;
    await this.jobs.send(this.flush, {}, { singletonKey: 'outbox' });
  }

  /**
   * Sends everything due now, batch by batch, until nothing is due or `signal` aborts; returns how
   * many were delivered. Safe to run in several places at once: each message is claimed by one.
   */
  async drain(signal?: AbortSignal): Promise<number> {
    if (!this.transport) return 0;
    let delivered = 0;
    while (!signal?.aborted) {
      const due = await this.outbox.claim(BATCH, LEASE_SECONDS);
      if (due.length === 0) break;
      const results = await Promise.all(due.map((message) => this.deliver(message)));
      delivered += results.filter(Boolean).length;
    }
    return delivered;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.nudge()
        .catch((error: unknown) => this.logger.warn(`outbox check failed: ${(error as Error).message}`))
        .finally(() => this.schedule());
    }, this.config.MAIL_POLL_MS);
    this.timer.unref();
  }

  private async deliver(message: DueMessage): Promise<boolean> {
    try {
      await this.transport?.sendMail({
        from: this.config.MAIL_FROM,
        to: message.to_address,
        subject: message.subject,
        text: this.text(message),
        messageId: `<${message.id}@${this.senderDomain()}>`,
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      const permanent = typeof code === 'number' && code >= 500;
      const giveUp = permanent || message.attempts >= MAX_ATTEMPTS;
      const reason = `${code ?? ''} ${(error as Error).message}`.trim().slice(0, 500);
      const retryIn = Math.min(LONGEST_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** (message.attempts - 1));
      await this.outbox.markNotSent(message.id, reason, giveUp, retryIn);
      this.logger.warn(
        `e-mail for notification ${message.id} not delivered (attempt ${message.attempts}${giveUp ? ', giving up' : ''}): ${reason}`,
      );
      return false;
    }
    await this.outbox.markSent(message.id);
    return true;
  }

  /** The domain of the sender address, for stable Message-IDs. */
  private senderDomain(): string {
    const match = /@([^\s@<>]+)>?\s*$/.exec(this.config.MAIL_FROM);
    return match?.[1] ?? 'madang.local';
  }

  /** The notification's text, a link to the reader's bookings when the public address is known, a signature. */
  private text(message: DueMessage): string {
    const words = SIGNATURE[message.locale] ?? SIGNATURE.ko;
    const base = this.config.PUBLIC_URL?.replace(/\/+$/, '');
    return [message.body_text, base ? `${words.open}: ${base}/bookings` : null, `— ${words.sign}`]
      .filter((part): part is string => Boolean(part))
      .join('\n\n');
  }
}
