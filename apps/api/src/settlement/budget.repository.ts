import { Injectable } from '@nestjs/common';
import type { FundingSourceKind, ProgrammeKind } from '@madang/contracts';
import { wonFromDb, type Won } from '@madang/money';
import type { ReportCell } from '@madang/settlement';
import type { EntityManager } from 'typeorm';

export interface ProgrammeRow {
  id: string;
  year: number;
  fiscal_year_id: string;
  code: string;
  name: string;
  kind: ProgrammeKind;
  execution_deadline: string;
  lead_group_id: string | null;
  warn_threshold_bp: number;
  refuse_threshold_bp: number;
  approver_ids: string[];
}

export interface SourceRow {
  id: string;
  programme_id: string;
  kind: FundingSourceKind;
  name: string;
  share_bp: number;
  returnable: boolean;
}

export interface CategoryRow {
  id: string;
  code: string;
  level: 1 | 2;
  parent_code: string | null;
  name_ko: string;
  name_en: string;
  evidence: string[];
}

export interface AmendmentRow {
  id: string;
  programme_id: string;
  reason: string;
  state: 'requested' | 'approved' | 'rejected';
  requested_by: string;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Date;
  items: { budgetLineId: string; fundingSourceId: string; delta: string }[];
}

interface CellRow {
  line_id: string;
  line_name: string;
  category_code: string;
  category_name: string;
  parent_code: string;
  parent_name: string;
  source_id: string;
  source_kind: string;
  source_name: string;
  returnable: boolean;
  initial: string;
  amended: string;
  executed: string;
  disallowed: string;
  committed: string;
}

export interface Cell extends ReportCell {
  committed: Won;
}

const SELECT_PROGRAMME = `
  SELECT p.id, y.year, p.fiscal_year_id, p.code, p.name, p.kind, p.execution_deadline::text, p.lead_group_id,
         p.warn_threshold_bp, p.refuse_threshold_bp,
         coalesce((SELECT array_agg(a.user_id ORDER BY a.user_id) FROM programme_approvers a WHERE a.programme_id = p.id), '{}') AS approver_ids
    FROM programmes p JOIN fiscal_years y ON y.id = p.fiscal_year_id`;

/** Programmes, funding sources, the category catalogue, budget lines and amendments. */
@Injectable()
export class BudgetRepository {
  async programmes(m: EntityManager, ids: readonly string[] | null, year?: number): Promise<ProgrammeRow[]> {
    return (await m.query(
      `${SELECT_PROGRAMME}
        WHERE ($1::uuid[] IS NULL OR p.id = ANY($1)) AND ($2::int IS NULL OR y.year = $2)
        ORDER BY y.year DESC, p.code`,
      [ids, year ?? null],
    )) as ProgrammeRow[];
  }

  async programme(m: EntityManager, id: string, lock = false): Promise<ProgrammeRow | null> {
    const [row] = (await m.query(`${SELECT_PROGRAMME} WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`, [
      id,
    ])) as ProgrammeRow[];
    return row ?? null;
  }

  async insertProgramme(
    m: EntityManager,
    p: {
      fiscalYearId: string;
      code: string;
      name: string;
      kind: ProgrammeKind;
      executionDeadline: string;
      leadGroupId: string | null;
      warnThresholdBp: number;
      refuseThresholdBp: number;
    },
    sources: readonly { kind: FundingSourceKind; name: string; shareBp: number }[],
  ): Promise<string> {
    const [row] = (await m.query(
      `WITH p AS (
         INSERT INTO programmes (fiscal_year_id, code, name, kind, execution_deadline, lead_group_id, warn_threshold_bp, refuse_threshold_bp)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id),
       s AS (
         INSERT INTO funding_sources (programme_id, kind, name, share_bp, returnable)
         SELECT p.id, x.kind, x.name, x.share, x.kind IN ('national', 'local')
           FROM p, unnest($9::text[], $10::text[], $11::int[]) AS x(kind, name, share) RETURNING 1)
       SELECT p.id, (SELECT count(*) FROM s) AS n FROM p`,
      [
        p.fiscalYearId,
        p.code,
        p.name,
        p.kind,
        p.executionDeadline,
        p.leadGroupId,
        p.warnThresholdBp,
        p.refuseThresholdBp,
        sources.map((s) => s.kind),
        sources.map((s) => s.name),
        sources.map((s) => s.shareBp),
      ],
    )) as { id: string }[];
    return row.id;
  }

  async updateProgramme(
    m: EntityManager,
    id: string,
    p: Pick<
      ProgrammeRow,
      'name' | 'execution_deadline' | 'lead_group_id' | 'warn_threshold_bp' | 'refuse_threshold_bp'
    >,
  ): Promise<void> {
    await m.query(
      `UPDATE programmes SET name = $2, execution_deadline = $3, lead_group_id = $4, warn_threshold_bp = $5, refuse_threshold_bp = $6
        WHERE id = $1`,
      [id, p.name, p.execution_deadline, p.lead_group_id, p.warn_threshold_bp, p.refuse_threshold_bp],
    );
  }

