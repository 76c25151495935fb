import { type Browser, type Page, expect, test } from '@playwright/test';
import { expectAccessible, openDay, signIn, snap, scrollToBookingForm, watchConsole } from './support';

type Lang = 'ko' | 'en';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 800 };

interface Named {
  id: string;
  name: { ko: string; en: string };
  categoryId: string;
}
interface SiteConfig {
  timeZone: string;
}

async function json<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

async function post<T>(page: Page, url: string, body: unknown): Promise<T> {
  const cookies = await page.context().cookies();
  const token = cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.post(url, { data: body, headers: { 'X-XSRF-TOKEN': token } });
  expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

async function useLanguage(page: Page, lang: Lang): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) !== lang)
    await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function newPage(browser: Browser, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'ko' ? 'ko-KR' : 'en-GB', viewport: DESKTOP });
  return context.newPage();
}

/** axe and a screenshot at desk width, then at phone width, then back. */
async function lookAt(page: Page, name: string, lang: Lang): Promise<void> {
  await expectAccessible(page, `${name} (${lang})`);
  await snap(page, `bk-web-${name}-${lang}-desk`);
  await page.setViewportSize(PHONE);
  await expectAccessible(page, `${name} at phone width (${lang})`);
  await snap(page, `bk-web-${name}-${lang}-phone`);
  await page.setViewportSize(DESKTOP);
}

const assetNamed = async (page: Page, en: string): Promise<Named> => {
  const found = (await json<Named[]>(page, '/api/assets')).find((a) => a.name.en === en);
  expect(found, en).toBeTruthy();
  return found as Named;
};

