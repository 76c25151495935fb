import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, signOut, snap } from './support';

test.describe('foundation: accounts, menus and languages', () => {
  test('a resident signs up, sees their name and the resident menu, switches language and back, signs out', async ({
    page,
  }) => {
    const email = `web-${Date.now()}@example.kr`;
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expectAccessible(page, 'home (ko)');
    await snap(page, 'home-ko');

    await page.getByTestId('nav-sign-up').click();
    await expect(page).toHaveURL(/\/sign-up$/);
    await expectAccessible(page, 'sign-up (ko)');
    // Server-side validation reaches the right field, in Korean.
    await page.getByTestId('email').fill(email);
    await page.getByTestId('password').fill('1234567890');
    await page.getByTestId('displayName').fill('한라 주민');
    await page.getByTestId('submit').click();
    await expect(page.getByTestId('password-error')).toContainText('흔한 비밀번호');
    await snap(page, 'sign-up-error-ko');

    await page.getByTestId('password').fill('오름 위의 바람 2026');
    await page.getByTestId('submit').click();
    await expect(page.getByTestId('current-user')).toHaveText('한라 주민');
    await expect(page.getByTestId('nav-profile')).toBeVisible();
    await expect(page.getByTestId('nav-users')).toHaveCount(0);
    await expect(page.getByTestId('nav-audit')).toHaveCount(0);
    await expect(page.getByTestId('nav-sign-in')).toHaveCount(0);
    await snap(page, 'resident-home-ko');

    await page.getByTestId('lang-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('nav-profile')).toContainText('My profile');
    await expectAccessible(page, 'home (en, signed in)');
    await snap(page, 'resident-home-en');
    // The choice is remembered for the account.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.getByTestId('lang-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await signOut(page);
    await expect(page.getByTestId('nav-sign-in')).toBeVisible();
  });

  test('an admin grants the approver role and that user then sees the approver menu', async ({ browser }) => {
    const userContext = await browser.newContext();
    const user = await userContext.newPage();
    const email = `future-approver-${Date.now()}@example.kr`;
    await user.goto('/sign-up');
    await user.getByTestId('email').fill(email);
    await user.getByTestId('password').fill('승인 담당이 될 사람');
    await user.getByTestId('displayName').fill('미래 승인자');
    await user.getByTestId('submit').click();
    await expect(user.getByTestId('current-user')).toHaveText('미래 승인자');
    await expect(user.getByTestId('nav-groups')).toHaveCount(0);

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, 'admin@madang.local');
    await admin.getByTestId('nav-users').click();
    await admin.getByTestId('q').fill(email);
    const row = admin.locator('[data-testid^="user-row-"]').filter({ hasText: email });
    await expect(row).toHaveCount(1);
    await expectAccessible(admin, 'users (admin)');
    await row.locator('[data-testid^="role-approver-"] input').check();
    await expect(row.locator('[data-testid^="role-approver-"] input')).toBeChecked();
    await snap(admin, 'admin-users-ko');

    await user.reload();
    await expect(user.getByTestId('nav-groups')).toBeVisible();
    await expect(user.getByTestId('nav-users')).toBeVisible();
    await expect(user.getByTestId('nav-audit')).toHaveCount(0);

    await admin.getByTestId('nav-audit').click();
    await expect(admin.getByText('user.role_granted').first()).toBeVisible();
    await expectAccessible(admin, 'audit (admin)');
    await snap(admin, 'admin-audit-ko');
    await userContext.close();
    await adminContext.close();
  });

  test('works at phone width and by keyboard alone', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await expectAccessible(page, 'sign-in (phone)');
    await snap(page, 'sign-in-phone');
    // Keyboard only: the skip link comes first, then the form can be filled and sent with Tab and Enter.
    await page.keyboard.press('Tab');
    await expect(page.locator('.skip-link')).toBeFocused();
    await page.getByTestId('email').focus();
    await page.keyboard.type('resident@madang.local');
    await page.keyboard.press('Tab');
    await page.keyboard.type('madang-demo');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('current-user')).toBeVisible();
    await page.getByTestId('nav-toggle').click();
    await expect(page.getByTestId('nav-profile')).toBeVisible();
    await expectAccessible(page, 'menu open (phone)');
    await snap(page, 'menu-phone');
    await context.close();
  });
});
