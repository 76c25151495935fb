import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PERMISSIONS,
  type BookingSeriesDto,
  type CreateSeriesResponse,
  type Locale,
  type Page,
  type SeriesPreview,
  type SeriesSummaryDto,
} from '@madang/contracts';
import { toRRuleText, type Occurrence, type SeriesDefinition } from '@madang/recurrence';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Actor, can } from '../../core/actor';
import { DomainError, notFound } from '../../core/domain-error';
import { pageOf } from '../../core/pagination';
import { AuditService } from '../../platform/audit/audit.service';
import { Notice, NotificationsService } from '../../platform/notifications/notifications.service';
import { UsersService } from '../../users/users.service';
import { BookingPaymentsService } from '../booking-payments.service';
import { BookingsService, retryDeadlock } from '../bookings.service';
import { CreateSeriesDto, SeriesListQueryDto, SeriesRequestDto } from './dto/series.dto';
import {
  normaliseRRule,
  occurrencesOf,
  previewOf,
  readDefinition,
  type CheckedOccurrence,
  type PlannedOccurrence,
  type RuledAsset,
  type SeriesFacts,
  duringOf,
} from './series-plan';
import { SeriesChecker } from './series-checker';
import { SERIES_NOTICES, SeriesNotice } from './series-notices';
import {
  SeriesRepository,
  type OccurrenceInsert,
  type OccurrenceItemInsert,
  type SeriesInsert,
  type SeriesRow,
} from './series.repository';
import { toSeriesDto, toSeriesSummary } from './series-view';

const pgCode = (error: unknown) =>
  error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;

/** Attempts of a `free_only` series when a concurrent booking takes a slot between check and insert. */
const RACE_ATTEMPTS = 3;

export function factsOf(dto: SeriesRequestDto): SeriesFacts {
  return {
    items: dto.items.map((i) => ({ assetId: i.assetId, quantity: i.quantity ?? 1 })),
    purpose: dto.purpose.trim(),
    purposeTag: dto.purposeTag ?? undefined,
    attendees: dto.attendees,
    groupId: dto.groupId ?? null,
  };
}

export const plannedOf = (occurrences: readonly Occurrence[], facts: SeriesFacts): PlannedOccurrence[] =>
  occurrences.map((occurrence) => ({
    occurrence,
    start: occurrence.start,
    end: occurrence.end,
    items: facts.items,
    bookingId: null,
  }));

/** The 409 / 422 that says, per occurrence, why a series (or its edit) cannot be booked. */
export function refusal(checked: readonly CheckedOccurrence[]): DomainError {
  const occurrences = checked.filter((c) => c.check !== 'ok').map(previewOf);
  return occurrences.some((o) => o.check === 'violation')
    ? new DomainError('rule_violation', {
        occurrences,
        violations: occurrences.flatMap((o) => o.violations),
      })
    : new DomainError('slot_taken', { occurrences, conflicts: occurrences.flatMap((o) => o.conflicts) });
}

