import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AssetKind,
  BlockReason,
  Decision,
  GroupKind,
  Interval,
  PaymentStatus,
  Quote,
} from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { prepared, runPrepared } from '../database/prepared';
import { AuditInsert, insertAuditRowsFrom } from '../platform/audit/audit.repository';
import {
  insertNotificationRowsFrom,
  NotificationInsert,
} from '../platform/notifications/notifications.repository';
import { BookingEntity } from './booking.entity';
import type { BookingRow } from './booking-view';

/** A held booking as inserted: keys are the `bookings` columns (read by jsonb_populate_record). */
export interface HeldBookingInsert {
  /** Chosen by the caller, so the audit entry and notifications can name it in the same statement. */
  id: string;
  requester_id: string;
  group_id: string | null;
  purpose: string;
  purpose_tag: string | null;
  attendees: number;
  start_at: string;
  end_at: string;
  decision: Extract<Decision, 'pending' | 'approved'>;
  decided_at: string | null;
  payment_status: Extract<PaymentStatus, 'quoted' | 'waived'>;
  quoted_total: number;
  quote: Quote;
  approval_required: boolean;
  idempotency_key: string | null;
  request_hash: string;
}

/** One item of it: keys are the `booking_items` columns; `during` is the buffered range `[start,end)`. */
export interface BookingItemInsert {
  asset_id: string;
  asset_kind: AssetKind;
  quantity: number;
  rules_version: number;
  during: string;
}

export interface InsertedBooking {
  id: string;
  created_at: Date;
  group_name: string | null;
  group_kind: GroupKind | null;
}

/** The columns a decision changes (typed by the entity; see booking-transitions.ts). */
export type BookingChange = Partial<
  Pick<
    BookingEntity,
    | 'decision'
    | 'holdsSlot'
    | 'decidedBy'
    | 'decidedAt'
    | 'decisionReason'
    | 'cancelledBy'
    | 'cancelledAt'
    | 'cancelReason'
    | 'cancellationFee'
    | 'paymentStatus'
  >
>;

export interface BookingListFilter {
  /** null = every booking; otherwise those the user requested or that are for one of the groups. */
  visibleTo: { userId: string; groupIds: string[] } | null;
  decision: Decision | null;
  assetId: string | null;
  from: string | null;
  to: string | null;
}

export interface UsageRow {
  requester_id: string;
  group_id: string | null;
  start_at: Date;
  end_at: Date;
  asset_ids: string[];
}

export interface HeldWindowRow {
  start: Date;
  end: Date;
  quantity: number;
  /** Units of the asset held by every booking overlapping the window (pools). */
  held: number;
  /** Why, when a block holds it. */
  block_reason: BlockReason | null;
}

export interface AvailabilityRow {
  asset_id: string;
  open: Interval[];
  busy: (Interval & { quantity: number; blocked: BlockReason | null })[];
  free: Interval[];
}

/** One query shape for every read of a booking, so the DTO is built in one place (booking-view.ts). */
const SELECT_BOOKING = `SELECT b.*, u.display_name AS requester_name, g.name AS group_name, g.kind AS group_kind,
  d.display_name AS decided_by_name,
  (SELECT json_agg(json_build_object('assetId', i.asset_id, 'nameKo', a.name_ko, 'nameEn', a.name_en, 'kind', i.asset_kind,
                                     'quantity', i.quantity, 'rulesVersion', i.rules_version) ORDER BY a.name_ko)
     FROM booking_items i JOIN assets a ON a.id = i.asset_id WHERE i.booking_id = b.id) AS items
  FROM bookings b
  JOIN users u ON u.id = b.requester_id
  LEFT JOIN groups g ON g.id = b.group_id
  LEFT JOIN users d ON d.id = b.decided_by`;

