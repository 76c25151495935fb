import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnDue, zoneNamed } from '@madang/booking-rules';
import {
  PERMISSIONS,
  type CustodyDto,
  type DepositRetentionDto,
  type DeskDayDto,
  type DeskItem,
  type HandOutRequest,
  type PartCheckInput,
  type RetainDepositRequest,
  type ReturnRequest,
} from '@madang/contracts';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { AppConfig } from '../../config/app-config';
import { can, type Actor } from '../../core/actor';
import { DomainError, invalidField, notFound } from '../../core/domain-error';
import { AuditService } from '../../platform/audit/audit.service';
import { NotificationsService } from '../../platform/notifications/notifications.service';
import { IncomeService } from '../../settlement/income.service';
import { BookingPaymentsService } from '../booking-payments.service';
import { BookingsRepository } from '../bookings.repository';
import { toPartDto } from './asset-parts.service';
import { DESK_NOTICES, type DeskNotice } from './desk-notices';
import { DeskItemRow, DeskRepository, HandoutRow, PartRow } from './desk.repository';

/** A reminder about the same overdue item at most once a day. */
const REMIND_EVERY_MS = 24 * 3_600_000;

function toCustodyDto(h: HandoutRow): CustodyDto {
  const checks = (stage: 'out' | 'in') =>
    h.checks
      .filter((c) => c.stage === stage)
      .map((c) => ({
        partId: c.partId,
        name: { ko: c.nameKo, en: c.nameEn },
        quantity: c.quantity,
        state: c.state,
        note: c.note,
      }));
  return {
    id: h.id,
    bookingId: h.booking_id,
    assetId: h.asset_id,
    assetName: { ko: h.name_ko, en: h.name_en },
    handedOutAt: h.handed_out_at.toISOString(),
    handedOutBy: { id: h.handed_out_by, displayName: h.handed_out_by_name },
    receivedBy: h.received_by,
    conditionOut: h.condition_out,
    out: checks('out'),
    returnedAt: h.returned_at?.toISOString() ?? null,
    returnedBy: h.returned_by ? { id: h.returned_by, displayName: h.returned_by_name ?? '' } : null,
    conditionIn: h.condition_in,
    in: checks('in'),
    photoIds: h.photo_ids,
  };
}

/**
 * Every part of `expected` checked exactly once, and nothing else: the checklist the desk ticks at
 * hand-out (active parts of the kit) and at return (the parts that went out).
 */
function checklist(expected: readonly string[], given: PartCheckInput[] | undefined): PartCheckInput[] {
  const list = given ?? [];
  const seen = new Set<string>();
  list.forEach((c, i) => {
    if (!expected.includes(c.partId) || seen.has(c.partId))
      throw invalidField(`parts.${i}.partId`, 'invalid');
    seen.add(c.partId);
  });
  if (seen.size !== expected.length) throw invalidField('parts', 'too_few', { min: expected.length });
  return list;
}

/**
 * Custody at the desk: hand-out and return of booked equipment (kits part by part), photos through
 * the files service, overdue items and reminders, and deposit kept for damage or loss — posted to
 * settlement as a `deposit_kept` payment through BookingPaymentsService, in the same transaction.
 */
