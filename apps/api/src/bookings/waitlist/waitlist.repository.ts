import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BookingItem, WaitlistOfferState, WaitlistState } from '@madang/contracts';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

export interface EntryRow {
  id: string;
  user_id: string;
  asset_id: string;
  group_id: string | null;
  start_at: Date;
  end_at: Date;
  items: BookingItem[];
  purpose: string;
  attendees: number;
  state: WaitlistState;
  created_at: Date;
}

export interface EntryViewRow extends EntryRow {
  name_ko: string;
  name_en: string;
  position: number | null;
  offer_id: string | null;
  offer_state: WaitlistOfferState | null;
  offer_created_at: Date | null;
  offer_expires_at: Date | null;
  offer_booking_id: string | null;
}

export interface OfferRow {
  id: string;
  entry_id: string;
  user_id: string;
  asset_id: string;
  start_at: Date;
  end_at: Date;
  state: WaitlistOfferState;
  expires_at: Date;
  /** expires_at > now() of the reading transaction. */
  live: boolean;
}

/** A window on an asset that has just become free: `[start, end)`. */
export interface FreedWindow {
  assetId: string;
  start: Date;
  end: Date;
}

const ENTRY_COLUMNS = `e.id, e.user_id, e.asset_id, e.group_id, e.start_at, e.end_at, e.items, e.purpose, e.attendees, e.state, e.created_at`;

