import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BookingDto,
  bufferedRange,
  BulkDecisionResult,
  CancellationTerms,
  decisionBlockedBySelf,
  evaluateBooking,
  evaluateCancellation,
  QuoteResponse,
  SlotConflict,
  UsageEntry,
  zoneNamed,
} from '@madang/booking-rules';
import type { GroupKind, LocalizedText } from '@madang/contracts';
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { AppConfig } from '../config/app-config';
import { Actor, can } from '../core/actor';
import { DomainError, notFound } from '../core/domain-error';
import { prepared, runPrepared } from '../database/prepared';
import { NotificationEntity } from '../notifications/notification.entity';
import { BookingNotice, NotificationsService } from '../notifications/notifications.service';
import { BookingRow, SELECT_BOOKING, toBookingDto } from './booking-view';
import { BookingEntity } from './booking.entity';
import { BulkDecisionDto, CreateBookingDto } from './dto/bookings.dto';

const constraintOf = (error: unknown) =>
  error instanceof QueryFailedError
    ? (error.driverError as { code?: string; constraint?: string })
    : undefined;

/**
 * A booking that holds its slot, its items, audit row and notification in one statement, so it is
 * atomic without a transaction round trip; the exclusion constraint and the pool trigger judge every item.
 */
const CREATE_BOOKING = prepared(
  'booking_create',
  `WITH b AS (
     INSERT INTO bookings (requester_id, group_id, purpose, purpose_tag, attendees, start_at, end_at, holds_slot, decision,
                           decided_at, decision_reason, payment_status, quoted_total, quote, approval_required, idempotency_key, request_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id, created_at),
   i AS (
     INSERT INTO booking_items (booking_id, asset_id, asset_kind, quantity, rules_version, during, holds_slot)
     SELECT b.id, x.asset_id, x.kind, x.quantity, x.version, x.during::tstzrange, true
       FROM b, unnest($17::uuid[], $18::text[], $19::int[], $20::int[], $21::text[]) AS x(asset_id, kind, quantity, version, during)
     RETURNING 1),
   a AS (
     INSERT INTO audit_log (actor_id, request_id, action, entity_type, entity_id, before, after)
     SELECT r."actorId", r."requestId", r.action, r."entityType", b.id::text, r.before, r.after
       FROM b, jsonb_to_record($22::jsonb) AS r("actorId" uuid, "requestId" text, action text, "entityType" text, before jsonb, after jsonb)),
   n AS (
     INSERT INTO notifications (user_id, kind, title_ko, title_en, body_ko, body_en, booking_id, email_state)
     SELECT r."userId", r.kind, r."titleKo", r."titleEn", r."bodyKo", r."bodyEn", b.id, r."emailState"
       FROM b, jsonb_to_record($23::jsonb) AS r("userId" uuid, kind text, "titleKo" text, "titleEn" text, "bodyKo" text, "bodyEn" text, "emailState" text))
   SELECT b.id, b.created_at, g.name AS group_name, g.kind AS group_kind, (SELECT count(*) FROM i)::int AS items
     FROM b LEFT JOIN groups g ON g.id = $2`,
);

/** The request as the engine and the idempotency hash see it (defaults filled in, order kept). */
function normalise(dto: CreateBookingDto) {
  return {
    items: dto.items.map((i) => ({ assetId: i.assetId, quantity: i.quantity ?? 1 })),
    start: new Date(dto.start).toISOString(),
    end: new Date(dto.end).toISOString(),
    purpose: dto.purpose.trim(),
    purposeTag: dto.purposeTag ?? undefined,
    attendees: dto.attendees,
    groupId: dto.groupId ?? null,
  };
}

