#!/usr/bin/env node
// npm run bench:settlement — settlement figures from one run, on a fresh embedded PostgreSQL and the built API:
//  1. the settlement report of one programme-year over HTTP ÷ a raw SQL GROUP BY of the same sums on the same data
//     (target ≤ 3×), with 5 years × 10 programmes × 50 lines, 200,000 expenses and their ledger entries (~1 M lines,
//     bulk generated with SQL through every trigger: balance at commit, closed periods, immutability);
//  2. import + auto-match of a 10,000-line bank statement over HTTP: lines/s, and the ratio to a raw COPY of the
//     same file into a table (the physical floor of reading the file into PostgreSQL);
//  3. posting throughput: "pay expense" over HTTP (state machine, ledger entry with one line per funding source,
//     audit) ÷ raw SQL insert of the same entry and lines (target ≥ 0.25).
// Every figure is a median over rounds in this one run, after warm-ups. BENCH_QUICK=1: 20,000 expenses, fewer rounds.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../db/embedded-pg.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const QUICK = Boolean(process.env.BENCH_QUICK);
const YEARS = [2031, 2032, 2033, 2034, 2035];
const PROGRAMMES_PER_YEAR = 10;
const LINES_PER_PROGRAMME = 50;
const EXPENSES = QUICK ? 20_000 : 200_000;
const STATEMENT_LINES = QUICK ? 2_000 : 10_000;
const ROUNDS = QUICK ? 3 : 5;
const POST_N = QUICK ? 300 : 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

async function pool(n, concurrency, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await work(next++);
    }),
  );
}

