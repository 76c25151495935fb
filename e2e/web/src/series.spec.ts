import { type APIRequestContext, type Browser, type Page, expect, test } from '@playwright/test';
import { addDays, isClosedOn, openDayAhead } from '@madang/testing';
import { assetRules, expectAccessible, snap, scrollToBookingForm } from './support';

type Lang = 'ko' | 'en';

async function useLanguage(page: Page, lang: Lang): Promise<void> {
  // The session (and with it the account's saved language) must have loaded first, or it would undo the switch.
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page.locator('h1').first()).toBeVisible();
  if ((await page.locator('html').getAttribute('lang')) !== lang)
    await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/**
 * `count` Tuesdays in a row (the room's local dates), the first at least two days ahead, chosen so
 * that no holiday falls on the ones the tests book, move or read ([0]–[3] and [6]).
 */
async function tuesdays(request: APIRequestContext, room: string, count: number): Promise<string[]> {
  const rules = await assetRules(request, room);
  for (
    let first = openDayAhead(rules, 2, { weekdays: [2], from: '17:00', to: '21:00' });
    ;
    first = addDays(first, 7)
  ) {
    const dates = Array.from({ length: count }, (_, i) => addDays(first, 7 * i));
    if (![0, 1, 2, 3, 6].some((i) => isClosedOn(rules, dates[i]))) return dates;
  }
}

async function roomId(request: APIRequestContext, en: string): Promise<string> {
  const list = (await (await request.get('/api/assets')).json()) as {
    id: string;
    name: { en: string };
  }[];
  const found = list.find((a) => a.name.en === en);
  expect(found, `demo asset ${en}`).toBeTruthy();
  return found?.id ?? '';
}