  async setApprovers(m: EntityManager, id: string, userIds: readonly string[]): Promise<void> {
    await m.query(`DELETE FROM programme_approvers WHERE programme_id = $1`, [id]);
    await m.query(
      `INSERT INTO programme_approvers (programme_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) u`,
      [id, userIds],
    );
  }

  async sources(m: EntityManager, programmeIds: readonly string[]): Promise<SourceRow[]> {
    return (await m.query(
      `SELECT id, programme_id, kind, name, share_bp, returnable FROM funding_sources
        WHERE programme_id = ANY($1::uuid[])
        ORDER BY programme_id, array_position(ARRAY['national','local','own','other'], kind), name`,
      [programmeIds],
    )) as SourceRow[];
  }

  async categories(m: EntityManager): Promise<CategoryRow[]> {
    return (await m.query(
      `SELECT c.id, c.code, c.level, p.code AS parent_code, c.name_ko, c.name_en, c.evidence
         FROM budget_categories c LEFT JOIN budget_categories p ON p.id = c.parent_id ORDER BY c.code`,
    )) as CategoryRow[];
  }

  async insertLine(
    m: EntityManager,
    programmeId: string,
    categoryId: string,
    name: string,
    amounts: ReadonlyMap<string, Won>,
  ): Promise<string> {
    const [row] = (await m.query(
      `WITH l AS (INSERT INTO budget_lines (programme_id, category_id, name) VALUES ($1, $2, $3) RETURNING id),
            a AS (INSERT INTO budget_allocations (budget_line_id, funding_source_id, initial_amount)
                  SELECT l.id, s.id, coalesce(x.amount, 0)
                    FROM l CROSS JOIN funding_sources s
                    LEFT JOIN unnest($4::uuid[], $5::bigint[]) AS x(source_id, amount) ON x.source_id = s.id
                   WHERE s.programme_id = $1 RETURNING 1)
       SELECT l.id, (SELECT count(*) FROM a) AS n FROM l`,
      [programmeId, categoryId, name, [...amounts.keys()], [...amounts.values()].map(String)],
    )) as { id: string }[];
    return row.id;
  }

  async lineProgramme(m: EntityManager, lineId: string): Promise<string | null> {
    const [row] = (await m.query(`SELECT programme_id FROM budget_lines WHERE id = $1`, [lineId])) as {
      programme_id: string;
    }[];
    return row?.programme_id ?? null;
  }

  /**
   * Every line × source of a programme: initial, amended (initial + approved amendments),
   * executed and disallowed in the ledger between `from` and `to`, and committed by expenses.
   */
  async cells(
    m: EntityManager,
    programmeId: string,
    from: string,
    to: string,
    lineId?: string,
    /** The report does not need what expenses commit; the guardrail and line views do. */
    withCommitted = true,
  ): Promise<Cell[]> {
    const rows = (await m.query(
      `WITH am AS (
         SELECT i.budget_line_id, i.funding_source_id, sum(i.delta) AS delta
           FROM budget_amendment_items i JOIN budget_amendments m ON m.id = i.amendment_id
          WHERE m.programme_id = $1 AND m.state = 'approved' GROUP BY 1, 2),
       led AS (
         SELECT jl.budget_line_id, jl.funding_source_id, sum(jl.amount) AS executed
           FROM journal_lines jl JOIN journal_entries e ON e.id = jl.entry_id
          WHERE jl.programme_id = $1 AND jl.account_id = (SELECT id FROM ledger_accounts WHERE code = '5010')
            AND e.entry_date BETWEEN $2 AND $3
          GROUP BY 1, 2),
       -- A disallowance counts in the period the expense was paid in, whenever it was decided.
       dis AS (
         SELECT jl.budget_line_id, jl.funding_source_id, sum(jl.amount) AS disallowed
           FROM journal_lines jl JOIN expenses dx ON dx.id = jl.expense_id JOIN journal_entries pe ON pe.id = dx.paid_entry_id
          WHERE jl.programme_id = $1 AND jl.account_id = (SELECT id FROM ledger_accounts WHERE code = '5020')
            AND pe.entry_date BETWEEN $2 AND $3
          GROUP BY 1, 2),
       com AS (
         SELECT x.budget_line_id, sp.funding_source_id, sum(sp.amount) AS committed
           FROM expenses x JOIN expense_splits sp ON sp.expense_id = x.id
          WHERE $5 AND x.programme_id = $1 AND x.state <> 'rejected' GROUP BY 1, 2)
       SELECT l.id AS line_id, l.name AS line_name, c.code AS category_code, c.name_ko AS category_name,
              pc.code AS parent_code, pc.name_ko AS parent_name,
              s.id AS source_id, s.kind AS source_kind, s.name AS source_name, s.returnable,
              al.initial_amount AS initial, al.initial_amount + coalesce(am.delta, 0) AS amended,
              coalesce(led.executed, 0) AS executed, coalesce(dis.disallowed, 0) AS disallowed,
              coalesce(com.committed, 0) AS committed
         FROM budget_lines l
         JOIN budget_categories c ON c.id = l.category_id
         JOIN budget_categories pc ON pc.id = c.parent_id
         JOIN budget_allocations al ON al.budget_line_id = l.id
         JOIN funding_sources s ON s.id = al.funding_source_id
         LEFT JOIN am ON am.budget_line_id = l.id AND am.funding_source_id = s.id
         LEFT JOIN led ON led.budget_line_id = l.id AND led.funding_source_id = s.id
         LEFT JOIN dis ON dis.budget_line_id = l.id AND dis.funding_source_id = s.id
         LEFT JOIN com ON com.budget_line_id = l.id AND com.funding_source_id = s.id
        WHERE l.programme_id = $1 AND ($4::uuid IS NULL OR l.id = $4)
        ORDER BY c.code, l.name, array_position(ARRAY['national','local','own','other'], s.kind), s.name`,
      [programmeId, from, to, lineId ?? null, withCommitted],
    )) as CellRow[];
    return rows.map((r) => ({
      lineId: r.line_id,
      lineName: r.line_name,
      categoryCode: r.category_code,
      categoryName: r.category_name,
      parentCode: r.parent_code,
      parentName: r.parent_name,
      sourceId: r.source_id,
      sourceKind: r.source_kind,
      sourceName: r.source_name,
      returnable: r.returnable,
      initial: wonFromDb(r.initial),
      amended: wonFromDb(r.amended),
      executed: wonFromDb(r.executed),
      disallowed: wonFromDb(r.disallowed),
      committed: wonFromDb(r.committed),
    }));
  }

