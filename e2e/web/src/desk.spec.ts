import { type Browser, type Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { expectAccessible, openDay, signIn } from './support';

type Lang = 'ko' | 'en';
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 900 };

/**
 * axe at this width, then a screenshot of what the person sees from the top of the page: the viewport,
 * not the stitched full page (which caught the side navigation mid-layout after a resize).
 */
async function look(page: Page, name: string, context: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectAccessible(page, context);
  await page.screenshot({ path: join(__dirname, '..', 'screenshots', `${name}.png`) });
}

async function personPage(browser: Browser, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'ko' ? 'ko-KR' : 'en-GB', viewport: DESK });
  return context.newPage();
}

async function useLanguage(page: Page, lang: Lang): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) !== lang)
    await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** A mutating API call as the page's signed-in user (the CSRF cookie echoed as the SPA does). */
async function post<T>(page: Page, url: string, body: unknown): Promise<T> {
  const cookies = await page.context().cookies();
  const token = cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.post(url, { data: body, headers: { 'X-XSRF-TOKEN': token } });
  expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

test('the desk (ko): the approver hands the camera kit out part by part, takes it back with a battery missing and keeps part of the deposit', async ({
  browser,
}) => {
  // About 35 s on a quiet machine; the limit leaves room for a busy one.
  test.setTimeout(120_000);
  const lang: Lang = 'ko';
  const resident = await personPage(browser, lang);
  await signIn(resident, 'resident@madang.local');
  const assets = (await (await resident.request.get('/api/assets')).json()) as {
    id: string;
    name: { en: string };
  }[];
  const kit = assets.find((a) => a.name.en === 'Camera kit');
  expect(kit, 'demo camera kit').toBeTruthy();
  // A retry books a week later: the first attempt's booking still holds its day.
  const daysAhead = 4 + 7 * test.info().retry;
  const date = await openDay(resident.request, kit?.id ?? '', daysAhead, { from: '10:00', to: '18:00' });
  const booking = await post<{ id: string }>(resident, '/api/bookings', {
    items: [{ assetId: kit?.id }],
    start: `${date}T10:00:00+09:00`,
    end: `${date}T18:00:00+09:00`,
    purpose: '마을 기록 촬영',
    attendees: 2,
  });

  const approver = await personPage(browser, lang);
  await signIn(approver, 'approver@madang.local');
  await useLanguage(approver, lang);
  await post(approver, `/api/bookings/${booking.id}/approve`, {});
  const ops = await personPage(browser, lang);
  await signIn(ops, 'operations@madang.local');
  await post(ops, `/api/bookings/${booking.id}/payments`, {
    kind: 'deposit',
    method: 'bank_transfer',
    amount: 100_000,
    receivedOn: new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10),
  });

  // The approver's home lists what is overdue at the desk and leads there.
  await approver.goto('/');
  await expect(approver.getByTestId('overdue-list')).toBeVisible();

  // The desk on the booking's day: the kit is to be handed out, part by part.
  await approver.getByTestId('nav-desk').click();
  await expect(approver).toHaveURL(/\/desk$/);
  await approver.getByTestId('desk-date').fill(date);
  await approver.getByTestId('desk-date').dispatchEvent('change');
  const item = approver.getByTestId('desk-item-Camera kit').first();
  await expect(item.getByTestId('desk-hand-out')).toBeVisible();
  for (const part of ['Camera body', 'Lens 24–70mm', 'Lens 50mm', 'Tripod', 'Battery 1', 'Battery 2'])
    await item.getByTestId(`part-${part}-ok`).check();
  // Keyboard: the checklist is radio groups — arrow keys move between OK / missing / damaged.
  await item.getByTestId('part-Tripod-ok').focus();
  await approver.keyboard.press('ArrowRight');
  await expect(item.getByTestId('part-Tripod-missing')).toBeChecked();
  await approver.keyboard.press('ArrowLeft');
  await expect(item.getByTestId('part-Tripod-ok')).toBeChecked();
  await look(approver, 'desk-handout-ko-desktop', 'desk before hand-out (ko)');
  await item.getByTestId('desk-hand-out').click();

  // Taken back with battery 2 missing.
  const back = approver
    .getByTestId('desk-item-Camera kit')
    .filter({ has: approver.getByTestId('desk-take-back') });
  await expect(back.getByTestId('desk-take-back')).toBeVisible();
  await back.getByTestId('part-Battery 2-missing').check();
  await back.getByTestId('desk-condition-in').fill('배터리 1개 없음');
  await back.getByTestId('desk-take-back').click();

  // Keep part of the deposit, with the reason.
  const done = approver
    .getByTestId('desk-item-Camera kit')
    .filter({ has: approver.getByTestId('desk-keep') });
  await expect(done.getByText('없거나 파손된 부품 1개')).toBeVisible();
  await done.getByTestId('desk-keep-amount').fill('30000');
  await done.getByTestId('desk-keep-reason').fill('배터리 분실');
  await done.getByTestId('desk-keep').click();
  await expect(
    approver
      .getByTestId('desk-item-Camera kit')
      .getByText(/보류 30,000원/)
      .first(),
  ).toBeVisible();
  await look(approver, 'desk-returned-ko-desktop', 'desk after return (ko)');
  await approver.setViewportSize(PHONE);
  await look(approver, 'desk-returned-ko-phone', 'desk after return at phone width (ko)');

  // Settlement has it as a kept deposit, with the reason as its reference.
  const payments = (await (
    await ops.request.get(`/api/settlement/payments?bookingId=${booking.id}`)
  ).json()) as {
    kind: string;
    amount: number;
  }[];
  expect(payments.map((p) => [p.kind, p.amount]).sort()).toEqual([
    ['deposit', 100_000],
    ['deposit_kept', 30_000],
  ]);

  // The same page in English on a phone, and the check-in page of a booking.
  await approver.setViewportSize(PHONE);
  await useLanguage(approver, 'en');
  await expect(approver.getByRole('heading', { name: 'Equipment desk' })).toBeVisible();
  await look(approver, 'desk-returned-en-phone', 'desk at phone width (en)');
  await approver.setViewportSize(DESK);
  await look(approver, 'desk-returned-en-desktop', 'desk (en)');

  await resident.goto(`/bookings/${booking.id}/check-in`);
  await useLanguage(resident, lang);
  await expect(resident.getByTestId('check-in-submit')).toBeVisible();
  await look(resident, 'check-in-ko-desktop', 'check-in (ko)');
});
