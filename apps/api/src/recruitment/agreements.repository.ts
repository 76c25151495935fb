import { Injectable } from '@nestjs/common';
import type { AgreementState, CallKind, LocalizedText, ObligationState } from '@madang/contracts';
import type { EntityManager } from 'typeorm';

export interface AgreementRow {
  id: string;
  call_id: string;
  call_title: LocalizedText;
  call_kind: CallKind;
  application_id: string;
  group_id: string;
  group_name: string;
  state: AgreementState;
  term_start: string;
  term_end: string;
  asset_ids: string[];
  seat_count: number | null;
  monthly_fee: string;
  deposit: string;
  renewal_on: string | null;
  signed_at: Date | null;
  signed_by: string | null;
  block_ids: string[];
  rent_schedule_id: string | null;
  partner_asset_id: string | null;
  created_at: Date;
}

export interface ObligationRow {
  id: string;
  agreement_id: string;
  group_id: string;
  group_name: string;
  title: string;
  due_on: string;
  remind_days_before: number;
  state: ObligationState;
  completed_at: Date | null;
  note: string | null;
}

export interface AgreementTerms {
  termStart: string;
  termEnd: string;
  assetIds: string[];
  seatCount: number | null;
  monthlyFee: number;
  deposit: number;
  renewalOn: string | null;
}

const SELECT_AGREEMENT = `SELECT ag.id, ag.call_id, c.title AS call_title, c.kind AS call_kind, ag.application_id, ag.group_id,
    g.name AS group_name, ag.state, ag.term_start::text, ag.term_end::text, ag.asset_ids::text[] AS asset_ids, ag.seat_count,
    ag.monthly_fee::text, ag.deposit::text, ag.renewal_on::text, ag.signed_at, ag.signed_by,
    ag.block_ids::text[] AS block_ids, ag.rent_schedule_id, ag.partner_asset_id, ag.created_at
  FROM recruitment_agreements ag
  JOIN recruitment_calls c ON c.id = ag.call_id
  JOIN groups g ON g.id = ag.group_id`;

const SELECT_OBLIGATION = `SELECT o.id, o.agreement_id, ag.group_id, g.name AS group_name, o.title, o.due_on::text,
    o.remind_days_before, o.state, o.completed_at, o.note
  FROM recruitment_obligations o
  JOIN recruitment_agreements ag ON ag.id = o.agreement_id
  JOIN groups g ON g.id = ag.group_id`;

/** Agreements, their obligations, and the group privileges signing grants. */
@Injectable()
export class AgreementsRepository {
  async insert(
    m: EntityManager,
    a: AgreementTerms & { callId: string; applicationId: string; groupId: string; createdBy: string },
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO recruitment_agreements (call_id, application_id, group_id, term_start, term_end, asset_ids, seat_count,
         monthly_fee, deposit, renewal_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7, $8, $9, $10, $11) RETURNING id`,
      [
        a.callId,
        a.applicationId,
        a.groupId,
        a.termStart,
        a.termEnd,
        a.assetIds,
        a.seatCount,
        a.monthlyFee,
        a.deposit,
        a.renewalOn,
        a.createdBy,
      ],
    )) as { id: string }[];
    return row.id;
  }

  async update(m: EntityManager, id: string, a: AgreementTerms): Promise<void> {
    await m.query(
      `UPDATE recruitment_agreements SET term_start = $2, term_end = $3, asset_ids = $4::uuid[], seat_count = $5,
         monthly_fee = $6, deposit = $7, renewal_on = $8, updated_at = now() WHERE id = $1`,
      [id, a.termStart, a.termEnd, a.assetIds, a.seatCount, a.monthlyFee, a.deposit, a.renewalOn],
    );
  }

  async find(m: EntityManager, id: string, lock = false): Promise<AgreementRow | null> {
    if (lock) await m.query(`SELECT id FROM recruitment_agreements WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = (await m.query(`${SELECT_AGREEMENT} WHERE ag.id = $1`, [id])) as AgreementRow[];
    return row ?? null;
  }

