import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalScroll, saveScreen } from './support/app';
import {
  approveOnTheSpot,
  bridgeCall,
  changeOwnPassword,
  completeSetup,
  fillNewUser,
  openUsersPage,
  signIn,
  signOut,
  submitNewUser,
  unlockScreen,
  unlockUser,
} from './support/accessSteps';
import { startBrowserModeServer, type BrowserModeServer } from './support/server';

/**
 * Issue 4 in the browser, on a ledger of its own (the shared fresh one belongs to
 * foundation.spec.ts): the newcomer story, the lock overlay that keeps a half-typed form, and a
 * supervisor approving a shift at the cashier's desk. One story, so the tests run in order.
 */
// Every sign-in costs a memory-hard password hash, and the story signs in many times.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const COMPANY = '安和物业服务有限公司';
const ADMIN = { username: 'guanli', displayName: '陈管理', password: 'Anhe2024ad' };
const CASHIER = { username: 'xiaoli', displayName: '李小丽', password: 'Linshi2024', role: '收银员', communities: ['东湖花园'] };
const CASHIER_OWN_PASSWORD = 'Shouyin2025';
const SUPERVISOR = { username: 'zhuguan', displayName: '王主管', password: 'Shenpi2025x' };
const LOCKOUT = '连续多次密码错误，账号已锁定 15 分钟，请稍后再试或联系管理员解锁';

let server: BrowserModeServer;
/** Printed at setup in the first test, used at the login page in the last. */
let recoveryCode = '';

test.beforeAll(async () => {
  server = await startBrowserModeServer();
});

test.afterAll(async () => {
  await server?.stop();
});

/** What the login page says to five wrong passwords in a row for this username. */
async function fiveWrongPasswords(page: Page, username: string): Promise<string[]> {
  const said: string[] = [];
  for (let i = 0; i < 5; i++) {
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(`Wrong${i}2024x`);
    await page.getByTestId('login-password').press('Enter');
    await expect(page.getByTestId('login-password')).toHaveValue('');
    said.push((await page.getByTestId('login-error').innerText()).replace(/^操作未成功\s*/, '').trim());
  }
  return said;
}

