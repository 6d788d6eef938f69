import { expect, type Page } from '@playwright/test';

/**
 * Steps at the 收费台 for composed cashier flows, driven the way a cashier works: keyboard first,
 * test ids only to find things. Each step leaves the desk where the next one expects it.
 */

/** Opens the desk; when the cashier has no open shift, opens one with this float (元). */
export async function openShiftIfNeeded(page: Page, floatYuan: number): Promise<void> {
  // Clicking the menu item of the page already shown would only take the focus from the search box.
  if (!(await page.getByTestId('page-desk').isVisible())) await page.getByTestId('nav-desk').click();
  const gate = page.getByTestId('desk-no-shift');
  const search = page.getByTestId('desk-search');
  await expect(gate.or(search)).toBeVisible();
  if (await gate.isVisible()) {
    await page.getByTestId('desk-shift-float').fill(String(floatYuan));
    await page.getByTestId('desk-shift-float').press('Enter');
    await expect(search).toBeFocused();
  }
  await expect(page.getByTestId('desk-shift-badge')).toBeVisible();
}

/** F2, the owner's pinyin initials, Enter: opens the first hit. Resolves with the unit code shown. */
export async function findUnitByInitials(page: Page, initials: string): Promise<string> {
  await page.keyboard.press('F2');
  const search = page.getByTestId('desk-search');
  await expect(search).toBeFocused();
  await search.fill(initials);
  await expect(page.getByTestId('desk-search-result').first()).toBeVisible();
  await search.press('Enter');
  await expect(page.getByTestId('desk-unit')).toBeVisible();
  return (await page.getByTestId('desk-unit-code').textContent()) ?? '';
}

export interface TenderStep {
  method: 'cash' | 'wechat' | 'alipay' | 'card' | 'transfer';
  /** Omitted: the line takes whatever is left to pay (only the first line can). */
  yuan?: number;
  /** Non-cash lines get a made-up transaction number unless one is given. */
  reference?: string;
}

/**
 * Ticks the unit's `count` oldest bills in table order (none of the default selection kept),
 * fills the tender lines and the cash handed over, and confirms with Enter. Resolves once the
 * receipt shows, with its number and the change as displayed (¥0.00 style).
 */
export async function collectBills(
  page: Page,
  p: { count: number; tenders: TenderStep[]; cashGivenYuan?: number; beforeConfirm?: () => Promise<void> },
): Promise<{ receiptNo: string; changeText: string }> {
  const bills = page.getByTestId('desk-bills');
  await page.keyboard.press('F3');
  await expect(bills).toBeFocused();
  // A ticks everything when something is missing and nothing when all are ticked.
  await page.keyboard.press('a');
  if ((await bills.locator('[data-testid="desk-bill"][aria-selected="true"]').count()) > 0) await page.keyboard.press('a');
  await expect(bills.locator('[data-testid="desk-bill"][aria-selected="true"]')).toHaveCount(0);
  await page.keyboard.press('Home');
  for (let i = 0; i < p.count; i++) {
    if (i > 0) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
  }
  await expect(bills.locator('[data-testid="desk-bill"][aria-selected="true"]')).toHaveCount(p.count);

  const lines = page.getByTestId('desk-collect').getByTestId('desk-tender-line');
  for (const [i, tender] of p.tenders.entries()) {
    if (i > 0) await page.getByTestId('desk-collect').getByTestId('desk-tender-add').click();
    const line = lines.nth(i);
    await line.getByTestId('desk-tender-method').selectOption(tender.method);
    if (tender.yuan !== undefined) await line.getByTestId('desk-tender-amount').fill(tender.yuan.toFixed(2));
    if (tender.method !== 'cash') await line.getByTestId('desk-tender-reference').fill(tender.reference ?? `TX${Date.now()}${i}`);
  }
  const cashGiven = page.getByTestId('desk-cash-given');
  if (p.cashGivenYuan !== undefined) await cashGiven.fill(String(p.cashGivenYuan));
  await p.beforeConfirm?.();
  await page.getByTestId('desk-payer').press('Enter');

  const receiptNo = page.getByTestId('desk-receipt-no');
  await expect(receiptNo).toBeVisible();
  return { receiptNo: (await receiptNo.textContent()) ?? '', changeText: (await page.getByTestId('desk-receipt-change').textContent()) ?? '' };
}

/** From the receipt back to an empty, focused search box for the next owner. */
export async function nextCustomer(page: Page): Promise<void> {
  await page.getByTestId('desk-next').click();
  await expect(page.getByTestId('desk-search')).toBeFocused();
}
