import { expect, test, type Page } from '@playwright/test';
import { appOrigin, appUrl, expectNoHorizontalScroll, saveScreen } from './support/app';

// One ledger for the file: the later tests sign in with the account the first one creates.
test.describe.configure({ mode: 'serial' });

/**
 * The foundation, end to end on a fresh ledger: first-run setup → recovery code → shell → logout →
 * failed and successful login → 系统状态 → language switch → logout. One story, so the steps run
 * in order.
 */
const COMPANY = '瑞和物业服务有限公司';
const ADMIN = { username: 'zhangmin', displayName: '张敏', password: 'Qiantai2025' };

async function expectShell(page: Page) {
  await expect(page.getByTestId('shell-company-name')).toHaveText(COMPANY);
  await expect(page.getByTestId('shell-user-name')).toHaveText(ADMIN.displayName);
  await expect(page.getByTestId('shell-user-role')).toHaveText('管理员');
}

test('first-run setup with its recovery code, login, system status, language switch, logout', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  await test.step('opens on first-run setup, and the token leaves the address bar', async () => {
    await page.goto(appUrl());
    await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
    await expect(page).toHaveTitle('FeeDesk 物业收费台');
    expect(page.url()).not.toContain('token');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('setup-company-name')).toBeFocused();
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'setup');

    // The auth pages have the language switch too.
    await page.getByTestId('language-switch').getByText('English').click();
    await expect(page.getByRole('heading', { name: 'First-time setup' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'setup-en');
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible();
  });

  await test.step('setup checks the confirmation and shows the server password policy', async () => {
    await page.getByTestId('setup-company-name').fill(COMPANY);
    await page.getByTestId('setup-admin-username').fill(ADMIN.username);
    await page.getByTestId('setup-admin-display-name').fill(ADMIN.displayName);
    await page.getByTestId('setup-password').fill(ADMIN.password);
    await page.getByTestId('setup-password-confirm').fill(ADMIN.password + 'x');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByText('两次输入的密码不一致')).toBeVisible();

    // Matching but too weak: the ledger refuses with its own Chinese message.
    await page.getByTestId('setup-password').fill('abc123');
    await page.getByTestId('setup-password-confirm').fill('abc123');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('setup-error')).toContainText('密码至少 8 位');
    await saveScreen(page, 'setup-error');

    await page.getByTestId('setup-password').fill(ADMIN.password);
    await page.getByTestId('setup-password-confirm').fill(ADMIN.password);
    await page.getByTestId('setup-submit').click();
  });

  await test.step('the one-time recovery code is shown before the shell', async () => {
    await expect(page.getByRole('heading', { name: '请保存管理员恢复码' })).toBeVisible();
    await expect(page.getByTestId('recovery-code')).toHaveText(/^[A-Z2-7]{5}(-[A-Z2-7]{5}){3}$/);
    await expectNoHorizontalScroll(page);
    await page.getByTestId('recovery-continue').click();
  });

  await test.step('lands in the shell with the administrator\'s menu; unbuilt items say so', async () => {
    await expectShell(page);
    const nav = page.getByRole('navigation', { name: '主菜单' });
    for (const label of ['查询', '欠费', '日结', '出账', '报表', '用户与权限', '设置', '系统状态']) {
      await expect(nav.getByRole('button', { name: label })).toBeVisible();
    }
    // Taking money is the cashiers' and supervisors' job, not the administrator's.
    await expect(nav.getByRole('button', { name: '收费台' })).toHaveCount(0);
    await expect(nav.getByRole('button', { name: '手工收费' })).toHaveCount(0);
    await expect(page.getByTestId('page-query')).toBeVisible();
    await nav.getByRole('button', { name: '出账' }).click();
    await expect(page.getByTestId('page-billing')).toContainText('「出账」功能正在建设中');
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'shell');
  });

  await test.step('logout returns to the login page', async () => {
    await page.getByTestId('logout-button').click();
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await expect(page.getByTestId('auth-heading')).toHaveText(COMPANY);
    await expect(page.getByTestId('login-username')).toBeFocused();
  });

  await test.step('a wrong password shows the Chinese error from the server', async () => {
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill('Wrong2025pw');
    await page.getByTestId('login-password').press('Enter');
    await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
    await expect(page.getByTestId('login-password')).toHaveValue('');
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'login');
  });

  await test.step('a reload keeps the bridge token but not the session', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await expect(page.getByTestId('login-username')).toBeFocused();
  });

  await test.step('login with Enter', async () => {
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-password').press('Enter');
    await expectShell(page);
  });

  await test.step('系统状态 shows the schema version and row counts', async () => {
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('button', { name: '系统状态' }).click();
    const status = page.getByTestId('page-status');
    await expect(status.getByRole('heading', { name: '系统状态' })).toBeVisible();
    await expect(page.getByTestId('status-rows-users')).toHaveText('1');
    const appVersion = (await page.getByTestId('status-app-schema-version').innerText()).trim();
    expect(Number(appVersion)).toBeGreaterThan(0);
    await expect(page.getByTestId('status-schema-version')).toContainText(appVersion);
    await expect(page.getByTestId('status-schema-version')).toContainText('版本一致');
    await expect(page.getByTestId('status-database-file')).toContainText('feedesk.sqlite');
    await expect(page.getByTestId('status-business-date')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByTestId('status-time-zone')).toHaveText('Asia/Shanghai');
    // Counts are right-aligned.
    await expect(page.getByTestId('status-rows-users')).toHaveCSS('text-align', 'right');
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'status');
  });

  await test.step('keyboard: Alt+number opens menu items', async () => {
    await page.keyboard.press('Alt+1');
    await expect(page.getByTestId('page-query')).toBeVisible();
    await page.keyboard.press('Alt+8');
    await expect(page.getByTestId('page-status')).toBeVisible();
  });

  await test.step('switch to English, kept across a reload, and back', async () => {
    await page.getByTestId('language-switch').getByText('English').click();
    await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'System status' })).toBeVisible();
    await expect(page.getByTestId('logout-button')).toHaveText('Sign out');
    await expect(page.getByTestId('shell-user-role')).toHaveText('Administrator');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('page-status').getByRole('heading', { name: 'System status' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'status-en');

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.getByTestId('login-username').fill(ADMIN.username);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('logout-button')).toHaveText('Sign out');

    await page.getByTestId('language-switch').getByText('中文').click();
    await expect(page.getByTestId('logout-button')).toHaveText('退出登录');
    await expect(page.getByTestId('shell-user-role')).toHaveText('管理员');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });

  await test.step('logout', async () => {
    await page.getByTestId('logout-button').click();
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  });

  expect(consoleErrors, 'no errors in the browser console').toEqual([]);
});

test('a NOT_LOGGED_IN answer returns to the login page with a notice', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByTestId('login-username').fill(ADMIN.username);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-password').press('Enter');
  await expectShell(page);

  // The ledger forgets the session (restart, expiry): the next call answers NOT_LOGGED_IN.
  await page.route('**/api/invoke', async (route) => {
    const body = route.request().postDataJSON() as { call?: string };
    if (body.call !== 'system.status') return route.continue();
    return route.fulfill({ json: { ok: false, error: { code: 'NOT_LOGGED_IN', message: '请先登录' } } });
  });
  await page.keyboard.press('Alt+8');
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await expect(page.getByText('登录已失效，请重新登录')).toBeVisible();
});

test('a page opened without the token explains what to do', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(appOrigin());
  await expect(page.getByTestId('boot-error')).toContainText('缺少访问令牌');
  await context.close();
});