function readLedger<T>(query: (db: Database.Database) => T): T {
  const db = new Database(path.join(server.dataDir, 'feedesk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

test('a newcomer: setup with recovery code → cashier created → forced password change → no settings → lockout → unlocked', async ({ page, request }) => {
  await test.step('first-run setup shows the one-time recovery code to print', async () => {
    recoveryCode = await completeSetup(page, server.url, COMPANY, ADMIN);
    await expect(page.getByTestId('recovery-print')).toBeVisible();
    await expect(page.getByTestId('recovery-card')).toContainText(`${ADMIN.displayName}（${ADMIN.username}）`);
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'access-recovery-code');
    await page.getByTestId('recovery-continue').click();
    await expect(page.getByTestId('shell-user-name')).toHaveText(ADMIN.displayName);
  });

  await test.step('two communities exist (seeded through the bridge: the register screens come later)', async () => {
    const admin = await bridgeCall(request, server, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    for (const community of [{ code: 'DH', name: '东湖花园' }, { code: 'XY', name: '西苑小区' }]) {
      await bridgeCall(request, server, 'register.createCommunity', { ...community, address: '' }, admin.sessionId);
    }
  });

  await test.step('the administrator creates a cashier limited to one community', async () => {
    await openUsersPage(page);
    await fillNewUser(page, CASHIER);
    await saveScreen(page, 'access-create-user');
    await submitNewUser(page, CASHIER.username);
    const row = page.getByTestId(`user-row-${CASHIER.username}`);
    await expect(row).toContainText('收银员');
    await expect(page.getByTestId(`user-scope-${CASHIER.username}`)).toHaveText('东湖花园');
    await expect(page.getByTestId(`user-status-${CASHIER.username}`)).toHaveText('正常');
    await expect(row).toContainText('待改密码');
    await expect(row).toContainText('从未登录');
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'access-users');
    await signOut(page);
  });

  await test.step('the cashier signs in and must set a password first; the policy is the ledger’s', async () => {
    await signIn(page, CASHIER.username, CASHIER.password);
    await expect(page.getByRole('heading', { name: '请设置新密码' })).toBeVisible();
    await expect(page.getByTestId('password-change-user')).toContainText(CASHIER.displayName);
    await page.getByTestId('password-change-old').fill(CASHIER.password);
    await page.getByTestId('password-change-new').fill('short1');
    await page.getByTestId('password-change-confirm').fill('short1');
    await page.getByTestId('password-change-submit').click();
    await expect(page.getByTestId('password-change-error')).toContainText('密码至少 8 位');
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'access-password-change');
    await changeOwnPassword(page, CASHIER.password, CASHIER_OWN_PASSWORD);
    await expect(page.getByTestId('shell-user-role')).toHaveText('收银员');
  });

  await test.step('the cashier has no 设置 or 用户与权限, by menu, by Alt+number, or by the ledger', async () => {
    const nav = page.getByRole('navigation', { name: '主菜单' });
    await expect(nav.getByRole('button', { name: '收费台' })).toBeVisible();
    await expect(nav.getByRole('button', { name: '设置' })).toHaveCount(0);
    await expect(nav.getByRole('button', { name: '用户与权限' })).toHaveCount(0);
    for (const digit of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']) {
      await page.keyboard.press(`Alt+${digit}`);
      await expect(page.getByTestId('page-settings')).toHaveCount(0);
      await expect(page.getByTestId('page-users')).toHaveCount(0);
    }
    const cashier = await bridgeCall(request, server, 'auth.login', { username: CASHIER.username, password: CASHIER_OWN_PASSWORD });
    for (const name of ['settings.get', 'users.list', 'users.securitySettings'] as const) {
      await expect(bridgeCall(request, server, name, {}, cashier.sessionId), name).rejects.toThrow(`${name} refused: FORBIDDEN`);
    }
    await signOut(page);
  });

  await test.step('five wrong passwords lock the account, in words that do not tell whether a user exists', async () => {
    const real = await fiveWrongPasswords(page, CASHIER.username);
    expect(real.slice(0, 4)).toEqual(Array(4).fill('用户名或密码错误'));
    expect(real[4]).toBe(LOCKOUT);
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'access-lockout');
    // Even the right password is refused now.
    await page.getByTestId('login-username').fill(CASHIER.username);
    await page.getByTestId('login-password').fill(CASHIER_OWN_PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await expect(page.getByTestId('login-error')).toContainText(LOCKOUT);
    expect(await fiveWrongPasswords(page, 'nobody-here')).toEqual(real);
  });

  await test.step('the administrator unlocks the cashier on 用户与权限; the cashier signs in', async () => {
    await signIn(page, ADMIN.username, ADMIN.password);
    await openUsersPage(page);
    await unlockUser(page, CASHIER.username);
    await signOut(page);
    await signIn(page, CASHIER.username, CASHIER_OWN_PASSWORD);
    await expect(page.getByTestId('shell-user-name')).toHaveText(CASHIER.displayName);
    await signOut(page);
  });
});

test('the idle lock covers the page and keeps a half-typed form', async ({ page }) => {
  // The page's clock is ours to move: ten idle minutes pass in an instant.
  await page.clock.install();
  await page.goto(server.url);
  await signIn(page, ADMIN.username, ADMIN.password);
  await openUsersPage(page);
  await page.getByTestId('users-create').click();
  await page.getByTestId('user-form-username').fill('weilai');
  await page.getByTestId('user-form-display-name').fill('魏来');

  await page.clock.fastForward('10:30');
  await expect(page.getByTestId('lock-overlay')).toBeVisible();
  await expect(page.getByTestId('lock-password')).toBeFocused();
  await expect(page.getByTestId('lock-user')).toHaveText(`${ADMIN.displayName}（${ADMIN.username}）`);
  await saveScreen(page, 'access-lock-overlay');

  // Shortcuts do not reach the shell behind the overlay.
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('page-users')).toBeAttached();
  await page.getByTestId('lock-password').fill('Wrong2024x');
  await page.getByTestId('lock-submit').click();
  await expect(page.getByTestId('lock-error')).toContainText('密码错误');
  await unlockScreen(page, ADMIN.password);

  await expect(page.getByTestId('user-form-username')).toHaveValue('weilai');
  await expect(page.getByTestId('user-form-display-name')).toHaveValue('魏来');
  await page.getByTestId('user-form-cancel').click();
  const trail = readLedger((db) => db.prepare("SELECT summary FROM audit_log WHERE call IN ('auth.lock', 'auth.unlockSession') ORDER BY seq").pluck().all());
  expect(trail).toEqual([`锁屏：${ADMIN.username}`, `解锁屏幕失败：${ADMIN.username} 密码错误（第 1 次）`, `解锁屏幕：${ADMIN.username}`]);
});