/** Recurring series: preview, create, read. Each occurrence is a normal booking. */
@Injectable()
export class SeriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly series: SeriesRepository,
    private readonly checker: SeriesChecker,
    private readonly bookings: BookingsService,
    private readonly payments: BookingPaymentsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {
    this.notifications.registerTemplates(SERIES_NOTICES);
  }

  /** Every occurrence with ok / conflict (with what) / rule violations, as creating it now would find. */
  async preview(actor: Actor, dto: SeriesRequestDto): Promise<SeriesPreview> {
    const definition = readDefinition(dto, this.config.MADANG_TIMEZONE);
    const facts = factsOf(dto);
    const { checked } = await this.checker.check(
      undefined,
      actor,
      facts,
      plannedOf(occurrencesOf(definition), facts),
      { pendingCap: true },
    );
    const occurrences = checked.map(previewOf);
    return {
      timeZone: definition.timeZone,
      rruleText: toRRuleText(definition),
      occurrences,
      summary: {
        ok: occurrences.filter((o) => o.check === 'ok').length,
        conflict: occurrences.filter((o) => o.check === 'conflict').length,
        violation: occurrences.filter((o) => o.check === 'violation').length,
      },
    };
  }

  /**
   * Books a series in one statement: the series, every free occurrence as a booking with its items,
   * their audit entries and notifications. `all_or_nothing` refuses unless every occurrence fits;
   * `free_only` books those that do and lists the others.
   */
  async create(actor: Actor, dto: CreateSeriesDto): Promise<CreateSeriesResponse> {
    const definition = readDefinition(dto, this.config.MADANG_TIMEZONE);
    const facts = factsOf(dto);
    const planned = plannedOf(occurrencesOf(definition), facts);
    const id = randomUUID();
    for (let attempt = 1; ; attempt++) {
      const { checked, assets } = await this.checker.check(undefined, actor, facts, planned, {
        pendingCap: true,
      });
      const ok = checked.filter((c) => c.check === 'ok');
      if (ok.length === 0 || (dto.mode === 'all_or_nothing' && ok.length < checked.length))
        throw refusal(checked);
      let waived: string[];
      try {
        waived = await retryDeadlock(() =>
          this.insert(
            undefined,
            actor,
            this.seriesInsert(id, actor, dto, definition, null),
            id,
            facts,
            ok,
            assets,
          ),
        );
      } catch (error) {
        // A booking took one of the slots between the check and the insert: check again.
        if (pgCode(error) === '23P01' && attempt < RACE_ATTEMPTS) continue;
        if (pgCode(error) === '23P01') throw new DomainError('slot_taken');
        throw error;
      }
      await this.recordWaivers(actor, waived);
      return {
        series: await this.get(actor, id),
        skipped: checked.filter((c) => c.check !== 'ok').map(previewOf),
      };
    }
  }

  async get(actor: Actor, id: string, tx?: EntityManager): Promise<BookingSeriesDto> {
    const row = await this.visible(actor, id, tx);
    return toSeriesDto(row, await this.series.occurrences(id, tx));
  }

  /** The actor's series (and their groups'); with `scope=all`, every series (bookings:read-all). */
  async list(actor: Actor, query: SeriesListQueryDto): Promise<Page<SeriesSummaryDto>> {
    const { limit, offset } = pageOf(query);
    const all = query.scope === 'all';
    if (all && !can(actor, PERMISSIONS.BOOKINGS_READ_ALL)) throw new DomainError('forbidden');
    const { rows, total } = await this.series.page(
      all ? null : { userId: actor.userId, groupIds: actor.groups.map((g) => g.id) },
      limit,
      offset,
    );
    return { items: rows.map(toSeriesSummary), total, limit, offset };
  }

  /** The series if the actor may see it (requester, group member, bookings:read-all); else not found. */
  async visible(actor: Actor, id: string, tx?: EntityManager): Promise<SeriesRow> {
    const row = await this.series.find(id, tx);
    const mine =
      row &&
      (row.requester_id === actor.userId ||
        can(actor, PERMISSIONS.BOOKINGS_READ_ALL) ||
        (row.group_id !== null && actor.groups.some((g) => g.id === row.group_id)));
    if (!row || !mine) throw notFound();
    return row;
  }

  seriesInsert(
    id: string,
    actor: Actor,
    dto: SeriesRequestDto,
    definition: SeriesDefinition,
    splitFrom: string | null,
  ): SeriesInsert {
    const facts = factsOf(dto);
    return {
      id,
      requester_id: actor.userId,
      group_id: facts.groupId,
      split_from: splitFrom,
      items: facts.items,
      rrule: normaliseRRule(dto.rrule),
      start_date: definition.startDate,
      start_time: definition.startTime,
      duration_minutes: definition.duration.minutes ?? 0,
      time_zone: definition.timeZone,
      until_date: definition.end.kind === 'until' ? definition.end.until : null,
      occurrence_count: definition.end.kind === 'count' ? definition.end.count : null,
      purpose: facts.purpose,
      purpose_tag: facts.purposeTag ?? null,
      attendees: facts.attendees,
      status: 'active',
    };
  }

  /**
   * Writes checked occurrences (and the series itself when `series` is given) in one statement.
   * Every occurrence holds its slot: pending or approved as the engine said for it.
   */
  async insert(
    tx: EntityManager | undefined,
    actor: Actor,
    series: SeriesInsert | null,
    seriesId: string,
    facts: SeriesFacts,
    ok: readonly CheckedOccurrence[],
    assets: readonly RuledAsset[],
  ): Promise<string[]> {
    const now = new Date().toISOString();
    const byId = new Map(assets.map((a) => [a.id, a]));
    const bookings: OccurrenceInsert[] = [];
    const items: OccurrenceItemInsert[] = [];
    const audit = series
      ? [
          this.audit.entry(actor, {
            action: 'booking_series.created',
            entityType: 'booking_series',
            entityId: seriesId,
            after: { ...series, booked: ok.map((o) => o.occurrence.key) },
          }),
        ]
      : [];
    for (const o of ok) {
      const id = randomUUID();
      const pending = o.evaluation.approvalRequired;
      const quote = o.evaluation.quote;
      bookings.push({
        id,
        requester_id: actor.userId,
        group_id: facts.groupId,
        purpose: facts.purpose,
        purpose_tag: facts.purposeTag ?? null,
        attendees: facts.attendees,
        start_at: o.start,
        end_at: o.end,
        decision: pending ? 'pending' : 'approved',
        decided_at: pending ? null : now,
        payment_status: quote.total === 0 && quote.waived > 0 ? 'waived' : 'quoted',
        quoted_total: quote.total,
        quote,
        approval_required: pending,
        series_id: seriesId,
        occurrence_date: o.occurrence.key,
      });
      for (const item of o.items) {
        const asset = byId.get(item.assetId);
        if (!asset) throw notFound();
        items.push({
          booking_id: id,
          asset_id: asset.id,
          asset_kind: asset.kind,
          quantity: item.quantity,
          rules_version: asset.rulesVersion,
          during: duringOf(asset, o.start, o.end),
        });
      }
      audit.push(
        this.audit.entry(actor, {
          action: pending ? 'booking.requested' : 'booking.auto_approved',
          entityType: 'booking',
          entityId: id,
          after: {
            seriesId,
            occurrenceDate: o.occurrence.key,
            start: o.start,
            end: o.end,
            quotedTotal: quote.total,
          },
        }),
      );
    }
    const anyPending = bookings.some((b) => b.decision === 'pending');
    const rule = series ? this.ruleLabel(series) : null;
    const names = [...new Set(ok.flatMap((o) => o.items.map((i) => byId.get(i.assetId)?.name)))].filter(
      (n) => n !== undefined,
    );
    const notice = (recipientId: string, kind: SeriesNotice): Notice => ({
      recipientId,
      kind,
      subject: { type: 'booking_series', id: seriesId },
      values: (locale: Locale) => ({
        assets: names.map((n) => n[locale]).join(', '),
        rule: rule?.[locale] ?? '',
        count: String(ok.length),
        requester: actor.displayName,
      }),
    });
    const notices: Notice[] = [];
    if (series) {
      notices.push(notice(actor.userId, anyPending ? 'booking_series.requested' : 'booking_series.approved'));
      if (anyPending) {
        const approvers = await this.users.withPermission(
          tx ?? this.db.manager,
          PERMISSIONS.BOOKINGS_DECIDE,
          'each',
        );
        for (const a of approvers.filter((x) => x.id !== actor.userId))
          notices.push(notice(a.id, 'booking_series.awaiting_decision'));
      }
    }
    await this.series.insertOccurrences(tx, series, bookings, items, audit, this.notifications.rows(notices));
    return bookings.filter((b) => b.decision === 'approved' && b.quote.waived > 0).map((b) => b.id);
  }

  /**
   * Occurrences approved on creation with a fee waived by a rule: in-kind support, recorded per
   * occurrence after the series committed (as a single booking's is).
   */
  async recordWaivers(actor: Actor, bookingIds: readonly string[]): Promise<void> {
    for (const id of bookingIds)
      await this.payments.recordWaiverOnCreate(actor, await this.bookings.get(actor, id));
  }

  /** "every Tuesday 19:00" in words, for notices. */
  private ruleLabel(series: SeriesInsert): Record<Locale, string> {
    return {
      ko: `${series.start_date}부터 ${series.start_time} (${series.rrule})`,
      en: `from ${series.start_date} at ${series.start_time} (${series.rrule})`,
    };
  }
}
