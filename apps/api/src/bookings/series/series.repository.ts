import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AssetKind,
  BookingItem,
  Decision,
  GroupKind,
  OccurrenceExceptionKind,
  Quote,
  SeriesStatus,
} from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditInsert, insertAuditRowsFrom } from '../../platform/audit/audit.repository';
import {
  insertNotificationRowsFrom,
  NotificationInsert,
} from '../../platform/notifications/notifications.repository';
import type { BookingItemInsert, HeldBookingInsert, UsageRow } from '../bookings.repository';

/** A series row as inserted (keys are the `booking_series` columns). */
export interface SeriesInsert {
  id: string;
  requester_id: string;
  group_id: string | null;
  split_from: string | null;
  items: BookingItem[];
  rrule: string;
  start_date: string;
  start_time: string;
  duration_minutes: number;
  time_zone: string;
  until_date: string | null;
  occurrence_count: number | null;
  purpose: string;
  purpose_tag: string | null;
  attendees: number;
  status: SeriesStatus;
}

/** An occurrence booking as inserted: a held booking with its series link. */
export type OccurrenceInsert = Omit<HeldBookingInsert, 'idempotency_key' | 'request_hash'> & {
  series_id: string;
  occurrence_date: string;
};

export type OccurrenceItemInsert = BookingItemInsert & { booking_id: string };

export interface SeriesRow {
  id: string;
  requester_id: string;
  requester_name: string;
  group_id: string | null;
  group_name: string | null;
  group_kind: GroupKind | null;
  split_from: string | null;
  items: { assetId: string; quantity: number; nameKo: string; nameEn: string }[];
  rrule: string;
  start_date: string;
  start_time: string;
  duration_minutes: number;
  time_zone: string;
  until_date: string | null;
  occurrence_count: number | null;
  purpose: string;
  purpose_tag: string | null;
  attendees: number;
  status: SeriesStatus;
  created_at: Date;
  booked?: number;
  pending?: number;
}

export interface OccurrenceRow {
  id: string;
  occurrence_date: string;
  start_at: Date;
  end_at: Date;
  decision: Decision;
  holds_slot: boolean;
  series_exception: OccurrenceExceptionKind | null;
  items: { assetId: string; nameKo: string; nameEn: string; kind: AssetKind; quantity: number }[];
}

export interface ConflictProbe {
  index: number;
  assetId: string;
  during: string;
  /** The booking being checked, excluded from its own conflicts. */
  self: string | null;
}

export interface ConflictRow {
  index: number;
  asset_id: string;
  start: Date;
  end: Date;
  held: number;
}

/** A retimed occurrence: new times and quote, and each item's new buffered range. */
export interface Retime {
  bookingId: string;
  start: string;
  end: string;
  quote: Quote;
  exception: OccurrenceExceptionKind | null;
  items: { assetId: string; during: string }[];
}

const SERIES_COLUMNS = `s.id, s.requester_id, u.display_name AS requester_name, s.group_id, g.name AS group_name,
  g.kind AS group_kind, s.split_from, s.rrule, to_char(s.start_date, 'YYYY-MM-DD') AS start_date,
  to_char(s.start_time, 'HH24:MI') AS start_time, s.duration_minutes, s.time_zone,
  to_char(s.until_date, 'YYYY-MM-DD') AS until_date, s.occurrence_count, s.purpose, s.purpose_tag, s.attendees,
  s.status, s.created_at,
  (SELECT json_agg(json_build_object('assetId', a.id, 'quantity', (x.item->>'quantity')::int, 'nameKo', a.name_ko,
                                     'nameEn', a.name_en) ORDER BY x.ord)
     FROM jsonb_array_elements(s.items) WITH ORDINALITY AS x(item, ord)
     JOIN assets a ON a.id = (x.item->>'assetId')::uuid) AS items`;
const SERIES_FROM = `FROM booking_series s JOIN users u ON u.id = s.requester_id LEFT JOIN groups g ON g.id = s.group_id`;

