import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { zoneNamed } from '@madang/booking-rules';
import {
  PERMISSIONS,
  type BookingSeriesDto,
  type EditSeriesResponse,
  type SeriesCancelResult,
  type SeriesDecisionResult,
  type SeriesOutcome,
} from '@madang/contracts';
import {
  compareExpansions,
  expandSeries,
  splitSeries,
  toRRuleText,
  type Occurrence,
  type SeriesDefinition,
} from '@madang/recurrence';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Actor, can } from '../../core/actor';
import { DomainError, forbidden, invalidField, notFound } from '../../core/domain-error';
import { AuditService } from '../../platform/audit/audit.service';
import { BookingsService } from '../bookings.service';
import { EditSeriesDto, OccurrenceChangeDto, SeriesCancelDto, SeriesDecisionDto } from './dto/series.dto';
import { SeriesChecker } from './series-checker';
import {
  duringOf,
  occurrencesOf,
  previewOf,
  readDefinition,
  seriesInputError,
  type PlannedOccurrence,
  type SeriesFacts,
} from './series-plan';
import { refusal, SeriesService } from './series.service';
import { SeriesRepository, type OccurrenceRow, type SeriesInsert, type SeriesRow } from './series.repository';
import { definitionOf } from './series-view';

const isExclusion = (error: unknown) =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23P01';

/** The RRULE part of a definition, as stored. */
const rrulePart = (definition: SeriesDefinition) => toRRuleText(definition).split('\nRRULE:')[1];

const factsOfRow = (row: SeriesRow): SeriesFacts => ({
  items: row.items.map((i) => ({ assetId: i.assetId, quantity: i.quantity })),
  purpose: row.purpose,
  purposeTag: row.purpose_tag ?? undefined,
  attendees: row.attendees,
  groupId: row.group_id,
});

const definitionColumns = (definition: SeriesDefinition) => ({
  rrule: rrulePart(definition),
  start_date: definition.startDate,
  start_time: definition.startTime,
  duration_minutes: definition.duration.minutes ?? 0,
  until_date: definition.end.kind === 'until' ? definition.end.until : null,
  occurrence_count: definition.end.kind === 'count' ? definition.end.count : null,
});

/** An occurrence at its own times (a move), for the checks and their answer. */
function occurrenceAt(key: string, start: string, end: string, timeZone: string): Occurrence {
  const local = (iso: string) =>
    DateTime.fromISO(iso, { zone: zoneNamed(timeZone) }).toFormat("yyyy-MM-dd'T'HH:mm");
  return {
    key,
    index: 0,
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    localStart: local(start),
    localEnd: local(end),
    startShifted: false,
  };
}

/**
 * Changes to a series after it is booked: edit the rule or time (whole series or this and following,
 * which splits it), change one occurrence (move, other room, cancel), decide it, cancel it. Moved
 * and re-roomed occurrences keep their own change through edits of the series.
 */
