import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, snap } from './support';

test.describe('admin: background job health', () => {
  test('an admin opens the job health page from the menu, in Korean and English, on a desk and on a phone', async ({
    page,
  }) => {
    await signIn(page, 'admin@madang.local');
    await page.getByTestId('nav-jobs').click();
    await expect(page).toHaveURL(/\/admin\/jobs$/);
    await expect(page.locator('h1')).toHaveText('백그라운드 작업');
    const table = page.getByTestId('jobs-table');
    await expect(table).toBeVisible();
    await expect(table.locator('caption')).toContainText('백그라운드 작업 대기열');
    // One row per queue the API reports, each with a state word.
    const report = await page.request.get('/api/admin/jobs');
    expect(report.ok()).toBe(true);
    const health = (await report.json()) as { queues: { name: string }[] };
    expect(health.queues.length).toBeGreaterThan(0);
    await expect(table.locator('tbody tr')).toHaveCount(health.queues.length);
    for (const queue of health.queues) {
      await expect(page.getByTestId(`job-status-${queue.name}`)).not.toBeEmpty();
    }
    await expect(table.locator('thead th[scope="col"]')).toHaveCount(6);
    await expectAccessible(page, 'job health (ko)');
    await snap(page, 'jobs-ko');

    await page.getByTestId('lang-switch').click();
    await expect(page.locator('h1')).toHaveText('Background jobs');
    await expect(table.locator('caption')).toContainText('Background job queues');
    await expectAccessible(page, 'job health (en)');

    // A phone: one card per queue instead of the table, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId('jobs-table')).toHaveCount(0);
    await expect(page.locator('[data-testid^="job-card-"]')).toHaveCount(health.queues.length);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'job health (en, phone)');
    await snap(page, 'jobs-en-phone');
    await page.getByTestId('lang-switch').click();
    await expect(page.locator('h1')).toHaveText('백그라운드 작업');
    await snap(page, 'jobs-ko-phone');
  });

  test('a resident has no job health entry and is turned away from the page', async ({ page }) => {
    await signIn(page, 'resident@madang.local');
    await expect(page.getByTestId('nav-jobs')).toHaveCount(0);
    await page.goto('/admin/jobs');
    await expect(page).toHaveURL(/\/forbidden$/);
  });
});
