import { Injectable } from '@nestjs/common';
import { openingIntervalsOn, zoneNamed } from '@madang/booking-rules';
import { type Page, ApprovalQueueItem, AvailabilityResponse, BookingDto, Interval } from '@madang/contracts';
import { DateTime } from 'luxon';
import { CatalogueService } from '../catalogue/catalogue.service';
import { AppConfig } from '../config/app-config';
import { Actor, can } from '../core/actor';
import { DomainError, invalidField } from '../core/domain-error';
import { PageQueryDto, pageOf } from '../core/pagination';
import { assertSpan, MAX_SPAN_DAYS } from '../core/time-range';
import { BookingRow, toBookingDto } from './booking-view';
import { BookingsRepository } from './bookings.repository';
import { AvailabilityQueryDto, BookingListQueryDto } from './dto/bookings.dto';
import { SERVICE_TARGET_WORKING_MINUTES, workingMinutesBetween } from './service-target';

const MAX_WINDOW_DAYS = MAX_SPAN_DAYS.availability;

@Injectable()
export class BookingsQueryService {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly catalogue: CatalogueService,
    private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, query: BookingListQueryDto): Promise<Page<BookingDto>> {
    const scope = query.scope ?? 'mine';
    if (scope === 'all' && !can(actor, 'bookings:read-all')) throw new DomainError('forbidden');
    const { limit, offset } = pageOf(query);
    const filter = {
      visibleTo: scope === 'all' ? null : { userId: actor.userId, groupIds: actor.groups.map((g) => g.id) },
      decision: query.decision ?? null,
      assetId: query.assetId ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
    };
    const [rows, total] = await Promise.all([
      this.bookings.page(filter, limit, offset),
      this.bookings.count(filter),
    ]);
    return { items: rows.map(toBookingDto), total, limit, offset };
  }

  /** Pending requests, longest waiting first, with the requester's history and overlapping held bookings. */
  async queue(_actor: Actor, query: PageQueryDto): Promise<Page<ApprovalQueueItem>> {
    const { limit, offset } = pageOf(query);
    const [rows, { total }] = await Promise.all([
      this.bookings.pendingPage(limit, offset),
      this.bookings.pendingSummary(),
    ]);
    return { items: await this.queueItems(rows), total, limit, offset };
  }

  private async queueItems(rows: BookingRow[]): Promise<ApprovalQueueItem[]> {
    if (rows.length === 0) return [];
    const [history, overlaps] = await Promise.all([
      this.bookings.decisionCounts([...new Set(rows.map((r) => r.requester_id))]),
      this.bookings.overlapsOf(rows.map((r) => r.id)),
    ]);
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
    const assets = (await this.catalogue.forRules(ids)).filter((a) => a.active);
    const window = { start: from.toISOString(), end: to.toISOString() };
    const rows = await this.bookings.availability(
      assets.map((a) => ({ id: a.id, open: openIntervals(a.rules, from, to) })),
      window,
    );
    const iso = (value: string) => new Date(value).toISOString();
    return {
      from: window.start,
      to: window.end,
      assets: assets.map((asset) => {
        const row = rows.find((r) => r.asset_id === asset.id) as (typeof rows)[number];
        const open = row.open.map((i) => ({ start: iso(i.start), end: iso(i.end) }));
        const busy = row.busy.map((i) => ({
          start: iso(i.start),
          end: iso(i.end),
          quantity: i.quantity,
          ...(i.blocked ? { blocked: i.blocked } : {}),
        }));
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