/** The filter of a booking list (blocks only in everyone's; $1 everyone?, $2 user, $3 user's groups, $4 decision, $5 asset, $6 from, $7 to). */
const LIST_FILTER = `WHERE ($1::boolean OR ((b.requester_id = $2 OR b.group_id = ANY($3::uuid[])) AND b.kind = 'request'))
  AND ($4::text IS NULL OR b.decision = $4)
  AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM booking_items i WHERE i.booking_id = b.id AND i.asset_id = $5))
  AND ($6::timestamptz IS NULL OR b.end_at > $6)
  AND ($7::timestamptz IS NULL OR b.start_at < $7)`;

/**
 * The hot path: a booking that holds its slot, its items, its audit entry and its notifications in
 * one statement (atomic, one round trip, no transaction to open). Each row is one named JSON record
 * whose keys are the columns, so a reader checks names, not positions. The audit and notification
 * inserts are those platforms' own SQL, their rows made by AuditService and NotificationsService.
 * The exclusion constraint and the pool trigger judge every item.
 */
const INSERT_HELD_BOOKING = prepared(
  'booking_insert_held',
  `WITH b AS (
     INSERT INTO bookings (id, requester_id, group_id, purpose, purpose_tag, attendees, start_at, end_at, holds_slot, decision,
                           decided_at, payment_status, quoted_total, quote, approval_required, idempotency_key, request_hash)
     SELECT id, requester_id, group_id, purpose, purpose_tag, attendees, start_at, end_at, true, decision,
            decided_at, payment_status, quoted_total, quote, approval_required, idempotency_key, request_hash
       FROM jsonb_populate_record(NULL::bookings, $1::jsonb)
     RETURNING id, created_at, group_id),
   i AS (
     INSERT INTO booking_items (booking_id, asset_id, asset_kind, quantity, rules_version, during, holds_slot)
     SELECT b.id, x.asset_id, x.asset_kind, x.quantity, x.rules_version, x.during, true
       FROM b, jsonb_populate_recordset(NULL::booking_items, $2::jsonb) AS x
     RETURNING 1),
   a AS (${insertAuditRowsFrom('$3')}),
   n AS (${insertNotificationRowsFrom('$4')})
   SELECT b.id, b.created_at, g.name AS group_name, g.kind AS group_kind, (SELECT count(*) FROM i)::int AS items
     FROM b LEFT JOIN groups g ON g.id = b.group_id`,
);

