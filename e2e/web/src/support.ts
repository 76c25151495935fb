import AxeBuilder from '@axe-core/playwright';
import { type DayRules, type OpenDayOptions, openDayAhead } from '@madang/testing';
import { type APIRequestContext, expect, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const screenshots = join(__dirname, '..', 'screenshots');
mkdirSync(screenshots, { recursive: true });

/**
 * Waits until the routed page has rendered its heading. Pages are lazy-loaded: right after `goto` on a busy
 * machine the shell may be there without the page, and axe then (rightly) finds no h1 — which failed CI once.
 */
async function rendered(page: Page): Promise<void> {
  await expect(page.locator('h1').first()).toBeVisible();
}

/** Saves a full-page screenshot under e2e/web/screenshots/ for a person to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  // A screenshot of a half-rendered page helps nobody; a page without an h1 is axe's to refuse, not snap's.
  await page
    .locator('h1')
    .first()
    .waitFor({ state: 'visible' })
    .catch(() => undefined);
  // A full-page picture is taken without scrolling: parts drawn only near the viewport (catalogue cards,
  // the approver's rows: `content-visibility: auto`) would come out as empty boxes, as no one sees them.
  await page.screenshot({
    path: join(screenshots, `${name}.png`),
    fullPage: true,
    style: '* { content-visibility: visible !important; }',
  });
}

/**
 * Waits (up to 2 s) until no finite animation is running: axe reads text that is fading in or out (a
 * snack bar appearing or leaving, a dialog opening) as low contrast, which failed a run once. Endless ones
 * (progress bars, spinners) are not waited for; axe still judges whatever is on screen afterwards.
 */
async function animationsSettled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 2_000 },
    )
    .catch(() => undefined);
}

/** axe-core over the whole page (WCAG 2.1 A/AA rules): zero violations. */
export async function expectAccessible(page: Page, context: string): Promise<void> {
  await rendered(page);
  await animationsSettled(page);
  const analyze = () =>
    new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
  let results = await analyze();
  if (results.violations.some((v) => v.id === 'color-contrast')) {
    // An animation that began while axe ran (a snack bar leaving at the end of its time) reads as low
    // contrast: judge again once it has settled. A real contrast fault is there the second time too.
    await animationsSettled(page);
    results = await analyze();
  }
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${context}`).toEqual([]);
}

/** Waits until a Material dialog has finished opening (axe reads faded-in text as low contrast). */
export async function dialogOpened(page: Page): Promise<void> {
  const container = page.locator('.mat-mdc-dialog-container');
  await expect(container).toHaveClass(/mdc-dialog--open/);
  await expect(container).not.toHaveClass(/mdc-dialog--opening/);
}

export async function signIn(page: Page, email: string, password = 'madang-demo'): Promise<void> {
  await page.goto('/sign-in');
  await page.getByTestId('email').fill(email);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('current-user')).toHaveCount(0);
}

/**
 * An asset page draws its booking form when the form's panel comes within a screen of the viewport (its
 * Material fields are heavy for a phone's first load), as a person scrolling down to book would.
 */
export async function scrollToBookingForm(page: Page): Promise<void> {
  await page.locator('#asset-pick').scrollIntoViewIfNeeded();
}

/** An asset page draws its calendar when it scrolls into view (it is the page's heaviest part). */
export async function scrollToCalendar(page: Page): Promise<void> {
  await page.locator('#asset-calendar').scrollIntoViewIfNeeded();
}

/** Console errors and uncaught exceptions of a page, collected from now on (expect it to stay empty). */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    // Any: the session look-up answers 200 to a visitor who is not signed in (GET /api/auth/session).
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * `YYYY-MM-DD`: the first day at least `daysAhead` ahead on which the asset (as `GET /api/assets/{id}`
 * describes it) is open over `from`–`to`, Monday–Friday unless `weekdays` says otherwise. Holidays
 * are skipped, so a test that books "a weekday ahead" does not fail on the day the run lands on one.
 */
export async function openDay(
  request: APIRequestContext,
  assetId: string,
  daysAhead: number,
  options: OpenDayOptions = {},
): Promise<string> {
  return openDayAhead(await assetRules(request, assetId), daysAhead, options);
}

/** The asset's hours, closures and zone, as `GET /api/assets/{id}` gives them. */
export async function assetRules(request: APIRequestContext, assetId: string): Promise<DayRules> {
  const response = await request.get(`/api/assets/${assetId}`);
  expect(response.status(), `asset ${assetId}`).toBe(200);
  return ((await response.json()) as { rules: DayRules }).rules;
}
