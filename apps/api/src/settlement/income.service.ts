import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  PaymentKind,
  PaymentMethod,
  PaymentView,
  RecordPaymentRequest,
  RecordWaiverRequest,
  RentScheduleRequest,
  RentScheduleView,
  WaiverView,
} from '@madang/contracts';
import { wonFromDb } from '@madang/money';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import type { Actor } from '../core/actor';
import { DomainError, invalidField } from '../core/domain-error';
import { BudgetRepository } from './budget.repository';
import { EntrySource } from './ledger.repository';
import { LedgerService } from './ledger.service';
import { IncomeRepository, PaymentRow, RentScheduleRow, WaiverRow } from './income.repository';
import { auditActor } from './settlement-access';
import { seoulToday } from './settlement-dates';
import { ruleViolation, withDatabaseRules } from './settlement-errors';
import { DateTime } from 'luxon';

const MONEY_ACCOUNT: Readonly<Record<PaymentMethod, string>> = {
  bank_transfer: '1010',
  card: '1030',
  cash: '1020',
};

/** Debit and credit accounts per payment kind ('money' = the account of the payment method). */
const POSTING: Readonly<
  Record<PaymentKind, { debit: string; credit: string; source: EntrySource; needsLine: boolean }>
> = {
  fee: { debit: 'money', credit: '4010', source: 'booking_fee', needsLine: true },
  cancellation_fee: { debit: 'money', credit: '4020', source: 'booking_fee', needsLine: true },
  deposit: { debit: 'money', credit: '2010', source: 'deposit', needsLine: false },
  deposit_return: { debit: '2010', credit: 'money', source: 'deposit', needsLine: false },
  deposit_kept: { debit: '2010', credit: '4020', source: 'deposit', needsLine: true },
  refund: { debit: '4010', credit: 'money', source: 'refund', needsLine: true },
};

/**
 * Income from Madang's own bookings and agreements. Other domains call the exported methods
 * (`postBookingPayment`, `recordWaiver`, `scheduleRent`), optionally inside their own transaction.
 */
