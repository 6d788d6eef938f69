import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { demoUrl, TRAINING_PASSWORD } from './app';

/**
 * Steps on the 手工收费 screen for composed flows: the fallback switch, receipt books, 补录 of paper
 * receipts and the supervisor's review. Each waits for the screen to show the result.
 */

export async function openManual(page: Page): Promise<void> {
  if (!(await page.getByTestId('page-manual').isVisible())) await page.getByTestId('nav-manual').click();
  await expect(page.getByTestId('manual-status')).toBeVisible();
}

/** The status light's state: standalone, online, offline or fallback. */
export async function statusLight(page: Page): Promise<string | null> {
  return page.getByTestId('manual-status-light').getAttribute('data-light');
}

async function switchMode(page: Page, to: 'on' | 'off', reason: string): Promise<void> {
  await openManual(page);
  await page.getByTestId(`manual-switch-${to}`).click();
  await page.getByTestId('manual-switch-reason').fill(reason);
  await page.getByTestId('manual-switch-reason').press('Enter');
  await expect(page.getByTestId('manual-switch-modal')).toBeHidden();
}

/** The cashier switches the desk to 手工收费; the banner says so. */
export async function switchToFallback(page: Page, reason: string): Promise<void> {
  await switchMode(page, 'on', reason);
  await expect(page.getByTestId('fallback-banner').first()).toBeVisible();
  await expect(page.getByTestId('manual-status-light')).toHaveAttribute('data-light', 'fallback');
}

export async function backToNormal(page: Page, reason: string): Promise<void> {
  await switchMode(page, 'off', reason);
  await expect(page.getByTestId('fallback-banner')).toHaveCount(0);
}

/** A supervisor registers a paper receipt book for a cashier (holder as listed, e.g. 黄晓燕（shouyin3）). */
export async function registerManualBook(page: Page, b: { code: string; prefix: string; from: number; to: number; holder: string }): Promise<void> {
  await openManual(page);
  await page.getByTestId('manual-tab-books').click();
  await page.getByTestId('book-code').fill(b.code);
  await page.getByTestId('book-prefix').fill(b.prefix);
  await page.getByTestId('book-range-start').fill(String(b.from));
  await page.getByTestId('book-range-end').fill(String(b.to));
  await page.getByTestId('book-cashier').click();
  await page.getByRole('option', { name: b.holder }).click();
  await page.getByTestId('book-register').click();
  await expect(page.locator(`[data-testid="book-row"][data-code="${b.code}"]`)).toBeVisible();
}

/** Types a receipt number into the 补录 form and waits for its verdict (ok, used, out_of_range …). */
export async function typeReceiptNumber(page: Page, number: number, verdict: string): Promise<void> {
  await page.getByTestId('entry-number').fill(String(number));
  await expect(page.getByTestId('entry-number-verdict')).toHaveAttribute('data-verdict', verdict);
}

/**
 * 补录 one paper receipt of the cashier's (first) book: number, time written today, the unit found by
 * its code, its `bills` oldest open bills, paid in cash to the cent. Resolves with the receipt number.
 */
export async function enterPaperReceipt(
  page: Page,
  r: { number: number; time: string; unitCode: string; bills: number; beforeSubmit?: () => Promise<void> },
): Promise<string> {
  await openManual(page);
  await page.getByTestId('manual-tab-entry').click();
  await typeReceiptNumber(page, r.number, 'ok');
  await page.getByTestId('entry-time').fill(r.time);
  await page.getByTestId('entry-unit').fill(r.unitCode);
  await page.getByRole('option', { name: new RegExp(`^${r.unitCode} `) }).first().click();
  const ticks = page.getByTestId('entry-bill-select');
  await expect(ticks.first()).toBeVisible();
  for (let i = 0; i < r.bills; i++) await ticks.nth(i).check();
  const dueText = (await page.getByTestId('entry-due').textContent()) ?? '';
  await page.getByTestId('entry-tender-amount').first().fill(dueText.replace(/[¥,]/g, ''));
  await expect(page.getByTestId('entry-tendered')).toHaveText(dueText);
  await r.beforeSubmit?.();
  await page.getByTestId('entry-payer').press('Control+Enter');
  const last = page.getByTestId('entry-last');
  await expect(last).toContainText(r.unitCode);
  return (/：(\S+) ·/.exec((await last.textContent()) ?? '')?.[1] ?? '').trim();
}

/** The supervisor's review tab: the rows listed, by receipt number. */
export async function reviewReceipts(page: Page): Promise<string[]> {
  await openManual(page);
  await page.getByTestId('manual-tab-review').click();
  await expect(page.getByTestId('review-table').or(page.getByTestId('review-empty'))).toBeVisible();
  return page.getByTestId('review-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-receipt') ?? ''));
}

/** Ticks the listed receipts in the review tab and marks them reviewed. */
export async function markReviewed(page: Page, receiptNos: string[]): Promise<void> {
  for (const no of receiptNos) await page.locator(`[data-testid="review-row"][data-receipt="${no}"]`).getByTestId('review-select').check();
  await page.getByTestId('review-mark').click();
  for (const no of receiptNos) await expect(page.locator(`[data-testid="review-row"][data-receipt="${no}"]`)).toHaveCount(0);
}

/**
 * Leaves the shared demo desk in normal mode whatever happened in a test, straight through the
 * bridge (the same HTTP the page uses), so later specs never collect in fallback by accident.
 */
export async function leaveFallbackViaBridge(request: APIRequestContext, username: string): Promise<void> {
  const url = new URL(demoUrl());
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const headers = { 'X-FeeDesk-Token': token, Origin: url.origin };
  const invoke = async (name: string, input: unknown, sessionId?: string) =>
    (await (await request.post(`${url.origin}/api/invoke`, { headers, data: { call: name, input, sessionId } })).json()) as { ok: boolean; value?: Record<string, unknown> };
  const login = await invoke('auth.login', { username, password: TRAINING_PASSWORD });
  const sessionId = login.value?.sessionId as string | undefined;
  if (!sessionId) return;
  const mode = await invoke('shifts.healthCheck', {}, sessionId);
  if (mode.value?.fallbackMode === true) await invoke('shifts.setFallback', { on: false, reason: '测试结束，恢复正常收费' }, sessionId);
  await invoke('auth.logout', {}, sessionId);
}