/** Bookings and their items: every SQL statement of the bookings domain. */
@Injectable()
export class BookingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The caller's transaction, or the pool. */
  private on(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  /** Inserts a held booking with its items, audit entries and notifications, all or nothing. */
  async insertHeld(
    booking: HeldBookingInsert,
    items: BookingItemInsert[],
    audit: AuditInsert[],
    notifications: NotificationInsert[],
  ): Promise<InsertedBooking> {
    const [row] = await runPrepared<InsertedBooking>(this.db.manager, INSERT_HELD_BOOKING, [
      JSON.stringify(booking),
      JSON.stringify(items),
      JSON.stringify(audit),
      JSON.stringify(notifications),
    ]);
    return row;
  }

  async findView(id: string, tx?: EntityManager): Promise<BookingRow | undefined> {
    const rows = (await this.on(tx).query(`${SELECT_BOOKING} WHERE b.id = $1`, [id])) as BookingRow[];
    return rows[0];
  }

  /** Locks the booking for the rest of the transaction; false when there is none. */
  async lock(tx: EntityManager, id: string): Promise<boolean> {
    const rows = (await tx.query(`SELECT id FROM bookings WHERE id = $1 FOR UPDATE`, [id])) as unknown[];
    return rows.length > 0;
  }

  /**
   * The asset category whose budget line a booking's income goes to: the category of the item with
   * the largest quoted amount (ties: the first asset by name).
   */
  async incomeCategory(tx: EntityManager, id: string): Promise<string | null> {
    const rows = (await tx.query(
      `SELECT a.category_id FROM booking_items i JOIN assets a ON a.id = i.asset_id JOIN bookings b ON b.id = i.booking_id
        WHERE i.booking_id = $1
        ORDER BY (SELECT coalesce(sum((l->>'amount')::bigint), 0) FROM jsonb_array_elements(b.quote->'lines') l
                   WHERE l->>'assetId' = i.asset_id::text) DESC, a.name_ko
        LIMIT 1`,
      [id],
    )) as { category_id: string }[];
    return rows[0]?.category_id ?? null;
  }

  async apply(tx: EntityManager, id: string, change: BookingChange): Promise<void> {
    await tx.update(BookingEntity, { id }, change);
  }

  async findByIdempotencyKey(
    requesterId: string,
    key: string,
  ): Promise<{ id: string; requestHash: string | null } | undefined> {
    const found = await this.db.getRepository(BookingEntity).findOne({
      select: { id: true, requestHash: true },
      where: { requesterId, idempotencyKey: key },
    });
    return found ?? undefined;
  }

  /** Fair holding: the user's pending slot-holding requests per asset, for these assets. */
  async pendingByAsset(
    tx: EntityManager,
    userId: string,
    assetIds: string[],
  ): Promise<Record<string, number>> {
    const rows = (await tx.query(
      `SELECT i.asset_id, count(DISTINCT b.id)::int AS n
         FROM bookings b JOIN booking_items i ON i.booking_id = b.id
        WHERE b.requester_id = $1 AND b.decision = 'pending' AND b.holds_slot AND i.asset_id = ANY($2::uuid[])
        GROUP BY i.asset_id`,
      [userId, assetIds],
    )) as { asset_id: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.asset_id, r.n]));
  }

  /** The user's and the group's slot-holding bookings within 32 days of `start` on these assets, for quotas. */
  async usageAround(
    tx: EntityManager,
    userId: string,
    groupId: string | null,
    start: string,
    assetIds: string[],
  ): Promise<UsageRow[]> {
    return (await tx.query(
      `SELECT b.requester_id, b.group_id, b.start_at, b.end_at, array_agg(i.asset_id) AS asset_ids
         FROM bookings b JOIN booking_items i ON i.booking_id = b.id
        WHERE b.holds_slot AND b.kind = 'request' AND (b.requester_id = $1 OR ($2::uuid IS NOT NULL AND b.group_id = $2))
          AND b.start_at BETWEEN $3::timestamptz - interval '32 days' AND $3::timestamptz + interval '32 days'
          AND i.asset_id = ANY($4::uuid[])
        GROUP BY b.id`,
      [userId, groupId, start, assetIds],
    )) as UsageRow[];
  }

  /** Held windows of an asset overlapping [start, end), with the units held around each. */
  async heldWindows(assetId: string, start: string, end: string): Promise<HeldWindowRow[]> {
    const rows = (await this.db.query(
      `SELECT lower(b.during) AS start, upper(b.during) AS end, b.quantity,
              (SELECT coalesce(sum(o.quantity), 0)::int FROM booking_items o
                WHERE o.asset_id = b.asset_id AND o.holds_slot AND o.during && tstzrange($2, $3)) AS held,
              k.block_reason
         FROM booking_items b JOIN bookings k ON k.id = b.booking_id
        WHERE b.asset_id = $1 AND b.holds_slot AND b.during && tstzrange($2, $3)
        ORDER BY lower(b.during)`,
      [assetId, start, end],
    )) as HeldWindowRow[];
    return rows;
  }

  async page(filter: BookingListFilter, limit: number, offset: number): Promise<BookingRow[]> {
    return (await this.db.query(
      `SELECT * FROM (${SELECT_BOOKING} ${LIST_FILTER}) x ORDER BY x.start_at, x.id LIMIT $8 OFFSET $9`,
      [...listParams(filter), limit, offset],
    )) as BookingRow[];
  }

  async count(filter: BookingListFilter): Promise<number> {
    const [{ total }] = (await this.db.query(
      `SELECT count(*)::int AS total FROM bookings b ${LIST_FILTER}`,
      listParams(filter),
    )) as { total: number }[];
    return total;
  }

  /** Pending requests, longest waiting first. */
  async pendingPage(limit: number, offset: number): Promise<BookingRow[]> {
    return (await this.db.query(
      `SELECT * FROM (${SELECT_BOOKING} WHERE b.decision = 'pending') x ORDER BY x.created_at, x.id LIMIT $1 OFFSET $2`,
      [limit, offset],
    )) as BookingRow[];
  }

  async pendingSummary(tx?: EntityManager): Promise<{ total: number; oldest: Date | null }> {
    const [row] = (await this.on(tx).query(
      `SELECT count(*)::int AS total, min(created_at) AS oldest FROM bookings WHERE decision = 'pending'`,
    )) as { total: number; oldest: Date | null }[];
    return row;
  }

  /** How many bookings each requester has per decision. */
  async decisionCounts(
    requesterIds: string[],
  ): Promise<{ requester_id: string; decision: Decision; n: number }[]> {
    return (await this.db.query(
      `SELECT requester_id, decision, count(*)::int AS n FROM bookings WHERE requester_id = ANY($1::uuid[]) AND kind = 'request' GROUP BY 1, 2`,
      [requesterIds],
    )) as { requester_id: string; decision: Decision; n: number }[];
  }

  /** Other slot-holding bookings overlapping any item of these bookings. */
  async overlapsOf(
    bookingIds: string[],
  ): Promise<{ booking_id: string; other_id: string; start: Date; end: Date }[]> {
    return (await this.db.query(
      `SELECT mine.booking_id, other.booking_id AS other_id, lower(other.during) AS start, upper(other.during) AS end
         FROM booking_items mine
         JOIN booking_items other ON other.asset_id = mine.asset_id AND other.booking_id <> mine.booking_id
                                 AND other.holds_slot AND other.during && mine.during
        WHERE mine.booking_id = ANY($1::uuid[])`,
      [bookingIds],
    )) as { booking_id: string; other_id: string; start: Date; end: Date }[];
  }

  /**
   * Open, busy and free time per asset in a window: opening hours (given as multiranges) minus held
   * ranges, with multirange arithmetic over the GiST-indexed ranges.
   */
  async availability(
    assets: { id: string; open: Interval[] }[],
    window: Interval,
  ): Promise<AvailabilityRow[]> {
    return (await this.db.query(
      `WITH req AS (SELECT * FROM unnest($1::uuid[], $2::tstzmultirange[]) AS r(asset_id, open)),
            w AS (SELECT tstzrange($3::timestamptz, $4::timestamptz) AS win)
       SELECT req.asset_id,
              (SELECT coalesce(json_agg(json_build_object('start', lower(x), 'end', upper(x))), '[]') FROM unnest(req.open) x) AS open,
              (SELECT coalesce(json_agg(json_build_object('start', lower(b.during * w.win), 'end', upper(b.during * w.win), 'quantity', b.quantity,
                                                          'blocked', k.block_reason)
                                        ORDER BY lower(b.during)), '[]')
                 FROM booking_items b JOIN bookings k ON k.id = b.booking_id WHERE b.asset_id = req.asset_id AND b.holds_slot AND b.during && w.win) AS busy,
              (SELECT coalesce(json_agg(json_build_object('start', lower(x), 'end', upper(x))), '[]')
                 FROM unnest(req.open - coalesce((SELECT range_agg(b.during) FROM booking_items b
                                                   WHERE b.asset_id = req.asset_id AND b.holds_slot AND b.during && w.win),
                                                 '{}'::tstzmultirange)) x) AS free
         FROM req, w`,
      [assets.map((a) => a.id), assets.map((a) => multirange(a.open)), window.start, window.end],
    )) as AvailabilityRow[];
  }
}

function listParams(f: BookingListFilter): unknown[] {
  return [
    f.visibleTo === null,
    f.visibleTo?.userId ?? null,
    f.visibleTo?.groupIds ?? [],
    f.decision,
    f.assetId,
    f.from,
    f.to,
  ];
}

/** A `{[a,b),…}` tstzmultirange literal. */
const multirange = (intervals: Interval[]) =>
  `{${intervals.map((i) => `["${i.start}","${i.end}")`).join(',')}}`;
