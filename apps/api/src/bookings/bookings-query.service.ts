import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApprovalQueueItem,
  AvailabilityResponse,
  BookingDto,
  Interval,
  openingIntervalsOn,
  zoneNamed,
} from '@madang/booking-rules';
import type { Page } from '@madang/contracts';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { AppConfig } from '../config/app-config';
import { Actor, can } from '../core/actor';
import { DomainError, invalidField } from '../core/domain-error';
import { assertSpan, MAX_SPAN_DAYS } from '../core/time-range';
import { BookingRow, SELECT_BOOKING, toBookingDto } from './booking-view';
import { AvailabilityQueryDto, BookingListQueryDto } from './dto/bookings.dto';
import { SERVICE_TARGET_WORKING_MINUTES, workingMinutesBetween } from './service-target';

const MAX_WINDOW_DAYS = MAX_SPAN_DAYS.availability;

/** The filter of a booking list ($1 scope, $2 user, $3 user's groups, $4 decision, $5 asset, $6 from, $7 to). */
const LIST_FILTER = `WHERE ($1 = 'all' OR b.requester_id = $2 OR b.group_id = ANY($3::uuid[]))
  AND ($4::text IS NULL OR b.decision = $4)
  AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM booking_items i WHERE i.booking_id = b.id AND i.asset_id = $5))
  AND ($6::timestamptz IS NULL OR b.end_at > $6)
  AND ($7::timestamptz IS NULL OR b.start_at < $7)`;

/** A `{[a,b),…}` tstzmultirange literal. */
const multirange = (intervals: Interval[]) =>
  `{${intervals.map((i) => `["${i.start}","${i.end}")`).join(',')}}`;

