import { type Page, expect, test } from '@playwright/test';
import type { JobsHealth } from '@madang/contracts';
import { expectAccessible, signIn, signOut, snap } from './support';

/** Saves the profile form and waits for the API's answer. */
async function saveProfile(page: Page): Promise<void> {
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/auth/me') && r.request().method() === 'PATCH' && r.ok(),
  );
  await page.getByTestId('save-profile').click();
  await saved;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const minutesAhead = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

const BAD_DAY: JobsHealth = {
  checkedAt: minutesAgo(0),
  workersEnabled: true,
  queues: [
    {
      name: 'bookings.approval-digest',
      policy: 'singleton',
      depth: { created: 0, retry: 0, active: 0 },
      lastRun: { jobId: 'a1', state: 'completed', startedAt: minutesAgo(120), finishedAt: minutesAgo(119) },
      failures: { last24h: 0, gaveUpLast24h: 0, lastError: null },
      schedule: { cron: '0 8 * * 1-5', timezone: 'Asia/Seoul', nextRunAt: minutesAhead(600) },
      nextDueAt: null,
    },
    {
      name: 'bookings.reminders',
      policy: 'standard',
      depth: { created: 12, retry: 0, active: 0 },
      lastRun: { jobId: 'r1', state: 'completed', startedAt: minutesAgo(95), finishedAt: minutesAgo(94) },
      failures: { last24h: 0, gaveUpLast24h: 0, lastError: null },
      schedule: null,
      nextDueAt: minutesAgo(40),
    },
    {
      name: 'mail.flush',
      policy: 'stately',
      depth: { created: 1, retry: 1, active: 0 },
      lastRun: { jobId: 'm9', state: 'failed', startedAt: minutesAgo(6), finishedAt: minutesAgo(6) },
      failures: {
        last24h: 7,
        gaveUpLast24h: 2,
        lastError: {
          jobId: 'm9',
          at: minutesAgo(6),
          message: 'connect ECONNREFUSED 127.0.0.1:2525',
          willRetry: false,
        },
      },
      schedule: { cron: '*/5 * * * *', timezone: 'Asia/Seoul', nextRunAt: minutesAhead(4) },
      nextDueAt: minutesAhead(1),
    },
  ],
};

test.describe('admin: background job health', () => {
  test('an admin opens the job health page from the menu; it shows what the API reports', async ({
    page,
  }) => {
    await signIn(page, 'admin@madang.local');
    await page.getByTestId('nav-jobs').click();
    await expect(page).toHaveURL(/\/admin\/jobs$/);
    await expect(page.locator('h1')).toHaveText('백그라운드 작업');
    await expect(page.getByTestId('jobs-checked-at')).toBeVisible();
    const report = await page.request.get('/api/admin/jobs');
    expect(report.ok()).toBe(true);
    const health = (await report.json()) as JobsHealth;
    if (health.queues.length === 0) {
      // The demo server defines no queue without SMTP: the page says so rather than showing an empty table.
      await expect(page.getByText('정의된 작업 대기열이 없습니다.')).toBeVisible();
    } else {
      await expect(page.getByTestId('jobs-table').locator('tbody tr')).toHaveCount(health.queues.length);
    }
    await expectAccessible(page, 'job health, live (ko)');
    await snap(page, 'jobs-live-ko');
  });

  test('a bad day on the job health page: failures, last error, backlog; table on a desk, cards on a phone, ko and en', async ({
    page,
  }) => {
    // The demo server has no failing queue to show, so this one answer is a fixture of contract type.
    await page.route('**/api/admin/jobs', (route) => route.fulfill({ json: BAD_DAY }));
    await signIn(page, 'admin@madang.local');
    await page.goto('/admin/jobs');
    const table = page.getByTestId('jobs-table');
    await expect(table).toBeVisible();
    await expect(table.locator('caption')).toContainText('백그라운드 작업 대기열');
    await expect(table.locator('thead th[scope="col"]')).toHaveCount(6);
    await expect(table.locator('tbody th[scope="row"]')).toHaveCount(3);
    await expect(page.getByTestId('job-status-mail.flush')).toHaveText('실패');
    await expect(page.getByTestId('job-status-bookings.approval-digest')).toHaveText('정상');
    await expect(page.getByTestId('job-status-bookings.reminders')).toHaveText('지연');
    await expect(page.getByTestId('job-error-mail.flush')).toContainText(
      'connect ECONNREFUSED 127.0.0.1:2525',
    );
    await expectAccessible(page, 'job health (ko)');
    await snap(page, 'jobs-ko');

    await page.getByTestId('lang-switch').click();
    await expect(page.locator('h1')).toHaveText('Background jobs');
    await expect(table.locator('caption')).toContainText('Background job queues');
    await expect(page.getByTestId('job-status-mail.flush')).toHaveText('Failing');
    await expectAccessible(page, 'job health (en)');
    await snap(page, 'jobs-en');

    // A phone: one card per queue instead of the table, nothing wider than the screen.
    await page.setViewportSize({ width: 375, height: 812 });
    await expect(page.getByTestId('jobs-table')).toHaveCount(0);
    await expect(page.locator('[data-testid^="job-card-"]')).toHaveCount(3);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const clipped = await page
      .locator('[data-testid^="job-card-"]')
      .evaluateAll((cards) => cards.filter((card) => card.scrollWidth > card.clientWidth).length);
    expect(clipped).toBe(0);
    await expectAccessible(page, 'job health (en, phone)');
    await snap(page, 'jobs-en-phone');
    await page.getByTestId('lang-switch').click();
    await expect(page.locator('h1')).toHaveText('백그라운드 작업');
    await expectAccessible(page, 'job health (ko, phone)');
    await snap(page, 'jobs-ko-phone');
  });

  test('a resident has no job health entry and is turned away from the page', async ({ page }) => {
    await signIn(page, 'resident@madang.local');
    await expect(page.getByTestId('nav-jobs')).toHaveCount(0);
    await page.goto('/admin/jobs');
    await expect(page).toHaveURL(/\/forbidden$/);
  });

  test('an approver chooses a daily digest of waiting requests on the profile; a resident is not asked', async ({
    page,
  }) => {
    await signIn(page, 'approver@madang.local');
    await page.getByTestId('nav-profile').click();
    const choice = page.getByTestId('approval-notices');
    await expect(choice).toBeVisible();
    await page.getByTestId('approval-notices-daily_digest').locator('input').check();
    await saveProfile(page);
    const me = await page.request.get('/api/auth/me');
    expect(((await me.json()) as { approvalNotices: string }).approvalNotices).toBe('daily_digest');
    await page.reload();
    await expect(page.getByTestId('approval-notices-daily_digest').locator('input')).toBeChecked();
    await expectAccessible(page, 'profile with approval notices (ko)');
    // Put it back, so other journeys see the demo's default.
    await page.getByTestId('approval-notices-each').locator('input').check();
    await saveProfile(page);

    await signOut(page);
    await signIn(page, 'resident@madang.local');
    await page.getByTestId('nav-profile').click();
    await expect(page.getByTestId('profile-form')).toBeVisible();
    await expect(page.getByTestId('approval-notices')).toHaveCount(0);
  });
});
