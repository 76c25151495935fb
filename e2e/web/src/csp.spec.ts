import { expect, Page, test } from '@playwright/test';
import { signIn, scrollToCalendar } from './support';

/**
 * The app runs under the API's Content-Security-Policy: every page below is opened with a listener for
 * `securitypolicyviolation` installed before any script runs, and the console is watched for refusals.
 * A page that needs an inline script, an eval or a foreign origin fails here.
 */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
  ];
}

async function visit(page: Page, path: string, violations: () => Promise<string[]>): Promise<void> {
  await page.goto(path);
  await expect(page.locator('h1').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await violations(), `CSP violations on ${path}`).toEqual([]);
}

test('the public pages and the signed-in work pages run under the CSP without a violation', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const violations = await watchCsp(page);
  for (const path of ['/', '/catalogue', '/sign-in']) await visit(page, path, violations);
  await page.goto('/catalogue');
  await page.locator('a[href^="/catalogue/"]').first().click();
  await scrollToCalendar(page);
  await expect(page.locator('.fc').first()).toBeVisible(); // FullCalendar rendered
  expect(await violations(), 'CSP violations on an asset page').toEqual([]);

  await signIn(page, 'operations@madang.local');
  for (const path of ['/bookings', '/approvals/day', '/settlement', '/settlement/report'])
    await visit(page, path, violations);
  const programme = (await (await page.request.get('/api/settlement/programmes')).json()) as { id: string }[];
  await visit(page, `/settlement/programmes/${programme[0].id}`, violations);
  await expect(page.locator('canvas').first()).toBeVisible(); // Chart.js rendered
  expect(await violations(), 'CSP violations with charts').toEqual([]);
});
