import { type Page, type Route, expect, test } from '@playwright/test';
import { signIn } from './support';

/**
 * Render time of the two heaviest booking pages in Chromium, on data served by a test-only fixture
 * (the API's answers are replaced in the browser, so the figure is the page's own work): the
 * approver's day with 200 assets, and a month of "my bookings" with 2,000 events. The pages mark
 * `performance.measure(<page>)` from "data arrived" to the first frame painted after it; the test
 * also times click → painted. Median of 5, printed; target ≤ 500 ms each.
 */

// No Playwright trace here: its DOM snapshots after each action lay out the whole page again and again
// (about 165 forced layouts per day shown), which the figures would count as the page's own work.
test.use({ trace: 'off' });

const ASSETS = 200;
const MONTH_EVENTS = 2000;
/** The product's target, printed next to each figure. */
const TARGET_MS = 500;
/**
 * What fails the test: far above the target, so a loaded shared machine (load 30 on 2 cores was
 * seen, multiplying every figure) does not fail it, while a page that lays out every event again
 * (over 20 s for a 2,000-event month before capPerDay) does. The figures are printed for the report.
 */
const FAIL_MS = 10_000;

function asset(i: number) {
  const n = String(i + 1).padStart(3, '0');
  return {
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    categoryId: '00000000-0000-4000-8000-ffffffffffff',
    categoryCode: 'test',
    categoryName: { ko: '시험', en: 'Test' },
    kind: 'space',
    name: { ko: `공간 ${n}`, en: `Space ${n}` },
    description: { ko: '', en: '' },
    capacity: 8,
    poolSize: null,
    location: '',
    amenities: [],
    accessibility: [],
    photoIds: [],
    active: true,
    approvalRequired: true,
    price: { unit: 'hour', rate: 10000, deposit: 0 },
  };
}

const DECISIONS = ['pending', 'approved', 'rejected', 'cancelled'] as const;

