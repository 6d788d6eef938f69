import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalScroll, saveScreen, signInDemo } from './support/app';
import { collectBills, findUnitByInitials, nextCustomer, openShiftIfNeeded } from './support/deskSteps';

/**
 * 收费台 on the training company (clock 2024-05-06), as 收银员 shouyin1 on units of 阳光花园 1栋:
 * 许秀兰 1-1-301 (xxl), 王美玲 1-1-501 (wml), 徐海涛 1-1-701 (xht), 宋昊天 1-1-902 (sht).
 */
test.describe.configure({ mode: 'serial' });

const TODAY = '2024-05-06';

/** A generated file fetched again with this tab's bridge token, as the page itself fetched it. */
async function fetchFile(page: Page, url: string): Promise<Buffer> {
  const token = await page.evaluate<string | null>("sessionStorage.getItem('feedesk.bridgeToken')");
  const response = await page.request.get(url, { headers: { 'X-FeeDesk-Token': token ?? '' } });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  return response.body();
}

/** pdfkit writes the document title (收款收据 <no>) as UTF-16BE in the info dictionary, uncompressed. */
function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

test('a cashier opens the shift, collects with cash + 微信 and change, previews and prints, posts once on a double Enter, takes a prepayment', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const collectCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/invoke') && r.postData()?.includes('"call":"collection.collect"')) collectCalls.push(r.postData()!);
  });

  // Generated files reach the page from the bridge (GET /api/files/<id>): remember their addresses.
  const fileUrls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/files/') && r.method() === 'GET') fileUrls.push(r.url());
  });

  await signInDemo(page, 'shouyin1');

  await test.step('no open shift: the desk asks for the float and opens one', async () => {
    await expect(page.getByTestId('page-desk')).toBeVisible();
    await expect(page.getByTestId('desk-no-shift')).toBeVisible();
    await expect(page.getByTestId('desk-shift-float')).toBeFocused();
    await saveScreen(page, 'desk-open-shift');
    await openShiftIfNeeded(page, 500);
    await expect(page.getByTestId('desk-shift-badge')).toContainText('¥500.00');
  });

  await test.step('pinyin initials find the owner; the first hit is preselected', async () => {
    const search = page.getByTestId('desk-search');
    await expect(search).toBeFocused();
    await search.fill('xxl');
    const hit = page.getByTestId('desk-search-result').first();
    await expect(hit).toContainText('1-1-301');
    await expect(hit).toContainText('许秀兰');
    await expect(hit).toHaveAttribute('aria-selected', 'true');
    await saveScreen(page, 'desk-search-results');
    await search.fill('qqqzzz');
    await expect(page.getByTestId('desk-search-empty')).toBeVisible();
    await search.fill('');
    expect(await findUnitByInitials(page, 'xxl')).toBe('1-1-301');
  });

  await test.step('the unit panel: owner with a masked phone, area, bills by fee item with basis and late fees', async () => {
    await expect(page.getByTestId('desk-unit-owner')).toContainText('许秀兰');
    await expect(page.getByTestId('desk-unit-owner')).toContainText(/1\d{2}\*{4}\d{4}/);
    await expect(page.getByTestId('desk-unit-area')).toContainText('160.66㎡');
    await expect(page.getByTestId('desk-bill-group').first()).toContainText('物业费');
    await expect(page.getByTestId('desk-bill').first()).toContainText('160.66㎡ × ¥2.35 × 1 月');
    await expect(page.getByTestId('desk-late-fee')).toBeVisible();
    // Everything due is preselected and the cursor waits in the cash handed over.
    await expect(page.getByTestId('desk-bill').and(page.locator('[aria-selected="true"]'))).toHaveCount(await page.getByTestId('desk-bill').count());
    await expect(page.getByTestId('desk-cash-given')).toBeFocused();
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'desk-unit-bills');
  });

  let receiptNo = '';
  await test.step('three bills with 微信 and cash, ¥300 cash handed over for ¥200: ¥100.00 change', async () => {
    const result = await collectBills(page, {
      count: 3,
      tenders: [{ method: 'wechat', reference: 'WX4200001234' }, { method: 'cash', yuan: 200 }],
      cashGivenYuan: 300,
      beforeConfirm: async () => {
        await expect(page.getByTestId('desk-change')).toHaveText('¥100.00');
        await saveScreen(page, 'desk-collect-split');
      },
    });
    receiptNo = result.receiptNo;
    expect(receiptNo).toMatch(/^SJ\d+$/);
    expect(result.changeText).toBe('¥100.00');
  });

  await test.step('the receipt preview is the PDF of that receipt; 打印 opens it for the browser to print', async () => {
    await expect(page.getByTestId('desk-receipt-preview')).toBeVisible();
    await expect(page.getByTestId('desk-receipt-preview')).toHaveAttribute('src', /^blob:/);
    await expect.poll(() => fileUrls.length).toBeGreaterThan(0);
    const pdf = await fetchFile(page, fileUrls.at(-1)!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(pdf.includes(utf16be(receiptNo))).toBe(true);
    await expectNoHorizontalScroll(page);
    // Chromium's PDF viewer draws the page a moment after the frame loads.
    await page.waitForTimeout(1_500);
    await saveScreen(page, 'desk-receipt');
    const popup = page.waitForEvent('popup');
    await page.keyboard.press('p');
    expect((await popup).url()).toMatch(/^blob:/);
    await (await popup).close();
    await nextCustomer(page);
  });

  await test.step('a double Enter posts once', async () => {
    expect(await findUnitByInitials(page, 'wml')).toBe('1-1-501');
    const before = collectCalls.length;
    const cashGiven = page.getByTestId('desk-cash-given');
    await expect(cashGiven).toBeFocused();
    await cashGiven.fill('2000');
    await saveScreen(page, 'desk-collect-change');
    // Both presses leave together, as a cashier's bouncing finger sends them.
    await Promise.all([page.keyboard.press('Enter'), page.keyboard.press('Enter')]);
    await expect(page.getByTestId('desk-receipt-no').or(page.getByTestId('desk-idle'))).toBeVisible();
    await expect.poll(() => collectCalls.length - before).toBe(1);
    if (await page.getByTestId('desk-receipt-no').isVisible()) await nextCustomer(page);
    await findUnitByInitials(page, 'wml');
    await page.getByTestId('desk-action-recent').click();
    await expect(page.getByTestId('desk-recent-payment').and(page.locator(`[data-date="${TODAY}"]`))).toHaveCount(1);
    await page.keyboard.press('Escape');
  });

  await test.step('预存: ¥300 into the general prepaid account, with its own receipt', async () => {
    await expect(page.getByTestId('desk-recent-payments')).toBeHidden();
    await page.keyboard.press('F6');
    await expect(page.getByTestId('desk-deposit-amount')).toBeFocused();
    await page.getByTestId('desk-deposit-amount').fill('300');
    await page.getByTestId('desk-deposit-cash-given').fill('300');
    await page.getByTestId('desk-deposit-submit').click();
    await expect(page.getByTestId('desk-receipt-no')).toBeVisible();
    await page.waitForTimeout(600);
    await page.keyboard.press('Enter');
    await findUnitByInitials(page, 'wml');
    await expect(page.getByTestId('desk-unit-prepaid')).toContainText('¥300.00');
  });

  await test.step('English once', async () => {
    await page.getByTestId('language-switch').getByText('English').click();
    await findUnitByInitials(page, 'sht');
    await expect(page.getByTestId('desk-collect')).toContainText('Collect');
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'desk-unit-en');
    await page.getByTestId('language-switch').getByText('中文').click();
  });

  expect(errors).toEqual([]);
});

