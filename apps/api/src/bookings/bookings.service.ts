import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  bufferedRange,
  decisionBlockedBySelf,
  evaluateBooking,
  evaluateCancellation,
  zoneNamed,
} from '@madang/booking-rules';
import {
  PERMISSIONS,
  type BookingDto,
  type BookingKind,
  type BulkDecisionResult,
  type CancellationTerms,
  type Locale,
  type LocalizedText,
  type QuoteResponse,
  type SlotConflict,
} from '@madang/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { AppConfig } from '../config/app-config';
import { Actor, can } from '../core/actor';
import { DomainError, notFound } from '../core/domain-error';
import { AuditService } from '../platform/audit/audit.service';
import { Notice, NotificationsService } from '../platform/notifications/notifications.service';
import { UsersService } from '../users/users.service';
import { BookingEvents } from './booking-events';
import { BOOKING_NOTICES, BookingNotice } from './booking-notices';
import { changeFor, mayStart, Transition, TRANSITION_RULES } from './booking-transitions';
import { BookingPaymentsService } from './booking-payments.service';
import { BookingRow, toBookingDto } from './booking-view';
import { BookingsRepository } from './bookings.repository';
import { inTransaction } from '../database/in-transaction';
import { BulkDecisionDto, CreateBookingDto } from './dto/bookings.dto';

const constraintOf = (error: unknown) =>
  error instanceof QueryFailedError
    ? (error.driverError as { code?: string; constraint?: string })
    : undefined;

/** The actor of what a job does on its own (audited without a person). */
export const SYSTEM = 'system' as const;

/** Attempts of one statement that PostgreSQL chose as a deadlock victim (40P01). */
export const DEADLOCK_ATTEMPTS = 5;

/**
 * Runs `statement` again when PostgreSQL aborted it to break a deadlock; any other error is thrown.
 * Each new attempt waits a random few milliseconds more than the last: tried again at once, the same
 * burst of requests can form the same wait cycle again (the booking model harness once saw a request
 * that fitted refused after three deadlocks in a row among six concurrent ones).
 */
export async function retryDeadlock<T>(
  statement: () => Promise<T>,
  pause: (ms: number) => Promise<unknown> = (ms) => sleep(ms),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await statement();
    } catch (error) {
      if (attempt >= DEADLOCK_ATTEMPTS || constraintOf(error)?.code !== '40P01') throw error;
      await pause(attempt * (5 + Math.random() * 20));
    }
  }
}

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
type NormalRequest = ReturnType<typeof normalise>;
type RuledAsset = Awaited<ReturnType<CatalogueService['forRules']>>[number];