/** The series, its bookings and items, written set-based: one statement for a whole series. */
const INSERT_SERIES = `WITH s AS (
    INSERT INTO booking_series (id, requester_id, group_id, split_from, items, rrule, start_date, start_time, duration_minutes,
                                time_zone, until_date, occurrence_count, purpose, purpose_tag, attendees, status)
    SELECT id, requester_id, group_id, split_from, items, rrule, start_date, start_time, duration_minutes,
           time_zone, until_date, occurrence_count, purpose, purpose_tag, attendees, status
      FROM jsonb_populate_record(NULL::booking_series, $1::jsonb) WHERE $1::jsonb IS NOT NULL
    RETURNING id),
  b AS (
    INSERT INTO bookings (id, requester_id, group_id, purpose, purpose_tag, attendees, start_at, end_at, holds_slot, decision,
                          decided_at, payment_status, quoted_total, quote, approval_required, series_id, occurrence_date)
    SELECT id, requester_id, group_id, purpose, purpose_tag, attendees, start_at, end_at, true, decision,
           decided_at, payment_status, quoted_total, quote, approval_required, series_id, occurrence_date
      FROM jsonb_populate_recordset(NULL::bookings, $2::jsonb)
    RETURNING 1),
  i AS (
    INSERT INTO booking_items (booking_id, asset_id, asset_kind, quantity, rules_version, during, holds_slot)
    SELECT booking_id, asset_id, asset_kind, quantity, rules_version, during, true
      FROM jsonb_populate_recordset(NULL::booking_items, $3::jsonb)
    RETURNING 1),
  a AS (${insertAuditRowsFrom('$4')}),
  n AS (${insertNotificationRowsFrom('$5')})
  SELECT (SELECT count(*) FROM s)::int AS series, (SELECT count(*) FROM b)::int AS bookings, (SELECT count(*) FROM i)::int AS items`;