@Injectable()
export class BookingsQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, query: BookingListQueryDto): Promise<Page<BookingDto>> {
    const scope = query.scope ?? 'mine';
    if (scope === 'all' && !can(actor, 'bookings:read-all')) throw new DomainError('forbidden');
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const filter = [
      scope,
      actor.userId,
      actor.groups.map((g) => g.id),
      query.decision ?? null,
      query.assetId ?? null,
      query.from ?? null,
      query.to ?? null,
    ];
    const [rows, [{ total }]] = (await Promise.all([
      this.db.query(
        `SELECT * FROM (${SELECT_BOOKING} ${LIST_FILTER}) x ORDER BY x.start_at, x.id LIMIT $8 OFFSET $9`,
        [...filter, limit, offset],
      ),
      this.db.query(`SELECT count(*)::int AS total FROM bookings b ${LIST_FILTER}`, filter),
    ])) as [BookingRow[], { total: number }[]];
    return { items: rows.map(toBookingDto), total, limit, offset };
  }

  /** Pending requests, longest waiting first, with the requester's history and overlapping held bookings. */
  async queue(_actor: Actor): Promise<ApprovalQueueItem[]> {
    const rows = (await this.db.query(
      `SELECT * FROM (${SELECT_BOOKING} WHERE b.decision = 'pending') x ORDER BY x.created_at, x.id LIMIT 500`,
    )) as BookingRow[];
    if (rows.length === 0) return [];
    const history = (await this.db.query(
      `SELECT requester_id, decision, count(*)::int AS n FROM bookings WHERE requester_id = ANY($1::uuid[]) GROUP BY 1, 2`,
      [[...new Set(rows.map((r) => r.requester_id))]],
    )) as { requester_id: string; decision: string; n: number }[];
    const overlaps = (await this.db.query(
      `SELECT mine.booking_id, other.booking_id AS other_id, lower(other.during) AS start, upper(other.during) AS end
         FROM booking_items mine
         JOIN booking_items other ON other.asset_id = mine.asset_id AND other.booking_id <> mine.booking_id
                                 AND other.holds_slot AND other.during && mine.during
        WHERE mine.booking_id = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    )) as { booking_id: string; other_id: string; start: Date; end: Date }[];
    const now = new Date();
    return rows.map((row) => {
      const counts = (decision: string) =>
        history.find((h) => h.requester_id === row.requester_id && h.decision === decision)?.n ?? 0;
      return {
        ...toBookingDto(row),
        waitingMinutes: Math.floor((now.getTime() - row.created_at.getTime()) / 60_000),
        overdue:
          workingMinutesBetween(row.created_at, now, this.config.MADANG_TIMEZONE) >
          SERVICE_TARGET_WORKING_MINUTES,
        requesterHistory: {
          approved: counts('approved'),
          rejected: counts('rejected'),
          cancelled: counts('cancelled'),
          pending: counts('pending'),
        },
        conflicts: overlaps
          .filter((o) => o.booking_id === row.id)
          .map((o) => ({ bookingId: o.other_id, start: o.start.toISOString(), end: o.end.toISOString() })),
      };
    });
  }

  /**
   * Free time per asset: opening hours (from the rules, in local time) minus held ranges, computed
   * with multirange arithmetic in SQL over the GiST-indexed ranges. Pools are free while a unit is.
   */
  async availability(actor: Actor | undefined, query: AvailabilityQueryDto): Promise<AvailabilityResponse> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from) throw invalidField('to', 'invalid');
    assertSpan(query.from, query.to, 'to', MAX_WINDOW_DAYS);
    let ids: string[];
    if (query.assetIds) {
      ids = query.assetIds
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (ids.length > 300 || ids.some((id) => !/^[0-9a-f-]{36}$/i.test(id)))
        throw invalidField('assetIds', 'not_uuid');
    } else {
      const all = await this.catalogue.listAssets(actor, { categoryId: query.categoryId });
      ids = all.map((a) => a.id);
    }
    const assets = (await this.catalogue.forRules(this.db.manager, ids)).filter((a) => a.active);
    const window = { start: from.toISOString(), end: to.toISOString() };
    const opens = assets.map((a) => openIntervals(a.rules, from, to));
    const rows = (await this.db.query(
      `WITH req AS (SELECT * FROM unnest($1::uuid[], $2::tstzmultirange[]) AS r(asset_id, open)),
            w AS (SELECT tstzrange($3::timestamptz, $4::timestamptz) AS win)
       SELECT req.asset_id,
              (SELECT coalesce(json_agg(json_build_object('start', lower(x), 'end', upper(x))), '[]') FROM unnest(req.open) x) AS open,
              (SELECT coalesce(json_agg(json_build_object('start', lower(b.during * w.win), 'end', upper(b.during * w.win), 'quantity', b.quantity)
                                        ORDER BY lower(b.during)), '[]')
                 FROM booking_items b WHERE b.asset_id = req.asset_id AND b.holds_slot AND b.during && w.win) AS busy,
              (SELECT coalesce(json_agg(json_build_object('start', lower(x), 'end', upper(x))), '[]')
                 FROM unnest(req.open - coalesce((SELECT range_agg(b.during) FROM booking_items b
                                                   WHERE b.asset_id = req.asset_id AND b.holds_slot AND b.during && w.win),
                                                 '{}'::tstzmultirange)) x) AS free
         FROM req, w`,
      [assets.map((a) => a.id), opens.map(multirange), window.start, window.end],
    )) as {
      asset_id: string;
      open: Interval[];
      busy: (Interval & { quantity: number })[];
      free: Interval[];
    }[];
    const iso = (value: string) => new Date(value).toISOString();
    return {
      from: window.start,
      to: window.end,
      assets: assets.map((asset) => {
        const row = rows.find((r) => r.asset_id === asset.id) as (typeof rows)[number];
        const open = row.open.map((i) => ({ start: iso(i.start), end: iso(i.end) }));
        const busy = row.busy.map((i) => ({ start: iso(i.start), end: iso(i.end), quantity: i.quantity }));
        const free =
          asset.kind === 'equipment_pool'
            ? subtract(open, fullyHeld(busy, asset.poolSize ?? 0))
            : row.free.map((i) => ({ start: iso(i.start), end: iso(i.end) }));
        return { assetId: asset.id, kind: asset.kind, poolSize: asset.poolSize, open, busy, free };
      }),
    };
  }
}

/** Opening intervals of every local day touching [from, to), clipped to it. */
function openIntervals(rules: Parameters<typeof openingIntervalsOn>[1], from: Date, to: Date): Interval[] {
  const result: Interval[] = [];
  const last = DateTime.fromJSDate(to, { zone: zoneNamed(rules.timeZone) });
  for (
    let day = DateTime.fromJSDate(from, { zone: zoneNamed(rules.timeZone) }).startOf('day');
    day < last;
    day = day.plus({ days: 1 })
  ) {
    for (const interval of openingIntervalsOn(day.toISODate() ?? '', rules)) {
      const start = Math.max(Date.parse(interval.start), from.getTime());
      const end = Math.min(Date.parse(interval.end), to.getTime());
      if (end > start)
        result.push({ start: new Date(start).toISOString(), end: new Date(end).toISOString() });
    }
  }
  return result;
}

/** Intervals where held units reach the pool size. */
function fullyHeld(busy: (Interval & { quantity: number })[], poolSize: number): Interval[] {
  const points = [...new Set(busy.flatMap((b) => [Date.parse(b.start), Date.parse(b.end)]))].sort(
    (a, b) => a - b,
  );
  const full: Interval[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const held = busy
      .filter((b) => Date.parse(b.start) <= points[i] && Date.parse(b.end) > points[i])
      .reduce((s, b) => s + b.quantity, 0);
    if (held >= poolSize)
      full.push({ start: new Date(points[i]).toISOString(), end: new Date(points[i + 1]).toISOString() });
  }
  return full;
}

function subtract(from: Interval[], remove: Interval[]): Interval[] {
  let result = from.map((i) => ({ start: Date.parse(i.start), end: Date.parse(i.end) }));
  for (const r of remove.map((i) => ({ start: Date.parse(i.start), end: Date.parse(i.end) }))) {
    result = result.flatMap((i) => {
      if (r.end <= i.start || r.start >= i.end) return [i];
      const parts = [];
      if (r.start > i.start) parts.push({ start: i.start, end: r.start });
      if (r.end < i.end) parts.push({ start: r.end, end: i.end });
      return parts;
    });
  }
  return result.map((i) => ({ start: new Date(i.start).toISOString(), end: new Date(i.end).toISOString() }));
}
