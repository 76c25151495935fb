import { type Browser, type Page, expect, test } from '@playwright/test';
import type { AssetSummary, BookingDto, ExpenseView, ProgrammeView, SettlementMe } from '@madang/contracts';
import { expectAccessible, openDay, signIn, snap } from './support';

type Lang = 'ko' | 'en';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** A tiny but real PDF: the file service recognises files by their bytes. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

async function newPage(browser: Browser, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'ko' ? 'ko-KR' : 'en-GB' });
  return context.newPage();
}

async function useLanguage(page: Page, lang: Lang): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) !== lang)
    await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function json<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** A mutating API call as the page's signed-in user (the CSRF cookie echoed as the SPA does). */
async function post<T>(page: Page, url: string, body: unknown): Promise<T> {
  const cookies = await page.context().cookies();
  const token = cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.post(url, { data: body, headers: { 'X-XSRF-TOKEN': token } });
  expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

async function lookAt(page: Page, name: string, lang: Lang): Promise<void> {
  await expectAccessible(page, `${name} (${lang})`);
  await snap(page, `settlement-${name}-${lang}-desktop`);
  await page.setViewportSize(PHONE);
  await expectAccessible(page, `${name} at phone width (${lang})`);
  await snap(page, `settlement-${name}-${lang}-phone`);
  await page.setViewportSize(DESKTOP);
}

test.describe.configure({ mode: 'serial' });

test('the manager of a lead group sees only their programme, requests an expense and attaches its evidence', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await newPage(browser, 'ko');
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'resident@madang.local');
  // Other journeys may have saved English as this account's language; this one reads Korean.
  await useLanguage(page, 'ko');

  // Scope, not role: a resident who manages LAB-2027's lead group sees that programme only.
  const me = await json<SettlementMe>(page, '/api/settlement/me');
  expect(me.visible).toBe(true);
  expect(me.all).toBe(false);
  const programmes = await json<ProgrammeView[]>(page, '/api/settlement/programmes');
  expect(programmes.map((p) => p.code)).toEqual(['LAB-2027']);
  const lab = programmes[0];

  // The menu offers the request, expenses and the report, not the operations pages.
  await expect(page.getByTestId('nav-settlement-request')).toBeVisible();
  await expect(page.getByTestId('nav-settlement-expenses')).toBeVisible();
  await expect(page.getByTestId('nav-settlement-report')).toBeVisible();
  await expect(page.getByTestId('nav-settlement-bank')).toHaveCount(0);
  await expect(page.getByTestId('nav-settlement')).toHaveCount(0);
  await page.goto('/settlement/bank');
  await expect(page.getByTestId('forbidden-title')).toBeVisible();

  // The report of their programme opens.
  await page.goto(`/settlement/report?programmeId=${lab.id}`);
  await expect(page.getByTestId('download-csv')).toBeVisible();
  await expect(page.getByTestId('download-pdf')).toBeVisible();
  // Reading only: closing a month is operations'.
  await expect(page.getByTestId('periods')).toBeVisible();
  await expect(page.locator('[data-testid^="close-20"]')).toHaveCount(0);

  // 품의: the form shows the line's remaining budget and its split before sending.
  await page.getByTestId('nav-settlement-request').click();
  await expect(page.locator('h1')).toHaveText('지출 품의');
  await expect(page.getByTestId('request-programme')).toContainText('LAB-2027');
  // Sending empty: the fields say what is missing.
  await page.getByTestId('request-submit').click();
  await expect(page.locator('mat-error').first()).toBeVisible();

  await page.getByTestId('request-line').click();
  await page.getByRole('option').first().click();
  await expect(page.getByTestId('request-remaining')).toContainText('원');
  await page.getByTestId('request-title').fill('리빙랩 참여자 간담회 다과');
  await page.getByTestId('request-amount').pressSequentially('120000');
  // Grouped as typed, and read back in won.
  await expect(page.getByTestId('request-amount')).toHaveValue('120,000');
  await expect(page.getByTestId('request-amount-hint')).toHaveText('120,000원');
  await expect(page.getByTestId('request-split')).toBeVisible();
  await page.getByTestId('request-date').fill('2027-12-03');
  await page.getByTestId('request-payee').fill('마당베이커리');
  await page.getByTestId('request-account').fill('국민 123-45-6789');
  await lookAt(page, 'request', 'ko');

  await page.getByTestId('request-submit').click();
  await expect(page).toHaveURL(/\/settlement\/expenses\/[0-9a-f-]{36}$/);
  const expenseId = page.url().split('/').pop() as string;
  await expect(page.getByTestId('expense-state')).toHaveText('품의');

  const expense = await json<ExpenseView>(page, `/api/settlement/expenses/${expenseId}`);
  expect(expense.programmeId).toBe(lab.id);
  expect(expense.amount).toBe(120_000);
  expect(expense.split.reduce((sum, part) => sum + part.amount, 0)).toBe(120_000);
  expect(expense.evidence.length).toBeGreaterThan(0);
  const item = expense.evidence[0].item;

  // A file of a type the evidence does not take is refused before any upload, in Korean.
  await page.getByTestId(`evidence-input-${item}`).setInputFiles({
    name: 'virus.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('MZ'),
  });
  await expect(page.getByTestId(`evidence-error-${item}`)).toContainText('PDF');

  // A real PDF: uploaded to the expense, then the checklist item points at it.
  await page.getByTestId(`evidence-input-${item}`).setInputFiles({
    name: '세금계산서.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await expect(page.getByTestId(`evidence-file-${item}`)).toHaveText('세금계산서.pdf');
  await expect(page.getByTestId('evidence-files')).toContainText('세금계산서.pdf');
  const after = await json<ExpenseView>(page, `/api/settlement/expenses/${expenseId}`);
  const provided = after.evidence.find((e) => e.item === item);
  expect(provided?.provided).toBe(true);
  expect(provided?.fileId).toBeTruthy();
  // The attached file reads back byte for byte.
  const content = await page.request.get(`/api/files/${provided?.fileId}/content`);
  expect(content.status()).toBe(200);
  expect(Buffer.compare(await content.body(), PDF)).toBe(0);
  await lookAt(page, 'expense-evidence', 'ko');

  // The same pages in English.
  await useLanguage(page, 'en');
  await expect(page.getByTestId('evidence-files')).toContainText('세금계산서.pdf');
  await lookAt(page, 'expense-evidence', 'en');
  await page.goto('/settlement/request');
  await expect(page.locator('h1')).toHaveText('Request an expense');
  await page.getByTestId('request-line').click();
  await page.getByRole('option').first().click();
  await page.getByTestId('request-amount').pressSequentially('5000');
  await expect(page.getByTestId('request-amount-hint')).toHaveText('₩5,000');
  await lookAt(page, 'request', 'en');
});

test('operations record the fee and deposit of an approved hall booking on the rental income page', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // A neighbour books the hall (fee and deposit) six weeks ahead; the approver approves it.
  const neighbour = await newPage(browser, 'ko');
  await signIn(neighbour, 'resident2@madang.local');
  const assets = await json<AssetSummary[]>(neighbour, '/api/assets');
  const hall = assets.find((a) => a.name.en === 'Hall') as AssetSummary;
  expect(hall, 'the demo hall').toBeTruthy();
  // An open Wednesday six weeks or more ahead (nobody else books the hall then).
  const date = await openDay(neighbour.request, hall.id, 42, { weekdays: [3], from: '14:00', to: '16:00' });
  const booking = await post<BookingDto>(neighbour, '/api/bookings', {
    items: [{ assetId: hall.id }],
    start: `${date}T14:00:00+09:00`,
    end: `${date}T16:00:00+09:00`,
    purpose: '동네 음악회',
    attendees: 40,
  });
  expect(booking.quote.deposit).toBeGreaterThan(0);
  const fee = booking.quote.subtotal - booking.quote.waived;
  expect(fee).toBeGreaterThan(0);
  const approver = await newPage(browser, 'ko');
  await signIn(approver, 'approver@madang.local');
  await post<BookingDto>(approver, `/api/bookings/${booking.id}/approve`, {});

  const page = await newPage(browser, 'ko');
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'operations@madang.local');
  await useLanguage(page, 'ko');
  await page.getByTestId('nav-settlement-income').click();
  await expect(page.locator('h1')).toHaveText('대관 수입');
  const row = page.getByTestId(`unpaid-${booking.id}`);
  await expect(row).toContainText('강당');

  // The fee first: the form suggests what is owed.
  await page.getByTestId(`record-${booking.id}`).click();
  await expect(page.getByTestId('record-amount')).toHaveValue(String(fee));
  await lookAt(page, 'income', 'ko');
  await page.getByTestId('record-submit').click();
  await expect(page.getByTestId('record-panel')).toHaveCount(0);
  let after = await json<BookingDto>(page, `/api/bookings/${booking.id}`);
  expect(after.payment.status).toBe('invoiced');

  // Then the deposit: the booking is paid and leaves the list.
  await page.getByTestId(`record-${booking.id}`).click();
  await page.getByTestId('record-kind').click();
  await page.getByRole('option', { name: '보증금', exact: true }).click();
  await expect(page.getByTestId('record-amount')).toHaveValue(String(booking.quote.deposit));
  await page.getByTestId('record-submit').click();
  await expect(row).toHaveCount(0);
  after = await json<BookingDto>(page, `/api/bookings/${booking.id}`);
  expect(after.payment.status).toBe('paid');

  await useLanguage(page, 'en');
  await expect(page.locator('h1')).toHaveText('Rental income');
  // Let the "payment recorded" notice go first (axe reads a fading snackbar as low contrast).
  await expect(page.locator('.mdc-snackbar__label')).toHaveCount(0, { timeout: 15_000 });
  await lookAt(page, 'income', 'en');
});
