import { type Browser, type Page, expect, test } from '@playwright/test';
import type { ExpenseView, MeResponse, ProgrammeView, SettlementReport } from '@madang/contracts';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectAccessible, signIn, signOut, snap } from './support';

type Lang = 'ko' | 'en';

const OPERATIONS = 'operations@madang.local';
const SECOND_OPERATIONS = 'operations2@madang.local';
const STATEMENT = join(__dirname, '../../../apps/api/src/demo/settlement-demo-statement-2027-11.csv');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function useLanguage(page: Page, lang: Lang): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) !== lang)
    await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function newPage(browser: Browser, lang: Lang): Promise<Page> {
  const context = await browser.newContext({
    locale: lang === 'ko' ? 'ko-KR' : 'en-GB',
    acceptDownloads: true,
  });
  return context.newPage();
}

async function json<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** The 2027 regional-hub programme of the demo data. */
async function hubProgramme(page: Page): Promise<ProgrammeView> {
  const programmes = await json<ProgrammeView[]>(page, '/api/settlement/programmes');
  const hub = programmes.find((p) => p.code === 'HUB-2027');
  expect(hub, 'demo programme HUB-2027').toBeTruthy();
  return hub as ProgrammeView;
}

/** Both sizes of one page, screenshotted and checked with axe. */
async function lookAt(page: Page, name: string, lang: Lang): Promise<void> {
  await expectAccessible(page, `${name} (${lang})`);
  await snap(page, `settlement-${name}-${lang}-desktop`);
  await page.setViewportSize(PHONE);
  await expectAccessible(page, `${name} at phone width (${lang})`);
  await snap(page, `settlement-${name}-${lang}-phone`);
  await page.setViewportSize(DESKTOP);
}

test.describe.configure({ mode: 'serial' });

test('a resident without settlement scope sees no settlement section and gets the 403 page for a settlement URL', async ({
  browser,
}) => {
  const page = await newPage(browser, 'ko');
  // resident2@ neither approves a programme nor manages a programme's lead group.
  await signIn(page, 'resident2@madang.local');
  await expect(page.getByTestId('nav-home')).toBeAttached();
  await expect(page.getByTestId('nav-settlement')).toHaveCount(0);
  await expect(page.getByTestId('nav-settlement-expenses')).toHaveCount(0);
  await expect(page.getByTestId('nav-settlement-request')).toHaveCount(0);
  await expect(page.getByTestId('nav-settlement-report')).toHaveCount(0);
  for (const url of [
    '/settlement',
    '/settlement/expenses',
    '/settlement/bank',
    '/settlement/report',
    '/settlement/request',
  ]) {
    await page.goto(url);
    await expect(page.getByTestId('forbidden-title')).toBeVisible();
  }
  // The API agrees: no scope, and no programme to see.
  const me = await json<{ visible: boolean; all: boolean; programmeIds: string[] }>(
    page,
    '/api/settlement/me',
  );
  expect(me).toEqual({ visible: false, all: false, programmeIds: [] });
  const programmes = await page.request.get('/api/settlement/programmes');
  if (programmes.status() === 200) expect(await programmes.json()).toEqual([]);
  else expect(programmes.status()).toBe(403);
});