@Injectable()
export class IncomeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly income: IncomeRepository,
    private readonly budget: BudgetRepository,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records money received or paid back for a booking and posts it: fees to the income of the
   * budget line the asset's category is mapped to, deposits as a liability until returned or kept.
   */
  async postBookingPayment(
    actor: Actor,
    input: RecordPaymentRequest,
    manager?: EntityManager,
  ): Promise<PaymentView> {
    const work = async (m: EntityManager) => {
      const rule = POSTING[input.kind];
      const budgetLineId = await this.resolveLine(m, actor, input, rule.needsLine);
      const programmeId = budgetLineId ? await this.budget.lineProgramme(m, budgetLineId) : null;
      const money = MONEY_ACCOUNT[input.method];
      const account = (a: string) => (a === 'money' ? money : a);
      const dims = { programmeId, budgetLineId };
      const entryId = await this.ledger.post(
        m,
        actor,
        {
          entryDate: input.receivedOn,
          source: rule.source,
          sourceId: input.bookingId,
          memo: `${input.kind} ${input.reference ?? ''}`.trim(),
          postedBy: actor.userId,
        },
        [
          { account: account(rule.debit), amount: input.amount, ...dims },
          { account: account(rule.credit), amount: -input.amount, ...dims },
        ],
      );
      const row = await this.income.insertPayment(m, {
        bookingId: input.bookingId,
        kind: input.kind,
        method: input.method,
        amount: input.amount,
        receivedOn: input.receivedOn,
        reference: input.reference ?? '',
        payerName: input.payerName ?? '',
        budgetLineId,
        entryId,
        recordedBy: actor.userId,
      });
      const view = toPaymentView(row);
      await this.audit.record(m, auditActor(actor), {
        action: 'settlement.payment.record',
        entityType: 'booking_payment',
        entityId: row.id,
        after: view,
      });
      return view;
    };
    return withDatabaseRules(actor.locale, () => (manager ? work(manager) : this.db.transaction(work)));
  }

  /**
   * The settlement routes' own entry points for booking money. A booking Madang knows must be
   * approved first, as on `POST /api/bookings/{id}/payments` (409 otherwise): a payment or waiver
   * on a pending request would be posted before the decision (and a later approval would record
   * the waiver again). An id Madang does not know is a booking kept outside it and stays allowed.
   */
  async recordPaymentByHand(actor: Actor, input: RecordPaymentRequest): Promise<PaymentView> {
    return this.db.transaction(async (m) => {
      await this.bookingOpenForMoney(m, input.bookingId);
      return this.postBookingPayment(actor, input, m);
    });
  }

  async recordWaiverByHand(actor: Actor, input: RecordWaiverRequest): Promise<WaiverView> {
    return this.db.transaction(async (m) => {
      await this.bookingOpenForMoney(m, input.bookingId);
      return this.recordWaiver(actor, input, m);
    });
  }

  private async bookingOpenForMoney(m: EntityManager, bookingId: string): Promise<void> {
    const [row] = (await m.query(`SELECT decision FROM bookings WHERE id = $1 FOR SHARE`, [bookingId])) as {
      decision: string;
    }[];
    if (row && row.decision !== 'approved')
      throw new DomainError('state_conflict', { reason: 'not_approved', decision: row.decision });
  }

  async payments(bookingId?: string): Promise<PaymentView[]> {
    return (await this.income.payments(this.db.manager, bookingId)).map(toPaymentView);
  }

  /** A waived fee as in-kind support at the quote's value, with who waived it and why. */
  async recordWaiver(actor: Actor, input: RecordWaiverRequest, manager?: EntityManager): Promise<WaiverView> {
    const work = async (m: EntityManager) => {
      if (await this.income.waiverFor(m, input.bookingId))
        throw new DomainError('conflict', { field: 'bookingId' });
      const budgetLineId = await this.resolveLine(m, actor, input, false);
      const programmeId = budgetLineId ? await this.budget.lineProgramme(m, budgetLineId) : null;
      const dims = { programmeId, budgetLineId };
      const entryId = await this.ledger.post(
        m,
        actor,
        {
          entryDate: seoulToday(),
          source: 'in_kind',
          sourceId: input.bookingId,
          memo: input.reason,
          postedBy: actor.userId,
        },
        [
          { account: '5090', amount: input.value, ...dims },
          { account: '4090', amount: -input.value, ...dims },
        ],
      );
      const row = await this.income.insertWaiver(m, {
        bookingId: input.bookingId,
        value: input.value,
        reason: input.reason,
        budgetLineId,
        waivedBy: actor.userId,
        entryId,
      });
      const view = toWaiverView(row);
      await this.audit.record(m, auditActor(actor), {
        action: 'settlement.waiver.record',
        entityType: 'in_kind_waiver',
        entityId: row.id,
        after: view,
      });
      return view;
    };
    return withDatabaseRules(actor.locale, () => (manager ? work(manager) : this.db.transaction(work)));
  }

  async setMapping(actor: Actor, assetCategoryId: string, budgetLineId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      if (!(await this.budget.lineProgramme(m, budgetLineId))) throw invalidField('budgetLineId', 'invalid');
      const before = await this.income.mappedLine(m, assetCategoryId);
      await this.income.setMapping(m, assetCategoryId, budgetLineId);
      await this.audit.record(m, auditActor(actor), {
        action: 'settlement.income_mapping.set',
        entityType: 'income_mapping',
        entityId: assetCategoryId,
        before: { budgetLineId: before },
        after: { budgetLineId },
      });
    });
  }

  async mappings(): Promise<{ assetCategoryId: string; budgetLineId: string }[]> {
    return (await this.income.mappings(this.db.manager)).map((r) => ({
      assetCategoryId: r.asset_category_id,
      budgetLineId: r.budget_line_id,
    }));
  }

  /** The rent schedule of an occupancy agreement; `postDueRent` posts each month once. */
  async scheduleRent(
    actor: Actor,
    input: RentScheduleRequest,
    manager?: EntityManager,
  ): Promise<RentScheduleView> {
    const work = async (m: EntityManager) => {
      if (input.endsOn < input.startsOn) throw invalidField('endsOn', 'invalid');
      if (!(await this.budget.lineProgramme(m, input.budgetLineId)))
        throw invalidField('budgetLineId', 'invalid');
      const id = await this.income.insertSchedule(m, { ...input, createdBy: actor.userId });
      const [row] = await this.income.schedules(m, [id]);
      const view = toRentView(row);
      await this.audit.record(m, auditActor(actor), {
        action: 'settlement.rent.schedule',
        entityType: 'rent_schedule',
        entityId: id,
        after: view,
      });
      return view;
    };
    return manager ? work(manager) : this.db.transaction(work);
  }

  async schedules(): Promise<RentScheduleView[]> {
    return (await this.income.schedules(this.db.manager)).map(toRentView);
  }

  /**
   * Posts every month of rent due by `asOf` that is not posted yet (months in closed periods wait).
   * Idempotent: the schedules are locked and each month is posted once (`rent_postings`).
   * `actor` null is the monthly job: each entry is posted in the name of the person who set up the
   * schedule and audited as the system (`job:settlement.post_due_rent`).
   */
  async postDueRent(
    actor: Actor | null,
    asOf: string = seoulToday(),
  ): Promise<{ posted: number; skippedClosed: number }> {
    return this.db.transaction(async (m) => {
      let posted = 0;
      let skippedClosed = 0;
      for (const schedule of await this.income.schedules(m, undefined, true)) {
        const poster = actor ?? rentJobActor(schedule.created_by);
        for (const month of dueMonths(schedule, asOf)) {
          try {
            await m.query('SAVEPOINT rent_month');
            const entry = {
              entryDate: month,
              source: 'rent' as const,
              sourceId: schedule.agreement_id,
              memo: `rent ${month.slice(0, 7)}`,
              postedBy: poster.userId,
            };
            const dims = { programmeId: schedule.programme_id, budgetLineId: schedule.budget_line_id };
            const lines = [
              { account: '1100', amount: wonFromDb(schedule.monthly_amount), ...dims },
              { account: '4030', amount: -wonFromDb(schedule.monthly_amount), ...dims },
            ];
            const entryId = await this.ledger.post(m, poster, entry, lines, { audit: false });
            await this.income.insertRentPosting(m, schedule.id, month, entryId);
            await this.audit.record(
              m,
              actor ? auditActor(actor) : { userId: null, requestId: RENT_JOB_REQUEST },
              {
                action: 'settlement.entry.post',
                entityType: 'journal_entry',
                entityId: entryId,
                after: { ...entry, lines },
              },
            );
            await m.query('RELEASE SAVEPOINT rent_month');
            posted++;
          } catch (error) {
            await m.query('ROLLBACK TO SAVEPOINT rent_month');
            if (error instanceof DomainError && error.code === 'settlement_rule') skippedClosed++;
            else throw error;
          }
        }
      }
      return { posted, skippedClosed };
    });
  }

  private async resolveLine(
    m: EntityManager,
    actor: Actor,
    input: { budgetLineId?: string; assetCategoryId?: string },
    required: boolean,
  ): Promise<string | null> {
    if (input.budgetLineId) {
      if (!(await this.budget.lineProgramme(m, input.budgetLineId)))
        throw invalidField('budgetLineId', 'invalid');
      return input.budgetLineId;
    }
    const mapped = input.assetCategoryId ? await this.income.mappedLine(m, input.assetCategoryId) : null;
    if (!mapped && required)
      throw ruleViolation('no_income_mapping', actor.locale, {
        assetCategoryId: input.assetCategoryId ?? '',
      });
    return mapped;
  }
}

