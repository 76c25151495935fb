import { Injectable } from '@nestjs/common';
import { wonFromDb } from '@madang/money';
import type { PostingLine } from '@madang/settlement';
import type { EntityManager } from 'typeorm';

export type EntrySource =
  | 'expense'
  | 'booking_fee'
  | 'deposit'
  | 'refund'
  | 'bank_line'
  | 'manual'
  | 'rent'
  | 'interest'
  | 'reversal'
  | 'disallowance'
  | 'in_kind';

export interface NewEntry {
  entryDate: string;
  source: EntrySource;
  sourceId: string | null;
  memo: string;
  postedBy: string;
  reversesId?: string | null;
}

interface EntryRow {
  id: string;
  entry_date: string;
  source: string;
  source_id: string | null;
  memo: string;
  posted_by: string;
  posted_at: Date;
  reverses_id: string | null;
}

interface LineRow {
  entry_id: string;
  code: string;
  amount: string;
  programme_id: string | null;
  budget_line_id: string | null;
  funding_source_id: string | null;
  expense_id: string | null;
}

export interface StoredEntry {
  id: string;
  entryDate: string;
  source: string;
  sourceId: string | null;
  memo: string;
  postedBy: string;
  postedAt: Date;
  reversesId: string | null;
  lines: PostingLine[];
}

interface PeriodRow {
  year: number;
  month: number;
  starts_on: string;
  ends_on: string;
  closed_at: Date | null;
  closed_by: string | null;
}

export class ClosedPeriodError extends Error {
  constructor(readonly date: string) {
    super(`the fiscal period holding ${date} is closed`);
    this.name = 'ClosedPeriodError';
  }
}

/** Journal entries and fiscal periods: all ledger SQL. */
@Injectable()
export class LedgerRepository {
  /**
   * Inserts an entry and its lines in one statement (accounts by code). The database checks the
   * balance at commit and refuses a date inside a closed period.
   */
  async insertEntry(m: EntityManager, entry: NewEntry, lines: readonly PostingLine[]): Promise<string> {
    const rows = (await m.query(
      `WITH e AS (
         INSERT INTO journal_entries (entry_date, source, source_id, memo, posted_by, reverses_id)
         SELECT $1, $2, $3, $4, $5, $6
          WHERE NOT EXISTS (SELECT 1 FROM fiscal_periods
                             WHERE $1::date BETWEEN starts_on AND ends_on AND closed_at IS NOT NULL)
         RETURNING id),
       l AS (
         INSERT INTO journal_lines (entry_id, account_id, amount, programme_id, budget_line_id, funding_source_id, expense_id)
         SELECT e.id, a.id, x.amount, x.programme_id, x.budget_line_id, x.funding_source_id, x.expense_id
           FROM e, unnest($7::text[], $8::bigint[], $9::uuid[], $10::uuid[], $11::uuid[], $12::uuid[])
                AS x(code, amount, programme_id, budget_line_id, funding_source_id, expense_id)
           JOIN ledger_accounts a ON a.code = x.code
         RETURNING 1)
       SELECT e.id, (SELECT count(*) FROM l)::int AS lines FROM e`,
      [
        entry.entryDate,
        entry.source,
        entry.sourceId,
        entry.memo,
        entry.postedBy,
        entry.reversesId ?? null,
        lines.map((l) => l.account),
        lines.map((l) => String(l.amount)),
        lines.map((l) => l.programmeId ?? null),
        lines.map((l) => l.budgetLineId ?? null),
        lines.map((l) => l.fundingSourceId ?? null),
        lines.map((l) => l.expenseId ?? null),
      ],
    )) as { id: string; lines: number }[];
    // No row: the date lies in a closed period (checked in the same statement; the trigger agrees).
    if (rows.length === 0) throw new ClosedPeriodError(entry.entryDate);
    if (rows[0].lines !== lines.length) throw new Error('unknown ledger account code in posting');
    return rows[0].id;
  }

