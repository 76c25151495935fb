import {
  BankImportResult,
  BankLineView,
  CSRF_COOKIE,
  CSRF_HEADER,
  SESSION_COOKIE,
  SettlementReport,
} from '@madang/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../test/test-app';
import { CATEGORY_EVIDENCE, DEMO_STATEMENT_FILE, demoStatement } from './settlement-demo-data';
import { DEMO_SECOND_OPERATIONS, seedSettlementDemo } from './settlement-demo';

describe('settlement demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  }, 60000);
  afterAll(async () => t?.close());

  it('seeds a believable year: ~200 expenses in every state, balanced, once', async () => {
    const states = (await t.db.query(
      `SELECT state, count(*)::int AS n FROM expenses GROUP BY state ORDER BY state`,
    )) as {
      state: string;
      n: number;
    }[];
    expect(states.map((s) => s.state)).toEqual([
      'approved',
      'disallowed',
      'evidence_complete',
      'evidence_missing',
      'paid',
      'rejected',
      'requested',
      'verified',
    ]);
    const total = states.reduce((s, x) => s + x.n, 0);
    expect(total).toBeGreaterThanOrEqual(180);
    await seedSettlementDemo(t.db);
    const [again] = (await t.db.query(`SELECT count(*)::int AS n FROM expenses`)) as { n: number }[];
    expect(again.n).toBe(total);
    const [sum] = (await t.db.query(
      `SELECT sum(amount)::bigint AS s, count(*)::int AS n FROM journal_lines`,
    )) as { s: string; n: number }[];
    expect(sum.s).toBe('0');
    expect(sum.n).toBeGreaterThan(400);
  });

  it('keeps the committed statement file and the evidence catalogue in step with the generator', async () => {
    expect(readFileSync(join(__dirname, DEMO_STATEMENT_FILE)).equals(demoStatement())).toBe(true);
    const rows = (await t.db.query(`SELECT code, evidence FROM budget_categories WHERE level = 2`)) as {
      code: string;
      evidence: string[];
    }[];
    for (const [code, evidence] of Object.entries(CATEGORY_EVIDENCE))
      expect([code, rows.find((r) => r.code === code)?.evidence]).toEqual([code, evidence]);
  });

  it('reconciles the demo statement all but a few lines; the same file twice adds nothing', async () => {
    const ops = await t.signIn(DEMO_SECOND_OPERATIONS);
    await ops.get('/api/auth/csrf');
    const file = readFileSync(join(__dirname, DEMO_STATEMENT_FILE));
    const send = () =>
      fetch(`${t.baseUrl}/api/settlement/bank/imports?bank=nonghyup&fileName=${DEMO_STATEMENT_FILE}`, {
        method: 'POST',
        headers: {
          'content-type': 'text/csv',
          cookie: `${SESSION_COOKIE}=${ops.cookie(SESSION_COOKIE)}; ${CSRF_COOKIE}=${ops.cookie(CSRF_COOKIE)}`,
          [CSRF_HEADER]: ops.cookie(CSRF_COOKIE) ?? '',
        },
        body: file,
      });
    const first = (await (await send()).json()) as BankImportResult;
    expect(first).toMatchObject({
      encoding: 'euc-kr',
      duplicateFile: false,
      interestPosted: 1,
      problems: [],
    });
    expect(first.linesAdded).toBe(first.linesRead);
    const second = (await (await send()).json()) as BankImportResult;
    expect(second).toMatchObject({ duplicateFile: true, linesAdded: 0 });
    const open = await ops.get<BankLineView[]>('/api/settlement/bank/lines?unreconciled=true');
    expect(open.body.map((l) => l.memo).sort()).toEqual(['계좌간 이체', '반품 환불', '타행이체수수료']);
  });

  it('reports the hub programme by source with interest to return', async () => {
    const ops = await t.signIn('operations@madang.local');
    const [hub] = (await t.db.query(`SELECT id FROM programmes WHERE code = 'HUB-2027'`)) as { id: string }[];
    const report = await ops.get<SettlementReport>(`/api/settlement/programmes/${hub.id}/report`);
    expect(report.status).toBe(200);
    expect(report.body.bySource.map((s) => s.kind)).toEqual(['national', 'local', 'own']);
    expect(report.body.total.executed).toBeGreaterThan(0);
    expect(report.body.total.disallowed).toBeGreaterThan(0);
    expect(report.body.expenses.length).toBeGreaterThan(100);
  });
});
