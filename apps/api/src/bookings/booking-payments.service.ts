import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  BookingDto,
  BookingPaymentResult,
  RecordBookingPaymentRequest,
  WaiverView,
} from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../core/actor';
import { DomainError, notFound } from '../core/domain-error';
import { AuditService } from '../platform/audit/audit.service';
import { IncomeService } from '../settlement/income.service';
import { inTransaction } from '../database/in-transaction';
import { paymentStatusAfter } from './booking-money';
import { toBookingDto } from './booking-view';
import { BookingsRepository } from './bookings.repository';

/** Who waived a fee: the rental rule (a booking approved on creation) or the approver who approved it. */
export type WaivedBy = 'rule' | 'approver';

/**
 * The booking side of settlement: money recorded for a booking is posted through settlement's
 * `IncomeService` (never its tables) in the same transaction as the booking's money axis moves;
 * an approved booking whose fee was waived is recorded as in-kind support.
 */
@Injectable()
export class BookingPaymentsService {
  private readonly logger = new Logger('BookingPayments');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bookings: BookingsRepository,
    private readonly income: IncomeService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Operations record money received or paid back; the ledger and the booking change together (in the
   * caller's transaction when given: the desk keeps a deposit this way).
   */
  async record(
    actor: Actor,
    id: string,
    dto: RecordBookingPaymentRequest,
    manager?: EntityManager,
  ): Promise<BookingPaymentResult> {
    return inTransaction(this.db, manager, async (tx) => {
      if (!(await this.bookings.lock(tx, id))) throw notFound();
      const before = await this.view(tx, id);
      // Earlier payments are committed: the booking lock serialises recorders of the same booking.
      const earlier = await this.income.payments(id);
      const next = paymentStatusAfter(
        {
          decision: before.decision,
          status: before.payment.status,
          quote: before.quote,
          cancellationFee: before.payment.cancellationFee,
        },
        earlier,
        { kind: dto.kind, amount: dto.amount },
      );
      if ('refused' in next) throw new DomainError('state_conflict', { reason: next.refused });
      const payment = await this.income.postBookingPayment(
        actor,
        {
          bookingId: id,
          kind: dto.kind,
          method: dto.method,
          amount: dto.amount,
          receivedOn: dto.receivedOn,
          reference: dto.reference,
          payerName: dto.payerName,
          assetCategoryId: (await this.bookings.incomeCategory(tx, id)) ?? undefined,
        },
        tx,
      );
      if (next.status !== before.payment.status)
        await this.bookings.apply(tx, id, { paymentStatus: next.status });
      const booking = await this.view(tx, id);
      await this.audit.record(tx, actor, {
        action: 'booking.payment_recorded',
        entityType: 'booking',
        entityId: id,
        before: { payment: before.payment },
        after: { payment: booking.payment, paymentId: payment.id, kind: dto.kind, amount: dto.amount },
      });
      return { booking, payment };
    });
  }

  /**
   * An approved booking with a waived fee (a resident team's 100 %, public interest's 50 %) is
   * in-kind support at the waived value of its quote, recorded once, with who waived it (the rule
   * or the approver) and why (the waiver lines' labels). Nothing for any other booking.
   */
  async recordWaiverIfDue(
    actor: Actor,
    booking: BookingDto,
    waivedBy: WaivedBy,
    tx: EntityManager,
  ): Promise<WaiverView | null> {
    if (booking.decision !== 'approved' || booking.quote.waived <= 0) return null;
    const rules = booking.quote.lines
      .filter((l) => l.kind === 'waiver')
      .map((l) => l.label[actor.locale])
      .join(', ');
    const who = waivedBy === 'rule' ? '대관 규칙 자동 감면' : `승인자 감면 (${actor.displayName})`;
    return this.income.recordWaiver(
      actor,
      {
        bookingId: booking.id,
        value: booking.quote.waived,
        reason: `${who}: ${rules || booking.purpose}`.slice(0, 500),
        assetCategoryId: (await this.bookings.incomeCategory(tx, booking.id)) ?? undefined,
      },
      tx,
    );
  }

  /**
   * For a booking created already approved: its own transaction, after the booking committed (the
   * booking is inserted in one statement). If settlement refuses (e.g. today's period is closed),
   * the booking stands and the failure is logged; operations can record it with
   * `POST /api/settlement/waivers`.
   */
  async recordWaiverOnCreate(actor: Actor, booking: BookingDto): Promise<WaiverView | null> {
    try {
      return await this.db.transaction((tx) => this.recordWaiverIfDue(actor, booking, 'rule', tx));
    } catch (error) {
      this.logger.error(`in-kind waiver of booking ${booking.id} not recorded: ${String(error)}`);
      return null;
    }
  }

  private async view(tx: EntityManager, id: string): Promise<BookingDto> {
    const row = await this.bookings.findView(id, tx);
    if (!row) throw notFound();
    return toBookingDto(row);
  }
}
