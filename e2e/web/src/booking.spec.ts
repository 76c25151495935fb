import { type Browser, type Page, expect, test } from '@playwright/test';
import {
  dialogOpened,
  expectAccessible,
  openDay,
  signIn,
  snap,
  scrollToCalendar,
  scrollToBookingForm,
} from './support';

type Lang = 'ko' | 'en';

interface AssetInfo {
  id: string;
  name: { ko: string; en: string };
  rules: {
    timeZone: string;
    minNoticeMinutes: number;
    minDurationMinutes: number;
    openingHours: { weekday: number; open: string; close: string }[];
  };
}

async function assetNamed(page: Page, en: string): Promise<AssetInfo> {
  const list = (await (await page.request.get('/api/assets')).json()) as AssetInfo[];
  const summary = list.find((a) => a.name.en === en);
  expect(summary, `demo asset ${en}`).toBeTruthy();
  return (await (await page.request.get(`/api/assets/${summary?.id}`)).json()) as AssetInfo;
}

async function useLanguage(page: Page, lang: Lang): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) !== lang)
    await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function chooseTime(page: Page, date: string, from: string, to: string): Promise<void> {
  await scrollToBookingForm(page);
  await page.getByTestId('start').fill(`${date}T${from}`);
  await page.getByTestId('end').fill(`${date}T${to}`);
}

async function residentPage(browser: Browser, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'ko' ? 'ko-KR' : 'en-GB' });
  return context.newPage();
}

// Different hours per language: after a weekend or a holiday both may land on the same day (and
// the demo's hall rehearsal holds next Wednesday 14:00–17:00).
const JOURNEYS: { lang: Lang; daysAhead: number; room: [string, string]; hall: [string, string] }[] = [
  { lang: 'ko', daysAhead: 5, room: ['14:00', '15:00'], hall: ['10:00', '12:00'] },
  { lang: 'en', daysAhead: 7, room: ['16:00', '17:00'], hall: ['19:00', '21:00'] },
];