/** Recurring series and their occurrences: every SQL statement of bookings/series. */
@Injectable()
export class SeriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private on(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  /**
   * Inserts a series (or, with `series` null, only more occurrences of an existing one), its
   * occurrence bookings, their items, audit entries and notifications in one statement. The
   * exclusion constraint and the pool trigger judge every item; one collision fails it all (23P01).
   */
  async insertOccurrences(
    tx: EntityManager | undefined,
    series: SeriesInsert | null,
    bookings: OccurrenceInsert[],
    items: OccurrenceItemInsert[],
    audit: AuditInsert[],
    notifications: NotificationInsert[],
  ): Promise<{ series: number; bookings: number; items: number }> {
    const [row] = (await this.on(tx).query(INSERT_SERIES, [
      series === null ? null : JSON.stringify(series),
      JSON.stringify(bookings),
      JSON.stringify(items),
      JSON.stringify(audit),
      JSON.stringify(notifications),
    ])) as { series: number; bookings: number; items: number }[];
    return row;
  }

  async find(id: string, tx?: EntityManager): Promise<SeriesRow | undefined> {
    const rows = (await this.on(tx).query(`SELECT ${SERIES_COLUMNS} ${SERIES_FROM} WHERE s.id = $1`, [
      id,
    ])) as SeriesRow[];
    return rows[0];
  }

  async lock(tx: EntityManager, id: string): Promise<boolean> {
    const rows = (await tx.query(`SELECT id FROM booking_series WHERE id = $1 FOR UPDATE`, [
      id,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** Every booking of a series, by occurrence date. */
  async occurrences(seriesId: string, tx?: EntityManager): Promise<OccurrenceRow[]> {
    return (await this.on(tx).query(
      `SELECT b.id, to_char(b.occurrence_date, 'YYYY-MM-DD') AS occurrence_date, b.start_at, b.end_at, b.decision,
              b.holds_slot, b.series_exception,
              (SELECT json_agg(json_build_object('assetId', i.asset_id, 'nameKo', a.name_ko, 'nameEn', a.name_en,
                                                 'kind', i.asset_kind, 'quantity', i.quantity) ORDER BY a.name_ko)
                 FROM booking_items i JOIN assets a ON a.id = i.asset_id WHERE i.booking_id = b.id) AS items
         FROM bookings b WHERE b.series_id = $1 ORDER BY b.occurrence_date`,
      [seriesId],
    )) as OccurrenceRow[];
  }

  /** A page of series: `visibleTo` null = every series; else the user's own and their groups'. */
  async page(
    visibleTo: { userId: string; groupIds: string[] } | null,
    limit: number,
    offset: number,
  ): Promise<{ rows: SeriesRow[]; total: number }> {
    const where = `WHERE ($1::boolean OR s.requester_id = $2 OR s.group_id = ANY($3::uuid[]))`;
    const params = [visibleTo === null, visibleTo?.userId ?? null, visibleTo?.groupIds ?? []];
    const rows = (await this.db.query(
      `SELECT ${SERIES_COLUMNS},
              (SELECT count(*) FROM bookings b WHERE b.series_id = s.id AND b.holds_slot)::int AS booked,
              (SELECT count(*) FROM bookings b WHERE b.series_id = s.id AND b.decision = 'pending')::int AS pending
         ${SERIES_FROM} ${where} ORDER BY s.created_at DESC, s.id LIMIT $4 OFFSET $5`,
      [...params, limit, offset],
    )) as SeriesRow[];
    const [{ total }] = (await this.db.query(
      `SELECT count(*)::int AS total FROM booking_series s ${where}`,
      params,
    )) as { total: number }[];
    return { rows, total };
  }

  /** Held windows colliding with each probe, in one query (pools: with the units held around each). */
  async conflicts(probes: ConflictProbe[], tx?: EntityManager): Promise<ConflictRow[]> {
    if (probes.length === 0) return [];
    return (await this.on(tx).query(
      `WITH p AS (SELECT * FROM unnest($1::int[], $2::uuid[], $3::tstzrange[], $4::uuid[]) AS r(idx, asset_id, during, self))
       SELECT p.idx AS index, p.asset_id, lower(b.during) AS start, upper(b.during) AS end,
              (SELECT coalesce(sum(o.quantity), 0)::int FROM booking_items o
                WHERE o.asset_id = p.asset_id AND o.holds_slot AND o.during && p.during
                  AND o.booking_id IS DISTINCT FROM p.self) AS held
         FROM p JOIN booking_items b ON b.asset_id = p.asset_id AND b.holds_slot AND b.during && p.during
                                    AND b.booking_id IS DISTINCT FROM p.self
        ORDER BY p.idx, lower(b.during)`,
      [
        probes.map((p) => p.index),
        probes.map((p) => p.assetId),
        probes.map((p) => p.during),
        probes.map((p) => p.self),
      ],
    )) as ConflictRow[];
  }

  /** The user's and the group's slot-holding bookings on these assets from 32 days before `from` to 32 after `to`. */
  async usageBetween(
    tx: EntityManager | undefined,
    userId: string,
    groupId: string | null,
    from: string,
    to: string,
    assetIds: string[],
    excludeBookingIds: string[],
  ): Promise<UsageRow[]> {
    return (await this.on(tx).query(
      `SELECT b.requester_id, b.group_id, b.start_at, b.end_at, array_agg(i.asset_id) AS asset_ids
         FROM bookings b JOIN booking_items i ON i.booking_id = b.id
        WHERE b.holds_slot AND (b.requester_id = $1 OR ($2::uuid IS NOT NULL AND b.group_id = $2))
          AND b.start_at BETWEEN $3::timestamptz - interval '32 days' AND $4::timestamptz + interval '32 days'
          AND i.asset_id = ANY($5::uuid[]) AND NOT (b.id = ANY($6::uuid[]))
        GROUP BY b.id`,
      [userId, groupId, from, to, assetIds, excludeBookingIds],
    )) as UsageRow[];
  }

  /**
   * New times (and quote) for occurrence bookings and the buffered ranges of their items, set-based:
   * two statements whatever the number of occurrences. The exclusion constraint re-checks every item.
   */
  async retime(tx: EntityManager, changes: Retime[]): Promise<void> {
    if (changes.length === 0) return;
    await tx.query(
      `UPDATE bookings b SET start_at = c.start_at, end_at = c.end_at, quote = c.quote,
              quoted_total = (c.quote->>'total')::int,
              series_exception = coalesce(c.exception, b.series_exception), updated_at = now()
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::jsonb[], $5::text[])
              AS c(id, start_at, end_at, quote, exception)
        WHERE b.id = c.id`,
      [
        changes.map((c) => c.bookingId),
        changes.map((c) => c.start),
        changes.map((c) => c.end),
        changes.map((c) => JSON.stringify(c.quote)),
        changes.map((c) => c.exception),
      ],
    );
    const items = changes.flatMap((c) => c.items.map((i) => ({ bookingId: c.bookingId, ...i })));
    await tx.query(
      `UPDATE booking_items i SET during = c.during
         FROM unnest($1::uuid[], $2::uuid[], $3::tstzrange[]) AS c(booking_id, asset_id, during)
        WHERE i.booking_id = c.booking_id AND i.asset_id = c.asset_id`,
      [items.map((i) => i.bookingId), items.map((i) => i.assetId), items.map((i) => i.during)],
    );
  }

  /** Puts an occurrence on other assets: its items are replaced (the constraint re-checks them). */
  async replaceItems(tx: EntityManager, bookingId: string, items: BookingItemInsert[]): Promise<void> {
    await tx.query(`DELETE FROM booking_items WHERE booking_id = $1`, [bookingId]);
    await tx.query(
      `INSERT INTO booking_items (booking_id, asset_id, asset_kind, quantity, rules_version, during, holds_slot)
       SELECT $1, asset_id, asset_kind, quantity, rules_version, during, b.holds_slot
         FROM jsonb_populate_recordset(NULL::booking_items, $2::jsonb), bookings b WHERE b.id = $1`,
      [bookingId, JSON.stringify(items)],
    );
  }

  async markException(tx: EntityManager, bookingId: string, kind: OccurrenceExceptionKind): Promise<void> {
    await tx.query(`UPDATE bookings SET series_exception = $2 WHERE id = $1`, [bookingId, kind]);
  }

  /** Ends a series earlier or gives it a new rule, time or length (split and edit). */
  async updateDefinition(
    tx: EntityManager,
    id: string,
    change: Pick<
      SeriesInsert,
      'rrule' | 'start_date' | 'start_time' | 'duration_minutes' | 'until_date' | 'occurrence_count'
    >,
  ): Promise<void> {
    await tx.query(
      `UPDATE booking_series SET rrule = $2, start_date = $3, start_time = $4, duration_minutes = $5,
              until_date = $6, occurrence_count = $7, updated_at = now() WHERE id = $1`,
      [
        id,
        change.rrule,
        change.start_date,
        change.start_time,
        change.duration_minutes,
        change.until_date,
        change.occurrence_count,
      ],
    );
  }

  /** Moves the occurrences from `fromDate` on to another series (a split). */
  async moveOccurrences(
    tx: EntityManager,
    fromSeries: string,
    toSeries: string,
    fromDate: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE bookings SET series_id = $2 WHERE series_id = $1 AND occurrence_date >= $3::date`,
      [fromSeries, toSeries, fromDate],
    );
  }

  async setStatus(tx: EntityManager | undefined, id: string, status: SeriesStatus): Promise<void> {
    await this.on(tx).query(`UPDATE booking_series SET status = $2, updated_at = now() WHERE id = $1`, [
      id,
      status,
    ]);
  }
}