@Injectable()
export class SeriesChangesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly series: SeriesRepository,
    private readonly reader: SeriesService,
    private readonly checker: SeriesChecker,
    private readonly bookings: BookingsService,
    private readonly audit: AuditService,
  ) {}

  async edit(actor: Actor, id: string, dto: EditSeriesDto): Promise<EditSeriesResponse> {
    const row = await this.own(actor, id);
    if (dto.startTime === undefined && dto.durationMinutes === undefined && dto.rrule === undefined)
      throw invalidField('startTime', 'required');
    const before = definitionOf(row);
    const edited = (base: SeriesDefinition): SeriesDefinition => {
      const startTime = dto.startTime ?? base.startTime;
      const durationMinutes = dto.durationMinutes ?? base.duration.minutes ?? 0;
      const next = dto.rrule
        ? readDefinition(
            { rrule: dto.rrule, startDate: base.startDate, startTime, durationMinutes },
            base.timeZone,
          )
        : { ...base, startTime, duration: { minutes: durationMinutes } };
      occurrencesOf(next);
      return next;
    };
    let targetId = id;
    let headId: string | null = null;
    let cancelLater: OccurrenceRow[] = [];
    let skipped: EditSeriesResponse['skipped'] = [];
    let waived: string[] = [];
    try {
      await this.db.transaction(async (tx) => {
        if (!(await this.series.lock(tx, id))) throw notFound();
        let base = before;
        if (dto.scope === 'this_and_following') {
          if (!dto.from) throw invalidField('from', 'required');
          const split = splitSeries(before, dto.from);
          if (!split.ok) throw seriesInputError(split.problems);
          targetId = randomUUID();
          headId = id;
          base = split.tail;
          await this.series.updateDefinition(tx, id, definitionColumns(split.head));
          const tail: SeriesInsert = {
            id: targetId,
            requester_id: row.requester_id,
            group_id: row.group_id,
            split_from: id,
            items: factsOfRow(row).items,
            time_zone: row.time_zone,
            purpose: row.purpose,
            purpose_tag: row.purpose_tag,
            attendees: row.attendees,
            status: 'active',
            ...definitionColumns(split.tail),
          };
          await this.series.insertOccurrences(
            tx,
            tail,
            [],
            [],
            [
              this.audit.entry(actor, {
                action: 'booking_series.split',
                entityType: 'booking_series',
                entityId: id,
                after: { from: dto.from, head: split.head, tail: targetId },
              }),
            ],
            [],
          );
          await this.series.moveOccurrences(tx, id, targetId, dto.from);
        }
        const result = await this.applyEdit(tx, actor, targetId, row, base, edited(base));
        cancelLater = result.removed;
        skipped = result.skipped;
        waived = result.waived;
      });
    } catch (error) {
      if (isExclusion(error)) throw new DomainError('slot_taken');
      throw error;
    }
    // Occurrences the new rule no longer has: cancelled each under its own terms.
    for (const removed of cancelLater) await this.cancelOne(actor, removed, 'series edited');
    await this.reader.recordWaivers(actor, waived);
    return {
      series: await this.reader.get(actor, targetId),
      head: headId ? await this.reader.get(actor, headId) : null,
      skipped,
    };
  }

  /**
   * Re-times every future occurrence that follows the series (not the moved ones) to the new
   * definition, set-based, all or nothing; books dates the new rule adds (those that fit).
   */
  private async applyEdit(
    tx: EntityManager,
    actor: Actor,
    seriesId: string,
    row: SeriesRow,
    before: SeriesDefinition,
    after: SeriesDefinition,
  ) {
    const now = Date.now();
    const facts = factsOfRow(row);
    const next = occurrencesOf(after);
    const byKey = new Map(next.map((o) => [o.key, o]));
    const rows = await this.series.occurrences(seriesId, tx);
    const booked = new Set(rows.map((r) => r.occurrence_date));
    const live = rows.filter((r) => r.holds_slot && r.start_at.getTime() > now);
    const retimes: PlannedOccurrence[] = live
      .filter((r) => r.series_exception !== 'moved' && byKey.has(r.occurrence_date))
      .map((r) => {
        const o = byKey.get(r.occurrence_date) as Occurrence;
        return {
          occurrence: o,
          start: o.start,
          end: o.end,
          items: r.items.map((i) => ({ assetId: i.assetId, quantity: i.quantity })),
          bookingId: r.id,
        };
      });
    const removed = live.filter((r) => !byKey.has(r.occurrence_date));
    const old = expandSeries(before);
    const added = compareExpansions(old.ok ? old.occurrences : [], next)
      .added.filter((o) => !booked.has(o.key) && Date.parse(o.start) > now)
      .map((o) => ({ occurrence: o, start: o.start, end: o.end, items: facts.items, bookingId: null }));
    const { checked, assets } = await this.checker.check(tx, actor, facts, [...retimes, ...added], {
      pendingCap: false,
      excludeBookingIds: retimes.map((r) => r.bookingId as string),
    });
    const retimed = checked.slice(0, retimes.length);
    if (retimed.some((c) => c.check !== 'ok')) throw refusal(retimed);
    const byId = new Map(assets.map((a) => [a.id, a]));
    await this.series.retime(
      tx,
      retimed.map((c) => ({
        bookingId: c.bookingId as string,
        start: c.start,
        end: c.end,
        quote: c.evaluation.quote,
        exception: null,
        items: c.items.flatMap((i) => {
          const asset = byId.get(i.assetId);
          return asset ? [{ assetId: asset.id, during: duringOf(asset, c.start, c.end) }] : [];
        }),
      })),
    );
    const addedChecked = checked.slice(retimes.length);
    const ok = addedChecked.filter((c) => c.check === 'ok');
    const waived = ok.length ? await this.reader.insert(tx, actor, null, seriesId, facts, ok, assets) : [];
    await this.series.updateDefinition(tx, seriesId, definitionColumns(after));
    await this.audit.record(tx, actor, {
      action: 'booking_series.edited',
      entityType: 'booking_series',
      entityId: seriesId,
      before: definitionColumns(before),
      after: {
        ...definitionColumns(after),
        retimed: retimed.map((c) => c.occurrence.key),
        added: ok.map((c) => c.occurrence.key),
        removed: removed.map((r) => r.occurrence_date),
      },
    });
    return { removed, skipped: addedChecked.filter((c) => c.check !== 'ok').map(previewOf), waived };
  }

  /** Move one occurrence, put it in another room, or cancel it; the series keeps the change through edits. */
  async changeOccurrence(
    actor: Actor,
    id: string,
    date: string,
    dto: OccurrenceChangeDto,
  ): Promise<BookingSeriesDto> {
    const row = await this.own(actor, id);
    const booking = (await this.series.occurrences(id)).find((r) => r.occurrence_date === date);
    if (!booking) throw notFound();
    if (!booking.holds_slot) throw new DomainError('state_conflict', { decision: booking.decision });
    if (dto.action === 'cancel') {
      await this.bookings.cancel(actor, booking.id, dto.reason);
      await this.db.transaction((tx) => this.series.markException(tx, booking.id, 'cancelled'));
      return this.reader.get(actor, id);
    }
    let start = booking.start_at.toISOString();
    let end = booking.end_at.toISOString();
    let items = booking.items.map((i) => ({ assetId: i.assetId, quantity: i.quantity }));
    if (dto.action === 'move') {
      if (!dto.start) throw invalidField('start', 'required');
      if (!dto.end) throw invalidField('end', 'required');
      start = dto.start;
      end = dto.end;
    } else {
      if (!dto.items) throw invalidField('items', 'required');
      items = dto.items.map((i) => ({ assetId: i.assetId, quantity: i.quantity ?? 1 }));
    }
    const planned: PlannedOccurrence = {
      occurrence: occurrenceAt(date, start, end, row.time_zone),
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      items,
      bookingId: booking.id,
    };
    const exception = dto.action === 'move' || booking.series_exception === 'moved' ? 'moved' : 'other_room';
    try {
      await this.db.transaction(async (tx) => {
        const { checked, assets } = await this.checker.check(tx, actor, factsOfRow(row), [planned], {
          pendingCap: false,
          excludeBookingIds: [booking.id],
        });
        const [c] = checked;
        if (c.check !== 'ok') throw refusal(checked);
        const byId = new Map(assets.map((a) => [a.id, a]));
        if (dto.action === 'other_room') {
          await this.series.replaceItems(
            tx,
            booking.id,
            c.items.map((i) => {
              const asset = byId.get(i.assetId);
              if (!asset) throw notFound();
              return {
                asset_id: asset.id,
                asset_kind: asset.kind,
                quantity: i.quantity,
                rules_version: asset.rulesVersion,
                during: duringOf(asset, c.start, c.end),
              };
            }),
          );
        }
        await this.series.retime(tx, [
          {
            bookingId: booking.id,
            start: c.start,
            end: c.end,
            quote: c.evaluation.quote,
            exception,
            items: c.items.flatMap((i) => {
              const asset = byId.get(i.assetId);
              return asset ? [{ assetId: asset.id, during: duringOf(asset, c.start, c.end) }] : [];
            }),
          },
        ]);
        await this.audit.record(tx, actor, {
          action: `booking.${dto.action === 'move' ? 'moved' : 'other_room'}`,
          entityType: 'booking',
          entityId: booking.id,
          before: {
            start: booking.start_at,
            end: booking.end_at,
            items: booking.items.map((i) => i.assetId),
          },
          after: {
            seriesId: id,
            occurrenceDate: date,
            start: c.start,
            end: c.end,
            items: items.map((i) => i.assetId),
          },
        });
      });
    } catch (error) {
      if (isExclusion(error)) throw new DomainError('slot_taken');
      throw error;
    }
    return this.reader.get(actor, id);
  }

  /** Approve or reject the whole series (its pending occurrences) or some dates; each as a single booking is. */
  async decide(actor: Actor, id: string, dto: SeriesDecisionDto): Promise<SeriesDecisionResult> {
    if (dto.action === 'reject' && !dto.reason) throw invalidField('reason', 'required');
    await this.reader.visible(actor, id);
    const rows = await this.series.occurrences(id);
    const targets = dto.dates
      ? [...new Set(dto.dates)].map((date) => ({ date, row: rows.find((r) => r.occurrence_date === date) }))
      : rows.filter((r) => r.decision === 'pending').map((r) => ({ date: r.occurrence_date, row: r }));
    const results: SeriesOutcome[] = [];
    for (const { date, row } of targets) {
      if (!row) {
        results.push({ date, bookingId: '', ok: false, status: 404, code: 'not_found' });
        continue;
      }
      results.push(
        await this.outcome(date, row.id, async () => {
          const booking =
            dto.action === 'approve'
              ? await this.bookings.approve(actor, row.id, dto.reason)
              : await this.bookings.reject(actor, row.id, dto.reason as string);
          return { decision: booking.decision };
        }),
      );
    }
    return { results };
  }

  /** Cancels every future occurrence (or those from a date), each under its own cancellation terms. */
  async cancel(actor: Actor, id: string, dto: SeriesCancelDto): Promise<SeriesCancelResult> {
    const row = await this.reader.visible(actor, id);
    const own = row.requester_id === actor.userId;
    if (!own && !can(actor, PERMISSIONS.BOOKINGS_DECIDE)) throw forbidden();
    if (!own && !dto.reason) throw invalidField('reason', 'required');
    const now = Date.now();
    const targets = (await this.series.occurrences(id)).filter(
      (r) => r.holds_slot && (dto.from ? r.occurrence_date >= dto.from : r.start_at.getTime() > now),
    );
    const results: SeriesOutcome[] = [];
    for (const target of targets) results.push(await this.cancelOne(actor, target, dto.reason));
    const totalFee = results.reduce((sum, r) => sum + (r.fee ?? 0), 0);
    if (!dto.from && results.every((r) => r.ok)) {
      await this.db.transaction(async (tx) => {
        await this.series.setStatus(tx, id, 'cancelled');
        await this.audit.record(tx, actor, {
          action: 'booking_series.cancelled',
          entityType: 'booking_series',
          entityId: id,
          before: { status: row.status },
          after: { status: 'cancelled', reason: dto.reason ?? null, totalFee },
        });
      });
    }
    return { results, totalFee };
  }

  private cancelOne(actor: Actor, row: OccurrenceRow, reason?: string): Promise<SeriesOutcome> {
    return this.outcome(row.occurrence_date, row.id, async () => {
      const booking = await this.bookings.cancel(actor, row.id, reason);
      return { decision: booking.decision, fee: booking.payment.cancellationFee };
    });
  }

  private async outcome(
    date: string,
    bookingId: string,
    run: () => Promise<Pick<SeriesOutcome, 'decision' | 'fee'>>,
  ): Promise<SeriesOutcome> {
    try {
      return { date, bookingId, ok: true, status: 200, ...(await run()) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const status =
        error.code === 'not_found'
          ? 404
          : error.code === 'own_request'
            ? 403
            : error.code === 'rule_violation'
              ? 422
              : 409;
      return { date, bookingId, ok: false, status, code: error.code };
    }
  }

  /** The actor's own active series (others may see it, only the requester changes it). */
  private async own(actor: Actor, id: string): Promise<SeriesRow> {
    const row = await this.reader.visible(actor, id);
    if (row.requester_id !== actor.userId) throw forbidden();
    if (row.status !== 'active') throw new DomainError('state_conflict', { status: row.status });
    return row;
  }
}