function booking(i: number, assetIndex: number, start: number, minutes: number) {
  const a = asset(assetIndex);
  return {
    id: `10000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    requester: { id: '20000000-0000-4000-8000-000000000001', displayName: `Person ${i % 37}` },
    group: null,
    items: [{ assetId: a.id, assetName: a.name, kind: 'space', quantity: 1, rulesVersion: 1 }],
    start: new Date(start).toISOString(),
    end: new Date(start + minutes * 60_000).toISOString(),
    purpose: `Purpose ${i}`,
    purposeTag: null,
    attendees: 4,
    holdsSlot: true,
    decision: DECISIONS[i % 4],
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    payment: { status: 'quoted', quotedTotal: 20000, cancellationFee: 0 },
    quote: { currency: 'KRW', lines: [], subtotal: 20000, waived: 0, deposit: 0, total: 20000 },
    approvalRequired: true,
    createdAt: new Date(start - 86_400_000).toISOString(),
  };
}

/** Answers `GET /api/bookings` from a fixture list, paged like the API (limit, offset, total). */
async function servePage(route: Route, all: unknown[]): Promise<void> {
  const url = new URL(route.request().url());
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  await route.fulfill({
    json: { items: all.slice(offset, offset + limit), total: all.length, limit, offset },
  });
}

async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), name);
}

/** Click, then wait for the page's next render measure; returns [data→painted, click→painted] in ms. */
async function timed(page: Page, name: string, act: () => Promise<void>): Promise<[number, number]> {
  const before = (await measures(page, name)).length;
  const clickedAt = await page.evaluate(() => performance.now());
  await act();
  await expect
    .poll(async () => (await measures(page, name)).length, { timeout: 20_000 })
    .toBeGreaterThan(before);
  return page.evaluate(
    ([n, at]) => {
      const m = performance.getEntriesByName(n as string, 'measure').at(-1) as PerformanceMeasure;
      const painted = performance.getEntriesByName(`${n}:painted`, 'mark').at(-1) as PerformanceMark;
      return [m.duration, painted.startTime - (at as number)] as [number, number];
    },
    [name, clickedAt] as const,
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function report(label: string, samples: [number, number][]): number {
  const render = samples.map((s) => s[0]);
  const total = samples.map((s) => s[1]);
  const line = `${label} (target ${TARGET_MS} ms): data→painted median ${median(render).toFixed(0)} ms [${render.map((x) => x.toFixed(0)).join(', ')}]; click→painted median ${median(total).toFixed(0)} ms [${total.map((x) => x.toFixed(0)).join(', ')}]`;
  console.log(`RENDER ${line}`);
  test.info().annotations.push({ type: 'render', description: line });
  return median(render);
}

test("render time: the approver's day with 200 assets (median of 5)", async ({ page }) => {
  let held = Promise.resolve();
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'approver@madang.local');
  const assets = Array.from({ length: ASSETS }, (_, i) => asset(i));
  await page.route(
    (url) => url.pathname === '/api/assets',
    (route) => route.fulfill({ json: assets }),
  );
  await page.route(
    (url) => url.pathname === '/api/bookings' && url.searchParams.get('scope') === 'all',
    async (route) => {
      await held;
      // Three bookings per asset across the day asked for (some overlapping: lanes), each day's its own
      // (ids differ from day to day, as they would: the page builds every bar anew).
      const from = Date.parse(new URL(route.request().url()).searchParams.get('from') ?? '');
      const dayNumber = Math.floor(from / 86_400_000) % 10_000;
      const day = Array.from({ length: ASSETS * 3 }, (_, i) =>
        booking(
          dayNumber * 10_000 + i,
          i % ASSETS,
          from + (8 + (i % 7) * 2) * 3_600_000 + (i % 3) * 1_800_000,
          90 + (i % 4) * 30,
        ),
      );
      return servePage(route, day);
    },
  );
  await page.goto('/approvals/day');
  await expect(page.locator('[data-testid^="day-row-"]')).toHaveCount(ASSETS);

  // While the next day loads, the last one stays in the page (dimmed and aria-busy), not a blank page.
  let release = (): void => undefined;
  held = new Promise<void>((resolve) => (release = resolve));
  await page.getByTestId('day-next').click();
  const timeline = page.getByTestId('day-timeline');
  await expect(timeline).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('[data-testid^="day-row-"]')).toHaveCount(ASSETS);
  await expect(page.locator('[data-testid^="day-booking-"]')).toHaveCount(ASSETS * 3);
  release();
  await expect(timeline).toHaveAttribute('aria-busy', 'false');

  const samples: [number, number][] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(await timed(page, 'approver-day', () => page.getByTestId('day-next').click()));
    await expect(page.locator('[data-testid^="day-row-"]')).toHaveCount(ASSETS);
  }
  await expect(page.locator('[data-testid^="day-booking-"]')).toHaveCount(ASSETS * 3);
  expect(report(`approver's day, ${ASSETS} assets × ${ASSETS * 3} bookings`, samples)).toBeLessThanOrEqual(
    FAIL_MS,
  );
});

test('render time: a month of my bookings with 2,000 events (median of 5)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'resident@madang.local');
  await page.route(
    (url) => url.pathname === '/api/bookings' && url.searchParams.get('scope') === 'mine',
    (route) => {
      const params = new URL(route.request().url()).searchParams;
      const from = Date.parse(params.get('from') ?? new Date().toISOString());
      const to = Date.parse(params.get('to') ?? new Date(from + 42 * 86_400_000).toISOString());
      const days = Math.max(1, Math.round((to - from) / 86_400_000));
      const month = Array.from({ length: MONTH_EVENTS }, (_, i) =>
        booking(i, i % 20, from + (i % days) * 86_400_000 + (9 + (i % 10)) * 3_600_000, 60),
      );
      return servePage(route, month);
    },
  );
  await page.goto('/bookings');
  const samples: [number, number][] = [];
  samples.push(await timed(page, 'my-bookings-month', () => page.getByTestId('view-calendar').click()));
  await expect(page.getByTestId('bookings-calendar').locator('.fc-daygrid')).toBeVisible();
  for (let i = 0; i < 4; i++) {
    samples.push(
      await timed(page, 'my-bookings-month', () =>
        page.getByTestId('bookings-calendar').locator('.fc-next-button').click(),
      ),
    );
  }
  await expect(page.getByTestId('bookings-calendar').locator('.more-on-day').first()).toBeVisible();
  expect(report(`my bookings, a month of ${MONTH_EVENTS} events`, samples)).toBeLessThanOrEqual(FAIL_MS);
});
