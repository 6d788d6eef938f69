import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { CallInput, CallName, CallOutput, Result } from '../../../src-shared/api';
import type { BrowserModeServer } from './server';

/**
 * Steps of the access story (issue 4), for access.spec.ts and the composed cashier-day flow:
 * first-run setup with its recovery code, signing in (with the forced password change), creating
 * and unlocking users on 用户与权限, the lock overlay and the supervisor's approval dialog.
 */

export interface Person {
  username: string;
  displayName: string;
  password: string;
}

/** Seeds what a screen cannot make yet (communities, a counted shift) straight through the bridge. */
export async function bridgeCall<N extends CallName>(
  request: APIRequestContext,
  server: Pick<BrowserModeServer, 'origin' | 'token'>,
  name: N,
  input: CallInput<N>,
  sessionId?: string,
): Promise<CallOutput<N>> {
  const response = await request.post(`${server.origin}api/invoke`, {
    headers: { Origin: server.origin.replace(/\/$/, ''), 'X-FeeDesk-Token': server.token },
    data: { call: name, input, sessionId },
  });
  const result = (await response.json()) as Result<CallOutput<N>>;
  if (!result.ok) throw new Error(`${name} refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** First-run setup; stops on the recovery code page and returns the code shown there. */
export async function completeSetup(page: Page, url: string, company: string, admin: Person): Promise<string> {
  await page.goto(url);
  await page.getByTestId('setup-company-name').fill(company);
  await page.getByTestId('setup-admin-username').fill(admin.username);
  await page.getByTestId('setup-admin-display-name').fill(admin.displayName);
  await page.getByTestId('setup-password').fill(admin.password);
  await page.getByTestId('setup-password-confirm').fill(admin.password);
  await page.getByTestId('setup-submit').click();
  await expect(page.getByRole('heading', { name: '请保存管理员恢复码' })).toBeVisible();
  const code = (await page.getByTestId('recovery-code').innerText()).trim();
  expect(code).toMatch(/^[A-Z2-7]{5}(-[A-Z2-7]{5}){3}$/);
  return code;
}

/** Signs in from the login page; resolves once the next screen (shell or password change) shows. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('logout-button').or(page.getByTestId('password-change-form'))).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('logout-button').click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
}

/** The forced password change after a first sign-in or a reset. */
export async function changeOwnPassword(page: Page, oldPassword: string, newPassword: string): Promise<void> {
  await page.getByTestId('password-change-old').fill(oldPassword);
  await page.getByTestId('password-change-new').fill(newPassword);
  await page.getByTestId('password-change-confirm').fill(newPassword);
  await page.getByTestId('password-change-submit').click();
  await expect(page.getByTestId('logout-button')).toBeVisible();
}

export async function openUsersPage(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('button', { name: '用户与权限' }).click();
  await expect(page.getByTestId('users-table')).toBeVisible();
}

/** 新建用户 with a typed initial password, limited to the named communities (none = all). */
export async function fillNewUser(page: Page, user: Person & { role: string; communities: string[] }): Promise<void> {
  await page.getByTestId('users-create').click();
  await page.getByTestId('user-form-username').fill(user.username);
  await page.getByTestId('user-form-display-name').fill(user.displayName);
  await page.getByTestId('user-form-role').click();
  await page.getByRole('option', { name: user.role, exact: true }).click();
  if (user.communities.length > 0) {
    await page.getByTestId('user-form-scope-some').check();
    for (const community of user.communities) {
      await page.getByTestId('user-form-communities').click();
      await page.getByRole('option', { name: community }).click();
    }
    await page.getByTestId('user-form-communities').press('Escape');
  }
  await page.getByTestId('user-form-password-mode').getByText('由我设定').click();
  await page.getByTestId('user-form-password').fill(user.password);
}

export async function submitNewUser(page: Page, username: string): Promise<void> {
  await page.getByTestId('user-form-submit').click();
  await expect(page.getByText(`已创建用户 ${username}`)).toBeVisible();
  await expect(page.getByTestId(`user-row-${username}`)).toBeVisible();
}

export async function unlockUser(page: Page, username: string): Promise<void> {
  await expect(page.getByTestId(`user-status-${username}`)).toHaveText('已锁定');
  await page.getByTestId(`user-unlock-${username}`).click();
  await expect(page.getByText(`已解锁 ${username}，可以重新登录`)).toBeVisible();
  await expect(page.getByTestId(`user-status-${username}`)).toHaveText('正常');
}

/** The lock overlay: type the password, the page underneath comes back as it was. */
export async function unlockScreen(page: Page, password: string): Promise<void> {
  await page.getByTestId('lock-password').fill(password);
  await page.getByTestId('lock-submit').click();
  await expect(page.getByTestId('lock-overlay')).toHaveCount(0);
}

/**
 * A supervisor approves on the spot in the central dialog; resolves once the dialog closed. (The
 * dialog's root has no box of its own: its fields show whether it is open.)
 */
export async function approveOnTheSpot(page: Page, supervisor: { username: string; password: string }): Promise<void> {
  await expect(page.getByTestId('approval-username')).toBeVisible();
  await page.getByTestId('approval-username').fill(supervisor.username);
  await page.getByTestId('approval-password').fill(supervisor.password);
  await page.getByTestId('approval-submit').click();
  await expect(page.getByTestId('approval-dialog')).toHaveCount(0);
}