/** Every SQL statement of the waitlist. */
@Injectable()
export class WaitlistRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertEntry(
    tx: EntityManager,
    entry: Omit<EntryRow, 'id' | 'state' | 'created_at' | 'start_at' | 'end_at'> & {
      start_at: string;
      end_at: string;
    },
  ): Promise<string> {
    const rows = (await tx.query(
      `INSERT INTO waitlist_entries (user_id, asset_id, group_id, start_at, end_at, items, purpose, attendees)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        entry.user_id,
        entry.asset_id,
        entry.group_id,
        entry.start_at,
        entry.end_at,
        JSON.stringify(entry.items),
        entry.purpose,
        entry.attendees,
      ],
    )) as { id: string }[];
    return rows[0].id;
  }

  /** The person's entries for slots that have not ended yet (plus a day), with their newest offer and place in line. */
  async listFor(userId: string, entryId?: string, tx?: EntityManager): Promise<EntryViewRow[]> {
    return (tx ?? this.db.manager).query(
      `SELECT ${ENTRY_COLUMNS}, a.name_ko, a.name_en,
              CASE WHEN e.state = 'waiting' THEN
                (SELECT count(*)::int + 1 FROM waitlist_entries o
                  WHERE o.asset_id = e.asset_id AND o.state = 'waiting' AND o.id <> e.id
                    AND tstzrange(o.start_at, o.end_at) && tstzrange(e.start_at, e.end_at)
                    AND (o.created_at, o.id) < (e.created_at, e.id))
              END AS position,
              f.id AS offer_id, f.state AS offer_state, f.created_at AS offer_created_at,
              f.expires_at AS offer_expires_at, f.booking_id AS offer_booking_id
         FROM waitlist_entries e
         JOIN assets a ON a.id = e.asset_id
         LEFT JOIN LATERAL (SELECT * FROM waitlist_offers x WHERE x.entry_id = e.id ORDER BY x.created_at DESC LIMIT 1) f ON true
        WHERE e.user_id = $1 AND ($2::uuid IS NULL OR e.id = $2) AND e.end_at > now() - interval '1 day'
        ORDER BY e.start_at, e.created_at
        LIMIT 200`,
      [userId, entryId ?? null],
    ) as Promise<EntryViewRow[]>;
  }

  async lockEntry(tx: EntityManager, id: string): Promise<EntryRow | undefined> {
    const rows = (await tx.query(
      `SELECT ${ENTRY_COLUMNS} FROM waitlist_entries e WHERE e.id = $1 FOR UPDATE`,
      [id],
    )) as EntryRow[];
    return rows[0];
  }

  async setEntryState(tx: EntityManager, ids: string[], state: WaitlistState): Promise<void> {
    if (ids.length)
      await tx.query(
        `UPDATE waitlist_entries SET state = $2, updated_at = now() WHERE id = ANY($1::uuid[])`,
        [ids, state],
      );
  }

  /** The items' windows of a booking (their buffered ranges). */
  async windowsOfBooking(tx: EntityManager, bookingId: string): Promise<FreedWindow[]> {
    return (await tx.query(
      `SELECT asset_id AS "assetId", lower(during) AS start, upper(during) AS end FROM booking_items WHERE booking_id = $1`,
      [bookingId],
    )) as FreedWindow[];
  }

  /**
   * Waiting entries that want any of these windows (an item's asset and an overlapping time), first
   * in line first, locked so two freeing transactions cannot offer the same entry twice.
   */
  async waitingFor(tx: EntityManager, windows: FreedWindow[]): Promise<EntryRow[]> {
    if (!windows.length) return [];
    return (await tx.query(
      `SELECT ${ENTRY_COLUMNS} FROM waitlist_entries e
        WHERE e.state = 'waiting' AND e.start_at > now()
          AND EXISTS (SELECT 1 FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS w(asset_id, s, t),
                             jsonb_array_elements(e.items) it
                       WHERE (it->>'assetId')::uuid = w.asset_id AND tstzrange(e.start_at, e.end_at) && tstzrange(w.s, w.t))
        ORDER BY e.created_at, e.id
        FOR UPDATE OF e SKIP LOCKED`,
      [windows.map((w) => w.assetId), windows.map((w) => w.start), windows.map((w) => w.end)],
    )) as EntryRow[];
  }

  /** Every waiting entry for a slot still ahead, first in line first, locked (skipping locked ones). */
  async waitingAll(tx: EntityManager): Promise<EntryRow[]> {
    return (await tx.query(
      `SELECT ${ENTRY_COLUMNS} FROM waitlist_entries e
        WHERE e.state = 'waiting' AND e.start_at > now()
        ORDER BY e.created_at, e.id
        LIMIT 1000
        FOR UPDATE OF e SKIP LOCKED`,
    )) as EntryRow[];
  }

  /**
   * Units of an asset held over `[start, end)` by slot-holding items (as this transaction sees them),
   * and whether an open offer already covers part of it.
   */
  async heldOver(
    tx: EntityManager,
    assetId: string,
    start: string,
    end: string,
  ): Promise<{ items: number; units: number; offered: boolean }> {
    const [row] = (await tx.query(
      `SELECT count(*)::int AS items, coalesce(sum(quantity), 0)::int AS units,
              EXISTS (SELECT 1 FROM waitlist_offers o WHERE o.asset_id = $1 AND o.state = 'open'
                        AND tstzrange(o.start_at, o.end_at) && tstzrange($2, $3)) AS offered
         FROM booking_items WHERE asset_id = $1 AND holds_slot AND during && tstzrange($2, $3)`,
      [assetId, start, end],
    )) as { items: number; units: number; offered: boolean }[];
    return row;
  }

  /**
   * Opens an offer that expires after `minutes`, or at the slot's start if that is sooner. Null when
   * a concurrent transaction opened one for the same slot or entry first (the partial unique indexes
   * decide; a savepoint keeps the caller's transaction — a cancellation — alive).
   */
  async openOffer(
    tx: EntityManager,
    entry: EntryRow,
    minutes: number,
  ): Promise<{ id: string; expires_at: Date } | null> {
    await tx.query(`SAVEPOINT waitlist_open_offer`);
    let row: { id: string; expires_at: Date };
    try {
      [row] = (await tx.query(
        `INSERT INTO waitlist_offers (entry_id, user_id, asset_id, start_at, end_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, LEAST(now() + make_interval(mins => $6), $4::timestamptz))
         RETURNING id, expires_at`,
        [entry.id, entry.user_id, entry.asset_id, entry.start_at, entry.end_at, minutes],
      )) as { id: string; expires_at: Date }[];
    } catch (error) {
      const pg = error instanceof QueryFailedError ? (error.driverError as { code?: string }) : undefined;
      if (pg?.code !== '23505') throw error;
      await tx.query(`ROLLBACK TO SAVEPOINT waitlist_open_offer`);
      return null;
    }
    await tx.query(`RELEASE SAVEPOINT waitlist_open_offer`);
    await this.setEntryState(tx, [entry.id], 'offered');
    return row;
  }

  async lockOffer(tx: EntityManager, id: string): Promise<OfferRow | undefined> {
    const rows = (await tx.query(
      `SELECT id, entry_id, user_id, asset_id, start_at, end_at, state, expires_at, expires_at > now() AS live
         FROM waitlist_offers WHERE id = $1 FOR UPDATE`,
      [id],
    )) as OfferRow[];
    return rows[0];
  }

  /** The open offer of an entry, locked. */
  async lockOpenOfferOf(tx: EntityManager, entryId: string): Promise<OfferRow | undefined> {
    const rows = (await tx.query(
      `SELECT id, entry_id, user_id, asset_id, start_at, end_at, state, expires_at, expires_at > now() AS live
         FROM waitlist_offers WHERE entry_id = $1 AND state = 'open' FOR UPDATE`,
      [entryId],
    )) as OfferRow[];
    return rows[0];
  }

  /** Accepts (the trigger refuses it once expires_at has passed) and marks the entry booked. */
  async accept(tx: EntityManager, offer: OfferRow, bookingId: string): Promise<void> {
    await tx.query(`UPDATE waitlist_offers SET state = 'accepted', booking_id = $2 WHERE id = $1`, [
      offer.id,
      bookingId,
    ]);
    await this.setEntryState(tx, [offer.entry_id], 'booked');
  }

  async withdrawOffer(tx: EntityManager, offerId: string): Promise<void> {
    await tx.query(`UPDATE waitlist_offers SET state = 'withdrawn', decided_at = now() WHERE id = $1`, [
      offerId,
    ]);
  }

  /** Expires every open offer past its time (skipping ones another transaction holds), their entries lapse. */
  async expireDue(tx: EntityManager): Promise<OfferRow[]> {
    const rows = (await tx.query(
      `WITH due AS (SELECT id FROM waitlist_offers WHERE state = 'open' AND expires_at <= now() FOR UPDATE SKIP LOCKED),
            x AS (UPDATE waitlist_offers o SET state = 'expired', decided_at = now() FROM due WHERE o.id = due.id
                  RETURNING o.id, o.entry_id, o.user_id, o.asset_id, o.start_at, o.end_at, o.state, o.expires_at, false AS live)
       SELECT * FROM x`,
    )) as OfferRow[];
    await this.setEntryState(
      tx,
      rows.map((r) => r.entry_id),
      'lapsed',
    );
    return rows;
  }

  /** Entries still waiting for a slot that has started: they can no longer be offered anything. */
  async lapseStarted(tx: EntityManager): Promise<number> {
    const rows = (await tx.query(
      `UPDATE waitlist_entries SET state = 'lapsed', updated_at = now() WHERE state = 'waiting' AND start_at <= now() RETURNING id`,
    )) as unknown[];
    return rows.length;
  }
}
