import {
  ALL_PERMISSIONS,
  CSRF_COOKIE,
  CSRF_HEADER,
  SESSION_COOKIE,
  BankImportResult,
  BankLineView,
  BudgetLineView,
  ExpenseCreated,
  ExpenseView,
  FiscalYearView,
  PaymentView,
  ProgrammeView,
  FileUploadResult,
  JobsHealth,
  ProblemDetails,
  RentScheduleView,
  SettlementMe,
  SettlementReport,
} from '@madang/contracts';
import type { MadangClient } from '@madang/testing';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { startTestApp, TestApp } from '../test/test-app';
import { DEMO_LED_PROGRAMME, DEMO_SECOND_OPERATIONS } from '../demo/settlement-demo';
import { settlementRoutes } from './settlement-routes';
import { RENT_CRON, RENT_JOB, SettlementJobs } from './settlement-jobs';

const YEAR = 2030;

/** The journey over HTTP, on a fresh year of its own, with the demo accounts. */
describe('settlement API', () => {
  let t: TestApp;
  let ops: MadangClient;
  let ops2: MadangClient;
  let approver: MadangClient;
  let resident: MadangClient;
  /** A resident with no settlement scope at all (no lead group, no assignment). */
  let resident2: MadangClient;
  let admin: MadangClient;
  let programme: ProgrammeView;
  let meeting: BudgetLineView;
  let lecture: BudgetLineView;
  let rental: BudgetLineView;
  const src = (kind: string) => programme.sources.find((s) => s.kind === kind)?.id as string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    ops = await t.signIn('operations@madang.local');
    approver = await t.signIn('approver@madang.local');
    resident = await t.signIn('resident@madang.local');
    resident2 = await t.signIn('resident2@madang.local');
    admin = await t.signIn('admin@madang.local', 'en');
    // The demo's second finance person (two-person verification needs one).
    ops2 = await t.signIn(DEMO_SECOND_OPERATIONS);
  }, 60000);
  afterAll(async () => t?.close());

  it('sets up a year, a programme with funding sources and budget lines', async () => {
    const year = await ops.post<FiscalYearView>('/api/settlement/fiscal-years', { year: YEAR });
    expect(year.status).toBe(201);
    expect(year.body.periods).toHaveLength(12);
    expect(year.body.periods[10]).toMatchObject({
      month: 11,
      startsOn: `${YEAR}-11-01`,
      endsOn: `${YEAR}-11-30`,
    });

    const bad = await ops.post('/api/settlement/programmes', {
      year: YEAR,
      code: 'X',
      name: 'x',
      kind: 'subsidy',
      executionDeadline: `${YEAR}-12-15`,
      sources: [{ kind: 'national', name: '국비', shareBp: 5000 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.problem.errors?.[0].field).toBe('sources');

    const created = await ops.post<ProgrammeView>('/api/settlement/programmes', {
      year: YEAR,
      code: 'HUB',
      name: `${YEAR} 지역거점별 소통협력공간 운영`,
      kind: 'subsidy',
      executionDeadline: `${YEAR}-12-15`,
      sources: [
        { kind: 'national', name: '국비', shareBp: 4500 },
        { kind: 'local', name: '지방비', shareBp: 4500 },
        { kind: 'own', name: '자부담', shareBp: 1000 },
      ],
    });
    expect(created.status).toBe(201);
    programme = created.body;
    const line = async (categoryCode: string, name: string, n: number, l: number, o: number) => {
      const res = await ops.post<BudgetLineView>(`/api/settlement/programmes/${programme.id}/lines`, {
        categoryCode,
        name,
        amounts: [
          { fundingSourceId: src('national'), amount: n },
          { fundingSourceId: src('local'), amount: l },
          { fundingSourceId: src('own'), amount: o },
        ],
      });
      expect(res.status).toBe(201);
      return res.body;
    };
    meeting = await line('200-06', '운영위원회 회의비', 450_000, 450_000, 100_000);
    lecture = await line('200-05', '주민 강좌 강사료', 1_350_000, 1_350_000, 300_000);
    rental = await line('900-01', '대관료 수입', 0, 0, 0);
    expect(meeting).toMatchObject({ initial: 1_000_000, amended: 1_000_000, executed: 0, rateBp: 0 });

    const me = await approver.get<{ id: string }>('/api/auth/me');
    const assigned = await ops.put<ProgrammeView>(`/api/settlement/programmes/${programme.id}/approvers`, {
      userIds: [me.body.id],
    });
    expect(assigned.status).toBe(200);
  });

  let approverExpense: ExpenseView;
  let opsExpense: ExpenseView;

  it('lets an assigned approver request an expense, split by the line’s amended amounts', async () => {
    const res = await approver.post<ExpenseCreated>('/api/settlement/expenses', {
      budgetLineId: meeting.id,
      title: '11월 운영위원회 회의비',
      amount: 180_000,
      expenseDate: `${YEAR}-11-04`,
      payeeName: '제주밥상',
      evidenceType: 'card_slip',
    });
    expect(res.status).toBe(201);
    approverExpense = res.body.expense;
    expect(approverExpense.state).toBe('requested');
    expect(approverExpense.split.map((s) => s.amount)).toEqual([81_000, 81_000, 18_000]);
    expect(approverExpense.evidence.map((e) => e.item)).toEqual(['card_slip', 'minutes', 'attendee_list']);
    // The approver sees the programme's lines but cannot approve.
    expect((await approver.get(`/api/settlement/programmes/${programme.id}/lines`)).status).toBe(200);
    expect((await approver.post(`/api/settlement/expenses/${approverExpense.id}/approve`)).status).toBe(403);
  });

  it('approves, pays (posting the ledger entry), takes evidence and needs two other people to verify', async () => {
    expect((await ops.post(`/api/settlement/expenses/${approverExpense.id}/approve`)).status).toBe(200);
    const paid = await ops.post<ExpenseView>(`/api/settlement/expenses/${approverExpense.id}/pay`, {
      paidOn: `${YEAR}-11-05`,
    });
    expect(paid.status).toBe(200);
    expect(paid.body.state).toBe('paid');
    const entry = await ops.get<{ lines: { account: string; amount: number }[] }>(
      `/api/settlement/entries/${paid.body.paidEntryId}`,
    );
    expect(entry.body.lines.reduce((s, l) => s + l.amount, 0)).toBe(0);
    expect(entry.body.lines.filter((l) => l.account === '5010').reduce((s, l) => s + l.amount, 0)).toBe(
      180_000,
    );

    const early = await ops.post(`/api/settlement/expenses/${approverExpense.id}/verify`, {
      kind: 'substantive',
    });
    expect(early.status).toBe(422);
    expect(early.problem['violations']).toEqual([expect.objectContaining({ code: 'evidence_incomplete' })]);

    for (const item of ['card_slip', 'minutes', 'attendee_list'])
      expect(
        (
          await approver.post(`/api/settlement/expenses/${approverExpense.id}/evidence`, {
            item,
            note: `${item} 첨부`,
          })
        ).status,
      ).toBe(200);
    expect((await ops.get<ExpenseView>(`/api/settlement/expenses/${approverExpense.id}`)).body.state).toBe(
      'evidence_complete',
    );

    expect(
      (await approver.post(`/api/settlement/expenses/${approverExpense.id}/verify`, { kind: 'financial' }))
        .status,
    ).toBe(403);
    const first = await ops.post<ExpenseView>(`/api/settlement/expenses/${approverExpense.id}/verify`, {
      kind: 'substantive',
    });
    expect(first.body).toMatchObject({
      state: 'evidence_complete',
      substantiveVerifiedBy: expect.any(String),
    });
    const twice = await ops.post(`/api/settlement/expenses/${approverExpense.id}/verify`, {
      kind: 'financial',
    });
    expect(twice.status).toBe(422);
    expect(twice.problem['violations']).toEqual([expect.objectContaining({ code: 'same_verifier' })]);
    const second = await ops2.post<ExpenseView>(`/api/settlement/expenses/${approverExpense.id}/verify`, {
      kind: 'financial',
    });
    expect(second.status).toBe(200);
    expect(second.body.state).toBe('verified');
    // Both reviewers are named in the answer (the second one included, who acted in this very request).
    const { people, substantiveVerifiedBy, financialVerifiedBy, requestedBy } = second.body;
    expect(people[substantiveVerifiedBy as string]).toBe('최운영 (경영지원팀)');
    expect(people[financialVerifiedBy as string]).toBe('한회계 (경영지원팀)');
    expect(people[requestedBy]).toEqual(expect.any(String));
  });

  it('never lets the requester verify their own expense', async () => {
    const res = await ops.post<ExpenseCreated>('/api/settlement/expenses', {
      budgetLineId: lecture.id,
      title: '주민 강좌 강사료 (3회)',
      amount: 300_000,
      expenseDate: `${YEAR}-11-06`,
      payeeName: '김강사',
      payeeAccount: '농협 351-0000-0000',
      evidenceType: 'other',
    });
    expect(res.status).toBe(201);
    opsExpense = res.body.expense;
    await ops.post(`/api/settlement/expenses/${opsExpense.id}/approve`);
    await ops.post(`/api/settlement/expenses/${opsExpense.id}/pay`, { paidOn: `${YEAR}-11-07` });
    for (const item of opsExpense.evidence.map((e) => e.item))
      expect(
        (await ops.post(`/api/settlement/expenses/${opsExpense.id}/evidence`, { item, note: `${item} 확인` }))
          .status,
      ).toBe(200);
    const own = await ops.post(`/api/settlement/expenses/${opsExpense.id}/verify`, { kind: 'substantive' });
    expect(own.status).toBe(422);
    expect(own.problem['violations']).toEqual([expect.objectContaining({ code: 'requester_cannot_verify' })]);
  });

  it('disallows part of an expense: the amount moves to the balance to return', async () => {
    const res = await ops2.post<ExpenseView>(`/api/settlement/expenses/${opsExpense.id}/disallow`, {
      amount: 50_000,
      reason: '강사 이력 증빙 불충분',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'disallowed', disallowedAmount: 50_000 });
    const tooMuch = await ops2.post(`/api/settlement/expenses/${approverExpense.id}/disallow`, {
      amount: 999_999,
      reason: 'x x',
    });
    expect(tooMuch.status).toBe(400);
  });

  it('refuses an expense above the amended budget, and an amendment needs a second person', async () => {
    const over = await approver.post('/api/settlement/expenses', {
      budgetLineId: meeting.id,
      title: '연말 회의',
      amount: 900_000,
      expenseDate: `${YEAR}-12-01`,
      payeeName: '식당',
      evidenceType: 'card_slip',
    });
    expect(over.status).toBe(422);
    expect(over.problem.code).toBe('settlement_rule');
    expect(over.problem.detail).toBe('정산 규칙에 맞지 않습니다.');
    expect(over.problem['violations']).toEqual([expect.objectContaining({ code: 'budget_exceeded' })]);

    const amendment = await ops.post<{ id: string }>(
      `/api/settlement/programmes/${programme.id}/amendments`,
      {
        reason: '강사료 절감분을 회의비로 전용',
        items: [
          { budgetLineId: meeting.id, fundingSourceId: src('national'), delta: 500_000 },
          { budgetLineId: lecture.id, fundingSourceId: src('national'), delta: -500_000 },
        ],
      },
    );
    expect(amendment.status).toBe(201);
    const self = await ops.post(`/api/settlement/amendments/${amendment.body.id}/approve`, {});
    expect(self.status).toBe(422);
    expect(
      (await ops2.post(`/api/settlement/amendments/${amendment.body.id}/approve`, { note: '승인' })).status,
    ).toBe(200);
    const lines = await ops.get<BudgetLineView[]>(`/api/settlement/programmes/${programme.id}/lines`);
    expect(lines.body.find((l) => l.id === meeting.id)).toMatchObject({
      initial: 1_000_000,
      amended: 1_500_000,
    });

    const warned = await approver.post<ExpenseCreated>('/api/settlement/expenses', {
      budgetLineId: meeting.id,
      title: '연말 회의',
      amount: 1_200_000,
      expenseDate: `${YEAR}-12-01`,
      payeeName: '식당',
      evidenceType: 'card_slip',
    });
    expect(warned.status).toBe(201);
    expect(warned.body.warning).toMatchObject({ code: 'budget_exceeded' });
  });

  let payment: PaymentView;

  it('posts booking income to the mapped line and a waiver as in-kind', async () => {
    const category = '0b6a3f52-1d9c-4c7e-9a51-6f0d2c7e8a11';
    const unmapped = await ops.post('/api/settlement/payments', {
      bookingId: '7d1e6c9a-3b2f-4f1e-8c7d-1a2b3c4d5e6f',
      kind: 'fee',
      method: 'bank_transfer',
      amount: 60_000,
      receivedOn: `${YEAR}-11-10`,
      assetCategoryId: category,
    });
    expect(unmapped.status).toBe(422);
    expect(
      (await ops.put(`/api/settlement/income-mappings/${category}`, { budgetLineId: rental.id })).status,
    ).toBe(204);
    const paid = await ops.post<PaymentView>('/api/settlement/payments', {
      bookingId: '7d1e6c9a-3b2f-4f1e-8c7d-1a2b3c4d5e6f',
      kind: 'fee',
      method: 'bank_transfer',
      amount: 60_000,
      receivedOn: `${YEAR}-11-10`,
      assetCategoryId: category,
      reference: 'BK-0042',
      payerName: '홍길동',
    });
    expect(paid.status).toBe(201);
    payment = paid.body;
    expect(payment.budgetLineId).toBe(rental.id);
    const waiver = await ops.post('/api/settlement/waivers', {
      bookingId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      value: 80_000,
      reason: '주민 팀 공익 활동 감면',
      assetCategoryId: category,
    });
    expect(waiver.status).toBe(201);
    const rows = (await t.db.query(
      `SELECT a.code, sum(l.amount)::bigint AS total FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id
        WHERE l.budget_line_id = $1 GROUP BY a.code ORDER BY a.code`,
      [rental.id],
    )) as { code: string; total: string }[];
    expect(rows).toEqual([
      { code: '1010', total: '60000' },
      { code: '4010', total: '-60000' },
      { code: '4090', total: '-80000' },
      { code: '5090', total: '80000' },
    ]);
  });

  let unknownLine: BankLineView;

  it('imports an EUC-KR statement, posts interest, matches what it can; the same file twice adds nothing', async () => {
    const csv = [
      '농협은행 거래내역',
      '거래일시,출금금액,입금금액,거래후잔액,거래내용,거래기록사항',
      `${YEAR}/11/05 11:02:13,"180,000",0,"9,820,000",제주밥상,회의비`,
      `${YEAR}/11/07 09:40:00,"300,000",0,"9,520,000",김강사,강사료`,
      `${YEAR}/11/10 15:21:09,0,"60,000","9,580,000",홍길동,BK-0042`,
      `${YEAR}/11/21 10:00:00,"33,000",0,"9,547,000",제주문구,`,
      `${YEAR}/11/30 23:59:59,0,"1,234","9,548,234",결산이자,`,
    ].join('\r\n');
    const file = iconv.encode(csv, 'euc-kr');
    const send = () =>
      fetch(`${t.baseUrl}/api/settlement/bank/imports?bank=nonghyup&fileName=nov.csv`, {
        method: 'POST',
        headers: {
          'content-type': 'text/csv',
          cookie: cookieOf(ops),
          [CSRF_HEADER]: ops.cookie(CSRF_COOKIE) ?? '',
        },
        body: new Uint8Array(file),
      });
    const first = await send();
    const result = (await first.json()) as BankImportResult;
    expect(first.status).toBe(201);
    expect(result).toMatchObject({
      encoding: 'euc-kr',
      format: 'csv',
      linesRead: 5,
      linesAdded: 5,
      interestPosted: 1,
      autoMatched: 3,
      duplicateFile: false,
    });
    const again = (await (await send()).json()) as BankImportResult;
    expect(again).toMatchObject({ duplicateFile: true, linesAdded: 0 });
    const open = await ops.get<BankLineView[]>('/api/settlement/bank/lines?unreconciled=true');
    expect(open.body).toHaveLength(1);
    unknownLine = open.body[0];
    expect(unknownLine).toMatchObject({ amount: -33_000, counterparty: '제주문구' });
  });

  it('reconciles the rest by hand', async () => {
    const noNote = await ops.post(`/api/settlement/bank/lines/${unknownLine.id}/match`, { target: 'other' });
    expect(noNote.status).toBe(400);
    const wrong = await ops.post(`/api/settlement/bank/lines/${unknownLine.id}/match`, {
      target: 'payment',
      paymentId: payment.id,
    });
    expect(wrong.status).toBe(400);
    const done = await ops.post<BankLineView>(`/api/settlement/bank/lines/${unknownLine.id}/match`, {
      target: 'other',
      note: '소모품 선결제 — 다음 달 정산',
    });
    expect(done.status).toBe(200);
    expect((await ops.get<BankLineView[]>('/api/settlement/bank/lines?unreconciled=true')).body).toEqual([]);
  });

  it('reports by funding source and 비목/세목 with the amount to return', async () => {
    const res = await ops.get<SettlementReport>(
      `/api/settlement/programmes/${programme.id}/report?from=${YEAR}-01&to=${YEAR}-12`,
    );
    expect(res.status).toBe(200);
    const report = res.body;
    expect(report.total).toMatchObject({
      initial: 4_000_000,
      amended: 4_000_000,
      executed: 480_000,
      disallowed: 50_000,
      interest: 1_234,
    });
    const national = report.bySource.find((s) => s.kind === 'national');
    // 국비: amended 1,800,000 (450k + 1,350k, +500k −500k); executed 81k + 135k; disallowed 50k × 45 % = 22,500; interest 617.
    expect(national).toMatchObject({
      amended: 1_800_000,
      executed: 216_000,
      disallowed: 22_500,
      interest: 617,
      toReturn: 1_800_000 - 216_000 + 22_500 + 617,
    });
    expect(report.bySource.find((s) => s.kind === 'own')).toMatchObject({ returnable: false, toReturn: 0 });
    expect(report.byCategory.map((c) => c.code)).toEqual(['200', '900']);
    expect(report.expenses.map((e) => [e.title, e.state, e.evidenceProvided, e.evidenceRequired])).toEqual(
      expect.arrayContaining([['11월 운영위원회 회의비', 'verified', 3, 3]]),
    );
  });

  it('downloads the report as an XLSX that reads back in Korean', async () => {
    const res = await fetch(`${t.baseUrl}/api/settlement/programmes/${programme.id}/report.xlsx`, {
      headers: { cookie: `${SESSION_COOKIE}=${ops.cookie(SESSION_COOKIE)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['요약', '재원별', '비목별', '지출 목록', '수입']);
    // The booking fee posted earlier, on the rental-income line (the waiver was posted on another date).
    expect(book.getWorksheet('수입')?.getRow(2).values).toEqual(
      expect.arrayContaining(['900-01', '대관료 수입', 60_000]),
    );
    const sources = book.getWorksheet('재원별');
    expect(sources?.getRow(1).getCell(1).value).toBe('재원');
    expect(sources?.getRow(2).values).toEqual(expect.arrayContaining(['국비', 1_800_000, 216_000, 22_500]));
    const expenses = book.getWorksheet('지출 목록');
    expect(expenses?.getColumn(5).values).toEqual(expect.arrayContaining(['11월 운영위원회 회의비']));
  });

  const download = async (format: string, client: MadangClient = ops) => {
    const res = await fetch(`${t.baseUrl}/api/settlement/programmes/${programme.id}/report.${format}`, {
      headers: { cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}` },
    });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('downloads the report as a CSV (UTF-8 with BOM) that reads back in Korean with won totals', async () => {
    const { res, bytes } = await download('csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain(
      `settlement-HUB-${YEAR}-01-01-${YEAR}-12-31.csv`,
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString('utf8'), { relax_column_count: true }) as string[][];
    const header = rows.findIndex((r) => r[0] === '재원');
    expect(header).toBeGreaterThan(-1);
    expect(rows[header].slice(0, 4)).toEqual(['재원', '당초 예산', '변경 예산', '집행액']);
    const national = rows[header + 1];
    expect(national[0]).toBe('국비');
    expect(national).toEqual(expect.arrayContaining(['1800000', '216000', '22500']));
    const total = rows.slice(header).find((r) => r[0] === '합계');
    // 합계: amended 4,000,000 (column 3); 국비 to return 1,800,000 − 216,000 + 22,500 + 617.
    expect(total?.[2]).toBe('4000000');
    expect(national[9]).toBe(String(1_800_000 - 216_000 + 22_500 + 617));
    expect(rows.some((r) => r.includes('11월 운영위원회 회의비'))).toBe(true);
  });

  it('downloads the report as a PDF with Korean text and won totals', async () => {
    const { res, bytes } = await download('pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'settlement-pdf-'));
    try {
      writeFileSync(join(dir, 'report.pdf'), bytes);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('정산 보고서');
      expect(text).toContain('재원별');
      expect(text).toContain('국비');
      expect(text).toContain('지출 목록');
      expect(text).toContain('제주밥상');
      expect(text).toContain('4,000,000');
      expect(text).toContain('1,607,117');
      // Made now, written in the centre's time zone (not as a UTC instant).
      const zone = t.config.MADANG_TIMEZONE;
      const made = /작성 (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) \(([^)]+)\)/.exec(text);
      expect(made?.[2]).toBe(zone);
      const minutesOff = DateTime.fromFormat(made?.[1] ?? '', 'yyyy-MM-dd HH:mm', { zone }).diffNow(
        'minutes',
      ).minutes;
      expect(Math.abs(minutesOff)).toBeLessThan(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Same access as the JSON report: a resident with no settlement scope is refused.
    expect((await download('pdf', resident2)).res.status).toBe(403);
  });

  it('closes November: nothing dated inside it posts; reopening needs an admin and a reason', async () => {
    const closed = await ops.post<FiscalYearView>(`/api/settlement/fiscal-years/${YEAR}/periods/11/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.periods[10].closedAt).not.toBeNull();
    const late = await approver.post<ExpenseCreated>('/api/settlement/expenses', {
      budgetLineId: lecture.id,
      title: '추가 강좌',
      amount: 10_000,
      expenseDate: `${YEAR}-11-20`,
      payeeName: '박강사',
      evidenceType: 'other',
    });
    await ops.post(`/api/settlement/expenses/${late.body.expense.id}/approve`);
    const refused = await ops.post(`/api/settlement/expenses/${late.body.expense.id}/pay`, {
      paidOn: `${YEAR}-11-20`,
    });
    expect(refused.status).toBe(422);
    expect(refused.problem['violations']).toEqual([expect.objectContaining({ code: 'period_closed' })]);
    expect(
      (await ops.post(`/api/settlement/fiscal-years/${YEAR}/periods/11/reopen`, { reason: '정정 필요' }))
        .status,
    ).toBe(403);
    expect((await admin.post(`/api/settlement/fiscal-years/${YEAR}/periods/11/reopen`, {})).status).toBe(400);
    const reopened = await admin.post<FiscalYearView>(
      `/api/settlement/fiscal-years/${YEAR}/periods/11/reopen`,
      { reason: '감사 지적 정정' },
    );
    expect(reopened.status).toBe(200);
    expect(reopened.body.periods[10].closedAt).toBeNull();
    const audit = (await t.db.query(
      `SELECT action, after FROM audit_log WHERE action LIKE 'settlement.period.%' ORDER BY at`,
    )) as { action: string; after: { reason?: string } }[];
    expect(audit.map((a) => a.action)).toEqual(['settlement.period.close', 'settlement.period.reopen']);
    expect(audit[1].after.reason).toBe('감사 지적 정정');
  });

  it('corrects by reversing entries, once', async () => {
    const reversed = await ops.post<{ id: string; lines: { amount: number }[] }>(
      `/api/settlement/entries/${payment.entryId}/reverse`,
      { reason: '중복 입력' },
    );
    expect(reversed.status).toBe(201);
    expect(reversed.body.lines.map((l) => l.amount).sort()).toEqual([-60000, 60000].sort());
    expect(
      (await ops.post(`/api/settlement/entries/${payment.entryId}/reverse`, { reason: '다시' })).status,
    ).toBe(409);
  });

  it('audits every change', async () => {
    const rows = (await t.db.query(
      `SELECT DISTINCT action FROM audit_log WHERE action LIKE 'settlement.%' ORDER BY action`,
    )) as { action: string }[];
    const actions = rows.map((r) => r.action);
    expect(
      [
        'settlement.programme.create',
        'settlement.budget_line.create',
        'settlement.expense.request',
        'settlement.expense.approve',
        'settlement.expense.pay',
        'settlement.expense.verify',
        'settlement.expense.disallow',
        'settlement.entry.post',
        'settlement.amendment.approve',
        'settlement.payment.record',
        'settlement.waiver.record',
        'settlement.bank.import',
        'settlement.bank.match',
        'settlement.period.close',
        'settlement.period.reopen',
      ].filter((a) => !actions.includes(a)),
    ).toEqual([]);
  });

  it('shows operations what waits for them', async () => {
    const res = await ops.get<{
      expensesToApprove: number;
      expensesToPay: number;
      unreconciledLines: number;
    }>('/api/settlement/summary');
    expect(res.status).toBe(200);
    const [counts] = (await t.db.query(
      `SELECT count(*) FILTER (WHERE state = 'requested')::int AS requested, count(*) FILTER (WHERE state = 'approved')::int AS approved FROM expenses`,
    )) as { requested: number; approved: number }[];
    expect(counts.requested).toBeGreaterThan(0);
    expect(res.body).toMatchObject({
      expensesToApprove: counts.requested,
      expensesToPay: counts.approved,
      unreconciledLines: 0,
    });
  });

  it('tells the web whether someone has settlement at all', async () => {
    expect((await resident2.get('/api/settlement/me')).body).toEqual({
      visible: false,
      all: false,
      programmeIds: [],
    });
    expect((await ops.get('/api/settlement/me')).body).toEqual({
      visible: true,
      all: true,
      programmeIds: [],
    });
    const assigned = await approver.get<SettlementMe>('/api/settlement/me');
    expect(assigned.body).toMatchObject({ visible: true, all: false });
    expect(assigned.body.programmeIds).toContain(programme.id);
    // The demo resident team leads the living lab: its manager sees that programme and no other.
    const lead = await resident.get<SettlementMe>('/api/settlement/me');
    const [lab] = (await t.db.query(`SELECT id FROM programmes WHERE code = $1`, [DEMO_LED_PROGRAMME])) as {
      id: string;
    }[];
    expect(lead.body).toEqual({ visible: true, all: false, programmeIds: [lab.id] });
    expect((await resident.get(`/api/settlement/programmes/${lab.id}/report`)).status).toBe(200);
    expect((await resident.get(`/api/settlement/programmes/${programme.id}`)).status).toBe(404);
    expect((await resident.post(`/api/settlement/expenses/${approverExpense.id}/approve`)).status).toBe(403);
  });

  it('gives a resident without settlement scope 403 or 404 on every settlement route', async () => {
    const routes = settlementRoutes().filter((r) => r.path !== '/api/settlement/me');
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      expect(ALL_PERMISSIONS).toContain(route.permission);
      const path = route.path
        .replace(':year', String(YEAR))
        .replace(':month', '11')
        .replace(':bank', 'nonghyup')
        .replace(/:[A-Za-z]+/g, approverExpense.id);
      const res = await resident2.request(route.method, path, route.method === 'GET' ? undefined : {});
      expect([route.method, route.path, [403, 404].includes(res.status) ? 'refused' : res.status]).toEqual([
        route.method,
        route.path,
        'refused',
      ]);
    }
  });

  it('hides other programmes from an approver who is not assigned', async () => {
    const other = await ops.post<ProgrammeView>('/api/settlement/programmes', {
      year: YEAR,
      code: 'OWN',
      name: '자체 운영',
      kind: 'own',
      executionDeadline: `${YEAR}-12-31`,
      sources: [{ kind: 'own', name: '자부담', shareBp: 10000 }],
    });
    expect((await approver.get(`/api/settlement/programmes/${other.body.id}`)).status).toBe(404);
    const list = await approver.get<ProgrammeView[]>('/api/settlement/programmes');
    expect(list.body.map((p) => p.id)).toContain(programme.id);
    expect(list.body.map((p) => p.id)).not.toContain(other.body.id);
  });

  /** multipart/form-data to the house's file route, as the web's upload component sends it. */
  const upload = async (client: MadangClient, expenseId: string, name: string, bytes: Buffer) => {
    const form = new FormData();
    form.append('ownerType', 'expense');
    form.append('ownerId', expenseId);
    form.append('purpose', 'expense_evidence');
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
    if (!client.cookie(CSRF_COOKIE)) await client.get('/api/auth/csrf');
    const res = await fetch(`${t.baseUrl}/api/files`, {
      method: 'POST',
      body: form,
      headers: { cookie: cookieOf(client), [CSRF_HEADER]: client.cookie(CSRF_COOKIE) ?? '' },
    });
    return { status: res.status, body: (await res.json()) as FileUploadResult & ProblemDetails };
  };
  const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

  it('keeps evidence files on the expense: the checklist refers to them, others are refused', async () => {
    const created = await approver.post<ExpenseCreated>('/api/settlement/expenses', {
      budgetLineId: lecture.id,
      title: '12월 주민 강좌 강사료',
      amount: 100_000,
      expenseDate: `${YEAR}-12-02`,
      payeeName: '이강사',
      evidenceType: 'other',
    });
    expect(created.status).toBe(201);
    const expense = created.body.expense;

    // The requester attaches while the expense is open; a verified expense takes no more from them.
    const slip = await upload(approver, expense.id, '강사료 이체확인증.pdf', pdf('transfer'));
    expect(slip.status).toBe(201);
    expect((await upload(approver, approverExpense.id, '늦은 영수증.pdf', pdf('late'))).status).toBe(403);
    // Operations may attach to any expense; that file belongs to the other expense.
    const foreign = await upload(ops, approverExpense.id, '회의록 보완.pdf', pdf('minutes'));
    expect(foreign.status).toBe(201);

    await ops.post(`/api/settlement/expenses/${expense.id}/approve`);
    expect(
      (await ops.post(`/api/settlement/expenses/${expense.id}/pay`, { paidOn: `${YEAR}-12-03` })).status,
    ).toBe(200);
    const item = expense.evidence[0].item;
    const refused = await approver.post(`/api/settlement/expenses/${expense.id}/evidence`, {
      item,
      fileId: foreign.body.id,
    });
    expect(refused.status).toBe(422);
    expect(refused.problem.code).toBe('settlement_rule');
    expect(refused.problem.errors?.map((e) => e.field)).toEqual(['fileId']);
    expect(refused.problem['violations']).toEqual([expect.objectContaining({ code: 'file_not_of_expense' })]);

    const given = await approver.post<ExpenseView>(`/api/settlement/expenses/${expense.id}/evidence`, {
      item,
      fileId: slip.body.id,
    });
    expect(given.status).toBe(200);
    expect(given.body.evidence.find((e) => e.item === item)).toMatchObject({
      provided: true,
      fileId: slip.body.id,
    });

    // Listed on the expense for whoever may see it; downloaded by operations; a resident sees nothing.
    const listed = await approver.get<{ id: string }[]>(`/api/files?ownerType=expense&ownerId=${expense.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((f) => f.id)).toEqual([slip.body.id]);
    const content = await fetch(`${t.baseUrl}/api/files/${slip.body.id}/content`, {
      headers: { cookie: cookieOf(ops) },
    });
    expect(content.status).toBe(200);
    expect(Buffer.from(await content.arrayBuffer()).equals(pdf('transfer'))).toBe(true);
    expect((await resident2.get(`/api/files/${slip.body.id}`)).status).toBe(404);
    expect((await resident2.get(`/api/files?ownerType=expense&ownerId=${expense.id}`)).status).toBe(404);
    const stranger = await fetch(`${t.baseUrl}/api/files/${slip.body.id}/content`, {
      headers: { cookie: cookieOf(resident2) },
    });
    expect(stranger.status).toBe(404);
  });

  it('posts due rent from the monthly job once, however often it runs', async () => {
    const schedule = await ops.post<RentScheduleView>('/api/settlement/rent-schedules', {
      agreementId: '2b7c9d1e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      budgetLineId: rental.id,
      monthlyAmount: 120_000,
      startsOn: `${YEAR}-10-01`,
      endsOn: `${YEAR + 1}-09-30`,
    });
    expect(schedule.status).toBe(201);
    // Scheduled on the job runner, monthly, in the centre's time zone.
    const health = await admin.get<JobsHealth>('/api/admin/jobs');
    expect(health.body.queues.find((q) => q.name === RENT_JOB)).toMatchObject({
      policy: 'stately',
      schedule: { cron: RENT_CRON, timezone: t.config.MADANG_TIMEZONE },
    });
    const jobs = t.app.get(SettlementJobs);
    const first = await jobs.postDueRent(`${YEAR}-12-05`);
    // This schedule's October to December, and the demo residency's December 2027 to February 2028.
    expect(first).toEqual({ posted: 6, skippedClosed: 0 });
    expect(await jobs.postDueRent(`${YEAR}-12-05`)).toEqual({ posted: 0, skippedClosed: 0 });
    const rows = (await t.db.query(
      `SELECT e.entry_date::text AS day, e.posted_by, sum(l.amount) FILTER (WHERE a.code = '4030')::bigint AS rent
         FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id JOIN ledger_accounts a ON a.id = l.account_id
        WHERE e.source = 'rent' AND e.source_id = $1 GROUP BY e.id ORDER BY 1`,
      ['2b7c9d1e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'],
    )) as { day: string; posted_by: string; rent: string }[];
    const me = await ops.get<{ id: string }>('/api/auth/me');
    expect(rows).toEqual(
      [`${YEAR}-10-01`, `${YEAR}-11-01`, `${YEAR}-12-01`].map((day) => ({
        day,
        posted_by: me.body.id,
        rent: '-120000',
      })),
    );
    const audited = (await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE request_id = 'job:settlement.post_due_rent' AND actor_id IS NULL`,
    )) as { n: number }[];
    expect(audited[0].n).toBeGreaterThanOrEqual(3);
  });
});

function cookieOf(client: MadangClient): string {
  return [SESSION_COOKIE, CSRF_COOKIE]
    .map((name) => [name, client.cookie(name)] as const)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}
