import { type Browser, type Page, expect, test } from '@playwright/test';
import { dialogOpened, expectAccessible, openDay, signIn, snap, scrollToBookingForm } from './support';

type Lang = 'ko' | 'en';

async function useLanguage(page: Page, lang: Lang): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) !== lang)
    await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function personPage(browser: Browser, email: string, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'ko' ? 'ko-KR' : 'en-GB' });
  const page = await context.newPage();
  await signIn(page, email);
  await useLanguage(page, lang);
  return page;
}

/** Fills the request form on an asset page for `date` from–to and submits it. */
async function request(page: Page, assetId: string, date: string, from: string, to: string, purpose: string) {
  await page.goto(`/catalogue/${assetId}`);
  await scrollToBookingForm(page);
  await expect(page.getByTestId('asset-name')).toBeVisible();
  await page.getByTestId('start').fill(`${date}T${from}`);
  await page.getByTestId('end').fill(`${date}T${to}`);
  await expect(page.getByTestId('violations')).toHaveCount(0);
  await page.getByTestId('purpose').fill(purpose);
  await page.getByTestId('attendees').fill('3');
  await page.getByTestId('submit-booking').click();
}

test('waitlist journey: join a taken slot, the holder cancels, the offer counts down and is accepted', async ({
  browser,
}) => {
  const tag = Date.now().toString(36);
  // resident3@ books little else in the suite, so the holder's booking is on the first page of My bookings.
  const holder = await personPage(browser, 'resident3@madang.local', 'ko');
  const list = (await (await holder.request.get('/api/assets')).json()) as {
    id: string;
    name: { en: string };
  }[];
  const room = list.find((a) => a.name.en === 'Meeting Room B')?.id ?? '';
  expect(room).not.toBe('');
  const date = await openDay(holder.request, room, 11, { from: '16:00', to: '17:00' });

  // The holder books 16:00–17:00.
  await request(holder, room, date, '16:00', '17:00', `Holder ${tag}`);
  await expect(holder.getByTestId('booking-result')).toHaveAttribute('data-decision', 'approved');

  // Someone else tries the same hour, is told it is taken, and joins the waitlist from there.
  const waiter = await personPage(browser, 'reviewer@madang.local', 'ko'); // few other bookings: the new one is on page 1
  await request(waiter, room, date, '16:00', '17:00', `Waiting ${tag}`);
  await expect(waiter.getByTestId('conflicts')).toBeVisible();
  await waiter.getByTestId('join-waitlist-button').click();
  await expect(waiter.getByTestId('waitlist-joined')).toContainText('1');
  await expectAccessible(waiter, 'asset page, joined the waitlist (ko)');
  await snap(waiter, 'waitlist-joined-ko');

  await waiter.getByTestId('nav-bookings').click();
  const entry = waiter.locator('[data-testid^="waitlist-entry-"]').filter({ hasText: '16:00' }).first();
  await expect(entry).toHaveAttribute('data-state', 'waiting');

  // The holder cancels; the slot is offered to the first in line.
  await holder.getByTestId('nav-bookings').click();
  const row = holder.locator('[data-testid^="booking-row-"]').filter({ hasText: `Holder ${tag}` });
  await row.locator('[data-testid^="cancel-"]').click();
  await dialogOpened(holder);
  await holder.getByTestId('dialog-confirm').click();
  await expect(row.locator('[data-testid^="decision-"]')).toHaveAttribute('data-decision', 'cancelled');

  await waiter.reload();
  const offered = waiter.locator('[data-testid^="waitlist-entry-"]').filter({ hasText: '16:00' }).first();
  await expect(offered).toHaveAttribute('data-state', 'offered');
  const countdown = offered.getByTestId('offer-countdown');
  await expect(countdown).toContainText(/\d+:\d{2}/);
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first ?? '', { timeout: 3000 }); // it counts down
  await expectAccessible(waiter, 'my bookings with an offer (ko)');
  await snap(waiter, 'waitlist-offer-ko');
  await waiter.setViewportSize({ width: 375, height: 812 });
  await snap(waiter, 'waitlist-offer-ko-phone');

  // In English, at desk width, with the calendar feed card; then accept with the keyboard.
  await waiter.setViewportSize({ width: 1280, height: 900 });
  await useLanguage(waiter, 'en');
  await expect(waiter.getByTestId('feed-url')).toHaveValue(/\/api\/feeds\/me\/[A-Za-z0-9_-]{43}\.ics$/);
  await snap(waiter, 'waitlist-offer-en');
  await waiter.setViewportSize({ width: 375, height: 812 });
  await snap(waiter, 'waitlist-offer-en-phone');
  await waiter.setViewportSize({ width: 1280, height: 900 });
  await offered.getByTestId('accept-offer').focus();
  await waiter.keyboard.press('Enter');
  await expect(waiter.locator('[data-testid^="waitlist-entry-"]').filter({ hasText: '16:00' })).toHaveCount(
    0,
  );
  // The list of bookings reloads itself with the new booking.
  await expect(
    waiter
      .locator('[data-testid^="booking-row-"]')
      .filter({ hasText: `Waiting ${tag}` })
      .first(),
  ).toBeVisible();
  await holder.context().close();
  await waiter.context().close();
});
