import { Injectable } from '@nestjs/common';
import type { BankMatchTarget, ColumnMappingView } from '@madang/contracts';
import { wonFromDb } from '@madang/money';
import type { BankLineFacts, MatchCandidate } from '@madang/settlement';
import type { EntityManager } from 'typeorm';

export interface NewBankLine {
  rowHash: string;
  date: string;
  amount: number;
  counterparty: string;
  memo: string;
  balance: number | null;
}

export interface BankLineRow {
  id: string;
  line_date: string;
  amount: string;
  counterparty: string;
  memo: string;
  balance: string | null;
  target: BankMatchTarget | null;
  method: 'auto' | 'manual' | null;
  expense_id: string | null;
  payment_id: string | null;
  entry_id: string | null;
  note: string | null;
}

export interface NewMatch {
  bankLineId: string;
  target: BankMatchTarget;
  method: 'auto' | 'manual';
  expenseId: string | null;
  paymentId: string | null;
  entryId: string | null;
  note: string;
}

/** Statement imports, lines, matches and saved column mappings. */
@Injectable()
export class BankRepository {
  async mapping(m: EntityManager, bank: string): Promise<ColumnMappingView | null> {
    const [row] = (await m.query(`SELECT mapping FROM bank_mappings WHERE bank = $1`, [bank])) as {
      mapping: ColumnMappingView;
    }[];
    return row?.mapping ?? null;
  }

  async mappings(m: EntityManager): Promise<{ bank: string; mapping: ColumnMappingView }[]> {
    return (await m.query(`SELECT bank, mapping FROM bank_mappings ORDER BY bank`)) as {
      bank: string;
      mapping: ColumnMappingView;
    }[];
  }

  async saveMapping(m: EntityManager, bank: string, mapping: ColumnMappingView, by: string): Promise<void> {
    await m.query(
      `INSERT INTO bank_mappings (bank, mapping, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (bank) DO UPDATE SET mapping = excluded.mapping, updated_by = excluded.updated_by`,
      [bank, JSON.stringify(mapping), by],
    );
  }