@Injectable()
export class CustodyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly desk: DeskRepository,
    private readonly bookings: BookingsRepository,
    private readonly catalogue: CatalogueService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly payments: BookingPaymentsService,
    private readonly income: IncomeService,
    private readonly config: AppConfig,
  ) {
    this.notifications.registerTemplates(DESK_NOTICES);
  }

  async handOut(actor: Actor, bookingId: string, dto: HandOutRequest): Promise<CustodyDto> {
    try {
      return await this.db.transaction(async (tx) => {
        if (!(await this.bookings.lock(tx, bookingId))) throw notFound();
        const item = await this.desk.item(tx, bookingId, dto.assetId);
        if (!item) throw invalidField('assetId', 'invalid');
        if (item.asset_kind === 'space') throw invalidField('assetId', 'invalid');
        if (item.kind !== 'request' || item.decision !== 'approved' || !item.holds_slot)
          throw new DomainError('state_conflict', { decision: item.decision });
        const parts = await this.desk.parts(tx, [item.asset_id]);
        const checks = checklist(
          parts.map((p) => p.id),
          dto.parts,
        );
        const id = await this.desk.insertHandout(tx, {
          booking_id: bookingId,
          booking_item_id: item.booking_item_id,
          asset_id: item.asset_id,
          handed_out_by: actor.userId,
          received_by: dto.receivedBy.trim(),
          condition_out: (dto.condition ?? '').trim(),
        });
        await this.desk.insertChecks(tx, id, 'out', checks);
        const handout = toCustodyDto((await this.desk.handout(tx, id)) as HandoutRow);
        await this.audit.record(tx, actor, {
          action: 'custody.handed_out',
          entityType: 'booking',
          entityId: bookingId,
          after: {
            handoutId: id,
            assetId: item.asset_id,
            receivedBy: handout.receivedBy,
            parts: handout.out,
          },
        });
        return handout;
      });
    } catch (error) {
      const pg = error instanceof QueryFailedError ? (error.driverError as { code?: string }) : undefined;
      // Two desks handing out the same item at once: the second meets the one-open-hand-out index.
      if (pg?.code === '23505') throw new DomainError('state_conflict', { reason: 'already_out' });
      throw error;
    }
  }

  async takeBack(actor: Actor, handoutId: string, dto: ReturnRequest): Promise<CustodyDto> {
    return this.db.transaction(async (tx) => {
      const before = await this.desk.handout(tx, handoutId, true);
      if (!before) throw notFound();
      if (before.returned_at) throw new DomainError('state_conflict', { reason: 'already_returned' });
      const out = before.checks.filter((c) => c.stage === 'out').map((c) => c.partId);
      const checks = checklist(out, dto.parts);
      await this.desk.markReturned(tx, handoutId, actor.userId, dto.condition.trim());
      await this.desk.insertChecks(tx, handoutId, 'in', checks);
      const after = toCustodyDto((await this.desk.handout(tx, handoutId)) as HandoutRow);
      await this.audit.record(tx, actor, {
        action: 'custody.returned',
        entityType: 'booking',
        entityId: before.booking_id,
        after: { handoutId, condition: after.conditionIn, parts: after.in },
      });
      return after;
    });
  }

  /** Hand-outs of a booking: its booker sees them too. */
  async ofBooking(actor: Actor, bookingId: string): Promise<CustodyDto[]> {
    const row = await this.bookings.findView(bookingId);
    if (!row) throw notFound();
    if (row.requester_id !== actor.userId && !can(actor, PERMISSIONS.BOOKINGS_READ_ALL)) throw notFound();
    return (await this.desk.handouts(this.db.manager, [bookingId])).map(toCustodyDto);
  }

  /**
   * Keeps part or all of a booking's deposit, with the reason and who decided: posted to settlement
   * as `deposit_kept` (the deposit must have been received), recorded here, in one transaction.
   */
  async retainDeposit(
    actor: Actor,
    bookingId: string,
    dto: RetainDepositRequest,
  ): Promise<DepositRetentionDto> {
    return this.db.transaction(async (tx) => {
      if (!(await this.bookings.lock(tx, bookingId))) throw notFound();
      const view = await this.bookings.findView(bookingId, tx);
      if (!view || view.kind !== 'request') throw notFound();
      if (dto.handoutId) {
        const handout = await this.desk.handout(tx, dto.handoutId);
        if (!handout || handout.booking_id !== bookingId) throw invalidField('handoutId', 'invalid');
      }
      const left = view.quote.deposit - (await this.desk.depositKept(tx, bookingId));
      if (dto.amount > left) throw invalidField('amount', 'too_large', { max: Math.max(0, left) });
      const earlier = await this.income.payments(bookingId);
      const method = [...earlier].reverse().find((p) => p.kind === 'deposit')?.method ?? 'cash';
      const { payment } = await this.payments.record(
        actor,
        bookingId,
        {
          kind: 'deposit_kept',
          method,
          amount: dto.amount,
          receivedOn: this.today(),
          reference: dto.reason.trim().slice(0, 100),
        },
        tx,
      );
      const created = await this.desk.insertRetention(tx, {
        booking_id: bookingId,
        handout_id: dto.handoutId ?? null,
        amount: dto.amount,
        reason: dto.reason.trim(),
        decided_by: actor.userId,
        payment_id: payment.id,
      });
      const retention: DepositRetentionDto = {
        id: created.id,
        bookingId,
        handoutId: dto.handoutId ?? null,
        amount: dto.amount,
        reason: dto.reason.trim(),
        decidedBy: { id: actor.userId, displayName: actor.displayName },
        decidedAt: created.decided_at.toISOString(),
        paymentId: payment.id,
      };
      await this.audit.record(tx, actor, {
        action: 'custody.deposit_kept',
        entityType: 'booking',
        entityId: bookingId,
        after: retention,
      });
      return retention;
    });
  }

  /** The desk's day (`date` in the centre's time zone): what goes out, what comes back, what is late. */
  async day(_actor: Actor, date: string): Promise<DeskDayDto> {
    const zone = zoneNamed(this.config.MADANG_TIMEZONE);
    const day = DateTime.fromISO(date, { zone });
    if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw invalidField('date', 'not_date');
    const from = day.startOf('day').toUTC().toISO() as string;
    const to = day.plus({ days: 1 }).startOf('day').toUTC().toISO() as string;
    const m = this.db.manager;
    const rows = await this.desk.deskItems(m, from, to);
    const items = await this.items(m, rows);
    const now = Date.now();
    const inDay = (iso: string) => iso >= from && iso < to;
    return {
      date,
      handOuts: items.filter((i) => inDay(i.start)),
      returns: items.filter((i) => inDay(i.end) || (i.custody !== null && i.custody.returnedAt === null)),
      overdue: items.filter(
        (i) => i.custody !== null && i.custody.returnedAt === null && Date.parse(i.returnDue) < now,
      ),
    };
  }

  /** Everything out past its return time (the approver's home page). */
  async overdue(_actor: Actor): Promise<DeskItem[]> {
    const m = this.db.manager;
    const rows = await this.desk.outSince(m, new Date().toISOString());
    const items = await this.items(m, rows);
    return items.filter((i) => Date.parse(i.returnDue) < Date.now());
  }

  /** The reminder job: each overdue borrower is told, at most once a day per item. Returns how many. */
  async remindOverdue(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const now = Date.now();
      const rows = await this.desk.outSince(tx, new Date(now).toISOString());
      let told = 0;
      for (const row of rows) {
        const due = returnDue(
          await this.catalogue.rulesAtVersion(tx, row.asset_id, row.rules_version),
          row.end_at.toISOString(),
        );
        if (Date.parse(due) >= now) continue;
        if (row.overdue_notified_at && now - row.overdue_notified_at.getTime() < REMIND_EVERY_MS) continue;
        const when = DateTime.fromISO(due, { zone: zoneNamed(this.config.MADANG_TIMEZONE) }).toFormat(
          'yyyy-MM-dd HH:mm',
        );
        await this.notifications.notify(tx, [
          {
            recipientId: row.requester_id,
            kind: 'custody.overdue' satisfies DeskNotice,
            subject: { type: 'booking', id: row.booking_id },
            values: (locale) => ({ assets: locale === 'ko' ? row.name_ko : row.name_en, due: when }),
          },
        ]);
        await this.desk.markOverdueNotified(tx, row.handout_id);
        told++;
      }
      return told;
    });
  }

  private async items(m: EntityManager, rows: DeskItemRow[]): Promise<DeskItem[]> {
    const parts = await this.desk.parts(m, [...new Set(rows.map((r) => r.asset_id))]);
    const handouts = await this.desk.handouts(m, [...new Set(rows.map((r) => r.booking_id))]);
    const result: DeskItem[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.booking_item_id)) continue;
      seen.add(r.booking_item_id);
      const rules = await this.catalogue.rulesAtVersion(m, r.asset_id, r.rules_version);
      const latest = handouts.filter((h) => h.booking_item_id === r.booking_item_id).at(-1);
      result.push({
        bookingId: r.booking_id,
        assetId: r.asset_id,
        assetName: { ko: r.name_ko, en: r.name_en },
        requester: { id: r.requester_id, displayName: r.requester_name },
        start: r.start_at.toISOString(),
        end: r.end_at.toISOString(),
        returnDue: returnDue(rules, r.end_at.toISOString()),
        parts: parts.filter((p: PartRow) => p.asset_id === r.asset_id).map(toPartDto),
        custody: latest ? toCustodyDto(latest) : null,
        deposit: r.deposit,
        depositKept: r.deposit_kept,
      });
    }
    return result;
  }

  private today(): string {
    return DateTime.now().setZone(zoneNamed(this.config.MADANG_TIMEZONE)).toISODate() as string;
  }
}
