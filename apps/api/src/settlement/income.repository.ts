import { Injectable } from '@nestjs/common';
import type { PaymentKind, PaymentMethod } from '@madang/contracts';
import type { Won } from '@madang/money';
import type { EntityManager } from 'typeorm';

export interface PaymentRow {
  id: string;
  booking_id: string;
  kind: PaymentKind;
  method: PaymentMethod;
  amount: string;
  received_on: string;
  reference: string;
  payer_name: string;
  budget_line_id: string | null;
  entry_id: string;
}

export interface WaiverRow {
  id: string;
  booking_id: string;
  value: string;
  reason: string;
  waived_by: string;
  budget_line_id: string | null;
  entry_id: string;
}

export interface RentScheduleRow {
  id: string;
  agreement_id: string;
  budget_line_id: string;
  programme_id: string;
  monthly_amount: string;
  starts_on: string;
  ends_on: string;
  posted_months: string[];
}

const SELECT_PAYMENT = `SELECT id, booking_id, kind, method, amount, received_on::text, reference, payer_name, budget_line_id, entry_id
  FROM booking_payments`;

/** Booking payments, in-kind waivers, income mappings and rent schedules. */
@Injectable()
export class IncomeRepository {
  async mappedLine(m: EntityManager, assetCategoryId: string): Promise<string | null> {
    const [row] = (await m.query(`SELECT budget_line_id FROM income_mappings WHERE asset_category_id = $1`, [
      assetCategoryId,
    ])) as { budget_line_id: string }[];
    return row?.budget_line_id ?? null;
  }

  async mappings(m: EntityManager): Promise<{ asset_category_id: string; budget_line_id: string }[]> {
    return (await m.query(
      `SELECT asset_category_id, budget_line_id FROM income_mappings ORDER BY asset_category_id`,
    )) as { asset_category_id: string; budget_line_id: string }[];
  }

  async setMapping(m: EntityManager, assetCategoryId: string, budgetLineId: string): Promise<void> {
    await m.query(
      `INSERT INTO income_mappings (asset_category_id, budget_line_id) VALUES ($1, $2)
       ON CONFLICT (asset_category_id) DO UPDATE SET budget_line_id = excluded.budget_line_id`,
      [assetCategoryId, budgetLineId],
    );
  }

  async insertPayment(
    m: EntityManager,
    p: {
      bookingId: string;
      kind: PaymentKind;
      method: PaymentMethod;
      amount: Won;
      receivedOn: string;
      reference: string;
      payerName: string;
      budgetLineId: string | null;
      entryId: string;
      recordedBy: string;
    },
  ): Promise<PaymentRow> {
    const [row] = (await m.query(
      `WITH p AS (
         INSERT INTO booking_payments (booking_id, kind, method, amount, received_on, reference, payer_name, budget_line_id, entry_id, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *)
       SELECT id, booking_id, kind, method, amount, received_on::text, reference, payer_name, budget_line_id, entry_id FROM p`,
      [
        p.bookingId,
        p.kind,
        p.method,
        String(p.amount),
        p.receivedOn,
        p.reference,
        p.payerName,
        p.budgetLineId,
        p.entryId,
        p.recordedBy,
      ],
    )) as PaymentRow[];
    return row;
  }

  async payments(m: EntityManager, bookingId?: string): Promise<PaymentRow[]> {
    return (await m.query(
      `${SELECT_PAYMENT} WHERE $1::uuid IS NULL OR booking_id = $1 ORDER BY received_on DESC, created_at DESC LIMIT 500`,
      [bookingId ?? null],
    )) as PaymentRow[];
  }

  async insertWaiver(
    m: EntityManager,
    w: {
      bookingId: string;
      value: Won;
      reason: string;
      budgetLineId: string | null;
      waivedBy: string;
      entryId: string;
    },
  ): Promise<WaiverRow> {
    const [row] = (await m.query(
      `INSERT INTO in_kind_waivers (booking_id, value, reason, budget_line_id, waived_by, entry_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, booking_id, value, reason, waived_by, budget_line_id, entry_id`,
      [w.bookingId, String(w.value), w.reason, w.budgetLineId, w.waivedBy, w.entryId],
    )) as WaiverRow[];
    return row;
  }

  async waiverFor(m: EntityManager, bookingId: string): Promise<WaiverRow | null> {
    const [row] = (await m.query(
      `SELECT id, booking_id, value, reason, waived_by, budget_line_id, entry_id FROM in_kind_waivers WHERE booking_id = $1`,
      [bookingId],
    )) as WaiverRow[];
    return row ?? null;
  }

  async insertSchedule(
    m: EntityManager,
    s: {
      agreementId: string;
      budgetLineId: string;
      monthlyAmount: Won;
      startsOn: string;
      endsOn: string;
      createdBy: string;
    },
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO rent_schedules (agreement_id, budget_line_id, monthly_amount, starts_on, ends_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [s.agreementId, s.budgetLineId, String(s.monthlyAmount), s.startsOn, s.endsOn, s.createdBy],
    )) as { id: string }[];
    return row.id;
  }

  async schedules(m: EntityManager, ids?: readonly string[], lock = false): Promise<RentScheduleRow[]> {
    return (await m.query(
      `SELECT r.id, r.agreement_id, r.budget_line_id, l.programme_id, r.monthly_amount, r.starts_on::text, r.ends_on::text,
              coalesce((SELECT array_agg(p.month::text ORDER BY p.month) FROM rent_postings p WHERE p.schedule_id = r.id), '{}') AS posted_months
         FROM rent_schedules r JOIN budget_lines l ON l.id = r.budget_line_id
        WHERE $1::uuid[] IS NULL OR r.id = ANY($1)
        ORDER BY r.starts_on${lock ? ' FOR UPDATE OF r' : ''}`,
      [ids ?? null],
    )) as RentScheduleRow[];
  }

  async insertRentPosting(
    m: EntityManager,
    scheduleId: string,
    month: string,
    entryId: string,
  ): Promise<void> {
    await m.query(`INSERT INTO rent_postings (schedule_id, month, entry_id) VALUES ($1, $2, $3)`, [
      scheduleId,
      month,
      entryId,
    ]);
  }
}