@Injectable()
export class BookingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  /** What the rules say about a request, its price, and which requested windows are already held. */
  async quote(actor: Actor, dto: CreateBookingDto): Promise<QuoteResponse> {
    const request = normalise(dto);
    const { evaluation, assets } = await this.evaluate(this.db.manager, actor, request);
    const conflicts = evaluation.violations.some(
      (v) => v.code === 'invalid_range' || v.code === 'invalid_time',
    )
      ? []
      : await this.conflicts(request, assets);
    return { ...evaluation, ok: evaluation.ok && conflicts.length === 0, conflicts };
  }

  /** Creates a booking that holds its slot (pending or auto-approved), all items or none. */
  async create(
    actor: Actor,
    dto: CreateBookingDto,
    idempotencyKey?: string,
  ): Promise<{ booking: BookingDto; replayed: boolean }> {
    const request = normalise(dto);
    const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    if (idempotencyKey) {
      const replay = await this.replay(actor, idempotencyKey, requestHash);
      if (replay) return { booking: replay, replayed: true };
    }
    const { evaluation, assets } = await this.evaluate(this.db.manager, actor, request);
    if (!evaluation.ok) throw new DomainError('rule_violation', { violations: evaluation.violations });

    const pending = evaluation.approvalRequired;
    const decidedAt = pending ? null : new Date();
    const items = request.items.map((item) => {
      const asset = assets.find((a) => a.id === item.assetId);
      if (!asset) throw notFound();
      const range = bufferedRange(request.start, request.end, asset.rules);
      return { asset, quantity: item.quantity, during: `[${range.start},${range.end})` };
    });
    const decision = pending ? 'pending' : 'approved';
    const paymentStatus = evaluation.quote.total === 0 && evaluation.quote.waived > 0 ? 'waived' : 'quoted';
    const audit = this.audit.row(actor, {
      action: pending ? 'booking.requested' : 'booking.auto_approved',
      entityType: 'booking',
      entityId: null,
      after: { ...request, decision, quotedTotal: evaluation.quote.total },
    });
    const notice = this.notice(actor.userId, pending ? 'booking.requested' : 'booking.approved', {
      start: new Date(request.start),
      end: new Date(request.end),
      names: items.map((i) => i.asset.name),
    });
    let created: { id: string; created_at: Date; group_name: string | null; group_kind: GroupKind | null };
    try {
      const rows = await runPrepared<typeof created>(this.db.manager, CREATE_BOOKING, [
        actor.userId,
        request.groupId,
        request.purpose,
        request.purposeTag ?? null,
        request.attendees,
        request.start,
        request.end,
        decision,
        decidedAt,
        null,
        paymentStatus,
        evaluation.quote.total,
        JSON.stringify(evaluation.quote),
        pending,
        idempotencyKey ?? null,
        requestHash,
        items.map((i) => i.asset.id),
        items.map((i) => i.asset.kind),
        items.map((i) => i.quantity),
        items.map((i) => i.asset.rulesVersion),
        items.map((i) => i.during),
        JSON.stringify(audit),
        JSON.stringify(notice),
      ]);
      created = rows[0];
    } catch (error) {
      const pg = constraintOf(error);
      if (pg?.code === '23P01') {
        throw new DomainError('slot_taken', { conflicts: await this.conflicts(request, assets) });
      }
      if (pg?.code === '23505' && pg.constraint === 'bookings_requester_idempotency_key' && idempotencyKey) {
        const replay = await this.replay(actor, idempotencyKey, requestHash);
        if (replay) return { booking: replay, replayed: true };
      }
      throw error;
    }
    const row: BookingRow = {
      id: created.id,
      requester_id: actor.userId,
      requester_name: actor.displayName,
      group_id: request.groupId,
      group_name: created.group_name,
      group_kind: created.group_kind,
      purpose: request.purpose,
      purpose_tag: request.purposeTag ?? null,
      attendees: request.attendees,
      start_at: new Date(request.start),
      end_at: new Date(request.end),
      holds_slot: true,
      decision,
      decided_by: null,
      decided_by_name: null,
      decided_at: decidedAt,
      decision_reason: null,
      cancelled_at: null,
      payment_status: paymentStatus,
      quoted_total: evaluation.quote.total,
      cancellation_fee: 0,
      quote: evaluation.quote,
      approval_required: pending,
      created_at: created.created_at,
      items: items
        .map((i) => ({
          assetId: i.asset.id,
          nameKo: i.asset.name.ko,
          nameEn: i.asset.name.en,
          kind: i.asset.kind,
          quantity: i.quantity,
          rulesVersion: i.asset.rulesVersion,
        }))
        .sort((x, y) => x.nameKo.localeCompare(y.nameKo)),
    };
    return { booking: toBookingDto(row), replayed: false };
  }

  async get(actor: Actor, id: string, manager: EntityManager = this.db.manager): Promise<BookingDto> {
    const rows = (await manager.query(`${SELECT_BOOKING} WHERE b.id = $1`, [id])) as BookingRow[];
    const row = rows[0];
    if (!row || !this.maySee(actor, row)) throw notFound();
    return toBookingDto(row);
  }

  async approve(actor: Actor, id: string, reason?: string): Promise<BookingDto> {
    await this.assertNotOwnRequest(actor, id);
    // Re-claiming the slot (holds_slot = true) makes the database re-check it inside this transaction.
    return this.transition(
      actor,
      id,
      'booking.approved',
      `decision = 'approved', holds_slot = true, decided_by = $2, decided_at = now(), decision_reason = $3`,
      [actor.userId, reason ?? null],
      ['pending'],
    );
  }

  async reject(actor: Actor, id: string, reason: string): Promise<BookingDto> {
    await this.assertNotOwnRequest(actor, id);
    return this.transition(
      actor,
      id,
      'booking.rejected',
      `decision = 'rejected', holds_slot = false, decided_by = $2, decided_at = now(), decision_reason = $3`,
      [actor.userId, reason],
      ['pending'],
    );
  }

  /** What cancelling would mean now, as `cancel` will apply it. */
  async cancellationTerms(actor: Actor, id: string): Promise<CancellationTerms> {
    return this.termsFor(actor, await this.get(actor, id));
  }

  /** The requester cancels under the cancellation policy; an approver cancels anyone's with a reason and no fee. */
  async cancel(actor: Actor, id: string, reason?: string): Promise<BookingDto> {
    const terms = await this.termsFor(actor, await this.get(actor, id));
    if (terms.reasonRequired && !reason)
      throw new DomainError('validation_failed', {}, {}, [{ field: 'reason', code: 'required' }]);
    if (terms.violation) throw new DomainError('rule_violation', { violations: [terms.violation] });
    return this.transition(
      actor,
      id,
      'booking.cancelled',
      `decision = 'cancelled', holds_slot = false, cancelled_by = $2, cancelled_at = now(), cancel_reason = $3,
       cancellation_fee = $4, payment_status = CASE WHEN $4 > 0 THEN 'invoiced' ELSE payment_status END`,
      [actor.userId, reason ?? null, terms.fee],
      ['pending', 'approved'],
    );
  }

  /** Approve or reject many; each in its own transaction, each answered on its own. */
  async decideMany(actor: Actor, dto: BulkDecisionDto): Promise<BulkDecisionResult> {
    if (dto.action === 'reject' && !dto.reason)
      throw new DomainError('validation_failed', {}, {}, [{ field: 'reason', code: 'required' }]);
    const results: BulkDecisionResult['results'] = [];
    for (const id of [...new Set(dto.ids)]) {
      try {
        const booking =
          dto.action === 'approve'
            ? await this.approve(actor, id, dto.reason)
            : await this.reject(actor, id, dto.reason as string);
        results.push({ id, ok: true, status: 200, decision: booking.decision });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ id, ok: false, status: error.code === 'not_found' ? 404 : 409, code: error.code });
      }
    }
    return { results };
  }

  // ── internals ─────────────────────────────────────────────────────────────

  /**
   * Cancellation terms from each item's booked rule version: the fee is each item's policy applied
   * to that item's rental lines (not its deposit). An approver cancelling someone else's pays nothing.
   */
  private async termsFor(actor: Actor, booking: BookingDto): Promise<CancellationTerms> {
    const own = booking.requester.id === actor.userId;
    if (!own && !can(actor, 'bookings:decide')) throw notFound();
    if (booking.decision !== 'pending' && booking.decision !== 'approved')
      throw new DomainError('state_conflict', { decision: booking.decision });
    const now = new Date().toISOString();
    if (!own) return { allowed: true, fee: 0, freeUntil: null, violation: null, reasonRequired: true };
    let fee = 0;
    let freeUntil: string | null = null;
    for (const item of booking.items) {
      const rules = await this.catalogue.rulesAtVersion(this.db.manager, item.assetId, item.rulesVersion);
      const fees = booking.quote.lines
        .filter((l) => l.assetId === item.assetId && l.kind !== 'deposit')
        .reduce((sum, l) => sum + l.amount, 0);
      const decision = evaluateCancellation({
        now,
        start: booking.start,
        quoteTotal: Math.max(0, fees),
        rules,
      });
      if (!decision.allowed)
        return {
          allowed: false,
          fee: 0,
          freeUntil: null,
          violation: decision.violation,
          reasonRequired: false,
        };
      fee += decision.fee;
      if (freeUntil === null || decision.freeUntil < freeUntil) freeUntil = decision.freeUntil;
    }
    return { allowed: true, fee, freeUntil, violation: null, reasonRequired: false };
  }

  private maySee(actor: Actor, row: { requester_id: string; group_id: string | null }): boolean {
    return (
      row.requester_id === actor.userId ||
      can(actor, 'bookings:read-all') ||
      (row.group_id !== null && actor.groups.some((g) => g.id === row.group_id))
    );
  }

  /**
   * A guarded update from an expected decision to the next, in one transaction with its audit row
   * and notification. A database conflict (the slot re-check) surfaces as slot_taken.
   */
  private async transition(
    actor: Actor,
    id: string,
    notice: BookingNotice,
    assignments: string,
    params: unknown[],
    from: string[],
  ): Promise<BookingDto> {
    const before = await this.get(actor, id);
    try {
      return await this.db.transaction(async (manager) => {
        const updated = (await manager.query(
          `UPDATE bookings SET ${assignments}, updated_at = now() WHERE id = $1 AND decision = ANY($${params.length + 2}::text[]) RETURNING id`,
          [id, ...params, from],
        )) as [unknown[], number];
        if (updated[1] === 0) throw new DomainError('state_conflict', { decision: before.decision });
        const after = await this.get(actor, id, manager);
        await this.audit.record(manager, actor, {
          action: notice,
          entityType: 'booking',
          entityId: id,
          before: { decision: before.decision, holdsSlot: before.holdsSlot, payment: before.payment },
          after: {
            decision: after.decision,
            holdsSlot: after.holdsSlot,
            payment: after.payment,
            reason: params[1] ?? null,
          },
        });
        await this.notify(manager, after, notice, (params[1] as string | null) ?? '');
        // Read inside the transaction after the update: exactly what commits.
        return after;
      });
    } catch (error) {
      if (constraintOf(error)?.code === '23P01') throw new DomainError('slot_taken');
      throw error;
    }
  }

  private async evaluate(manager: EntityManager, actor: Actor, request: ReturnType<typeof normalise>) {
    const ids = [...new Set(request.items.map((i) => i.assetId))];
    const assets = await this.catalogue.forRules(manager, ids);
    const withQuotas = assets.filter((a) => a.rules.quotas.length > 0).map((a) => a.id);
    const usage = withQuotas.length
      ? await this.usage(manager, actor, request.groupId, request.start, withQuotas)
      : [];
    const pendingByAsset = await this.pendingByAsset(manager, actor, ids);
    const evaluation = evaluateBooking({
      now: new Date().toISOString(),
      pendingByAsset,
      request,
      actor: {
        userId: actor.userId,
        roles: actor.roles,
        groups: actor.groups.map((g) => ({ id: g.id, kind: g.kind })),
      },
      assets,
      usage,
    });
    return { evaluation, assets };
  }

  /** Separation of duties: the requester does not decide their own request (unless ALLOW_SELF_APPROVAL). */
  private async assertNotOwnRequest(actor: Actor, id: string): Promise<void> {
    const booking = await this.get(actor, id);
    const blocked = decisionBlockedBySelf({
      deciderId: actor.userId,
      requesterId: booking.requester.id,
      allowSelfApproval: this.config.ALLOW_SELF_APPROVAL,
    });
    if (blocked) throw new DomainError('own_request');
  }

  /** Fair holding: the actor's pending slot-holding requests per requested asset. */
  private async pendingByAsset(
    manager: EntityManager,
    actor: Actor,
    assetIds: string[],
  ): Promise<Record<string, number>> {
    const rows = (await manager.query(
      `SELECT i.asset_id, count(DISTINCT b.id)::int AS n
         FROM bookings b JOIN booking_items i ON i.booking_id = b.id
        WHERE b.requester_id = $1 AND b.decision = 'pending' AND b.holds_slot AND i.asset_id = ANY($2::uuid[])
        GROUP BY i.asset_id`,
      [actor.userId, assetIds],
    )) as { asset_id: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.asset_id, r.n]));
  }

  /** The actor's and the group's slot-holding bookings around the request, for quotas. */
  private async usage(
    manager: EntityManager,
    actor: Actor,
    groupId: string | null,
    start: string,
    assetIds: string[],
  ): Promise<UsageEntry[]> {
    const rows = (await manager.query(
      `SELECT b.requester_id, b.group_id, b.start_at, b.end_at, array_agg(i.asset_id) AS asset_ids
         FROM bookings b JOIN booking_items i ON i.booking_id = b.id
        WHERE b.holds_slot AND (b.requester_id = $1 OR ($2::uuid IS NOT NULL AND b.group_id = $2))
          AND b.start_at BETWEEN $3::timestamptz - interval '32 days' AND $3::timestamptz + interval '32 days'
          AND i.asset_id = ANY($4::uuid[])
        GROUP BY b.id`,
      [actor.userId, groupId, start, assetIds],
    )) as {
      requester_id: string;
      group_id: string | null;
      start_at: Date;
      end_at: Date;
      asset_ids: string[];
    }[];
    return rows.map((r) => ({
      userId: r.requester_id,
      groupId: r.group_id,
      start: r.start_at.toISOString(),
      end: r.end_at.toISOString(),
      assetIds: r.asset_ids,
    }));
  }

  /** Held windows that collide with the request — when, never who. */
  private async conflicts(
    request: ReturnType<typeof normalise>,
    assets: Awaited<ReturnType<CatalogueService['forRules']>>,
  ): Promise<SlotConflict[]> {
    const found: SlotConflict[] = [];
    for (const item of request.items) {
      const asset = assets.find((a) => a.id === item.assetId);
      if (!asset) continue;
      const range = bufferedRange(request.start, request.end, asset.rules);
      const rows = (await this.db.query(
        `SELECT lower(b.during) AS start, upper(b.during) AS end, b.quantity,
                (SELECT coalesce(sum(o.quantity), 0) FROM booking_items o
                  WHERE o.asset_id = b.asset_id AND o.holds_slot AND o.during && tstzrange($2, $3)) AS held
           FROM booking_items b
          WHERE b.asset_id = $1 AND b.holds_slot AND b.during && tstzrange($2, $3)
          ORDER BY lower(b.during)`,
        [asset.id, range.start, range.end],
      )) as { start: Date; end: Date; held: string }[];
      const blocking =
        asset.kind === 'equipment_pool'
          ? rows.filter((r) => Number(r.held) + item.quantity > (asset.poolSize ?? 0))
          : rows;
      for (const r of blocking)
        found.push({
          assetId: asset.id,
          assetName: asset.name,
          start: r.start.toISOString(),
          end: r.end.toISOString(),
        });
    }
    return found;
  }

  private async replay(actor: Actor, key: string, hash: string): Promise<BookingDto | undefined> {
    const existing = await this.db
      .getRepository(BookingEntity)
      .findOneBy({ requesterId: actor.userId, idempotencyKey: key });
    if (!existing) return undefined;
    if (existing.requestHash !== hash) throw new DomainError('idempotency_key_reused');
    return this.get(actor, existing.id);
  }

  private async notify(
    manager: EntityManager,
    booking: BookingDto,
    notice: BookingNotice,
    reason = '',
  ): Promise<void> {
    const values = this.notice(booking.requester.id, notice, {
      start: new Date(booking.start),
      end: new Date(booking.end),
      names: booking.items.map((i) => i.assetName),
      reason,
    });
    await manager.insert(NotificationEntity, { ...values, bookingId: booking.id, readAt: null });
  }

  /** A booking notice's row: what, which assets and when, in local time, in both languages. */
  private notice(
    userId: string,
    kind: BookingNotice,
    facts: { start: Date; end: Date; names: LocalizedText[]; reason?: string },
  ) {
    const tz = this.config.MADANG_TIMEZONE;
    const when = `${DateTime.fromJSDate(facts.start, { zone: zoneNamed(tz) }).toFormat('yyyy-MM-dd HH:mm')}–${DateTime.fromJSDate(facts.end, { zone: zoneNamed(tz) }).toFormat('HH:mm')}`;
    const reason = facts.reason ?? '';
    return this.notifications.row(userId, kind, {
      ko: { assets: facts.names.map((n) => n.ko).join(', '), when, reason },
      en: { assets: facts.names.map((n) => n.en).join(', '), when, reason },
    });
  }
}