  /** Inserts the import unless the same file was imported before (then null). */
  async insertImport(
    m: EntityManager,
    i: {
      bank: string;
      fileName: string;
      sha256: string;
      encoding: string;
      lineCount: number;
      importedBy: string;
    },
  ): Promise<string | null> {
    const [row] = (await m.query(
      `INSERT INTO bank_imports (bank, file_name, file_sha256, encoding, line_count, imported_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (file_sha256) DO NOTHING RETURNING id`,
      [i.bank, i.fileName, i.sha256, i.encoding, i.lineCount, i.importedBy],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  /** Adds the lines no earlier import already holds (row hash); returns the ids added. */
  async insertLines(m: EntityManager, importId: string, lines: readonly NewBankLine[]): Promise<string[]> {
    const rows = (await m.query(
      `INSERT INTO bank_lines (import_id, row_hash, line_date, amount, counterparty, memo, balance)
       SELECT $1, x.h, x.d, x.a, x.c, x.m, x.b
         FROM unnest($2::text[], $3::date[], $4::bigint[], $5::text[], $6::text[], $7::bigint[]) AS x(h, d, a, c, m, b)
       ON CONFLICT (row_hash) DO NOTHING RETURNING id`,
      [
        importId,
        lines.map((l) => l.rowHash),
        lines.map((l) => l.date),
        lines.map((l) => String(l.amount)),
        lines.map((l) => l.counterparty),
        lines.map((l) => l.memo),
        lines.map((l) => (l.balance === null ? null : String(l.balance))),
      ],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async lines(
    m: EntityManager,
    filter: { ids?: readonly string[]; unreconciled?: boolean; limit?: number; offset?: number },
  ): Promise<BankLineRow[]> {
    return (await m.query(
      `SELECT b.id, b.line_date::text, b.amount, b.counterparty, b.memo, b.balance,
              x.target, x.method, x.expense_id, x.payment_id, x.entry_id, x.note
         FROM bank_lines b LEFT JOIN bank_matches x ON x.bank_line_id = b.id
        WHERE ($1::uuid[] IS NULL OR b.id = ANY($1)) AND (NOT $2 OR x.bank_line_id IS NULL)
        ORDER BY b.line_date, b.id LIMIT $3 OFFSET $4`,
      [filter.ids ?? null, filter.unreconciled ?? false, filter.limit ?? 500, filter.offset ?? 0],
    )) as BankLineRow[];
  }

  async lockLine(m: EntityManager, id: string): Promise<BankLineRow | null> {
    await m.query(`SELECT 1 FROM bank_lines WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = await this.lines(m, { ids: [id] });
    return row ?? null;
  }

  /** Unreconciled lines (optionally only some) as matching facts. */
  async unmatchedFacts(m: EntityManager, ids?: readonly string[]): Promise<BankLineFacts[]> {
    const rows = (await m.query(
      `SELECT b.id, b.line_date::text AS date, b.amount, b.counterparty, b.memo
         FROM bank_lines b
        WHERE NOT EXISTS (SELECT 1 FROM bank_matches x WHERE x.bank_line_id = b.id)
          AND ($1::uuid[] IS NULL OR b.id = ANY($1))`,
      [ids ?? null],
    )) as { id: string; date: string; amount: string; counterparty: string; memo: string }[];
    return rows.map((r) => ({ ...r, amount: wonFromDb(r.amount) }));
  }

  /** Paid expenses and recorded payments no line is matched to yet, dated inside [from, to]. */
  async candidates(m: EntityManager, from: string, to: string): Promise<MatchCandidate[]> {
    const rows = (await m.query(
      `SELECT 'expense' AS kind, x.id, e.entry_date::text AS date, -x.amount AS amount, x.payee_name AS name, '' AS reference
         FROM journal_entries e JOIN expenses x ON x.id = e.source_id AND x.paid_entry_id = e.id
        WHERE e.entry_date BETWEEN $1 AND $2 AND e.source = 'expense'
          AND NOT EXISTS (SELECT 1 FROM bank_matches b WHERE b.expense_id = x.id)
       UNION ALL
       SELECT 'payment', p.id, p.received_on::text,
              CASE WHEN p.kind IN ('deposit_return', 'refund') THEN -p.amount ELSE p.amount END, p.payer_name, p.reference
         FROM booking_payments p
        WHERE p.method = 'bank_transfer' AND p.kind <> 'deposit_kept' AND p.received_on BETWEEN $1 AND $2
          AND NOT EXISTS (SELECT 1 FROM bank_matches b WHERE b.payment_id = p.id)`,
      [from, to],
    )) as {
      kind: 'expense' | 'payment';
      id: string;
      date: string;
      amount: string;
      name: string;
      reference: string;
    }[];
    return rows.map((r) => ({ ...r, amount: wonFromDb(r.amount) }));
  }

  async insertMatches(m: EntityManager, matches: readonly NewMatch[], by: string): Promise<number> {
    if (matches.length === 0) return 0;
    const rows = (await m.query(
      `INSERT INTO bank_matches (bank_line_id, target, method, expense_id, payment_id, entry_id, note, matched_by)
       SELECT x.l, x.t, x.m, x.e, x.p, x.en, x.n, $8
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[]) AS x(l, t, m, e, p, en, n)
       RETURNING 1`,
      [
        matches.map((x) => x.bankLineId),
        matches.map((x) => x.target),
        matches.map((x) => x.method),
        matches.map((x) => x.expenseId),
        matches.map((x) => x.paymentId),
        matches.map((x) => x.entryId),
        matches.map((x) => x.note),
        by,
      ],
    )) as unknown[];
    return rows.length;
  }

  async unreconciledCount(m: EntityManager): Promise<number> {
    const [row] = (await m.query(
      `SELECT count(*)::int AS n FROM bank_lines b WHERE NOT EXISTS (SELECT 1 FROM bank_matches x WHERE x.bank_line_id = b.id)`,
    )) as { n: number }[];
    return row.n;
  }

  /** The subsidy programme whose year holds `date` (interest on the dedicated account goes there). */
  async interestProgramme(m: EntityManager, date: string): Promise<string | null> {
    const [row] = (await m.query(
      `SELECT p.id FROM programmes p JOIN fiscal_years y ON y.id = p.fiscal_year_id
        WHERE $1::date BETWEEN y.starts_on AND y.ends_on AND p.kind = 'subsidy' ORDER BY p.code LIMIT 1`,
      [date],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  async expenseAmount(m: EntityManager, id: string): Promise<number | null> {
    const [row] = (await m.query(
      `SELECT -amount AS amount FROM expenses WHERE id = $1 AND paid_entry_id IS NOT NULL`,
      [id],
    )) as { amount: string }[];
    return row ? wonFromDb(row.amount) : null;
  }

  async paymentAmount(m: EntityManager, id: string): Promise<number | null> {
    const [row] = (await m.query(
      `SELECT CASE WHEN kind IN ('deposit_return', 'refund') THEN -amount ELSE amount END AS amount FROM booking_payments WHERE id = $1`,
      [id],
    )) as { amount: string }[];
    return row ? wonFromDb(row.amount) : null;
  }
}
