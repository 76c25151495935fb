import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

/** Attempts before an e-mail is given up (email_state = failed); the backoff doubles from 30 s up to an hour. */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_SECONDS = 30;
const LONGEST_RETRY_SECONDS = 3600;
const BATCH = 20;

interface DueMessage {
  id: string;
  to_address: string;
  locale: 'ko' | 'en';
  subject: string;
  body_text: string;
  attempts: number;
}

const SIGNATURE = {
  ko: { open: '마당에서 보기', sign: '마당 · 제주 사회혁신센터' },
  en: { open: 'Open in Madang', sign: 'Madang · Jeju Social Innovation Centre' },
} as const;

/**
 * E-mails queued notifications over SMTP. Each sender claims due ones with FOR UPDATE SKIP LOCKED
 * and leases them until their next retry time, so several API instances share the work and never
 * send one message twice at once. A message whose SMTP answer is permanent (5xx), or that failed
 * MAX_ATTEMPTS times, is marked failed, with the last SMTP answer kept. Delivery is at least once: if the
 * database cannot record a sent message, it is sent again after the lease.
 */
@Injectable()
export class MailerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private transport?: Transporter;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  onApplicationBootstrap(): void {
    if (!this.config.SMTP_URL) return;
    // One pooled connection set per process, reused across messages (a new SMTP session per
    // message is slow and looks like spam to some servers).
    this.transport = createTransport({ url: this.config.SMTP_URL, pool: true, maxConnections: 3 });
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    this.transport?.close();
  }

  /** Sends everything due now, batch by batch; returns how many were delivered. One run at a time. */
  drain(): Promise<number> {
    if (!this.transport) return Promise.resolve(0);
    this.running ??= this.drainAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.drain()
        .catch((error: unknown) => this.logger.warn(`outbox check failed: ${(error as Error).message}`))
        .finally(() => this.schedule());
    }, this.config.MAIL_POLL_MS);
    this.timer.unref();
  }

  private async drainAll(): Promise<number> {
    let delivered = 0;
    while (!this.stopped) {
      const due = await this.claim();
      if (due.length === 0) break;
      const results = await Promise.all(due.map((message) => this.deliver(message)));
      delivered += results.filter(Boolean).length;
    }
    return delivered;
  }

  /**
   * Takes up to BATCH due notifications and leases them until their next retry time, with the
   * recipient's current address and language.
   */
  private async claim(): Promise<DueMessage[]> {
    const [rows] = (await this.db.query(
      `WITH due AS (
         SELECT id FROM notifications
          WHERE email_state = 'queued' AND email_next_attempt_at <= now()
          ORDER BY email_next_attempt_at, id
          LIMIT $1
          FOR UPDATE SKIP LOCKED)
       UPDATE notifications n
          SET email_attempts = n.email_attempts + 1,
              email_next_attempt_at = now() + make_interval(secs => least($3, $2 * power(2, n.email_attempts)))
         FROM due, users u
        WHERE n.id = due.id AND u.id = n.user_id
       RETURNING n.id, u.email AS to_address, u.locale,
                 CASE WHEN u.locale = 'en' THEN n.title_en ELSE n.title_ko END AS subject,
                 CASE WHEN u.locale = 'en' THEN n.body_en ELSE n.body_ko END AS body_text,
                 n.email_attempts AS attempts`,
      [BATCH, FIRST_RETRY_SECONDS, LONGEST_RETRY_SECONDS],
    )) as [DueMessage[], number];
    return rows;
  }

  private async deliver(message: DueMessage): Promise<boolean> {
    try {
      await this.transport?.sendMail({
        from: this.config.MAIL_FROM,
        to: message.to_address,
        subject: message.subject,
        text: this.text(message),
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      const permanent = typeof code === 'number' && code >= 500;
      const giveUp = permanent || message.attempts >= MAX_ATTEMPTS;
      const reason = `${code ?? ''} ${(error as Error).message}`.trim().slice(0, 500);
      await this.db.query(
        `UPDATE notifications SET email_last_error = $2, email_state = CASE WHEN $3 THEN 'failed' ELSE email_state END
          WHERE id = $1`,
        [message.id, reason, giveUp],
      );
      this.logger.warn(
        `e-mail for notification ${message.id} not delivered (attempt ${message.attempts}${giveUp ? ', giving up' : ''}): ${reason}`,
      );
      return false;
    }
    await this.db.query(
      `UPDATE notifications SET email_state = 'sent', email_sent_at = now(), email_last_error = NULL WHERE id = $1`,
      [message.id],
    );
    return true;
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
