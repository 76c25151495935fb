import { AuditInsert, insertAuditRowsFrom } from '../platform/audit/audit.repository';
import { Injectable } from '@nestjs/common';
import type { SettlementEvidenceType, SettlementExpenseState } from '@madang/contracts';
import type { Won } from '@madang/money';
import type { EntityManager } from 'typeorm';

export interface ExpenseRow {
  id: string;
  programme_id: string;
  budget_line_id: string;
  budget_line_name: string;
  category_code: string;
  category_name: string;
  category_evidence: string[];
  title: string;
  amount: string;
  state: SettlementExpenseState;
  expense_date: string;
  payee_name: string;
  payee_account: string | null;
  evidence_type: SettlementEvidenceType;
  booking_id: string | null;
  project_id: string | null;
  agreement_id: string | null;
  requested_by: string;
  approved_by: string | null;
  paid_at: Date | null;
  paid_entry_id: string | null;
  substantive_verified_by: string | null;
  financial_verified_by: string | null;
  disallowed_amount: string;
  disallowed_reason: string | null;
  state_reason: string | null;
  created_at: Date;
  split: { fundingSourceId: string; amount: string }[];
  evidence: { item: string; fileId: string | null; note: string }[];
  /** Display names of the requester, approver and verifiers, by user id. */
  people: Record<string, string>;
}

export interface NewExpense {
  programmeId: string;
  budgetLineId: string;
  title: string;
  amount: Won;
  expenseDate: string;
  payeeName: string;
  payeeAccount: string | null;
  evidenceType: SettlementEvidenceType;
  bookingId: string | null;
  projectId: string | null;
  agreementId: string | null;
  requestedBy: string;
}

export interface ExpenseFilter {
  ids?: readonly string[];
  programmeIds?: readonly string[] | null;
  programmeId?: string;
  state?: SettlementExpenseState;
  limit?: number;
  offset?: number;
}

/** Columns a transition may set; anything else never changes. */
export interface ExpensePatch {
  state: SettlementExpenseState;
  approved_by?: string;
  paid_entry_id?: string;
  substantive_verified_by?: string;
  financial_verified_by?: string;
  disallowed_amount?: Won;
  disallowed_reason?: string;
  state_reason?: string | null;
}

const SELECT_EXPENSE = `
  SELECT x.id, x.programme_id, x.budget_line_id, l.name AS budget_line_name, c.code AS category_code,
         c.name_ko AS category_name, c.evidence AS category_evidence, x.title, x.amount, x.state,
         x.expense_date::text, x.payee_name, x.payee_account, x.evidence_type, x.booking_id, x.project_id,
         x.agreement_id, x.requested_by, x.approved_by, x.paid_at, x.paid_entry_id, x.substantive_verified_by,
         x.financial_verified_by, x.disallowed_amount, x.disallowed_reason, x.state_reason, x.created_at,
         (SELECT coalesce(json_agg(json_build_object('fundingSourceId', s.funding_source_id, 'amount', s.amount::text)
                  ORDER BY array_position(ARRAY['national','local','own','other'], fs.kind), fs.name), '[]')
            FROM expense_splits s JOIN funding_sources fs ON fs.id = s.funding_source_id WHERE s.expense_id = x.id) AS split,
         (SELECT coalesce(json_agg(json_build_object('item', e.item, 'fileId', e.file_id, 'note', e.note)
                  ORDER BY e.item), '[]') FROM expense_evidence e WHERE e.expense_id = x.id) AS evidence,
         (SELECT coalesce(json_object_agg(u.id, u.display_name), '{}') FROM users u
           WHERE u.id IN (x.requested_by, x.approved_by, x.substantive_verified_by, x.financial_verified_by)) AS people
    FROM expenses x
    JOIN budget_lines l ON l.id = x.budget_line_id
    JOIN budget_categories c ON c.id = l.category_id`;

