import type { DataSource } from 'typeorm';

/** A queued notification claimed for e-mail, with the recipient's current address and language. */
export interface DueMessage {
  id: string;
  to_address: string;
  locale: 'ko' | 'en';
  subject: string;
  body_text: string;
  attempts: number;
}

/**
 * The e-mail outbox is the notifications table itself: a notification written while e-mail is
 * configured is `queued` in the same statement or transaction as the change it announces. These
 * statements claim, record and reschedule deliveries; none depends on what the notification is about.
 */
export class MailOutboxRepository {
  constructor(private readonly db: DataSource) {}

  /** Whether any queued message is due now (cheap: partial index on due queued messages). */
  async hasDue(): Promise<boolean> {
    const [row] = (await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM notifications WHERE email_state = 'queued' AND email_next_attempt_at <= now()) AS due`,
    )) as { due: boolean }[];
    return row.due;
  }

  /**
   * Takes up to `limit` due messages with FOR UPDATE SKIP LOCKED and leases them for `leaseSeconds`
   * (a sender that dies mid-batch leaves them to be retried after the lease), counting the attempt.
   */
  async claim(limit: number, leaseSeconds: number): Promise<DueMessage[]> {
    const [rows] = (await this.db.query(
      `WITH due AS (
         SELECT id FROM notifications
          WHERE email_state = 'queued' AND email_next_attempt_at <= now()
          ORDER BY email_next_attempt_at, id
          LIMIT $1
          FOR UPDATE SKIP LOCKED)
       UPDATE notifications n
          SET email_attempts = n.email_attempts + 1,
              email_next_attempt_at = now() + make_interval(secs => $2)
         FROM due, users u
        WHERE n.id = due.id AND u.id = n.user_id
       RETURNING n.id, u.email AS to_address, u.locale,
                 CASE WHEN u.locale = 'en' THEN n.title_en ELSE n.title_ko END AS subject,
                 CASE WHEN u.locale = 'en' THEN n.body_en ELSE n.body_ko END AS body_text,
                 n.email_attempts AS attempts`,
      [limit, leaseSeconds],
    )) as [DueMessage[], number];
    return rows;
  }

  async markSent(id: string): Promise<void> {
    await this.db.query(
      `UPDATE notifications SET email_state = 'sent', email_sent_at = now(), email_last_error = NULL
        WHERE id = $1 AND email_state = 'queued'`,
      [id],
    );
  }

  /** Keeps the SMTP answer; gives up (`failed`) or schedules the next attempt after `retryInSeconds`. */
  async markNotSent(id: string, reason: string, giveUp: boolean, retryInSeconds: number): Promise<void> {
    await this.db.query(
      `UPDATE notifications
          SET email_last_error = $2,
              email_state = CASE WHEN $3 THEN 'failed' ELSE email_state END,
              email_next_attempt_at = now() + make_interval(secs => $4)
        WHERE id = $1 AND email_state = 'queued'`,
      [id, reason, giveUp, retryInSeconds],
    );
  }
}