  /** Interest to return per funding source of a programme, posted between `from` and `to`. */
  async interest(m: EntityManager, programmeId: string, from: string, to: string): Promise<Map<string, Won>> {
    const rows = (await m.query(
      `SELECT jl.funding_source_id, -sum(jl.amount) AS interest
         FROM journal_lines jl
         JOIN ledger_accounts a ON a.id = jl.account_id AND a.code = '2030'
         JOIN journal_entries e ON e.id = jl.entry_id
        WHERE jl.programme_id = $1 AND e.entry_date BETWEEN $2 AND $3 AND jl.funding_source_id IS NOT NULL
        GROUP BY 1`,
      [programmeId, from, to],
    )) as { funding_source_id: string; interest: string }[];
    return new Map(rows.map((r) => [r.funding_source_id, wonFromDb(r.interest)]));
  }

  async insertAmendment(
    m: EntityManager,
    programmeId: string,
    reason: string,
    requestedBy: string,
    items: readonly { budgetLineId: string; fundingSourceId: string; delta: Won }[],
  ): Promise<string> {
    const [row] = (await m.query(
      `WITH a AS (INSERT INTO budget_amendments (programme_id, reason, requested_by) VALUES ($1, $2, $3) RETURNING id),
            i AS (INSERT INTO budget_amendment_items (amendment_id, budget_line_id, funding_source_id, delta)
                  SELECT a.id, x.line, x.source, x.delta FROM a, unnest($4::uuid[], $5::uuid[], $6::bigint[]) AS x(line, source, delta)
                  RETURNING 1)
       SELECT a.id, (SELECT count(*) FROM i) AS n FROM a`,
      [
        programmeId,
        reason,
        requestedBy,
        items.map((i) => i.budgetLineId),
        items.map((i) => i.fundingSourceId),
        items.map((i) => String(i.delta)),
      ],
    )) as { id: string }[];
    return row.id;
  }

  async amendments(
    m: EntityManager,
    programmeId: string | null,
    id?: string,
    lock = false,
  ): Promise<AmendmentRow[]> {
    return (await m.query(
      `SELECT a.id, a.programme_id, a.reason, a.state, a.requested_by, a.decided_by, a.decided_at, a.decision_note, a.created_at,
              (SELECT coalesce(json_agg(json_build_object('budgetLineId', i.budget_line_id, 'fundingSourceId', i.funding_source_id,
                                                          'delta', i.delta::text) ORDER BY i.budget_line_id, i.funding_source_id), '[]')
                 FROM budget_amendment_items i WHERE i.amendment_id = a.id) AS items
         FROM budget_amendments a
        WHERE ($1::uuid IS NULL OR a.programme_id = $1) AND ($2::uuid IS NULL OR a.id = $2)
        ORDER BY a.created_at DESC${lock ? ' FOR UPDATE OF a' : ''}`,
      [programmeId, id ?? null],
    )) as AmendmentRow[];
  }

  async decideAmendment(
    m: EntityManager,
    id: string,
    state: 'approved' | 'rejected',
    by: string,
    note: string | null,
  ): Promise<void> {
    await m.query(
      `UPDATE budget_amendments SET state = $2, decided_by = $3, decided_at = now(), decision_note = $4 WHERE id = $1`,
      [id, state, by, note],
    );
  }

  /** Lock the programme's lines so guard checks and amendments see a stable budget. */
  async lockLine(m: EntityManager, lineId: string): Promise<void> {
    await m.query(`SELECT 1 FROM budget_lines WHERE id = $1 FOR UPDATE`, [lineId]);
  }
}