  async list(
    m: EntityManager,
    state: AgreementState | undefined,
    page: { limit: number; offset: number },
  ): Promise<{ rows: AgreementRow[]; total: number }> {
    const clause = state ? `WHERE ag.state = $1` : '';
    const params: unknown[] = state ? [state] : [];
    const [{ total }] = (await m.query(
      `SELECT count(*)::int AS total FROM recruitment_agreements ag ${clause}`,
      params,
    )) as { total: number }[];
    const rows = (await m.query(
      `${SELECT_AGREEMENT} ${clause} ORDER BY ag.created_at DESC, ag.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    )) as AgreementRow[];
    return { rows, total };
  }

  async sign(
    m: EntityManager,
    id: string,
    s: { by: string; blockIds: string[]; rentScheduleId: string | null },
  ): Promise<void> {
    await m.query(
      `UPDATE recruitment_agreements SET state = 'signed', signed_at = now(), signed_by = $2, block_ids = $3::uuid[],
         rent_schedule_id = $4, updated_at = now() WHERE id = $1`,
      [id, s.by, s.blockIds, s.rentScheduleId],
    );
  }

  async setPartnerAsset(m: EntityManager, id: string, assetId: string): Promise<void> {
    await m.query(
      `UPDATE recruitment_agreements SET partner_asset_id = $2, updated_at = now() WHERE id = $1`,
      [id, assetId],
    );
  }

  async insertObligation(
    m: EntityManager,
    o: { agreementId: string; title: string; dueOn: string; remindDaysBefore: number },
  ): Promise<string> {
    const [row] = (await m.query(
      `INSERT INTO recruitment_obligations (agreement_id, title, due_on, remind_days_before) VALUES ($1, $2, $3, $4) RETURNING id`,
      [o.agreementId, o.title, o.dueOn, o.remindDaysBefore],
    )) as { id: string }[];
    return row.id;
  }

  async obligations(m: EntityManager, agreementId: string): Promise<ObligationRow[]> {
    return (await m.query(`${SELECT_OBLIGATION} WHERE o.agreement_id = $1 ORDER BY o.due_on, o.id`, [
      agreementId,
    ])) as ObligationRow[];
  }

  async obligation(m: EntityManager, id: string, lock = false): Promise<ObligationRow | null> {
    if (lock) await m.query(`SELECT id FROM recruitment_obligations WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = (await m.query(`${SELECT_OBLIGATION} WHERE o.id = $1`, [id])) as ObligationRow[];
    return row ?? null;
  }

  async completeObligation(m: EntityManager, id: string, by: string, note: string | null): Promise<void> {
    await m.query(
      `UPDATE recruitment_obligations SET state = 'done', completed_at = now(), completed_by = $2, note = $3 WHERE id = $1`,
      [id, by, note],
    );
  }

  /** Open obligations of signed agreements due before `today` (local date). */
  async overdue(m: EntityManager, today: string): Promise<ObligationRow[]> {
    return (await m.query(
      `${SELECT_OBLIGATION} WHERE o.state = 'open' AND ag.state = 'signed' AND o.due_on < $1 ORDER BY o.due_on, o.id`,
      [today],
    )) as ObligationRow[];
  }

  /** Open obligations whose reminder day has come and that were not reminded yet; marks them. */
  async takeDueReminders(m: EntityManager, today: string): Promise<ObligationRow[]> {
    const ids = (await m.query(
      `UPDATE recruitment_obligations o SET reminded_at = now()
       FROM recruitment_agreements ag
       WHERE ag.id = o.agreement_id AND ag.state = 'signed' AND o.state = 'open' AND o.reminded_at IS NULL
         AND o.due_on - o.remind_days_before <= $1::date
       RETURNING o.id`,
      [today],
    )) as { id: string }[];
    if (ids.length === 0) return [];
    return (await m.query(`${SELECT_OBLIGATION} WHERE o.id = ANY($1::uuid[]) ORDER BY o.due_on, o.id`, [
      ids.map((r) => r.id),
    ])) as ObligationRow[];
  }

  async groupManagers(m: EntityManager, groupId: string): Promise<string[]> {
    const rows = (await m.query(
      `SELECT user_id FROM group_members WHERE group_id = $1 AND is_manager ORDER BY user_id`,
      [groupId],
    )) as { user_id: string }[];
    return rows.map((r) => r.user_id);
  }

  async insertPrivilege(
    m: EntityManager,
    p: {
      groupId: string;
      tag: string;
      extraAdvanceDays: number;
      sourceId: string;
      startsOn: string;
      endsOn: string;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO group_privileges (group_id, tag, extra_advance_days, source_type, source_id, starts_on, ends_on)
       VALUES ($1, $2, $3, 'agreement', $4, $5, $6)`,
      [p.groupId, p.tag, p.extraAdvanceDays, p.sourceId, p.startsOn, p.endsOn],
    );
  }
}