const RENT_JOB_REQUEST = 'job:settlement.post_due_rent';

/** The monthly rent job acts for the schedule's creator, with no permissions of its own. */
function rentJobActor(userId: string): Actor {
  return {
    userId,
    sessionId: RENT_JOB_REQUEST,
    email: '',
    displayName: '',
    locale: 'ko',
    roles: [],
    permissions: [],
    groups: [],
    requestId: RENT_JOB_REQUEST,
    ip: '',
  };
}

/** First days of the months of a schedule due by `asOf` and not yet posted. */
export function dueMonths(
  schedule: Pick<RentScheduleRow, 'starts_on' | 'ends_on' | 'posted_months'>,
  asOf: string,
): string[] {
  const months: string[] = [];
  let cursor = DateTime.fromISO(schedule.starts_on, { zone: 'utc' }).startOf('month');
  const end = DateTime.fromISO(schedule.ends_on < asOf ? schedule.ends_on : asOf, { zone: 'utc' });
  while (cursor <= end) {
    const month = cursor.toISODate() as string;
    if (!schedule.posted_months.includes(month)) months.push(month);
    cursor = cursor.plus({ months: 1 });
  }
  return months;
}

function toPaymentView(r: PaymentRow): PaymentView {
  return {
    id: r.id,
    bookingId: r.booking_id,
    kind: r.kind,
    method: r.method,
    amount: wonFromDb(r.amount),
    receivedOn: r.received_on,
    reference: r.reference,
    payerName: r.payer_name,
    budgetLineId: r.budget_line_id,
    entryId: r.entry_id,
  };
}

function toWaiverView(r: WaiverRow): WaiverView {
  return {
    id: r.id,
    bookingId: r.booking_id,
    value: wonFromDb(r.value),
    reason: r.reason,
    waivedBy: r.waived_by,
    budgetLineId: r.budget_line_id,
    entryId: r.entry_id,
  };
}

function toRentView(r: RentScheduleRow): RentScheduleView {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    budgetLineId: r.budget_line_id,
    monthlyAmount: wonFromDb(r.monthly_amount),
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    postedMonths: r.posted_months,
  };
}
