import { expect, type Page } from '@playwright/test';
import { parseYuanToFen } from '../../../src-shared/domain/money';
import { approveAs } from './querySteps';

/**
 * Steps of the 日结 screen for composed cashier flows: open the shift, count it (with a short if
 * asked), have a supervisor confirm it at the cashier's desk.
 */

/** An amount as the page shows it ('¥1,234.56') in fen. */
export async function fenOf(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).first().textContent()) ?? '';
  return parseYuanToFen(text.replace(/\s/g, ''));
}

/** Opens 日结 afresh, so the page reads the shift again (payments may have come in meanwhile). */
export async function openDayClose(page: Page): Promise<void> {
  await page.getByTestId('nav-query').click();
  await page.getByTestId('nav-dayClose').click();
  await expect(page.getByTestId('page-dayClose')).toBeVisible();
}

/** Opens a shift with this float from the 日结 page; focus waits in the float field. */
export async function openShift(page: Page, floatYuan: string): Promise<void> {
  await openDayClose(page);
  const float = page.getByTestId('open-float');
  await expect(float).toBeFocused();
  await float.fill(floatYuan);
  await float.press('Enter');
  await expect(page.getByTestId('current-shift')).toBeVisible();
}

/**
 * 交班: cash is counted at its system amount less `shortYuan`, every other method that moved money
 * at its system amount; the note goes on cash. Resolves once the shift shows as counted.
 */
export async function closeShift(page: Page, p: { shortYuan: number; note: string }): Promise<void> {
  await openDayClose(page);
  const cash = page.getByTestId('count-input-cash');
  await expect(cash).toBeFocused();
  for (const method of ['cash', 'wechat', 'alipay', 'card', 'transfer'] as const) {
    const systemFen = await fenOf(page, `count-system-${method}`);
    if (method !== 'cash' && systemFen === 0) continue;
    const countedFen = method === 'cash' ? systemFen - Math.round(p.shortYuan * 100) : systemFen;
    await page.getByTestId(`count-input-${method}`).fill((countedFen / 100).toFixed(2));
  }
  if (p.shortYuan !== 0) {
    await cash.press('Enter');
    await expect(page.getByTestId('count-note-cash')).toBeFocused();
    await page.keyboard.type(p.note);
  }
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('count-confirm-submit')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('latest-shift').getByTestId('shift-summary')).toHaveAttribute('data-status', 'counted');
}

/** 主管确认 at the cashier's desk: the supervisor types their password in the approval dialog. */
export async function confirmShift(page: Page, supervisor: string): Promise<void> {
  const button = page.getByTestId('latest-shift').locator('[data-testid^="confirm-shift-"]');
  await expect(button).toBeFocused();
  await button.press('Enter');
  await approveAs(page, supervisor);
  await expect(page.getByTestId('latest-shift').getByTestId('shift-summary')).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByTestId('shift-readonly')).toBeVisible();
}
