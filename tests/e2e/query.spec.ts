import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, saveScreen, signInDemo } from './support/app';
import { bridgeSession, building2Units, findReceipt, nextFileBytes, postPayment, voidReceipt } from './support/querySteps';

/**
 * 查询 on the training company as 刘婷 (shouyin2), on units of building 2 of the first community:
 * a payment posted at the bridge is found by its number, opened, voided with 李秀英's approval;
 * another is reprinted (补打 counted once); a unit's statement shows and prints.
 */
test('find a receipt by number, void it with approval, reprint another, print a statement', async ({ page, request }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  const bridge = await bridgeSession(request, 'shouyin2');
  const { communityName, units } = await building2Units(bridge);
  const billed = units.find((u) => u.code === '2-1-301')!;
  const other = units.find((u) => u.code === '2-1-302')!;
  const stamp = Date.now().toString(36);
  const toVoid = await postPayment(bridge, { unitId: billed.id, payerName: billed.ownerName ?? '业主', method: 'cash', yuan: 0, key: `q-void-${stamp}`, payBill: true });
  const toReprint = await postPayment(bridge, { unitId: other.id, payerName: other.ownerName ?? '业主', method: 'wechat', yuan: 120, key: `q-re-${stamp}`, payBill: false });

  await signInDemo(page, 'shouyin2');
  await page.getByTestId('nav-query').click();

  await test.step('the number box has focus; the newest receipts are listed; ↓ and Enter open one', async () => {
    await expect(page.getByTestId('query-number')).toBeFocused();
    await expect(page.getByTestId('query-results-row').first()).toBeVisible();
    await expect(page.getByTestId('query-results-row').first()).toHaveAttribute('data-number', toReprint.receiptNo);
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'query-list');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('query-results')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('receipt-number')).toHaveText(toReprint.receiptNo);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('receipt-number')).toBeHidden();
  });

  await test.step('finds the paid bill’s receipt by number and shows its detail', async () => {
    await findReceipt(page, toVoid.receiptNo);
    await expect(page.getByTestId('receipt-status')).toHaveText('正常');
    await expect(page.getByTestId('receipt-items')).toContainText('~');
    await expect(page.getByTestId('receipt-reprints')).toHaveText('0');
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'query-detail');
  });

  await test.step('voids it with a reason and the supervisor’s approval at this desk', async () => {
    await page.getByTestId('receipt-void').click();
    await page.getByTestId('correction-reason').fill('房号选错，重新收取');
    await saveScreen(page, 'query-void-reason');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('correction-reason')).toBeHidden();
    await expect(page.getByTestId('receipt-number')).toBeVisible();
    await voidReceipt(page, { reason: '房号选错，重新收取', supervisor: 'zhuguan1' });
    await expect(page.getByTestId('receipt-void')).toBeHidden();
    await expect(page.getByTestId('receipt-reprint')).toBeHidden();
    await saveScreen(page, 'query-voided');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('receipt-number')).toBeHidden();
    const row = page.locator(`[data-testid="query-results-row"][data-number="${toVoid.receiptNo}"]`);
    await expect(row.getByTestId('query-results-status')).toHaveText('作废');
  });

  await test.step('reprints another receipt (counted once, the PDF comes back) and records its invoice number', async () => {
    await findReceipt(page, toReprint.receiptNo);
    const popup = page.context().waitForEvent('page');
    const pdf = await nextFileBytes(page, request, () => page.getByTestId('receipt-reprint').click());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await (await popup).close();
    await expect(page.getByTestId('receipt-reprints')).toHaveText('1');
    await page.getByTestId('invoice-input').fill('FP20240506001');
    await page.getByTestId('invoice-input').press('Enter');
    await expect(page.getByTestId('receipt-invoice')).toHaveText('FP20240506001');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('receipt-number')).toBeHidden();
    const row = page.locator(`[data-testid="query-results-row"][data-number="${toReprint.receiptNo}"]`);
    await expect(row.locator('td').nth(8)).toHaveText('1');
    await expect(row.locator('td').nth(9)).toHaveText('FP20240506001');
  });

  await test.step('filters by method and cashier', async () => {
    await page.getByTestId('query-reset').click();
    await page.getByTestId('query-method').click();
    await page.getByRole('option', { name: '微信' }).click();
    await page.getByTestId('query-cashier').click();
    await page.getByRole('option', { name: '刘婷' }).click();
    await page.getByTestId('query-search').click();
    await expect(page.getByTestId('query-results-row').first()).toHaveAttribute('data-number', toReprint.receiptNo);
    await expect(page.locator(`[data-testid="query-results-row"][data-number="${toVoid.receiptNo}"]`)).toHaveCount(0);
    await saveScreen(page, 'query-filtered');
  });

  await test.step('a unit’s payments and its 业主对账单 on screen and as PDF', async () => {
    await page.keyboard.press('F3');
    const unit = page.getByTestId('history-unit');
    await expect(unit).toBeFocused();
    await unit.fill('2-1-301');
    const hit = page.getByTestId('history-unit-hit').filter({ hasText: communityName });
    await expect(hit).toBeVisible();
    await hit.click();
    await expect(page.getByTestId('history-results-row').first()).toHaveAttribute('data-number', toVoid.receiptNo);
    await expect(page.getByTestId('statement-row').first()).toBeVisible();
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'query-statement');
    const popup = page.context().waitForEvent('page');
    const pdf = await nextFileBytes(page, request, () => page.getByTestId('statement-pdf').click());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2000);
    await (await popup).close();
  });

  await test.step('in English too, without a horizontal scroll', async () => {
    await page.getByTestId('query-tab-receipts').click();
    await page.getByTestId('language-switch').getByText('English').click();
    await expect(page.getByTestId('query-tab-receipts')).toHaveText('Receipts');
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'query-en');
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect(page.getByTestId('query-tab-receipts')).toHaveText('收据查询');
  });

  expect(errors).toEqual([]);
});