class Client {
  cookies = new Map();
  constructor(base) {
    this.base = new URL(base);
  }
  call(method, path, body, contentType = 'application/json') {
    const headers = { 'content-type': contentType, 'accept-language': 'en' };
    if (method !== 'GET') headers['x-xsrf-token'] = this.cookies.get('XSRF-TOKEN') ?? '';
    headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body);
    if (payload !== undefined) headers['content-length'] = Buffer.byteLength(payload);
    return new Promise((ok, fail) => {
      const req = http.request(
        { host: this.base.hostname, port: this.base.port, path, method, headers, agent },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('error', fail);
          res.on('end', () => {
            for (const line of res.headers['set-cookie'] ?? []) {
              const [pair] = line.split(';');
              const i = pair.indexOf('=');
              this.cookies.set(pair.slice(0, i), decodeURIComponent(pair.slice(i + 1)));
            }
            const text = Buffer.concat(chunks).toString('utf8');
            ok({ status: res.statusCode, body: text ? JSON.parse(text) : undefined, bytes: text.length });
          });
        },
      );
      req.on('error', fail);
      req.end(payload);
    });
  }
  async login(email) {
    await this.call('GET', '/api/auth/csrf');
    const r = await this.call('POST', '/api/auth/login', { email, password: 'madang-demo' });
    if (r.status !== 200) throw new Error(`login ${email}: ${r.status}`);
    return this;
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'madang-bench-'));
chmodSync(dataDir, 0o755);
const filesDir = mkdtempSync(join(tmpdir(), 'madang-bench-files-'));
chmodSync(filesDir, 0o755);
const database = await startEmbeddedPostgres({ dataDir, database: 'madang' });
const port = await freePort();
const api = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], {
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    MADANG_DEMO: 'true',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: '20',
    WEB_DIST_DIR: '',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((ok, fail) => {
  let out = '';
  api.stdout.on('data', (c) => {
    out += c;
    if (out.includes('Madang is running')) ok();
  });
  api.on('exit', (code) => fail(new Error(`API exited ${code}`)));
});
const db = new pg.Pool({ connectionString: database.url, max: CONCURRENCY + 2 });
const base = `http://127.0.0.1:${port}`;
async function cleanUp() {
  await db.end();
  agent.destroy();
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(filesDir, { recursive: true, force: true });
}

const seconds = (t) => ((performance.now() - t) / 1000).toFixed(1);

try {
  const ops = await new Client(base).login('operations@madang.local');
  const opsId = (await ops.call('GET', '/api/auth/me')).body.id;

  // ---- Data: years and programmes over HTTP, lines and 200,000 expenses with their entries in bulk SQL.
  const t = performance.now();
  const programmes = [];
  for (const year of YEARS) {
    if ((await ops.call('POST', '/api/settlement/fiscal-years', { year })).status !== 201)
      throw new Error('year');
    for (let p = 0; p < PROGRAMMES_PER_YEAR; p++) {
      const r = await ops.call('POST', '/api/settlement/programmes', {
        year,
        code: `B${year}-${p}`,
        name: `벤치 사업 ${year}-${p}`,
        kind: p === 0 ? 'subsidy' : 'living_lab',
        executionDeadline: `${year}-12-31`,
        sources: [
          { kind: 'national', name: '국비', shareBp: 4500 },
          { kind: 'local', name: '지방비', shareBp: 4500 },
          { kind: 'own', name: '자부담', shareBp: 1000 },
        ],
      });
      if (r.status !== 201) throw new Error(`programme ${r.status} ${JSON.stringify(r.body)}`);
      programmes.push({ id: r.body.id, year });
    }
  }
  const c = await db.connect();
  try {
    await c.query('BEGIN');
    await c.query(
      `INSERT INTO budget_lines (programme_id, category_id, name)
       SELECT p.id, c.id, '항목 ' || n FROM programmes p
         CROSS JOIN generate_series(1, $1) n
         JOIN LATERAL (SELECT id FROM budget_categories WHERE level = 2 AND code < '900' ORDER BY code
                        OFFSET (n % 16) LIMIT 1) c ON true
        WHERE p.code LIKE 'B20%'`,
      [LINES_PER_PROGRAMME],
    );
    await c.query(
      `INSERT INTO budget_allocations (budget_line_id, funding_source_id, initial_amount)
       SELECT l.id, s.id, (s.share_bp::bigint * 2000000) FROM budget_lines l JOIN funding_sources s ON s.programme_id = l.programme_id
        JOIN programmes p ON p.id = l.programme_id WHERE p.code LIKE 'B20%'`,
    );
    // Expenses: spread over the lines, dated over their year; 96 % paid.
    await c.query(`CREATE TEMP TABLE bl AS SELECT row_number() OVER (ORDER BY l.id) AS k, l.id, l.programme_id, y.year
                     FROM budget_lines l JOIN programmes p ON p.id = l.programme_id JOIN fiscal_years y ON y.id = p.fiscal_year_id
                    WHERE p.code LIKE 'B20%'`);
    await c.query(
      `INSERT INTO expenses (programme_id, budget_line_id, title, amount, state, expense_date, payee_name, evidence_type, requested_by, approved_by)
       SELECT bl.programme_id, bl.id, '지출 ' || g, (1 + (g * 7919) % 500) * 1000,
              CASE WHEN g % 25 = 0 THEN 'approved' ELSE 'paid' END,
              make_date(bl.year, 1, 1) + (g % 334), '거래처 ' || (g % 997), 'card_slip', $2, $2
         FROM generate_series(1, $1) g JOIN bl ON bl.k = 1 + (g % (SELECT count(*) FROM bl))`,
      [EXPENSES, opsId],
    );
    await c.query(
      `INSERT INTO expense_splits (expense_id, funding_source_id, amount)
       SELECT x.id, s.id, CASE s.kind WHEN 'national' THEN x.amount * 45 / 100 WHEN 'local' THEN x.amount * 45 / 100
                                      ELSE x.amount - 2 * (x.amount * 45 / 100) END
         FROM expenses x JOIN funding_sources s ON s.programme_id = x.programme_id JOIN programmes p ON p.id = x.programme_id
        WHERE p.code LIKE 'B20%'`,
    );
    await c.query(
      `INSERT INTO journal_entries (entry_date, source, source_id, memo, posted_by)
       SELECT x.expense_date + 1, 'expense', x.id, x.title, $1 FROM expenses x WHERE x.state = 'paid'`,
      [opsId],
    );
    await c.query(
      `INSERT INTO journal_lines (entry_id, account_id, amount, programme_id, budget_line_id, funding_source_id, expense_id)
       SELECT e.id, (SELECT id FROM ledger_accounts WHERE code = '5010'), sp.amount, x.programme_id, x.budget_line_id, sp.funding_source_id, x.id
         FROM journal_entries e JOIN expenses x ON x.id = e.source_id JOIN expense_splits sp ON sp.expense_id = x.id
        WHERE e.source = 'expense' AND sp.amount > 0
       UNION ALL
       SELECT e.id, (SELECT id FROM ledger_accounts WHERE code = '1010'), -x.amount, x.programme_id, NULL, NULL, x.id
         FROM journal_entries e JOIN expenses x ON x.id = e.source_id WHERE e.source = 'expense'`,
    );
    await c.query(
      `UPDATE expenses x SET paid_entry_id = e.id, paid_at = e.posted_at FROM journal_entries e
        WHERE e.source = 'expense' AND e.source_id = x.id`,
    );
    await c.query('COMMIT');
  } finally {
    c.release();
  }
  await db.query('ANALYZE');
  const [{ n: ledgerLines }] = (await db.query(`SELECT count(*)::int AS n FROM journal_lines`)).rows;
  console.log(`data: ${EXPENSES} expenses, ${ledgerLines} ledger lines in ${seconds(t)} s`);

  // ---- 1. Report over HTTP ÷ raw GROUP BY of the same sums.
  const target = programmes[PROGRAMMES_PER_YEAR + 1];
  const rawReport = `
    SELECT jl.budget_line_id, jl.funding_source_id,
           sum(jl.amount) FILTER (WHERE a.code = '5010') AS executed, sum(jl.amount) FILTER (WHERE a.code = '5020') AS disallowed
      FROM journal_lines jl JOIN ledger_accounts a ON a.id = jl.account_id AND a.code IN ('5010', '5020')
      JOIN journal_entries e ON e.id = jl.entry_id
     WHERE jl.programme_id = $1 AND e.entry_date BETWEEN $2 AND $3 GROUP BY 1, 2`;
  const timeIt = async (work) => {
    const s = performance.now();
    await work();
    return performance.now() - s;
  };
  const params = [target.id, `${target.year}-01-01`, `${target.year}-12-31`];
  let reportBytes = 0;
  let reportExpenses = 0;
  const httpReport = async () => {
    const r = await ops.call('GET', `/api/settlement/programmes/${target.id}/report`);
    if (r.status !== 200) throw new Error(`report ${r.status}`);
    reportBytes = r.bytes;
    reportExpenses = r.body.expenses.length;
  };
  for (let i = 0; i < 3; i++) {
    await httpReport();
    await db.query(rawReport, params);
  }
  const reportHttp = [];
  const reportSql = [];
  for (let i = 0; i < ROUNDS * 3; i++) {
    reportHttp.push(await timeIt(httpReport));
    reportSql.push(await timeIt(() => db.query(rawReport, params)));
  }
  const rawExpenseList = `SELECT x.id, x.expense_date, x.title, x.payee_name, x.amount, x.state FROM expenses x WHERE x.programme_id = $1 AND x.expense_date BETWEEN $2 AND $3`;
  const listSql = [];
  for (let i = 0; i < ROUNDS * 3; i++) listSql.push(await timeIt(() => db.query(rawExpenseList, params)));

  // ---- 2. Statement import + auto-match over HTTP ÷ raw COPY of the same file.
  const statement = async (round) => {
    const { rows } = await db.query(
      `SELECT (e.entry_date)::text AS d, x.amount, x.payee_name, x.title FROM expenses x JOIN journal_entries e ON e.id = x.paid_entry_id
        JOIN programmes p ON p.id = x.programme_id JOIN fiscal_years y ON y.id = p.fiscal_year_id
        WHERE y.year = $1 ORDER BY x.id LIMIT $2`,
      [YEARS[round % YEARS.length], STATEMENT_LINES],
    );
    let balance = 5_000_000_000;
    const lines = ['거래일시,출금금액,입금금액,거래후잔액,거래내용,거래기록사항'];
    for (const r of rows) {
      balance -= Number(r.amount);
      lines.push(`${r.d.replace(/-/g, '/')} 10:00:00,${r.amount},0,${balance},${r.payee_name},${r.title}`);
    }
    return Buffer.from(lines.join('\n') + '\n', 'utf8');
  };
  await db.query(`CREATE TABLE bench_copy (d text, o text, i text, b text, who text, memo text)`);
  const importRates = [];
  const copyRates = [];
  let matched = 0;
  for (let round = 0; round < Math.min(ROUNDS, YEARS.length); round++) {
    const file = await statement(round);
    const path = join(filesDir, `statement-${round}.csv`);
    writeFileSync(path, file);
    chmodSync(path, 0o644);
    let s = performance.now();
    const r = await ops.call(
      'POST',
      `/api/settlement/bank/imports?bank=bench&fileName=r${round}.csv`,
      file,
      'text/csv',
    );
    if (r.status !== 201) throw new Error(`import ${r.status} ${JSON.stringify(r.body)}`);
    importRates.push(r.body.linesAdded / ((performance.now() - s) / 1000));
    matched += r.body.autoMatched;
    await db.query('TRUNCATE bench_copy');
    s = performance.now();
    await db.query(`COPY bench_copy FROM '${path}' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')`);
    copyRates.push(STATEMENT_LINES / ((performance.now() - s) / 1000));
  }

  // ---- 3. Posting: pay over HTTP ÷ raw SQL insert of the same entry and lines.
  const approved = (
    await db.query(`SELECT x.id FROM expenses x WHERE x.state = 'approved' ORDER BY x.id`)
  ).rows.map((r) => r.id);
  let cursor = 0;
  const payHttp = async (n) => {
    const ids = approved.slice(cursor, cursor + n);
    cursor += n;
    const s = performance.now();
    await pool(ids.length, CONCURRENCY, async (i) => {
      const r = await ops.call('POST', `/api/settlement/expenses/${ids[i]}/pay`, {});
      if (r.status !== 200) throw new Error(`pay ${r.status} ${JSON.stringify(r.body)}`);
    });
    return ids.length / ((performance.now() - s) / 1000);
  };
  const rawPost = async (n) => {
    const ids = approved.slice(cursor, cursor + n);
    cursor += n;
    const s = performance.now();
    await pool(ids.length, CONCURRENCY, async (i) => {
      await db.query(
        `WITH x AS (SELECT id, amount, programme_id, budget_line_id FROM expenses WHERE id = $1),
              e AS (INSERT INTO journal_entries (entry_date, source, source_id, memo, posted_by)
                    SELECT current_date, 'expense', x.id, 'raw', $2 FROM x RETURNING id)
         INSERT INTO journal_lines (entry_id, account_id, amount, programme_id, budget_line_id, funding_source_id, expense_id)
         SELECT e.id, a.id, CASE WHEN a.code = '5010' THEN sp.amount ELSE -sp.amount END, x.programme_id,
                CASE WHEN a.code = '5010' THEN x.budget_line_id END, sp.funding_source_id, x.id
           FROM e, x JOIN expense_splits sp ON sp.expense_id = x.id
           JOIN ledger_accounts a ON a.code IN ('5010', '1010')`,
        [ids[i], opsId],
      );
    });
    return ids.length / ((performance.now() - s) / 1000);
  };
  await payHttp(Math.min(200, POST_N));
  await rawPost(Math.min(200, POST_N));
  const payRates = [];
  const rawRates = [];
  const perRound = Math.floor((approved.length - cursor) / (2 * ROUNDS));
  const n = Math.min(POST_N, perRound);
  for (let i = 0; i < ROUNDS; i++) {
    payRates.push(await payHttp(n));
    rawRates.push(await rawPost(n));
  }

  const reportRatio = median(reportHttp) / median(reportSql);
  const importRatio = median(importRates) / median(copyRates);
  const postRatio = median(payRates) / median(rawRates);
  console.log(
    [
      '',
      `Madang settlement benchmark (one run; embedded PostgreSQL 18 on this machine${QUICK ? '; BENCH_QUICK' : ''})`,
      `data: ${YEARS.length} years × ${PROGRAMMES_PER_YEAR} programmes × ${LINES_PER_PROGRAMME} lines, ${EXPENSES} expenses, ${ledgerLines} ledger lines`,
      '',
      `1. Settlement report of one programme-year (${reportExpenses} expenses listed, ${(reportBytes / 1024).toFixed(0)} kB JSON), ${reportHttp.length} runs:`,
      `   GET /api/settlement/programmes/:id/report: median ${median(reportHttp).toFixed(1)} ms`,
      `   raw SQL GROUP BY of the same sums:          median ${median(reportSql).toFixed(1)} ms`,
      `   raw SQL of the expense list alone:          median ${median(listSql).toFixed(1)} ms`,
      `   ratio HTTP / raw GROUP BY: ${reportRatio.toFixed(2)}×   [target ≤ 3×]`,
      `2. Statement import + auto-match, ${STATEMENT_LINES} lines × ${importRates.length} files (${matched} lines matched in all):`,
      `   HTTP import (decode, parse, hash, insert, match): median ${median(importRates).toFixed(0)} lines/s  [${importRates.map((r) => r.toFixed(0)).join(', ')}]`,
      `   raw COPY of the same file:                        median ${median(copyRates).toFixed(0)} lines/s  [${copyRates.map((r) => r.toFixed(0)).join(', ')}]`,
      `   ratio: ${importRatio.toFixed(3)}`,
      `3. Posting (expense paid → ledger entry), ${n} × ${ROUNDS} alternating rounds at concurrency ${CONCURRENCY}:`,
      `   HTTP pay:       median ${median(payRates).toFixed(0)} entries/s  [${payRates.map((r) => r.toFixed(0)).join(', ')}]`,
      `   raw SQL insert: median ${median(rawRates).toFixed(0)} entries/s  [${rawRates.map((r) => r.toFixed(0)).join(', ')}]`,
      `   ratio HTTP / raw SQL: ${postRatio.toFixed(2)}   [target ≥ 0.25]`,
      '',
    ].join('\n'),
  );
  const ok = reportRatio <= 3 && postRatio >= 0.25;
  console.log(ok ? 'All targets met.' : 'Some targets were NOT met.');
  process.exitCode = ok ? 0 : 1;
} finally {
  await cleanUp();
}