  async entry(m: EntityManager, id: string): Promise<StoredEntry | null> {
    const [row] = (await m.query(
      `SELECT id, entry_date::text, source, source_id, memo, posted_by, posted_at, reverses_id FROM journal_entries WHERE id = $1`,
      [id],
    )) as EntryRow[];
    if (!row) return null;
    const lines = (await m.query(
      `SELECT l.entry_id, a.code, l.amount, l.programme_id, l.budget_line_id, l.funding_source_id, l.expense_id
         FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id WHERE l.entry_id = $1 ORDER BY a.code, l.amount`,
      [id],
    )) as LineRow[];
    return {
      id: row.id,
      entryDate: row.entry_date,
      source: row.source,
      sourceId: row.source_id,
      memo: row.memo,
      postedBy: row.posted_by,
      postedAt: row.posted_at,
      reversesId: row.reverses_id,
      lines: lines.map((l) => ({
        account: l.code,
        amount: wonFromDb(l.amount),
        programmeId: l.programme_id,
        budgetLineId: l.budget_line_id,
        fundingSourceId: l.funding_source_id,
        expenseId: l.expense_id,
      })),
    };
  }

  async isReversed(m: EntityManager, id: string): Promise<boolean> {
    const rows = (await m.query(`SELECT 1 FROM journal_entries WHERE reverses_id = $1`, [id])) as unknown[];
    return rows.length > 0;
  }

  async createYear(m: EntityManager, year: number): Promise<string> {
    const [row] = (await m.query(
      `WITH y AS (INSERT INTO fiscal_years (year, starts_on, ends_on)
                  VALUES ($1, make_date($1, 1, 1), make_date($1, 12, 31)) RETURNING id, year)
       , p AS (INSERT INTO fiscal_periods (fiscal_year_id, month, starts_on, ends_on)
               SELECT y.id, m, make_date(y.year, m, 1), (make_date(y.year, m, 1) + interval '1 month - 1 day')::date
                 FROM y, generate_series(1, 12) m RETURNING 1)
       SELECT y.id FROM y`,
      [year],
    )) as { id: string }[];
    return row.id;
  }

  async years(m: EntityManager, year?: number) {
    return (await m.query(
      `SELECT y.id, y.year, y.starts_on::text, y.ends_on::text FROM fiscal_years y
        WHERE $1::int IS NULL OR y.year = $1 ORDER BY y.year DESC`,
      [year ?? null],
    )) as { id: string; year: number; starts_on: string; ends_on: string }[];
  }

  async periods(m: EntityManager, years: readonly number[]): Promise<PeriodRow[]> {
    return (await m.query(
      `SELECT y.year, p.month, p.starts_on::text, p.ends_on::text, p.closed_at, p.closed_by
         FROM fiscal_periods p JOIN fiscal_years y ON y.id = p.fiscal_year_id
        WHERE y.year = ANY($1::int[]) ORDER BY y.year, p.month`,
      [years],
    )) as PeriodRow[];
  }

  /** Locks the period row and returns it. */
  async lockPeriod(m: EntityManager, year: number, month: number): Promise<PeriodRow | null> {
    const [row] = (await m.query(
      `SELECT y.year, p.month, p.starts_on::text, p.ends_on::text, p.closed_at, p.closed_by
         FROM fiscal_periods p JOIN fiscal_years y ON y.id = p.fiscal_year_id
        WHERE y.year = $1 AND p.month = $2 FOR UPDATE OF p`,
      [year, month],
    )) as PeriodRow[];
    return row ?? null;
  }

  async setPeriodClosed(m: EntityManager, year: number, month: number, by: string | null): Promise<void> {
    await m.query(
      `UPDATE fiscal_periods p SET closed_at = CASE WHEN $3::uuid IS NULL THEN NULL ELSE now() END, closed_by = $3
         FROM fiscal_years y WHERE y.id = p.fiscal_year_id AND y.year = $1 AND p.month = $2`,
      [year, month, by],
    );
  }
}
