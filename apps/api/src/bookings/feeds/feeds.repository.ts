import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Decision, Locale } from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';

export interface FeedRow {
  user_id: string;
  generation: number;
  rotated_at: Date;
}

export interface PersonEventRow {
  id: string;
  start_at: Date;
  end_at: Date;
  purpose: string;
  decision: Decision;
  created_at: Date;
  updated_at: Date;
  sequence: number;
  names: { ko: string; en: string }[];
}

export interface BusyRow {
  id: string;
  start: Date;
  end: Date;
  sequence: number;
  changed_at: Date;
}

/** Past and future reach of a feed: what a calendar app shows without the feed growing forever. */
const PAST_DAYS = 90;
const FUTURE_DAYS = 400;

@Injectable()
export class FeedsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async lockFeed(tx: EntityManager, userId: string): Promise<FeedRow | undefined> {
    const rows = (await tx.query(
      `SELECT user_id, generation, rotated_at FROM calendar_feeds WHERE user_id = $1 FOR UPDATE`,
      [userId],
    )) as FeedRow[];
    return rows[0];
  }

  /** Creates the feed (generation 1) or moves it to `generation` with a new token hash. */
  async save(tx: EntityManager, userId: string, generation: number, tokenHash: string): Promise<FeedRow> {
    const [row] = (await tx.query(
      `INSERT INTO calendar_feeds (user_id, token_hash, generation) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, generation = EXCLUDED.generation, rotated_at = now()
       RETURNING user_id, generation, rotated_at`,
      [userId, tokenHash, generation],
    )) as FeedRow[];
    return row;
  }

  /** The feed's person and their language, for a token hash. */
  async ownerOfToken(tokenHash: string): Promise<{ user_id: string; locale: Locale } | undefined> {
    const rows = (await this.db.query(
      `SELECT f.user_id, u.locale FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token_hash = $1`,
      [tokenHash],
    )) as { user_id: string; locale: Locale }[];
    return rows[0];
  }

  /** The person's own bookings in the feed's reach, every decision (cancelled and rejected ones too). */
  async personEvents(userId: string): Promise<PersonEventRow[]> {
    return (await this.db.query(
      `SELECT b.id, b.start_at, b.end_at, b.purpose, b.decision, b.created_at, b.updated_at,
              coalesce(s.sequence, 0) AS sequence,
              coalesce((SELECT json_agg(json_build_object('ko', a.name_ko, 'en', a.name_en) ORDER BY a.name_ko)
                          FROM booking_items i JOIN assets a ON a.id = i.asset_id WHERE i.booking_id = b.id), '[]') AS names
         FROM bookings b LEFT JOIN booking_feed_sequences s ON s.booking_id = b.id
        WHERE b.requester_id = $1
          AND b.end_at > now() - make_interval(days => ${PAST_DAYS}) AND b.start_at < now() + make_interval(days => ${FUTURE_DAYS})
        ORDER BY b.start_at, b.id
        LIMIT 5000`,
      [userId],
    )) as PersonEventRow[];
  }

  async assetExists(assetId: string): Promise<boolean> {
    const rows = (await this.db.query(`SELECT 1 FROM assets WHERE id = $1 AND active`, [
      assetId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** Busy windows of an asset (slot-holding items, buffers included): when, never who or why. */
  async busy(assetId: string): Promise<BusyRow[]> {
    return (await this.db.query(
      `SELECT i.id, lower(i.during) AS start, upper(i.during) AS end, coalesce(s.sequence, 0) AS sequence,
              coalesce(s.changed_at, b.created_at) AS changed_at
         FROM booking_items i JOIN bookings b ON b.id = i.booking_id
         LEFT JOIN booking_feed_sequences s ON s.booking_id = i.booking_id
        WHERE i.asset_id = $1 AND i.holds_slot
          AND upper(i.during) > now() - make_interval(days => ${PAST_DAYS})
          AND lower(i.during) < now() + make_interval(days => ${FUTURE_DAYS})
        ORDER BY lower(i.during), i.id
        LIMIT 5000`,
      [assetId],
    )) as BusyRow[];
  }
}