test('operations: execution by source and category with charts, two-person verification, bank import and match by hand, XLSX report', async ({
  browser,
}) => {
  test.setTimeout(240_000);

  // A second finance officer gives the substantive review first.
  const second = await newPage(browser, 'ko');
  await second.setViewportSize(DESKTOP);
  await signIn(second, SECOND_OPERATIONS);
  const ops2 = await json<MeResponse>(second, '/api/auth/me');
  const hub = await hubProgramme(second);
  const waiting = await json<ExpenseView[]>(
    second,
    `/api/settlement/expenses?programmeId=${hub.id}&state=evidence_complete&limit=200`,
  );
  const expense = waiting.find(
    (e) =>
      !e.substantiveVerifiedBy && !e.financialVerifiedBy && e.requestedBy !== ops2.id && e.evidenceComplete,
  );
  expect(expense, 'an evidence-complete demo expense nobody verified yet').toBeTruthy();
  const target = expense as ExpenseView;
  await second.goto(`/settlement/expenses/${target.id}`);
  await expect(second.getByTestId('expense-title')).toHaveText(target.title);
  await second.getByTestId('verify-substantive').click();
  await expect(second.getByTestId('verified-substantive')).toHaveText('나');
  await expect(second.getByTestId('verify-note')).toContainText('다른 사람');
  await expect(second.getByTestId('verify-financial')).toBeDisabled();
  await signOut(second);
  await second.context().close();

  const page = await newPage(browser, 'ko');
  await page.setViewportSize(DESKTOP);
  await signIn(page, OPERATIONS);
  await useLanguage(page, 'ko');

  // The section, and the operations home.
  await expect(page.getByTestId('nav-settlement')).toBeVisible();
  await page.getByTestId('nav-settlement').click();
  await expect(page.getByTestId('waiting')).toBeVisible();
  await expect(page.getByTestId('tile-verify')).toContainText('검토할 지출');
  await lookAt(page, 'home', 'ko');

  // The 2027 programme: execution by source and by category, as tables and charts.
  await page.getByTestId('programme-HUB-2027').click();
  await expect(page.getByTestId('programme-name')).toContainText('2027');
  const sources = page.getByTestId('table-sources');
  await expect(sources.locator('caption')).toHaveText('재원별');
  await expect(sources).toContainText('국비');
  await expect(sources).toContainText('지방비');
  await expect(sources).toContainText('자부담');
  await expect(page.getByTestId('table-categories').locator('tbody tr').first()).toBeVisible();
  for (const chart of ['chart-sources', 'chart-shares', 'chart-categories']) {
    const canvas = page.getByTestId(chart).locator('canvas');
    await expect(canvas).toBeVisible();
    expect((await canvas.boundingBox())?.height ?? 0).toBeGreaterThan(100);
  }
  await expect(page.getByTestId('programme-rate')).toHaveText(/^\d+\.\d%$/);
  await lookAt(page, 'programme', 'ko');

  // The second review, by another person: the expense is verified.
  await page.goto(`/settlement/expenses/${target.id}`);
  // The first reviewer is named, not shown as a bare user id.
  await expect(page.getByTestId('verified-substantive')).toHaveText('한회계 (경영지원팀)');
  await expect(page.getByTestId('verify-substantive')).toHaveCount(0);
  await lookAt(page, 'expense', 'ko');
  await page.getByTestId('verify-financial').click();
  await expect(page.getByTestId('expense-state')).toHaveText('검토 완료');
  await expect(page.getByTestId('verified-financial')).toHaveText('나');

  // Disallow part of another verified expense: the amount moves to the balance to return.
  const verified = await json<ExpenseView[]>(
    page,
    `/api/settlement/expenses?programmeId=${hub.id}&state=verified&limit=200`,
  );
  const other = verified.find((e) => e.id !== target.id && e.disallowedAmount === 0 && e.amount > 10_000);
  expect(other, 'another verified expense').toBeTruthy();
  await page.goto(`/settlement/expenses/${(other as ExpenseView).id}`);
  await page.getByTestId('disallow-amount').fill('10000');
  await page.getByTestId('disallow-reason').fill('증빙과 다른 단가 적용분');
  await page.getByTestId('disallow-submit').click();
  await expect(page.getByTestId('expense-disallowed')).toContainText('10,000원');
  await expect(page.getByTestId('expense-state')).toHaveText('불인정');

  // The expense list with filters.
  await page.goto(`/settlement/expenses?programmeId=${hub.id}&state=verified`);
  await expect(page.getByTestId(`expense-row-${target.id}`)).toBeVisible();
  await lookAt(page, 'expenses', 'ko');

  // Bank: import the demo statement, see the counts, match a line by hand.
  await page.goto('/settlement/bank');
  await page.getByTestId('import-file').setInputFiles(STATEMENT);
  await page.getByTestId('import-submit').click();
  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible();
  const read = Number(await page.getByTestId('import-read').innerText());
  expect(read).toBeGreaterThan(10);
  await expect(page.getByTestId('import-added')).toHaveText(String(read));
  expect(Number(await page.getByTestId('import-matched').innerText())).toBeGreaterThan(0);
  const fee = page.getByTestId('line-타행이체수수료');
  await expect(fee).toBeVisible();
  await lookAt(page, 'bank', 'ko');
  await fee.getByRole('button').click();
  await expect(page.getByTestId('match-panel')).toBeVisible();
  await expect(page.locator('#match-heading')).toBeFocused();
  await page.getByTestId('match-note').fill('이체 수수료: 운영비 통장에서 보전');
  await page.getByTestId('match-submit').click();
  await expect(page.getByTestId('line-타행이체수수료')).toHaveCount(0);
  await expect(page.getByTestId('line-계좌간 이체')).toBeVisible();

  // The same file again adds nothing.
  await page.getByTestId('import-file').setInputFiles(STATEMENT);
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-added')).toHaveText('0');

  // The settlement report, and its XLSX read back.
  await page.goto(`/settlement/report?programmeId=${hub.id}`);
  await expect(page.getByTestId('report-sources')).toContainText('국비');
  await expect(page.getByTestId('periods')).toBeVisible();
  await lookAt(page, 'report', 'ko');
  const report = await json<SettlementReport>(page, `/api/settlement/programmes/${hub.id}/report`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-xlsx').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const bySource = book.worksheets.find((sheet) => sheet.getRow(1).getCell(1).text === '재원');
  expect(bySource, 'a sheet by funding source, headed 재원').toBeTruthy();
  expect(bySource?.name).toMatch(/[가-힣]/);
  let totalRow: ExcelJS.Row | undefined;
  bySource?.eachRow((row) => {
    if (row.getCell(1).text === '합계') totalRow = row;
  });
  expect(totalRow, 'a 합계 row').toBeTruthy();
  // Columns: source, initial, amended, executed, … — the executed won total, as a number.
  expect(totalRow?.getCell(4).value).toBe(report.total.executed);
  expect(report.total.executed).toBeGreaterThan(0);

  // The CSV (UTF-8 with BOM): Korean headings and the same won total, as plain digits.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-csv').click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
  const rows = parse(await readFile(await csvDownload.path()), {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
  const csvText = rows.flat().join(' ');
  expect(csvText).toContain('재원별');
  expect(csvText).toContain('지출 목록');
  expect(csvText).toContain('국비');
  const sourceHeader = rows.findIndex((row) => row[0] === '재원');
  expect(sourceHeader, 'a section headed 재원').toBeGreaterThanOrEqual(0);
  const csvTotal = rows.slice(sourceHeader).find((row) => row[0] === '합계');
  expect(csvTotal, 'a 합계 row under 재원').toBeTruthy();
  expect(Number(csvTotal?.[3])).toBe(report.total.executed);

  // The PDF: a real PDF whose text carries the Korean heading.
  const [pdfDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-pdf').click(),
  ]);
  expect(pdfDownload.suggestedFilename()).toMatch(/\.pdf$/);
  const pdfPath = await pdfDownload.path();
  expect((await readFile(pdfPath)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  expect(pdfText).toContain('정산 보고서');
  expect(pdfText).toContain('재원');

  // Close November: the month is then shown closed (reopening is the administrator's).
  await page.getByTestId('close-2027-11').click();
  await expect(page.getByTestId('period-2027-11')).toContainText('마감됨');
  await expect(page.getByTestId('close-2027-11')).toHaveCount(0);

  // The same pages in English.
  await useLanguage(page, 'en');
  await page.goto(`/settlement/programmes/${hub.id}`);
  await expect(page.getByTestId('table-sources').locator('caption')).toHaveText('By funding source');
  await expect(page.getByTestId('table-sources')).toContainText('National subsidy');
  await lookAt(page, 'programme', 'en');
  await page.goto('/settlement');
  await expect(page.getByTestId('tile-verify')).toContainText('Expenses to verify');
  await lookAt(page, 'home', 'en');
  await page.goto('/settlement/bank');
  await expect(page.getByTestId('open-lines')).toBeVisible();
  await lookAt(page, 'bank', 'en');
  await page.goto(`/settlement/report?programmeId=${hub.id}`);
  await expect(page.getByTestId('report-sources')).toContainText('National subsidy');
  await lookAt(page, 'report', 'en');
  await page.goto(`/settlement/expenses/${target.id}`);
  await expect(page.getByTestId('expense-state')).toHaveText('Verified');
  await lookAt(page, 'expense', 'en');
});
