import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { prepared, runPrepared } from '../../database/prepared';
import type { EmailState } from './notification.entity';

/** A notifications row as written (keys are its columns). */
export interface NotificationInsert {
  user_id: string;
  kind: string;
  title_ko: string;
  title_en: string;
  body_ko: string;
  body_en: string;
  subject_type: string;
  subject_id: string | null;
  email_state: EmailState;
}

export interface NotificationRow extends NotificationInsert {
  id: string;
  created_at: Date;
  read_at: Date | null;
}

/**
 * The notifications insert of JSON rows (an array of NotificationInsert) bound at `param`. Its one
 * text, used alone and as a part of a caller's single-statement write (see BookingsRepository.insertHeld).
 */
export const insertNotificationRowsFrom = (param: string) =>
  `INSERT INTO notifications (user_id, kind, title_ko, title_en, body_ko, body_en, subject_type, subject_id, email_state)
   SELECT user_id, kind, title_ko, title_en, body_ko, body_en, subject_type, subject_id, email_state
     FROM jsonb_populate_recordset(NULL::notifications, ${param}::jsonb)`;

/** Notifications of one change, on the caller's transaction, one statement whatever their number. */
const INSERT_NOTIFICATIONS = prepared('notifications_insert', insertNotificationRowsFrom('$1'));

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(tx: EntityManager, rows: NotificationInsert[]): Promise<void> {
    if (rows.length) await runPrepared(tx, INSERT_NOTIFICATIONS, [JSON.stringify(rows)]);
  }

  /** A user's notifications, newest first. */
  async pageFor(userId: string, limit: number, offset: number): Promise<NotificationRow[]> {
    return (await this.db.query(
      `SELECT id, user_id, kind, title_ko, title_en, body_ko, body_en, subject_type, subject_id, email_state, created_at, read_at
         FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [userId, limit, offset],
    )) as NotificationRow[];
  }

  async countFor(userId: string): Promise<number> {
    const [{ total }] = (await this.db.query(
      `SELECT count(*)::int AS total FROM notifications WHERE user_id = $1`,
      [userId],
    )) as { total: number }[];
    return total;
  }

  /** Marks one of the user's notifications read (once); false when the user has no such notification. */
  async markRead(userId: string, id: string): Promise<boolean> {
    const rows = (await this.db.query(
      `WITH mine AS (SELECT id FROM notifications WHERE id = $1 AND user_id = $2),
            done AS (UPDATE notifications n SET read_at = now() FROM mine WHERE n.id = mine.id AND n.read_at IS NULL)
       SELECT id FROM mine`,
      [id, userId],
    )) as unknown[];
    return rows.length > 0;
  }
}