test('keyboard only: find by initials, collect the default bills with cash, print, next — counted', async ({ page }) => {
  test.setTimeout(90_000);
  await signInDemo(page, 'shouyin1');
  await openShiftIfNeeded(page, 500);
  let keys = 0;
  const press = async (key: string) => {
    keys += 1;
    await page.keyboard.press(key);
  };
  const search = page.getByTestId('desk-search');
  await expect(search).toBeFocused();

  for (const ch of 'xht') await press(ch);
  await press('Enter');
  await expect(page.getByTestId('desk-unit-code')).toHaveText('1-1-701');
  await expect(page.getByTestId('desk-cash-given')).toBeFocused();
  for (const ch of '1100') await press(ch);
  await expect(page.getByTestId('desk-change')).not.toHaveText('¥0.00');
  await press('Enter');
  await expect(page.getByTestId('desk-receipt-no')).toBeVisible();
  await page.waitForTimeout(600);
  const popup = page.waitForEvent('popup');
  await press('p');
  await (await popup).close();
  await press('Enter');
  await expect(search).toBeFocused();
  console.log(`keyboard-only collection: ${keys} keystrokes`);
  expect(keys).toBeLessThanOrEqual(12);
});

test('the unit panel: waive late fees, pay ahead, a one-off charge, a refund request, recent payments', async ({ page }) => {
  test.setTimeout(150_000);
  await signInDemo(page, 'shouyin1');
  await openShiftIfNeeded(page, 500);

  await test.step('late fees waived with a reason: the total drops to the bills alone', async () => {
    await findUnitByInitials(page, 'sht');
    const principal = (await page.getByTestId('desk-principal').textContent()) ?? '';
    await expect(page.getByTestId('desk-due')).not.toHaveText(principal);
    await page.getByTestId('desk-waive').check();
    await expect(page.getByTestId('desk-due')).toHaveText(principal);
    await page.getByTestId('desk-waive-reason').fill('业主首次逾期，经主管同意');
    await page.keyboard.press('F8');
    await expect(page.getByTestId('desk-receipt-no')).toBeVisible();
    await page.waitForTimeout(600);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('desk-search')).toBeFocused();
  });

  await test.step('预交: the ledger quotes future months, bills them and the desk selects them', async () => {
    await findUnitByInitials(page, 'zjg');
    const before = await page.getByTestId('desk-bill').count();
    await page.getByTestId('desk-action-prepay').click();
    await page.getByTestId('desk-prepay-item').selectOption({ label: '物业费' });
    await page.getByTestId('desk-prepay-months').fill('3');
    await page.getByTestId('desk-prepay-quote').click();
    await expect(page.getByTestId('desk-prepay-dialog')).toContainText('3 期');
    await saveScreen(page, 'desk-prepay');
    await page.getByTestId('desk-prepay-submit').click();
    await expect(page.getByTestId('desk-bill')).toHaveCount(before + 3);
    await expect(page.getByTestId('desk-bill').and(page.locator('[aria-selected="true"]'))).toHaveCount(before + 3);
  });

  await test.step('一次性收费 without a one-off fee item says so; Esc closes', async () => {
    await page.keyboard.press('F7');
    await expect(page.getByTestId('desk-oneoff-dialog')).toContainText('没有启用的一次性收费项目');
    await expect(page.getByTestId('desk-oneoff-submit')).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('desk-oneoff-dialog')).toBeHidden();
  });

  await test.step('退费申请 for one item of an earlier payment', async () => {
    await page.getByTestId('desk-action-refund').click();
    await expect(page.getByTestId('desk-refund-submit')).toBeDisabled();
    await page.getByTestId('desk-refund-item').first().check();
    await page.getByTestId('desk-refund-reason').fill('重复缴费，业主申请退回');
    await saveScreen(page, 'desk-refund');
    await page.getByTestId('desk-refund-submit').click();
    await expect(page.getByText('退费申请已提交')).toBeVisible();
    await expect(page.getByTestId('desk-refund-dialog')).toBeHidden();
  });

  await test.step('近期收款 lists the unit’s payments', async () => {
    await page.getByTestId('desk-action-recent').click();
    await expect(page.getByTestId('desk-recent-payment').first()).toBeVisible();
    await page.keyboard.press('Escape');
  });
});