// Different hours: after a weekend or a holiday both languages may land on the same day.
for (const [lang, daysAhead, from, to] of [
  ['ko', 9, '16:00', '18:00'],
  ['en', 11, '19:00', '21:00'],
] as const) {
  test(`a room and a projector requested together from the web page (${lang})`, async ({ browser }) => {
    const page = await newPage(browser, lang);
    await signIn(page, 'resident@madang.local');
    await useLanguage(page, lang);
    const room = await assetNamed(page, 'Meeting Room A');
    const projector = await assetNamed(page, 'Projector');
    const date = await openDay(page.request, room.id, daysAhead, { from, to });
    const purpose = `Room and projector ${lang}-${Date.now()}`;

    await page.goto(`/catalogue/${room.id}`);
    await scrollToBookingForm(page);
    await expect(page.getByTestId('asset-name')).toHaveText(room.name[lang]);
    await page.getByTestId('start').fill(`${date}T${from}`);
    await page.getByTestId('end').fill(`${date}T${to}`);

    // What can be added is what is free at that time; the projector is one of them.
    await page.getByTestId('item-picker').click();
    await page.getByRole('option', { name: new RegExp(`^${projector.name[lang]} ·`) }).click();
    await page.getByTestId('item-add').click();
    await expect(page.getByTestId(`item-${projector.id}`)).toBeVisible();

    // The API checks and prices both at once: a line for each item in one quote.
    const quote = page.getByTestId('quote');
    await expect(quote).toContainText(projector.name[lang]);
    await expect(quote).toContainText(room.name[lang]);
    await expect(page.getByTestId('violations')).toHaveCount(0);
    await page.getByTestId('purpose').fill(purpose);
    await page.getByTestId('attendees').fill('6');
    await lookAt(page, 'request-two-items', lang);

    await page.getByTestId('submit-booking').click();
    await expect(page.getByTestId('booking-result')).toBeVisible();
    const mine = await json<{ items: { purpose: string; items: { assetId: string; quantity: number }[] }[] }>(
      page,
      '/api/bookings?scope=mine&limit=50',
    );
    const booked = mine.items.find((b) => b.purpose === purpose);
    expect(booked?.items.map((i) => i.assetId).sort()).toEqual([room.id, projector.id].sort());
    await snap(page, `bk-web-request-booked-${lang}-desk`);
    await page.context().close();
  });

  test(`the rules editor sets closures, quotas and a waiver without JSON (${lang})`, async ({ browser }) => {
    const page = await newPage(browser, lang);
    await signIn(page, 'approver@madang.local');
    await useLanguage(page, lang);
    const category = await post<{ id: string }>(page, '/api/categories', {
      code: `rules-${lang}-${Date.now()}`,
      name: { ko: `규칙 시험 ${lang}`, en: `Rules test ${lang}` },
    });
    await page.goto(`/catalogue-admin/categories/${category.id}`);
    const p = 'category-rules';
    await expect(page.getByTestId(`${p}-form`)).toBeVisible();
    await expect(page.getByTestId(`${p}-form`).locator('textarea')).toHaveCount(0);

    // A closure: a date range and its reason in both languages.
    await page.getByTestId(`${p}-add-closure`).click();
    await page.getByTestId(`${p}-closure-from-0`).fill('2027-03-02');
    await page.getByTestId(`${p}-closure-to-0`).fill('2027-03-03');
    await page.getByTestId(`${p}-closure-reasonKo-0`).fill('시설 점검');
    await page.getByTestId(`${p}-closure-reasonEn-0`).fill('Maintenance');

    // A quota: two bookings per person per week.
    await page.getByTestId(`${p}-add-quota`).click();
    await page.getByTestId(`${p}-quota-bookings-0`).fill('2');

    // A waiver for NGOs — first without its labels: the problem is shown at the waiver's row.
    await page.getByTestId(`${p}-add-waiver`).click();
    // Opened from the keyboard, as a person without a mouse would.
    await page.getByTestId(`${p}-waiver-kinds-0`).focus();
    await page.keyboard.press('Space');
    await page.getByRole('option', { name: lang === 'ko' ? '비영리 단체' : 'NGO' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId(`${p}-waiver-percent-0`).fill('50');
    await page.getByTestId(`${p}-save`).click();
    await expect(page.getByTestId(`${p}-problems`)).toBeVisible();
    await expect(page.getByTestId(`${p}-waiver-0`).locator('mat-error').first()).toBeVisible();
    await page.getByTestId(`${p}-waiver-labelKo-0`).fill('비영리 단체 감면');
    await page.getByTestId(`${p}-waiver-labelEn-0`).fill('NGO discount');
    await expect(page.getByTestId(`${p}-problems`)).toHaveCount(0);

    // A standing group tag (time-bound privilege) on the waiver: checked against the schema as typed.
    await page.getByTestId(`${p}-waiver-tags-0`).fill('Resident Base');
    await page.getByTestId(`${p}-waiver-tags-0`).blur();
    await expect(page.getByTestId(`${p}-waiver-0`).locator('mat-error')).toBeVisible();
    await page.getByTestId(`${p}-waiver-tags-0`).fill('resident_base');

    // Attendance: no-shows after 15 minutes, three within 30 days suspend; waitlist offers for 45.
    await page.getByTestId(`${p}-noShowAfterMinutes`).fill('15');
    await page.getByTestId(`${p}-waitlistOfferMinutes`).fill('45');
    await page.getByTestId(`${p}-noShowLimit-count`).fill('3');
    await page.getByTestId(`${p}-noShowLimit-periodDays`).fill('30');
    await page.getByTestId(`${p}-noShowLimit-consequence`).click();
    await page.getByRole('option', { name: lang === 'ko' ? '신청 거절' : 'Requests are refused' }).click();

    // The preview says what the rules mean, one sentence each.
    const preview = page.getByTestId(`${p}-preview`);
    await expect(preview.locator('[data-rule="closures[0]"]')).toHaveText(
      lang === 'ko'
        ? '2027년 3월 2일 – 2027년 3월 3일에는 닫습니다 (시설 점검).'
        : 'Closed 2 March 2027 – 3 March 2027 (Maintenance).',
    );
    await expect(preview.locator('[data-rule="quotas[0]"]')).toHaveText(
      lang === 'ko'
        ? '한 사람은 한 주에 최대 2건까지 예약할 수 있습니다.'
        : 'Each person may book at most 2 bookings per week.',
    );
    await expect(preview.locator('[data-rule="pricing.waivers[0]"]')).toContainText('50%');
    await expect(preview.locator('[data-rule="pricing.waivers[0]"]')).toContainText('resident_base');
    await expect(preview.locator('[data-rule="noShowLimit"]')).toHaveText(
      lang === 'ko'
        ? '30일 안에 노쇼가 3번이면 신청할 수 없습니다.'
        : 'After 3 no-shows within 30 days, requests are refused.',
    );
    await lookAt(page, 'rules-editor', lang);

    await page.getByTestId(`${p}-save`).click();
    await expect(page.getByText(lang === 'ko' ? '규칙을 저장했습니다.' : 'Rules saved.')).toBeVisible();
    const saved = (
      await json<{ id: string; rules: Record<string, unknown> }[]>(page, '/api/categories')
    ).find((c) => c.id === category.id);
    expect(saved?.rules).toEqual({
      closures: [{ from: '2027-03-02', to: '2027-03-03', reason: { ko: '시설 점검', en: 'Maintenance' } }],
      quotas: [{ scope: 'person', period: 'week', maxBookings: 2 }],
      pricing: {
        waivers: [
          {
            groupKinds: ['ngo'],
            groupTags: ['resident_base'],
            percent: 50,
            label: { ko: '비영리 단체 감면', en: 'NGO discount' },
          },
        ],
      },
      noShowAfterMinutes: 15,
      noShowLimit: { count: 3, periodDays: 30, consequence: 'suspend' },
      waitlistOfferMinutes: 45,
    });
    await page.context().close();
  });
}

for (const lang of ['ko', 'en'] as const) {
  test(`the catalogue shows the desks as one co-working space with seats, free now at a glance, list or grid (${lang})`, async ({
    browser,
  }) => {
    const page = await newPage(browser, lang);
    await page.goto('/catalogue');
    await useLanguage(page, lang);
    const desk = await assetNamed(page, 'Desk 01');
    const group = page.getByTestId(`asset-group-${desk.categoryId}`);
    await expect(group).toBeVisible();
    await expect(group.locator('[data-testid^="seat-"]')).toHaveCount(18);
    await expect(page.getByTestId(`asset-card-${desk.id}`)).toHaveCount(0);
    // Every single card answers "free now?" from one availability query.
    await expect(page.locator('[data-testid^="free-state-"]').first()).toBeVisible();
    await lookAt(page, 'catalogue-grid', lang);
    await page.getByTestId('view-list').click();
    await page.reload();
    await expect(page.getByTestId('catalogue-list')).toHaveAttribute('data-view', 'list');
    await lookAt(page, 'catalogue-list', lang);
    await page.getByTestId('view-grid').click();
    await page.context().close();
  });
}

const SPACE_LABEL = { ko: '공간', en: 'Space' } as const;

for (const lang of ['ko', 'en'] as const) {
  test(`the catalogue's filters open on request, narrow the list, are counted on the button and clear (${lang})`, async ({
    browser,
  }) => {
    const page = await newPage(browser, lang);
    const errors = watchConsole(page);
    await page.goto('/catalogue');
    await useLanguage(page, lang);
    const all = await json<Named[]>(page, '/api/assets');
    const bigSpaces = await json<Named[]>(page, '/api/assets?kind=space&minCapacity=20');
    expect(bigSpaces.length).toBeGreaterThan(0);
    expect(bigSpaces.length).toBeLessThan(all.length);
    const cards = page.locator('[data-testid^="asset-card-"], [data-testid^="asset-group-"]');
    const shownAtFirst = await cards.count();
    expect(shownAtFirst).toBeGreaterThan(bigSpaces.length);

    // Closed at first: the page has no form fields (and has not loaded their code).
    const toggle = page.getByTestId('filters-toggle');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('form.filters')).toHaveCount(0);
    await expect(page.getByTestId('active-filters')).toHaveCount(0);

    // Opened from the keyboard.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('form.filters')).toBeVisible();
    await page.getByTestId('kind').click();
    await page.getByRole('option', { name: SPACE_LABEL[lang], exact: true }).click();
    await page.getByTestId('minCapacity').fill('20');
    await expect(cards).toHaveCount(bigSpaces.length);
    for (const asset of bigSpaces) await expect(page.getByTestId(`asset-card-${asset.id}`)).toBeVisible();
    await expect(page.getByTestId('active-filters')).toHaveText('2');
    await lookAt(page, 'catalogue-filters', lang);

    // Closed again: the list stays filtered, the button still says how many filters are on.
    await toggle.click();
    await expect(page.locator('form.filters')).toHaveCount(0);
    await expect(cards).toHaveCount(bigSpaces.length);
    await expect(toggle).toContainText('2');
    // Reopened: the form shows what is in force; clearing brings every card back.
    await toggle.click();
    await expect(page.getByTestId('minCapacity')).toHaveValue('20');
    await page.getByTestId('reset-filters').click();
    await expect(cards).toHaveCount(shownAtFirst);
    await expect(page.getByTestId('active-filters')).toHaveCount(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
}

for (const lang of ['ko', 'en'] as const) {
  test(`the approver's day is a timeline, one row per asset, in the server's time zone; a bar opens the booking (${lang})`, async ({
    browser,
  }) => {
    const page = await newPage(browser, lang);
    await signIn(page, 'approver@madang.local');
    await useLanguage(page, lang);
    const { timeZone } = await json<SiteConfig>(page, '/api/config');
    const assets = await json<Named[]>(page, '/api/assets');
    // A day with bookings: the first coming one of anybody's.
    const coming = await json<{ items: { start: string }[] }>(
      page,
      `/api/bookings?scope=all&from=${encodeURIComponent(new Date().toISOString())}&limit=1`,
    );
    expect(coming.items.length).toBe(1);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(coming.items[0].start));
    await page.goto('/approvals/day');
    await expect(page.getByTestId('day-zone')).toContainText(timeZone);
    await expect(page.getByTestId('day-legend')).toBeVisible();
    await page.getByTestId('day-date').fill(day);
    await expect(page.locator('[data-testid^="day-row-"]')).toHaveCount(assets.length);
    const bar = page.locator('[data-testid^="day-booking-"]').first();
    await expect(bar).toBeVisible();
    await bar.click();
    await expect(page.getByTestId('day-panel')).toBeVisible();
    await lookAt(page, 'approver-day', lang);
    await page.context().close();
  });
}

test('the catalogue hydrates on the server’s free-now answer even when a minute has turned since it was rendered', async ({
  browser,
}) => {
  const page = await newPage(browser, 'ko');
  // The browser's clock a minute and a half ahead of the server's: its own "now" is another minute.
  await page.clock.install({ time: new Date(Date.now() + 90_000) });
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/availability')) asked.push(r.url());
  });
  await page.goto('/catalogue');
  const toggle = page.getByTestId('filters-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true'); // hydrated: the button works
  await expect(page.locator('form.filters')).toBeVisible();
  // Asked again, the answer would redraw every card the server drew.
  expect(asked, 'the browser asked for availability the server had already given').toEqual([]);
  await page.context().close();
});
