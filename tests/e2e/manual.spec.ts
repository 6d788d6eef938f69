import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, saveScreen, signInDemo } from './support/app';
import { collectBills, findUnitByInitials, openShiftIfNeeded } from './support/deskSteps';
import {
  backToNormal,
  enterPaperReceipt,
  leaveFallbackViaBridge,
  markReviewed,
  openManual,
  registerManualBook,
  reviewReceipts,
  statusLight,
  switchToFallback,
  typeReceiptNumber,
} from './support/manualSteps';

/**
 * 手工收费 on the training company (clock 2024-05-06, no company server: 单机), 收银员 shouyin3 on
 * units of 阳光花园 3栋 with 收费主管 zhuguan1: fallback and its banner, a cash collection at the
 * desk taken in fallback, a receipt book for shouyin3, two paper receipts entered (a number out of
 * the book's range refused while typing), back to normal, and the supervisor's review.
 */
const BOOK = { code: 'SG2405-03', prefix: 'SG', from: 1, to: 50, holder: '黄晓燕（shouyin3）' };

test.afterEach(async ({ request }) => {
  await leaveFallbackViaBridge(request, 'shouyin3');
});

test('fallback with a banner and a flagged cash payment, a manual book, two paper receipts entered, reviewed by the supervisor', async ({ page }) => {
  test.setTimeout(180_000);
  page.context().on('page', (tab) => void tab.close());

  await test.step('shouyin3 opens the shift and sees the desk standalone (no company server configured)', async () => {
    await signInDemo(page, 'shouyin3');
    await openShiftIfNeeded(page, 500);
    await openManual(page);
    expect(await statusLight(page)).toBe('standalone');
    await expect(page.getByTestId('manual-status-text')).toHaveText('单机运行');
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'manual-status');
  });

  await test.step('the cashier switches to fallback: the banner says so and stays on other pages', async () => {
    await switchToFallback(page, '网络中断，微信支付无法确认到账');
    await expect(page.getByTestId('fallback-banner')).toContainText('只收现金、刷卡');
    await saveScreen(page, 'manual-fallback');
  });

  const deskReceipt = await test.step('collect cash for one unit at the desk while in fallback', async () => {
    await page.getByTestId('nav-desk').click();
    expect(await findUnitByInitials(page, '3-1-1402')).toBe('3-1-1402');
    const { receiptNo } = await collectBills(page, { count: 1, tenders: [{ method: 'cash' }], cashGivenYuan: 1000 });
    expect(receiptNo).toMatch(/^SJ/);
    return receiptNo;
  });

  await test.step('zhuguan1 registers a manual receipt book for shouyin3', async () => {
    await page.getByTestId('logout-button').click();
    await signInDemo(page, 'zhuguan1');
    await registerManualBook(page, BOOK);
    const row = page.locator(`[data-testid="book-row"][data-code="${BOOK.code}"]`);
    await expect(row).toContainText('SG00000001 – SG00000050');
    await expect(row).toContainText('黄晓燕');
    await saveScreen(page, 'manual-books');
  });

  const paper = await test.step('shouyin3 enters two paper receipts; a number outside the book is refused as typed', async () => {
    await page.getByTestId('logout-button').click();
    await signInDemo(page, 'shouyin3');
    await openManual(page);
    await page.getByTestId('manual-tab-entry').click();
    await typeReceiptNumber(page, 51, 'out_of_range');
    await expect(page.getByTestId('entry-number-verdict')).toHaveText('不在范围');
    await expect(page.getByTestId('entry-submit')).toBeDisabled();
    await saveScreen(page, 'manual-number-refused');
    const first = await enterPaperReceipt(page, { number: 1, time: '08:40', unitCode: '3-1-2802', bills: 2, beforeSubmit: () => saveScreen(page, 'manual-entry') });
    // The form moves on to the next number of the book; a number already written is 已用.
    await typeReceiptNumber(page, 1, 'used');
    const second = await enterPaperReceipt(page, { number: 2, time: '09:05', unitCode: '3-1-1902', bills: 1 });
    expect([first, second]).toEqual(['SG00000001', 'SG00000002']);
    return [first, second];
  });

  await test.step('back to normal: the banner is gone', async () => {
    await backToNormal(page, '网络已恢复，已试收一笔微信');
    expect(await statusLight(page)).toBe('standalone');
  });

  await test.step('zhuguan1 reviews the fallback payment and the two paper receipts', async () => {
    await page.getByTestId('logout-button').click();
    await signInDemo(page, 'zhuguan1');
    const listed = await reviewReceipts(page);
    expect(listed).toEqual(expect.arrayContaining([deskReceipt, ...paper]));
    await expect(page.locator(`[data-testid="review-row"][data-receipt="${deskReceipt}"]`)).toContainText('手工收费');
    await expect(page.locator(`[data-testid="review-row"][data-receipt="SG00000001"]`)).toContainText('补录');
    await expect(page.locator(`[data-testid="review-row"][data-receipt="SG00000001"]`)).toContainText('2024-05-06 08:40');
    await saveScreen(page, 'manual-review');
    await markReviewed(page, [deskReceipt, ...paper]);
    await saveScreen(page, 'manual-reviewed');
  });
});