test('a supervisor approves the cashier’s shift on the spot; both are recorded', async ({ page, request }) => {
  const shiftId = await test.step('a counted shift of the cashier and a supervisor (seeded through the bridge)', async () => {
    const admin = await bridgeCall(request, server, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const temporary = 'Linshi2025zg';
    await bridgeCall(request, server, 'users.create', { ...SUPERVISOR, role: 'supervisor', password: temporary }, admin.sessionId);
    const supervisor = await bridgeCall(request, server, 'auth.login', { username: SUPERVISOR.username, password: temporary });
    await bridgeCall(request, server, 'auth.changePassword', { oldPassword: temporary, newPassword: SUPERVISOR.password }, supervisor.sessionId);
    const cashier = await bridgeCall(request, server, 'auth.login', { username: CASHIER.username, password: CASHIER_OWN_PASSWORD });
    const shift = await bridgeCall(request, server, 'shifts.open', { floatFen: 0 }, cashier.sessionId);
    await bridgeCall(request, server, 'shifts.count', { counts: [{ method: 'cash', countedFen: 0 }] }, cashier.sessionId);
    return shift.id;
  });

  await page.goto(server.url);
  await signIn(page, CASHIER.username, CASHIER_OWN_PASSWORD);
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('button', { name: '日结' }).click();

  await test.step('cancelling leaves the ledger’s refusal on the page', async () => {
    await page.getByTestId(`confirm-shift-${shiftId}`).click();
    await expect(page.getByTestId('approval-username')).toBeVisible();
    await page.getByTestId('approval-cancel').click();
    await expect(page.getByTestId('approval-dialog')).toHaveCount(0);
    await expect(page.getByText('此操作需要收费主管现场授权')).toBeVisible();
  });

  await test.step('a wrong supervisor password stays in the dialog; the right one confirms the shift', async () => {
    await page.getByTestId(`confirm-shift-${shiftId}`).click();
    await expect(page.getByTestId('approval-action')).toHaveText('确认班次（日结）');
    await page.getByTestId('approval-username').fill(SUPERVISOR.username);
    await page.getByTestId('approval-password').fill('Wrong2024x');
    await page.getByTestId('approval-submit').click();
    await expect(page.getByTestId('approval-error')).toContainText('现场授权未通过：授权人用户名或密码错误');
    await expect(page.getByTestId('approval-password')).toHaveValue('');
    await expect(page.getByTestId('approval-password')).toBeFocused();
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'access-approval');
    await approveOnTheSpot(page, SUPERVISOR);
  });

  const recorded = readLedger((db) => ({
    shift: db.prepare('SELECT s.status, u.username AS confirmedBy FROM shifts s JOIN users u ON u.id = s.confirmed_by WHERE s.id = ?').get(shiftId),
    trail: db
      .prepare("SELECT u.username, a.summary FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.call = 'shifts.confirm' ORDER BY a.seq")
      .all(),
  }));
  expect(recorded.shift).toEqual({ status: 'confirmed', confirmedBy: SUPERVISOR.username });
  expect(recorded.trail).toEqual([
    { username: SUPERVISOR.username, summary: `现场授权失败（操作人 ${CASHIER.username}）：${SUPERVISOR.username} 密码错误（第 1 次）` },
    { username: CASHIER.username, summary: expect.stringContaining(`经 收费主管 ${SUPERVISOR.displayName}（${SUPERVISOR.username}）现场授权`) },
  ]);
});

