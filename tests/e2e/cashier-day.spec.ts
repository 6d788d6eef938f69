import { expect, test, type APIRequestContext } from '@playwright/test';
import { pinyin } from 'pinyin-pro';
import { demoUrl, expectNoHorizontalScroll, saveScreen, signInDemo } from './support/app';
import { arrearsTotals, exportArrears, filterArrears, openArrears, workbookDataRows } from './support/arrearsSteps';
import { closeShift, confirmShift } from './support/dayCloseSteps';
import { collectBills, findUnitByInitials, nextCustomer, openShiftIfNeeded } from './support/deskSteps';
import { backToNormal, enterPaperReceipt, leaveFallbackViaBridge, registerManualBook, switchToFallback } from './support/manualSteps';
import { bridgeSession, findReceipt, voidReceipt } from './support/querySteps';

/**
 * A cashier's whole day on the training company, in one go, as 周杰 (shouyin4) on 阳光花园 4栋
 * (the other specs use buildings 1–3): find a unit by pinyin initials, collect three bills with
 * cash + 微信 and change, the receipt PDF, void it with 李秀英's approval, filter arrears by
 * building and aging and export exactly those rows, collect cash in fallback, 补录 two paper
 * receipts from a book the supervisor registered, close the shift ¥1.00 short, supervisor confirms.
 */
const CASHIER = 'shouyin4';
const SUPERVISOR = 'zhuguan1';
const BOOK = { code: 'SH2405-04', prefix: 'SH', from: 1, to: 20, holder: '周杰（shouyin4）' };

interface Candidate {
  code: string;
  initials: string;
  openBills: number;
}

/**
 * Units of 阳光花园 4栋 with at least three open bills whose owner's pinyin initials find that very
 * unit first — what a cashier types when an owner gives their name.
 */
