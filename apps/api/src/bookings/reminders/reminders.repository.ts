import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReminderHours } from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import {
  insertNotificationRowsFrom,
  NotificationInsert,
} from '../../platform/notifications/notifications.repository';
import type { ReminderKind } from './booking-reminder.entity';

export interface PreferenceRow {
  reminder_hours: ReminderHours | null;
  reminder_email: boolean;
  reminder_in_app: boolean;
}

/** A reminder just claimed (its row inserted), with what the message needs. */
export interface DueReminderRow {
  booking_id: string;
  kind: ReminderKind;
  user_id: string;
  start_at: Date;
  end_at: Date;
  names: { ko: string; en: string }[];
  email: boolean;
  in_app: boolean;
}

/**
 * Claims every reminder due now in one statement: approved bookings holding their slot whose start
 * (kind `start`) or, for equipment already out, whose end (kind `return_due`) falls within the
 * requester's chosen hours. The (booking, kind) primary key with ON CONFLICT DO NOTHING makes each
 * reminder exactly once, whichever process runs the sweep and however often.
 */
const CLAIM_DUE = `
  WITH due AS (
    SELECT b.id AS booking_id, 'start'::text AS kind, b.requester_id AS user_id
      FROM bookings b JOIN users u ON u.id = b.requester_id
     WHERE b.decision = 'approved' AND b.holds_slot AND u.reminder_hours IS NOT NULL
       AND b.start_at > now() AND b.start_at <= now() + make_interval(hours => u.reminder_hours)
    UNION ALL
    SELECT b.id, 'return_due', b.requester_id
      FROM bookings b JOIN users u ON u.id = b.requester_id
     WHERE b.decision = 'approved' AND b.holds_slot AND u.reminder_hours IS NOT NULL
       AND b.start_at <= now() AND b.end_at > now() AND b.end_at <= now() + make_interval(hours => u.reminder_hours)
       AND EXISTS (SELECT 1 FROM booking_items i WHERE i.booking_id = b.id AND i.asset_kind <> 'space')),
  claimed AS (
    INSERT INTO booking_reminders (booking_id, kind, user_id) SELECT booking_id, kind, user_id FROM due
    ON CONFLICT (booking_id, kind) DO NOTHING
    RETURNING booking_id, kind, user_id)
  SELECT c.booking_id, c.kind, c.user_id, b.start_at, b.end_at, u.reminder_email AS email, u.reminder_in_app AS in_app,
         (SELECT json_agg(json_build_object('ko', a.name_ko, 'en', a.name_en) ORDER BY a.name_ko)
            FROM booking_items i JOIN assets a ON a.id = i.asset_id
           WHERE i.booking_id = c.booking_id AND (c.kind = 'start' OR i.asset_kind <> 'space')) AS names
    FROM claimed c JOIN bookings b ON b.id = c.booking_id JOIN users u ON u.id = c.user_id`;

@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async preferences(userId: string, tx?: EntityManager): Promise<PreferenceRow> {
    const [row] = (await (tx ?? this.db.manager).query(
      `SELECT reminder_hours, reminder_email, reminder_in_app FROM users WHERE id = $1`,
      [userId],
    )) as PreferenceRow[];
    return row;
  }

  async setPreferences(tx: EntityManager, userId: string, p: PreferenceRow): Promise<void> {
    await tx.query(
      `UPDATE users SET reminder_hours = $2, reminder_email = $3, reminder_in_app = $4, updated_at = now() WHERE id = $1`,
      [userId, p.reminder_hours, p.reminder_email, p.reminder_in_app],
    );
  }

  claimDue(tx: EntityManager): Promise<DueReminderRow[]> {
    return tx.query(CLAIM_DUE) as Promise<DueReminderRow[]>;
  }

  /**
   * Writes reminder notifications (the platform's own insert); those the person wants only by
   * e-mail are written already read, so they are sent but do not call for attention in the app.
   */
  async insertNotifications(
    tx: EntityManager,
    rows: NotificationInsert[],
    readIndexes: number[],
  ): Promise<void> {
    if (!rows.length) return;
    const inserted = (await tx.query(`${insertNotificationRowsFrom('$1')} RETURNING id`, [
      JSON.stringify(rows),
    ])) as { id: string }[];
    const read = readIndexes.map((i) => inserted[i]?.id).filter((id): id is string => Boolean(id));
    if (read.length)
      await tx.query(`UPDATE notifications SET read_at = now() WHERE id = ANY($1::uuid[])`, [read]);
  }
}