test('the administrator manages users, roles and security settings, and a forgotten password yields to the recovery code', async ({ page }) => {
  const NEW_ADMIN_PASSWORD = 'Huifu2025ok';
  await page.goto(server.url);

  await test.step('the recovery code resets the administrator password once, from the login page', async () => {
    await page.getByTestId('login-recover-link').click();
    await page.getByTestId('recover-username').fill(ADMIN.username);
    await page.getByTestId('recover-code').fill(recoveryCode.toLowerCase().replaceAll('-', ' '));
    await page.getByTestId('recover-new-password').fill(NEW_ADMIN_PASSWORD);
    await page.getByTestId('recover-confirm').fill(NEW_ADMIN_PASSWORD);
    await page.getByTestId('recover-submit').click();
    await expect(page.getByTestId('recover-done')).toContainText('密码已重置');
    await expect(page.getByTestId('login-username')).toHaveValue(ADMIN.username);
    await expect(page.getByTestId('login-password')).toBeFocused();
    await signIn(page, ADMIN.username, NEW_ADMIN_PASSWORD);
    const trail = readLedger((db) => db.prepare("SELECT summary FROM audit_log WHERE call = 'auth.recover' ORDER BY seq").pluck().all());
    expect(trail).toEqual([`使用恢复码重置管理员 ${ADMIN.username} 的密码，恢复码已作废`]);
  });

  await test.step('a reset shows the generated temporary password once', async () => {
    await openUsersPage(page);
    await page.getByTestId(`user-menu-${CASHIER.username}`).click();
    await page.getByTestId(`user-reset-${CASHIER.username}`).click();
    await page.getByTestId('reset-password-submit').click();
    await expect(page.getByTestId('issued-password-value')).toHaveText(/^[A-Za-z0-9]{10}$/);
    await saveScreen(page, 'access-issued-password');
    await page.getByTestId('issued-password-done').click();
    await expect(page.getByText(`已重置 ${CASHIER.username} 的密码`)).toBeVisible();
    await expect(page.getByTestId(`user-row-${CASHIER.username}`)).toContainText('待改密码');
  });

  await test.step('disable asks first and hides the user; shown again with 已停用 and enabled', async () => {
    await expect(page.getByTestId(`user-menu-${ADMIN.username}`)).toBeVisible();
    await page.getByTestId(`user-menu-${ADMIN.username}`).click();
    await expect(page.getByTestId(`user-disable-${ADMIN.username}`)).toHaveCount(0);
    await page.keyboard.press('Escape');
    await page.getByTestId(`user-menu-${CASHIER.username}`).click();
    await page.getByTestId(`user-disable-${CASHIER.username}`).click();
    await page.getByTestId('confirm-disable-submit').click();
    await expect(page.getByText(`已停用 ${CASHIER.username}`)).toBeVisible();
    await expect(page.getByTestId(`user-row-${CASHIER.username}`)).toHaveCount(0);
    await page.getByTestId('users-show-disabled').check();
    await expect(page.getByTestId(`user-status-${CASHIER.username}`)).toHaveText('已停用');
    await page.getByTestId(`user-menu-${CASHIER.username}`).click();
    await page.getByTestId(`user-enable-${CASHIER.username}`).click();
    await expect(page.getByTestId(`user-status-${CASHIER.username}`)).toHaveText('正常');
  });

  await test.step('role permissions as ticks, and the security settings', async () => {
    await page.getByTestId('users-tab-roles').click();
    await expect(page.getByTestId('perm-supervisor-payment.void')).toBeChecked();
    await expect(page.getByTestId('perm-finance-payment.void')).not.toBeChecked();
    await expect(page.getByTestId('roles-save')).toBeDisabled();
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'access-roles');
    await page.getByTestId('users-tab-security').click();
    await expect(page.getByTestId('security-idleLockMinutes')).toHaveValue('10');
    await page.getByTestId('security-idleLockMinutes').fill('12');
    await page.getByTestId('security-save').click();
    await expect(page.getByText('安全设置已保存')).toBeVisible();
    await page.getByTestId('security-recovery-generate').click();
    await expect(page.getByTestId('security-recovery-code')).toHaveText(/^[A-Z2-7]{5}(-[A-Z2-7]{5}){3}$/);
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'access-security');
  });
});