async function unitsToServe(request: APIRequestContext): Promise<Candidate[]> {
  const s = await bridgeSession(request, CASHIER);
  const communities = await s.call('register.listCommunities', {});
  const community = communities.find((c) => c.name === '阳光花园')!;
  const building = community.buildings.find((b) => b.code === '4')!;
  const { items } = await s.call('register.listUnits', { buildingId: building.id, pageSize: 50 });
  const found: Candidate[] = [];
  for (const unit of items) {
    if (!unit.ownerName) continue;
    const account = await s.call('collection.account', { unitId: unit.id });
    const openBills = account.groups.reduce((n, g) => n + g.lines.length, 0);
    if (openBills < 3) continue;
    const initials = pinyin(unit.ownerName, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('');
    const hits = await s.call('register.search', { query: initials, limit: 5 });
    if (hits[0]?.unitId === unit.id) found.push({ code: unit.code, initials, openBills });
    if (found.length === 4) break;
  }
  return found;
}

test.afterEach(async ({ request }) => {
  await leaveFallbackViaBridge(request, CASHIER);
});

test('a cashier day: collect, void with approval, arrears export, fallback, paper receipts, shift close confirmed', async ({ page, request }) => {
  test.setTimeout(300_000);
  // PDFs open in tabs of their own for the browser to print; the test reads their bytes instead.
  page.context().on('page', (tab) => void tab.close());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const fileUrls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/files/') && r.method() === 'GET') fileUrls.push(r.url());
  });

  const units = await unitsToServe(request);
  expect(units.length, 'units of 4栋 found by their owners’ initials').toBeGreaterThanOrEqual(4);
  const [first, second, third, fourth] = units as [Candidate, Candidate, Candidate, Candidate];

  await signInDemo(page, CASHIER);
  await openShiftIfNeeded(page, 500);

  const receiptNo = await test.step('find a unit by pinyin initials and collect three bills with cash + 微信, with change', async () => {
    expect(await findUnitByInitials(page, first.initials)).toBe(first.code);
    const paid = await collectBills(page, {
      count: 3,
      tenders: [{ method: 'cash' }, { method: 'wechat', yuan: 100 }],
      cashGivenYuan: 5000,
    });
    expect(paid.receiptNo).toMatch(/^SJ/);
    expect(paid.changeText).toMatch(/^¥[\d,]+\.\d{2}$/);
    expect(paid.changeText).not.toBe('¥0.00');
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'day-1-collected');
    return paid.receiptNo;
  });

  await test.step('the receipt previews as a PDF that carries its number', async () => {
    await expect(page.getByTestId('desk-receipt-preview')).toHaveAttribute('src', /^blob:/);
    await expect.poll(() => fileUrls.length).toBeGreaterThan(0);
    const token = new URLSearchParams(new URL(demoUrl()).hash.replace(/^#/, '')).get('token') ?? '';
    const pdf = await (await request.get(fileUrls.at(-1)!, { headers: { 'X-FeeDesk-Token': token } })).body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // pdfkit writes the title (收款收据 <no>) as UTF-16BE in the info dictionary.
    expect(pdf.includes(Buffer.from(receiptNo, 'utf16le').swap16())).toBe(true);
    await nextCustomer(page);
  });

  await test.step('void it in 查询 with the supervisor’s approval at this desk', async () => {
    await page.getByTestId('nav-query').click();
    await findReceipt(page, receiptNo);
    await voidReceipt(page, { reason: '收款方式选错，重新收取', supervisor: SUPERVISOR });
    await saveScreen(page, 'day-2-voided');
    await page.keyboard.press('Escape');
  });

  await test.step('arrears of 4栋 older than 90 days: the export has exactly the rows on screen', async () => {
    await openArrears(page);
    await filterArrears(page, { community: '阳光花园', building: '4栋', aging: '91天以上' });
    const totals = await arrearsTotals(page);
    expect(totals.units).toBeGreaterThan(0);
    const book = await workbookDataRows(await exportArrears(page));
    expect(book.rows).toBe(totals.units);
    await saveScreen(page, 'day-3-arrears');
  });

  await test.step('network down: switch to fallback and collect cash', async () => {
    await switchToFallback(page, '网络中断，微信支付无法确认到账');
    await page.getByTestId('nav-desk').click();
    await expect(page.getByTestId('fallback-banner')).toBeVisible();
    expect(await findUnitByInitials(page, second.initials)).toBe(second.code);
    // Only tenders that need no online confirmation are offered now.
    const methods = await page.getByTestId('desk-tender-method').first().locator('option').allTextContents();
    expect(methods).not.toContain('微信');
    const paid = await collectBills(page, { count: 1, tenders: [{ method: 'cash' }], cashGivenYuan: 1000 });
    expect(paid.receiptNo).toMatch(/^SJ/);
    await saveScreen(page, 'day-4-fallback-collected');
    await nextCustomer(page);
  });

  await test.step('the supervisor registers a paper receipt book; the cashier enters two paper receipts', async () => {
    await page.getByTestId('logout-button').click();
    await signInDemo(page, SUPERVISOR);
    await registerManualBook(page, BOOK);
    await page.getByTestId('logout-button').click();
    await signInDemo(page, CASHIER);
    const a = await enterPaperReceipt(page, { number: 1, time: '09:10', unitCode: third.code, bills: 1 });
    const b = await enterPaperReceipt(page, { number: 2, time: '09:25', unitCode: fourth.code, bills: 2 });
    expect([a, b]).toEqual(['SH00000001', 'SH00000002']);
    await saveScreen(page, 'day-5-paper-receipts');
    await backToNormal(page, '网络已恢复');
  });

  await test.step('close the shift ¥1.00 short; the supervisor confirms at this desk', async () => {
    await closeShift(page, { shortYuan: 1, note: '找零多付 1 元' });
    await expect(page.getByTestId('shift-short')).toHaveText('¥1.00');
    await confirmShift(page, SUPERVISOR);
    await saveScreen(page, 'day-6-shift-confirmed');
  });

  expect(errors, 'no errors in the page').toEqual([]);
});
