import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, saveScreen, signInDemo } from './support/app';
import { closeShift, confirmShift, fenOf, openDayClose, openShift } from './support/dayCloseSteps';
import { bridgeSession, building2Units, nextFileBytes, postPayment } from './support/querySteps';

/** The amount in the 合计 row of a sheet's given column (a formula cell carries its result). */
function totalOf(ws: ExcelJS.Worksheet, header: string): number | null {
  let column = 0;
  let total: number | null = null;
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      if (column === 0 && cell.value === header) column = col;
    });
    if (row.getCell(1).value === '合计' && column > 0) {
      const v = row.getCell(column).value;
      total = typeof v === 'number' ? v : v !== null && typeof v === 'object' && 'result' in v ? Number(v.result) : null;
    }
  });
  return total;
}

/**
 * 日结 on the training company as 刘婷 (shouyin2): open with ¥500.00 float → one cash payment →
 * count ¥1.00 short with a note → submit → 李秀英 confirms at this desk → read-only, 日报 PDF and
 * Excel whose total is the screen's. 陈建国 (zhuguan2) sees the counted shift waiting meanwhile.
 */
test('open, count with a short, supervisor confirms, daily report PDF and Excel', async ({ page, request, browser }) => {
  // Two sign-ins, a second browser and two generated documents: more than the default minute.
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signInDemo(page, 'shouyin2');

  await test.step('opens the shift with a ¥500.00 float; cash system amount holds the float', async () => {
    await openShift(page, '500');
    expect(await fenOf(page, 'count-system-cash')).toBe(50_000);
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'dayclose-open');
  });

  const bridge = await bridgeSession(request, 'shouyin2');
  const { units } = await building2Units(bridge);
  const unit = units.find((u) => u.code === '2-1-602')!;
  const paid = await postPayment(bridge, { unitId: unit.id, payerName: unit.ownerName ?? '业主', method: 'cash', yuan: 0, key: `dc-${Date.now().toString(36)}`, payBill: true });

  await test.step('counts ¥1.00 short on cash: over/short live, a note required', async () => {
    await openDayClose(page);
    expect(await fenOf(page, 'count-system-cash')).toBe(50_000 + paid.tenderedFen);
    expect(await fenOf(page, 'shift-collected')).toBe(paid.tenderedFen);
    await page.getByTestId('count-input-cash').fill(((50_000 + paid.tenderedFen - 100) / 100).toFixed(2));
    await expect(page.getByTestId('count-short-cash')).toHaveText('¥1.00');
    await expect(page.getByTestId('count-submit')).toBeDisabled();
    await saveScreen(page, 'dayclose-count-note-missing');
    await page.getByTestId('count-input-cash').fill('');
    await closeShift(page, { shortYuan: 1, note: '找零多付 1 元' });
    await expect(page.getByTestId('shift-short')).toHaveText('¥1.00');
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'dayclose-counted');
  });

  await test.step('another supervisor sees it waiting for confirmation', async () => {
    const context = await browser.newContext();
    const other = await context.newPage();
    await signInDemo(other, 'zhuguan2');
    await other.getByTestId('nav-dayClose').click();
    await other.getByTestId('dayclose-tab-pending').click();
    await expect(other.getByTestId('pending-shift').filter({ hasText: '刘婷' })).toBeVisible();
    await expectNoHorizontalScroll(other);
    await saveScreen(other, 'dayclose-pending');
    await context.close();
  });

  await test.step('李秀英 confirms at the cashier’s desk; the shift is read-only', async () => {
    await confirmShift(page, 'zhuguan1');
    await expect(page.getByTestId('count-form')).toHaveCount(0);
    await expect(page.getByTestId('open-shift')).toBeVisible();
    await saveScreen(page, 'dayclose-confirmed');
  });

  await test.step('the 日报 PDF and the Excel whose total equals the screen’s', async () => {
    const screenFen = await fenOf(page, 'shift-collected');
    expect(screenFen).toBe(paid.tenderedFen);

    const popup = page.context().waitForEvent('page');
    const pdf = await nextFileBytes(page, request, () => page.getByTestId('daily-pdf').click());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await (await popup).close();

    const download = page.waitForEvent('download');
    await page.getByTestId('daily-xlsx').click();
    const saved = await (await download).path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(saved) as unknown as ArrayBuffer);
    const byReceipt = workbook.getWorksheet('按收据')!;
    const byMethod = workbook.getWorksheet('按支付方式')!;
    expect(Math.round(totalOf(byReceipt, '合计')! * 100)).toBe(screenFen);
    expect(Math.round(totalOf(byMethod, '金额')! * 100)).toBe(screenFen);
    const counts = workbook.getWorksheet('长短款')!;
    expect(Math.round(totalOf(counts, '短款')! * 100)).toBe(100);
  });

  await test.step('the shift records list it as confirmed', async () => {
    await page.getByTestId('dayclose-tab-history').click();
    const row = page.getByTestId('history-row').first();
    await expect(row).toContainText('已确认');
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'dayclose-history');
    await row.click();
    await expect(page.getByTestId('history-daily-xlsx')).toBeVisible();
    await saveScreen(page, 'dayclose-history-detail');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('history-daily-xlsx')).toBeHidden();
  });

  await test.step('a reader of all shifts (admin: shift.read and reports.read, no shift of their own) sees the records only', async () => {
    const context = await browser.newContext();
    const reader = await context.newPage();
    await signInDemo(reader, 'admin');
    await reader.getByTestId('nav-dayClose').click();
    await expect(reader.getByTestId('dayclose-tab-history')).toBeVisible();
    await expect(reader.getByTestId('dayclose-tab-mine')).toHaveCount(0);
    await expect(reader.getByTestId('history-row').filter({ hasText: '刘婷' }).first()).toContainText('已确认');
    await expect(reader.getByTestId('day-report-date')).toBeVisible();
    await expectNoHorizontalScroll(reader);
    await saveScreen(reader, 'dayclose-reader');
    await context.close();
  });

  expect(errors).toEqual([]);
});