for (const { lang, daysAhead, room: roomTime, hall: hallTime } of JOURNEYS) {
  test(`booking journey (${lang}): rules before submitting, an instant meeting room, the hall approved`, async ({
    browser,
  }) => {
    const tag = `${lang}-${Date.now()}`;
    const resident = await residentPage(browser, lang);

    // The public catalogue, before signing in.
    await resident.goto('/catalogue');
    await useLanguage(resident, lang);
    const room = await assetNamed(resident, 'Meeting Room A');
    const hall = await assetNamed(resident, 'Hall');
    await expect(resident.getByTestId(`asset-card-${room.id}`)).toBeVisible();
    await expect(resident.getByTestId(`asset-card-${hall.id}`).getByTestId('approval-badge')).toBeVisible();
    await expectAccessible(resident, `catalogue (${lang})`);
    await snap(resident, `catalogue-${lang}`);

    // Anonymous visitors see availability and the price, and are asked to sign in.
    await resident.getByTestId(`asset-link-${hall.id}`).click();
    await scrollToCalendar(resident);
    await expect(resident.getByTestId('calendar').locator('.fc-timegrid')).toBeVisible();
    await expect(resident.getByTestId('sign-in-to-request')).toBeVisible();

    await signIn(resident, 'resident@madang.local');
    await useLanguage(resident, lang);

    // A time that breaks the rules is explained at once, before anything is sent.
    const notice = Math.ceil(hall.rules.minNoticeMinutes / 1440) + 2;
    const date = await openDay(resident.request, hall.id, Math.max(daysAhead, notice), {
      from: hallTime[0] < roomTime[0] ? hallTime[0] : roomTime[0],
      to: hallTime[1] > roomTime[1] ? hallTime[1] : roomTime[1],
    });
    await resident.goto(`/catalogue/${room.id}`);
    await expect(resident.getByTestId('asset-name')).toHaveText(room.name[lang]);
    await scrollToCalendar(resident);
    await expect(resident.getByTestId('calendar').locator('.fc-timegrid')).toBeVisible();
    const opening = room.rules.openingHours[0].open; // e.g. 09:00
    const early = `${String(Number(opening.slice(0, 2)) - 2).padStart(2, '0')}:00`;
    await chooseTime(resident, date, early, `${String(Number(opening.slice(0, 2)) - 1).padStart(2, '0')}:00`);
    await expect(resident.getByTestId('violation-outside_opening_hours')).toBeVisible();
    await chooseTime(resident, date, '14:00', '14:30');
    await expect(resident.getByTestId('violations')).toBeVisible();
    if (room.rules.minDurationMinutes > 30)
      await expect(resident.getByTestId('violation-too_short')).toBeVisible();
    await expectAccessible(resident, `asset page with violations (${lang})`);
    await snap(resident, `asset-violations-${lang}`);

    // A valid hour in a meeting room is confirmed at once.
    await chooseTime(resident, date, ...roomTime);
    await expect(resident.getByTestId('violations')).toHaveCount(0);
    await expect(resident.getByTestId('quote-total')).toBeVisible();
    await resident.getByTestId('purpose').fill(`Team meeting ${tag}`);
    await resident.getByTestId('attendees').fill('4');
    await resident.getByTestId('submit-booking').click();
    await expect(resident.getByTestId('booking-result')).toHaveAttribute('data-decision', 'approved');
    await snap(resident, `asset-booked-${lang}`);

    // The hall needs approval; booked for the resident team, whose fee is waived.
    await resident.goto(`/catalogue/${hall.id}`);
    await expect(resident.getByTestId('asset-name')).toHaveText(hall.name[lang]);
    await chooseTime(resident, date, ...hallTime);
    await expect(resident.getByTestId('violations')).toHaveCount(0);
    await resident.getByTestId('purpose').fill(`Neighbourhood forum ${tag}`);
    await resident.getByTestId('attendees').fill('40');
    await resident.getByTestId('group').click();
    await resident.getByRole('option').nth(1).click();
    await expect(resident.getByTestId('quote')).toBeVisible();
    await expectAccessible(resident, `hall request (${lang})`);
    await snap(resident, `hall-request-${lang}`);
    await resident.getByTestId('submit-booking').click();
    await expect(resident.getByTestId('booking-result')).toHaveAttribute('data-decision', 'pending');

    // The approver approves it in the queue.
    const approverContext = await browser.newContext({ locale: lang === 'ko' ? 'ko-KR' : 'en-GB' });
    const approver = await approverContext.newPage();
    await signIn(approver, 'approver@madang.local');
    await useLanguage(approver, lang);
    await approver.getByTestId('nav-approvals').click();
    const row = approver
      .locator('[data-testid^="queue-row-"]')
      .filter({ hasText: `Neighbourhood forum ${tag}` });
    await expect(row).toHaveCount(1);
    // The queue is paged: the total of waiting requests is shown with the paginator.
    await expect(approver.getByTestId('queue-total')).toContainText(/\d/);
    await expect(approver.getByTestId('queue-paginator')).toBeVisible();
    await expectAccessible(approver, `approval queue (${lang})`);
    await snap(approver, `approvals-${lang}`);
    await row.locator('[data-testid^="approve-"]').click();
    await expect(row).toHaveCount(0);

    await approver.goto('/approvals/day');
    await approver.getByTestId('day-date').fill(date);
    await expect(
      approver
        .locator('[data-testid^="day-booking-"]')
        .filter({ hasText: `Neighbourhood forum ${tag}` })
        .first(),
    ).toBeVisible();
    await expectAccessible(approver, `approver day (${lang})`);
    await snap(approver, `approver-day-${lang}`);
    await approverContext.close();

    // The resident sees both bookings in "my bookings", the hall now approved.
    await resident.getByTestId('nav-bookings').click();
    const hallRow = resident
      .locator('[data-testid^="booking-row-"]')
      .filter({ hasText: `Neighbourhood forum ${tag}` });
    await expect(hallRow.locator('[data-testid^="decision-"]')).toHaveAttribute('data-decision', 'approved');
    const roomRow = resident
      .locator('[data-testid^="booking-row-"]')
      .filter({ hasText: `Team meeting ${tag}` });
    await expect(roomRow.locator('[data-testid^="decision-"]')).toHaveAttribute('data-decision', 'approved');
    await expectAccessible(resident, `my bookings (${lang})`);
    await snap(resident, `my-bookings-${lang}`);
    await resident.getByTestId('view-calendar').click();
    await expect(resident.getByTestId('bookings-calendar').locator('.fc-daygrid')).toBeVisible();
    await expectAccessible(resident, `my bookings calendar (${lang})`);
    await snap(resident, `my-bookings-calendar-${lang}`);

    // Cancelling states the API's terms first (free until 24 hours before), then frees the slot.
    // In Korean this runs at phone width, where the list is a column of cards.
    if (lang === 'ko') await resident.setViewportSize({ width: 375, height: 800 });
    await resident.getByTestId('view-list').click();
    const cancelRow = resident
      .locator('[data-testid^="booking-row-"]')
      .filter({ hasText: `Team meeting ${tag}` });
    if (lang === 'ko') await expect(resident.getByTestId('bookings-cards')).toBeVisible();
    else await expect(resident.getByTestId('bookings-table')).toBeVisible();
    await cancelRow.locator('[data-testid^="cancel-"]').click();
    await expect(resident.getByTestId('dialog-message')).toContainText(
      lang === 'ko' ? '수수료 없이 취소할 수 있고' : 'free of charge until',
    );
    await dialogOpened(resident);
    await expectAccessible(resident, `cancel dialog (${lang})`);
    await snap(resident, `cancel-dialog-${lang}`);
    await resident.getByTestId('dialog-confirm').click();
    await expect(cancelRow.locator('[data-testid^="decision-"]')).toHaveAttribute(
      'data-decision',
      'cancelled',
    );
    await expect(cancelRow.locator('[data-testid^="cancel-"]')).toHaveCount(0);

    if (lang === 'ko') {
      await expectAccessible(resident, 'my bookings at 375px (ko)');
      await snap(resident, 'my-bookings-375-ko');
      await resident.goto(`/catalogue/${room.id}`);
      await scrollToCalendar(resident);
      await expect(resident.getByTestId('calendar').locator('.fc-timegrid')).toBeVisible();
      await expectAccessible(resident, 'asset page at 375px (ko)');
      await snap(resident, 'asset-375-ko');
    }
    await resident.context().close();
  });
}

test('the catalogue editor lists assets and categories with a rules form (approver)', async ({ page }) => {
  await signIn(page, 'approver@madang.local');
  await page.getByTestId('nav-catalogue-admin').click();
  await expect(page.locator('[data-testid^="admin-asset-"]').first()).toBeVisible();
  await expectAccessible(page, 'catalogue editor');
  await snap(page, 'catalogue-admin-ko');
  await page.locator('[data-testid^="edit-category-"]').first().click();
  await expect(page.getByTestId('category-rules-form')).toBeVisible();
  await expectAccessible(page, 'category editor');
  await snap(page, 'category-editor-ko');
});