@Injectable()
export class BookingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bookings: BookingsRepository,
    private readonly catalogue: CatalogueService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly payments: BookingPaymentsService,
    private readonly events: BookingEvents,
  ) {
    // In the constructor, not onModuleInit: the demo seeder books before the app is initialised.
    this.notifications.registerTemplates(BOOKING_NOTICES);
  }

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

  /**
   * Creates a booking that holds its slot (pending or auto-approved), all items or none, with its
   * audit entry and notifications in the same transaction.
   */
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
    const names = items.map((i) => i.asset.name);
    const id = randomUUID();
    const facts = { start: new Date(request.start), end: new Date(request.end), names };
    const notices = [
      this.notice(actor.userId, pending ? 'booking.requested' : 'booking.approved', id, facts),
    ];
    if (pending) notices.push(...(await this.approverNotices(this.db.manager, actor, id, facts)));
    let created;
    try {
      // One statement: the booking, its items, its audit entry and its notifications, all or nothing.
      // Concurrent requests wait on each other's items (exclusion constraints) and pool rows (the
      // capacity trigger locks the asset): PostgreSQL may break such a wait cycle by aborting one
      // statement (40P01) although its request fits. Nothing of it was written, so it is tried again.
      created = await retryDeadlock(() =>
        this.bookings.insertHeld(
          {
            id,
            requester_id: actor.userId,
            group_id: request.groupId,
            purpose: request.purpose,
            purpose_tag: request.purposeTag ?? null,
            attendees: request.attendees,
            start_at: request.start,
            end_at: request.end,
            decision,
            decided_at: decidedAt?.toISOString() ?? null,
            payment_status: paymentStatus,
            quoted_total: evaluation.quote.total,
            quote: evaluation.quote,
            approval_required: pending,
            idempotency_key: idempotencyKey ?? null,
            request_hash: requestHash,
          },
          items.map((i) => ({
            asset_id: i.asset.id,
            asset_kind: i.asset.kind,
            quantity: i.quantity,
            rules_version: i.asset.rulesVersion,
            during: i.during,
          })),
          [
            this.audit.entry(actor, {
              action: pending ? 'booking.requested' : 'booking.auto_approved',
              entityType: 'booking',
              entityId: id,
              after: { ...request, decision, quotedTotal: evaluation.quote.total },
            }),
          ],
          this.notifications.rows(notices),
        ),
      );
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
      kind: 'request',
      block_reason: null,
      checked_in_at: null,
      attendance: null,
      no_show_at: null,
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
    const booking = toBookingDto(row);
    // Approved on creation with the whole fee waived by a rule: in-kind support, recorded by the rule.
    if (decision === 'approved') await this.payments.recordWaiverOnCreate(actor, booking);
    return { booking, replayed: false };
  }

  async get(actor: Actor, id: string, tx?: EntityManager): Promise<BookingDto> {
    const row = await this.bookings.findView(id, tx);
    if (!row || !this.maySee(actor, row)) throw notFound();
    return toBookingDto(row);
  }

  approve(actor: Actor, id: string, reason?: string): Promise<BookingDto> {
    return this.transition(actor, id, async (_tx, before) => {
      this.assertNotOwnRequest(actor, before);
      return { kind: 'approve', by: actor.userId, reason: reason ?? null };
    });
  }

  reject(actor: Actor, id: string, reason: string): Promise<BookingDto> {
    return this.transition(actor, id, async (_tx, before) => {
      this.assertNotOwnRequest(actor, before);
      return { kind: 'reject', by: actor.userId, reason };
    });
  }

  /** What cancelling would mean now, as `cancel` will apply it. */
  async cancellationTerms(actor: Actor, id: string): Promise<CancellationTerms> {
    return this.termsFor(this.db.manager, actor, await this.get(actor, id));
  }

  /** The requester cancels under the cancellation policy; an approver cancels anyone's with a reason and no fee. */
  cancel(actor: Actor, id: string, reason?: string): Promise<BookingDto> {
    return this.transition(actor, id, async (tx, before) => {
      if (before.noShowAt)
        throw new DomainError('state_conflict', { decision: before.decision, noShow: true });
      const terms = await this.termsFor(tx, actor, before);
      if (terms.reasonRequired && !reason)
        throw new DomainError('validation_failed', {}, {}, [{ field: 'reason', code: 'required' }]);
      if (terms.violation) throw new DomainError('rule_violation', { violations: [terms.violation] });
      return { kind: 'cancel', by: actor.userId, reason: reason ?? null, fee: terms.fee };
    });
  }

  /**
   * Ends a block (see blocks/booking-blocks.service.ts) through the ordinary transition path, so
   * whatever follows a released slot follows this one too. In the caller's transaction when given.
   */
  releaseBlock(
    actor: Actor,
    id: string,
    reason: string | null,
    manager?: EntityManager,
  ): Promise<BookingDto> {
    return this.transition(
      actor,
      id,
      async () => ({ kind: 'release', by: actor.userId, reason }),
      manager,
      'block',
    );
  }

  /**
   * The no-show job: a booking not checked in by its deadline loses its slot through the ordinary
   * transition path (whatever follows a freed slot follows), and the booker is told. False when it
   * was checked in, released or decided otherwise meanwhile (the row is locked and read again).
   */
  async markNoShow(id: string): Promise<boolean> {
    try {
      await this.transition(SYSTEM, id, async (_tx, before) => {
        if (before.checkIn || before.noShowAt || !before.holdsSlot)
          throw new DomainError('state_conflict', { decision: before.decision });
        return { kind: 'no_show', reason: null };
      });
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'state_conflict') return false;
      throw error;
    }
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

  /**
   * The daily digest for approvers who chose one: how many requests wait and since when. A scheduled
   * job (platform/jobs) calls this once a day; it writes nothing when nothing waits. Returns the
   * number of approvers notified.
   */
  async sendApprovalDigest(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const waiting = await this.bookings.pendingSummary(tx);
      if (waiting.total === 0 || !waiting.oldest) return 0;
      const approvers = await this.users.withPermission(tx, PERMISSIONS.BOOKINGS_DECIDE, 'daily_digest');
      const oldest = waiting.oldest;
      await this.notifications.notify(
        tx,
        approvers.map((a) => ({
          recipientId: a.id,
          kind: 'booking.approval_digest' satisfies BookingNotice,
          subject: { type: 'approval_queue', id: null },
          values: (locale: Locale) => ({
            count: String(waiting.total),
            oldest: this.localTime(oldest, locale),
          }),
        })),
      );
      return approvers.length;
    });
  }

  // ── internals ─────────────────────────────────────────────────────────────

  /**
   * Cancellation terms from each item's booked rule version: the fee is each item's policy applied
   * to that item's rental lines (not its deposit). An approver cancelling someone else's pays nothing.
   */
  private async termsFor(tx: EntityManager, actor: Actor, booking: BookingDto): Promise<CancellationTerms> {
    const own = booking.requester.id === actor.userId;
    if (!own && !can(actor, 'bookings:decide')) throw notFound();
    if (booking.decision !== 'pending' && booking.decision !== 'approved')
      throw new DomainError('state_conflict', { decision: booking.decision });
    const now = new Date().toISOString();
    if (!own) return { allowed: true, fee: 0, freeUntil: null, violation: null, reasonRequired: true };
    let fee = 0;
    let freeUntil: string | null = null;
    for (const item of booking.items) {
      const rules = await this.catalogue.rulesAtVersion(tx, item.assetId, item.rulesVersion);
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
   * One decision, in one transaction: lock the booking, read the "before" state under the lock, decide
   * the transition from it, apply it, and write its audit entry and notification. Re-claiming a slot
   * makes the database re-check it here; a conflict surfaces as slot_taken.
   */
  private async transition(
    actor: Actor | typeof SYSTEM,
    id: string,
    decide: (tx: EntityManager, before: BookingDto) => Promise<Transition>,
    manager?: EntityManager,
    kind: BookingKind = 'request',
  ): Promise<BookingDto> {
    try {
      return await inTransaction(this.db, manager, async (tx) => {
        if (!(await this.bookings.lock(tx, id))) throw notFound();
        // The system (a job) sees every booking; a person only what they may.
        const read = async () => {
          if (actor !== SYSTEM) return this.get(actor, id, tx);
          const row = await this.bookings.findView(id, tx);
          if (!row) throw notFound();
          return toBookingDto(row);
        };
        const before = await read();
        // A block is ended only as a block; a request is never "released".
        if (before.kind !== kind) {
          if (kind === 'block') throw notFound();
          throw new DomainError('state_conflict', { decision: before.decision, kind: before.kind });
        }
        const transition = await decide(tx, before);
        if (!mayStart(transition, before.decision, before.kind))
          throw new DomainError('state_conflict', { decision: before.decision, kind: before.kind });
        await this.bookings.apply(
          tx,
          id,
          changeFor(transition, { paymentStatus: before.payment.status }, new Date()),
        );
        const after = await read();
        // Cancel, reject, block release and no-show all free the slot: whoever waits for it hears in this transaction.
        if (before.holdsSlot && !after.holdsSlot)
          await this.events.slotFreed(tx, { bookingId: id, cause: transition.kind });
        // Approving a booking whose fee is waived records the in-kind support, by this approver.
        if (transition.kind === 'approve' && actor !== SYSTEM)
          await this.payments.recordWaiverIfDue(actor, after, 'approver', tx);
        const { action, notice } = TRANSITION_RULES[transition.kind];
        await this.audit.record(tx, actor === SYSTEM ? { userId: null, requestId: null } : actor, {
          action,
          entityType: 'booking',
          entityId: id,
          before: { decision: before.decision, holdsSlot: before.holdsSlot, payment: before.payment },
          after: {
            decision: after.decision,
            holdsSlot: after.holdsSlot,
            payment: after.payment,
            reason: transition.reason,
          },
        });
        if (notice)
          await this.notifications.notify(tx, [
            this.notice(after.requester.id, notice, id, {
              start: new Date(after.start),
              end: new Date(after.end),
              names: after.items.map((i) => i.assetName),
              reason: transition.reason ?? '',
            }),
          ]);
        // Read inside the transaction after the update: exactly what commits.
        return after;
      });
    } catch (error) {
      if (constraintOf(error)?.code === '23P01') throw new DomainError('slot_taken');
      throw error;
    }
  }

  private async evaluate(tx: EntityManager, actor: Actor, request: NormalRequest) {
    const ids = [...new Set(request.items.map((i) => i.assetId))];
    const assets = await this.catalogue.forRules(ids, tx);
    const withQuotas = assets.filter((a) => a.rules.quotas.length > 0).map((a) => a.id);
    const usage = withQuotas.length
      ? (await this.bookings.usageAround(tx, actor.userId, request.groupId, request.start, withQuotas)).map(
          (r) => ({
            userId: r.requester_id,
            groupId: r.group_id,
            start: r.start_at.toISOString(),
            end: r.end_at.toISOString(),
            assetIds: r.asset_ids,
          }),
        )
      : [];
    const pendingByAsset = await this.bookings.pendingByAsset(tx, actor.userId, ids);
    const noShows = assets.some((a) => a.rules.noShowLimit)
      ? await this.bookings.noShowsOf(tx, actor.userId)
      : undefined;
    const member = request.groupId ? actor.groups.find((g) => g.id === request.groupId) : undefined;
    const tags = member
      ? await this.bookings.groupTags(tx, member.id, request.start, this.config.MADANG_TIMEZONE)
      : [];
    const evaluation = evaluateBooking({
      now: new Date().toISOString(),
      pendingByAsset,
      ...(noShows ? { noShows } : {}),
      request,
      actor: {
        userId: actor.userId,
        roles: actor.roles,
        groups: actor.groups.map((g) => ({ id: g.id, kind: g.kind, ...(g === member ? { tags } : {}) })),
      },
      assets,
      usage,
    });
    return { evaluation, assets };
  }

  /**
   * Separation of duties: the requester does not decide their own request (unless ALLOW_SELF_APPROVAL).
   * Checked on the locked row, inside the decision's transaction.
   */
  private assertNotOwnRequest(actor: Actor, booking: BookingDto): void {
    const blocked = decisionBlockedBySelf({
      deciderId: actor.userId,
      requesterId: booking.requester.id,
      allowSelfApproval: this.config.ALLOW_SELF_APPROVAL,
    });
    if (blocked) throw new DomainError('own_request');
  }

  /** Held windows that collide with the request — when, never who. */
  private async conflicts(request: NormalRequest, assets: RuledAsset[]): Promise<SlotConflict[]> {
    const found: SlotConflict[] = [];
    for (const item of request.items) {
      const asset = assets.find((a) => a.id === item.assetId);
      if (!asset) continue;
      const range = bufferedRange(request.start, request.end, asset.rules);
      const rows = await this.bookings.heldWindows(asset.id, range.start, range.end);
      const blocking =
        asset.kind === 'equipment_pool'
          ? rows.filter((r) => r.held + item.quantity > (asset.poolSize ?? 0))
          : rows;
      for (const r of blocking)
        found.push({
          assetId: asset.id,
          assetName: asset.name,
          start: r.start.toISOString(),
          end: r.end.toISOString(),
          ...(r.block_reason ? { blocked: r.block_reason } : {}),
        });
    }
    return found;
  }

  private async replay(actor: Actor, key: string, hash: string): Promise<BookingDto | undefined> {
    const existing = await this.bookings.findByIdempotencyKey(actor.userId, key);
    if (!existing) return undefined;
    if (existing.requestHash !== hash) throw new DomainError('idempotency_key_reused');
    return this.get(actor, existing.id);
  }

  /** Approvers who want each request (not the requester themself) hear of a new one that needs them. */
  private async approverNotices(
    tx: EntityManager,
    actor: Actor,
    bookingId: string,
    facts: { start: Date; end: Date; names: LocalizedText[] },
  ): Promise<Notice[]> {
    const approvers = await this.users.withPermission(tx, PERMISSIONS.BOOKINGS_DECIDE, 'each');
    return approvers
      .filter((a) => a.id !== actor.userId)
      .map((a) => {
        const base = this.notice(a.id, 'booking.awaiting_decision', bookingId, facts);
        return {
          ...base,
          values: (locale: Locale) => ({ ...base.values(locale), requester: actor.displayName }),
        };
      });
  }

  /** A booking notice: what, which assets and when, in the centre's local time, in each language. */
  private notice(
    recipientId: string,
    kind: BookingNotice,
    bookingId: string,
    facts: { start: Date; end: Date; names: LocalizedText[]; reason?: string },
  ): Notice {
    const zone = zoneNamed(this.config.MADANG_TIMEZONE);
    const when = `${DateTime.fromJSDate(facts.start, { zone }).toFormat('yyyy-MM-dd HH:mm')}–${DateTime.fromJSDate(facts.end, { zone }).toFormat('HH:mm')}`;
    return {
      recipientId,
      kind,
      subject: { type: 'booking', id: bookingId },
      values: (locale) => ({
        assets: facts.names.map((n) => n[locale]).join(', '),
        when,
        reason: facts.reason ?? '',
      }),
    };
  }

  private localTime(at: Date, locale: Locale): string {
    return DateTime.fromJSDate(at, { zone: zoneNamed(this.config.MADANG_TIMEZONE) })
      .setLocale(locale)
      .toFormat('yyyy-MM-dd HH:mm');
  }
}