/** Expenses, their funding splits and evidence. */
@Injectable()
export class ExpensesRepository {
  async insert(
    m: EntityManager,
    x: NewExpense,
    split: readonly { fundingSourceId: string; amount: Won }[],
  ): Promise<string> {
    const [row] = (await m.query(
      `WITH x AS (
         INSERT INTO expenses (programme_id, budget_line_id, title, amount, expense_date, payee_name, payee_account,
                               evidence_type, booking_id, project_id, agreement_id, requested_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id),
       s AS (
         INSERT INTO expense_splits (expense_id, funding_source_id, amount)
         SELECT x.id, y.source, y.amount FROM x, unnest($13::uuid[], $14::bigint[]) AS y(source, amount) RETURNING 1)
       SELECT x.id, (SELECT count(*) FROM s) AS n FROM x`,
      [
        x.programmeId,
        x.budgetLineId,
        x.title,
        String(x.amount),
        x.expenseDate,
        x.payeeName,
        x.payeeAccount,
        x.evidenceType,
        x.bookingId,
        x.projectId,
        x.agreementId,
        x.requestedBy,
        split.map((s) => s.fundingSourceId),
        split.map((s) => String(s.amount)),
      ],
    )) as { id: string }[];
    return row.id;
  }

  async find(m: EntityManager, filter: ExpenseFilter): Promise<ExpenseRow[]> {
    return (await m.query(
      `${SELECT_EXPENSE}
        WHERE ($1::uuid[] IS NULL OR x.id = ANY($1))
          AND ($2::uuid[] IS NULL OR x.programme_id = ANY($2))
          AND ($3::uuid IS NULL OR x.programme_id = $3)
          AND ($4::text IS NULL OR x.state = $4)
        ORDER BY x.expense_date DESC, x.created_at DESC
        LIMIT $5 OFFSET $6`,
      [
        filter.ids ?? null,
        filter.programmeIds ?? null,
        filter.programmeId ?? null,
        filter.state ?? null,
        filter.limit ?? 200,
        filter.offset ?? 0,
      ],
    )) as ExpenseRow[];
  }

  /** The expense, its row locked for the rest of the transaction (one round trip). */
  /** Who may touch an expense's files: its programme, requester and state (no lock). */
  async owner(
    m: EntityManager,
    id: string,
  ): Promise<{ programme_id: string; requested_by: string; state: string } | null> {
    const [row] = (await m.query(`SELECT programme_id, requested_by, state FROM expenses WHERE id = $1`, [
      id,
    ])) as { programme_id: string; requested_by: string; state: string }[];
    return row ?? null;
  }

  async lock(m: EntityManager, id: string): Promise<ExpenseRow | null> {
    const [row] = (await m.query(`${SELECT_EXPENSE} WHERE x.id = $1 FOR UPDATE OF x`, [id])) as ExpenseRow[];
    return row ?? null;
  }

  /** Applies a transition, and writes its audit row in the same statement when given one. */
  async update(m: EntityManager, id: string, patch: ExpensePatch, audit?: AuditInsert): Promise<void> {
    // The expense is locked by the caller (lock()), so the update always matches its audit row.
    await m.query(
      `WITH u AS (UPDATE expenses SET state = $2,
              approved_by = coalesce($3, approved_by),
              paid_entry_id = coalesce($4, paid_entry_id),
              paid_at = CASE WHEN $4::uuid IS NULL THEN paid_at ELSE now() END,
              substantive_verified_by = coalesce($5, substantive_verified_by),
              substantive_verified_at = CASE WHEN $5::uuid IS NULL THEN substantive_verified_at ELSE now() END,
              financial_verified_by = coalesce($6, financial_verified_by),
              financial_verified_at = CASE WHEN $6::uuid IS NULL THEN financial_verified_at ELSE now() END,
              disallowed_amount = coalesce($7, disallowed_amount),
              disallowed_reason = coalesce($8, disallowed_reason),
              state_reason = CASE WHEN $9::boolean THEN $10 ELSE state_reason END,
              updated_at = now()
        WHERE id = $1 RETURNING id),
       a AS (${insertAuditRowsFrom('$11')})
       SELECT 1`,
      [
        id,
        patch.state,
        patch.approved_by ?? null,
        patch.paid_entry_id ?? null,
        patch.substantive_verified_by ?? null,
        patch.financial_verified_by ?? null,
        patch.disallowed_amount === undefined ? null : String(patch.disallowed_amount),
        patch.disallowed_reason ?? null,
        patch.state_reason !== undefined,
        patch.state_reason ?? null,
        JSON.stringify(audit ? [audit] : []),
      ],
    );
  }

  async provideEvidence(
    m: EntityManager,
    id: string,
    item: string,
    fileId: string | null,
    note: string,
    by: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO expense_evidence (expense_id, item, file_id, note, provided_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (expense_id, item) DO UPDATE SET file_id = excluded.file_id, note = excluded.note,
              provided_by = excluded.provided_by, provided_at = now()`,
      [id, item, fileId, note, by],
    );
  }
}
