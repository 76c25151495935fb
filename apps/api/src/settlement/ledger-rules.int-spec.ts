import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../test/test-database';

/**
 * The settlement rules that live in PostgreSQL, tried with raw SQL (no API, no service code):
 * every refusal here is the database's own.
 */
describe('settlement rules in the database', () => {
  let database: TestDatabase;
  let db: Client;
  let users: string[];
  let bank: string;
  let expense: string;

  const refusal = async (sql: string, params: unknown[] = []) => {
    await db.query('BEGIN');
    try {
      await db.query(sql, params);
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK');
      return error as { code?: string; constraint?: string; message: string };
    }
    return undefined;
  };

  const entry = (date: string, amounts: number[]) => `
    WITH e AS (INSERT INTO journal_entries (entry_date, source, posted_by) VALUES ('${date}', 'manual', '${users[0]}') RETURNING id)
    INSERT INTO journal_lines (entry_id, account_id, amount)
    SELECT e.id, a.id, x FROM e, ledger_accounts a, unnest(ARRAY[${amounts.join(',')}]::bigint[]) AS x
     WHERE a.code = CASE WHEN x > 0 THEN '5010' ELSE '1010' END`;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    const rows = await db.query<{ id: string }>(
      `INSERT INTO users (email, email_normalized, display_name, password_hash)
       SELECT 'u' || i || '@t', 'u' || i || '@t', 'U' || i, 'x' FROM generate_series(1, 3) i RETURNING id`,
    );
    users = rows.rows.map((r) => r.id);
    bank = (await db.query<{ id: string }>(`SELECT id FROM ledger_accounts WHERE code = '1010'`)).rows[0].id;
    const setup = await db.query<{ id: string }>(
      `WITH y AS (INSERT INTO fiscal_years (year, starts_on, ends_on) VALUES (2027, '2027-01-01', '2027-12-31') RETURNING id),
            p AS (INSERT INTO fiscal_periods (fiscal_year_id, month, starts_on, ends_on, closed_at, closed_by)
                  SELECT y.id, 11, '2027-11-01', '2027-11-30', now(), $1 FROM y RETURNING 1),
            g AS (INSERT INTO programmes (fiscal_year_id, code, name, kind, execution_deadline) SELECT y.id, 'P', 'P', 'subsidy', '2027-12-31' FROM y RETURNING id),
            l AS (INSERT INTO budget_lines (programme_id, category_id, name)
                  SELECT g.id, c.id, 'line' FROM g, budget_categories c WHERE c.code = '200-06' RETURNING id, programme_id)
       INSERT INTO expenses (programme_id, budget_line_id, title, amount, expense_date, payee_name, evidence_type, requested_by)
       SELECT l.programme_id, l.id, '회의비', 50000, '2027-03-02', '식당', 'card_slip', $1 FROM l RETURNING id`,
      [users[0]],
    );
    expense = setup.rows[0].id;
  });

  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  it('accepts a balanced entry and refuses an unbalanced one at commit, even by raw SQL', async () => {
    expect(await refusal(entry('2027-03-02', [1000, -1000]))).toBeUndefined();
    const unbalanced = await refusal(entry('2027-03-02', [1000, -999]));
    expect(unbalanced).toMatchObject({ code: '23514', constraint: 'journal_entries_balanced' });
    expect(await refusal(entry('2027-03-02', [1000]))).toMatchObject({
      constraint: 'journal_entries_balanced',
    });
    const empty = await refusal(
      `INSERT INTO journal_entries (entry_date, source, posted_by) VALUES ('2027-03-02', 'manual', $1)`,
      [users[0]],
    );
    expect(empty).toMatchObject({ constraint: 'journal_entries_balanced' });
  });

  it('refuses a line added later to a balanced entry', async () => {
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM journal_entries LIMIT 1`);
    const added = await refusal(
      `INSERT INTO journal_lines (entry_id, account_id, amount) VALUES ($1, $2, 5)`,
      [rows[0].id, bank],
    );
    expect(added).toMatchObject({ constraint: 'journal_entries_balanced' });
  });

  it('never lets a posted line or entry change or disappear', async () => {
    expect(await refusal(`UPDATE journal_lines SET amount = amount * 2`)).toMatchObject({
      constraint: 'journal_lines_immutable',
    });
    expect(await refusal(`DELETE FROM journal_lines`)).toMatchObject({
      constraint: 'journal_lines_immutable',
    });
    expect(await refusal(`UPDATE journal_entries SET memo = 'x'`)).toMatchObject({
      constraint: 'journal_entries_immutable',
    });
    expect(await refusal(`DELETE FROM journal_entries`)).toMatchObject({
      constraint: 'journal_entries_immutable',
    });
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM journal_lines`);
    expect(rows[0].n).toBe('2');
  });

  it('refuses anything dated inside a closed period, and accepts it once reopened', async () => {
    expect(await refusal(entry('2027-11-15', [700, -700]))).toMatchObject({
      constraint: 'journal_entries_period_open',
    });
    expect(await refusal(entry('2027-12-01', [700, -700]))).toBeUndefined();
    await db.query(`UPDATE fiscal_periods SET closed_at = NULL, closed_by = NULL WHERE month = 11`);
    expect(await refusal(entry('2027-11-15', [700, -700]))).toBeUndefined();
  });

  it('refuses the requester as verifier, the same person twice, and overwriting a verification', async () => {
    const [requester, second, third] = users;
    expect(
      await refusal(`UPDATE expenses SET substantive_verified_by = $1 WHERE id = $2`, [requester, expense]),
    ).toMatchObject({ constraint: 'expenses_verifiers_check' });
    expect(
      await refusal(`UPDATE expenses SET financial_verified_by = $1 WHERE id = $2`, [requester, expense]),
    ).toMatchObject({ constraint: 'expenses_verifiers_check' });
    expect(
      await refusal(`UPDATE expenses SET substantive_verified_by = $1 WHERE id = $2`, [second, expense]),
    ).toBeUndefined();
    expect(
      await refusal(`UPDATE expenses SET financial_verified_by = $1 WHERE id = $2`, [second, expense]),
    ).toMatchObject({ constraint: 'expenses_verifiers_check' });
    expect(
      await refusal(`UPDATE expenses SET substantive_verified_by = $1 WHERE id = $2`, [third, expense]),
    ).toMatchObject({ constraint: 'expenses_history_immutable' });
    expect(await refusal(`UPDATE expenses SET state = 'verified' WHERE id = $1`, [expense])).toMatchObject({
      constraint: 'expenses_verified_check',
    });
    expect(
      await refusal(`UPDATE expenses SET financial_verified_by = $1, state = 'verified' WHERE id = $2`, [
        third,
        expense,
      ]),
    ).toBeUndefined();
  });

  it('refuses a disallowed amount without a reason or above the expense', async () => {
    expect(
      await refusal(`UPDATE expenses SET disallowed_amount = 10 WHERE id = $1`, [expense]),
    ).toMatchObject({
      constraint: 'expenses_disallowed_check',
    });
    expect(
      await refusal(`UPDATE expenses SET disallowed_amount = 50001, disallowed_reason = 'x' WHERE id = $1`, [
        expense,
      ]),
    ).toMatchObject({ constraint: 'expenses_disallowed_check' });
  });
});