/** A context signed in through the API (faster than the sign-in page), and its CSRF header. */
async function signedInContext(browser: Browser, email: string, locale = 'ko-KR') {
  const context = await browser.newContext({ locale });
  await context.request.get('/api/auth/csrf');
  const xsrf = async () =>
    decodeURIComponent((await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '');
  const login = await context.request.post('/api/auth/login', {
    headers: { 'x-xsrf-token': await xsrf() },
    data: { email, password: 'madang-demo' },
  });
  expect(login.status()).toBe(200);
  const post = async (url: string, data: unknown) => {
    const response = await context.request.post(url, { headers: { 'x-xsrf-token': await xsrf() }, data });
    expect(response.status(), await response.text()).toBe(201);
    return response.json();
  };
  return { context, post };
}

async function fillSeries(page: Page, first: string): Promise<void> {
  await page.getByTestId('series-start-date').fill(first);
  await page.getByTestId('series-start-time').fill('19:00');
  await page.getByTestId('series-duration').fill('120');
  for (let d = 1; d <= 7; d++) {
    const toggle = page.getByTestId(`weekday-${d}`).locator('button');
    if ((d === 2) !== ((await toggle.getAttribute('aria-pressed')) === 'true')) await toggle.click();
  }
  await page.getByTestId('series-count').fill('12');
  await page.getByTestId('series-purpose').fill('주민 팀 화요 모임');
  await page.getByTestId('series-attendees').fill('5');
  // For the resident team: its booking window reaches 12 weeks ahead.
  await page.getByTestId('series-group').click();
  await page.getByRole('option').nth(1).click();
}

test('every Tuesday 19:00–21:00 for 12 weeks: two collisions listed, the rest booked, a moved date keeps its move through an edit', async ({
  browser,
}) => {
  const neighbour = await signedInContext(browser, 'resident2@madang.local');
  const room = await roomId(neighbour.context.request, 'Meeting Room C');
  const dates = await tuesdays(neighbour.context.request, room, 12);
  for (const date of [dates[2], dates[6]])
    await neighbour.post('/api/bookings', {
      items: [{ assetId: room }],
      start: `${date}T19:00:00+09:00`,
      end: `${date}T21:00:00+09:00`,
      purpose: 'Knitting club',
      attendees: 3,
    });
  await neighbour.context.close();

  const { context } = await signedInContext(browser, 'resident@madang.local');
  const page = await context.newPage();
  await page.goto('/catalogue');
  await useLanguage(page, 'ko');
  await page.goto(`/catalogue/${room}`);
  await scrollToBookingForm(page);
  await page.getByTestId('repeat-booking').click();
  await expect(page).toHaveURL(/\/bookings\/series\/new\?asset=/);
  await fillSeries(page, dates[0]);
  await page.getByTestId('series-check').click();

  const preview = page.getByTestId('series-preview');
  await expect(preview).toBeVisible();
  const rows = preview.getByTestId('preview-occurrence');
  await expect(rows).toHaveCount(12);
  await expect(preview.locator('[data-check="conflict"]')).toHaveCount(2);
  await expect(rows.nth(2)).toHaveAttribute('data-check', 'conflict');
  await expect(rows.nth(6)).toHaveAttribute('data-check', 'conflict');
  await expect(rows.nth(2)).toContainText('19:00');
  await expectAccessible(page, 'series preview (ko)');
  await snap(page, 'series-preview-ko-desk');

  await page.getByTestId('series-book-free').click();
  await expect(page).toHaveURL(/\/bookings\/series\/[0-9a-f-]{36}$/);
  const occurrences = page.getByTestId('series-occurrence');
  await expect(occurrences).toHaveCount(12);
  await expect(page.locator(`[data-date="${dates[2]}"]`)).toHaveAttribute('data-state', 'not_booked');
  await expect(page.locator(`[data-date="${dates[6]}"]`)).toHaveAttribute('data-state', 'not_booked');
  const booked = page.locator('[data-testid="series-occurrence"][data-state="booked"]');
  expect(await booked.count()).toBeGreaterThanOrEqual(9); // a holiday on a Tuesday is against the rules

  // Move the second date to 17:00–19:00.
  const moved = page.locator(`[data-date="${dates[1]}"]`);
  await moved.getByTestId('occurrence-move').click();
  await page.getByTestId('move-start').fill(`${dates[1]}T17:00`);
  await page.getByTestId('move-end').fill(`${dates[1]}T19:00`);
  await page.getByTestId('move-save').click();
  await expect(moved.getByTestId('occurrence-exception')).toBeVisible();
  await expect(moved.getByTestId('occurrence-time')).toHaveText('17:00–19:00');

  // Edit the series to 18:00: every date follows, the moved one keeps its move.
  await page.getByTestId('edit-start-time').fill('18:00');
  await page.getByTestId('edit-apply').click();
  await expect(page.getByTestId('series-message')).toBeVisible();
  await expect(moved.getByTestId('occurrence-time')).toHaveText('17:00–19:00');
  await expect(page.locator(`[data-date="${dates[0]}"]`).getByTestId('occurrence-time')).toHaveText(
    '18:00–20:00',
  );
  await expect(page.locator(`[data-date="${dates[3]}"]`).getByTestId('occurrence-time')).toHaveText(
    '18:00–20:00',
  );
  await expectAccessible(page, 'series detail (ko)');
  await snap(page, 'series-detail-ko-desk');
  await context.close();
});

test('the series pages in English and Korean, at desk and phone width', async ({ browser }) => {
  const { context, post } = await signedInContext(browser, 'resident@madang.local', 'en-GB');
  const room = await roomId(context.request, 'Meeting Room B');
  const dates = await tuesdays(context.request, room, 12);
  const created = (await post('/api/bookings/series', {
    items: [{ assetId: room }],
    startDate: dates[0],
    startTime: '10:00',
    durationMinutes: 120,
    rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=8',
    purpose: 'Seed library',
    attendees: 4,
    mode: 'free_only',
  })) as { series: { id: string } };
  const page = await context.newPage();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/bookings/series/${created.series.id}`);
  await useLanguage(page, 'en');
  await expect(page.getByTestId('series-rule')).toContainText('Every week on Tue · 8 times');
  await expect(page.getByTestId('series-occurrence')).toHaveCount(8);
  await snap(page, 'series-detail-en-phone');

  await page.goto(`/bookings/series/new?asset=${room}`);
  await page.getByTestId('series-start-date').fill(dates[0]);
  await page.getByTestId('series-start-time').fill('10:00');
  for (let d = 1; d <= 7; d++) {
    const toggle = page.getByTestId(`weekday-${d}`).locator('button');
    if ((d === 2) !== ((await toggle.getAttribute('aria-pressed')) === 'true')) await toggle.click();
  }
  await page.getByTestId('series-count').fill('8');
  await page.getByTestId('series-purpose').fill('Seed library');
  await page.getByTestId('series-check').click();
  await expect(page.getByTestId('series-summary')).toContainText('taken');
  await expect(page.getByTestId('series-preview').locator('[data-check="conflict"]').first()).toBeVisible();
  await expectAccessible(page, 'series preview (en, phone)');
  await snap(page, 'series-preview-en-phone');

  await page.goto('/bookings/series');
  await expect(page.getByTestId('series-item').first()).toBeVisible();
  await expectAccessible(page, 'series list (en, phone)');
  await snap(page, 'series-list-en-phone');

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/bookings/series/${created.series.id}`);
  await expect(page.getByTestId('series-occurrence')).toHaveCount(8);
  await snap(page, 'series-detail-en-desk');
  await page.setViewportSize({ width: 375, height: 800 });
  await useLanguage(page, 'ko');
  await expect(page.getByTestId('series-rule')).toContainText('매주 화 · 8회');
  await snap(page, 'series-detail-ko-phone');
  await context.close();
});
