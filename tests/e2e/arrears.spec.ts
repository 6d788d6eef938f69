import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, saveScreen, signInDemo } from './support/app';
import { arrearsTotals, exportArrears, filterArrears, openArrears, printNotices, recordFollowUp, tickRows, workbookDataRows } from './support/arrearsSteps';

/**
 * 欠费 on the training company (clock 2024-05-06), as 收银员 shouyin3 on 阳光花园 3栋: filter by
 * building and aging, read the totals row, export exactly what is listed, print 催缴单 for two
 * ticked units, record a follow-up and find it in the history.
 */
test('a cashier filters arrears, exports what the screen shows, prints two reminder notices and records a follow-up', async ({ page }) => {
  test.setTimeout(120_000);
  // The PDF opens in a tab of its own for the browser's print dialog; the test reads its bytes instead.
  page.context().on('page', (tab) => void tab.close());
  await signInDemo(page, 'shouyin3');
  await openArrears(page);
  await expectNoHorizontalScroll(page);
  const everyone = await arrearsTotals(page);
  expect(everyone.units).toBeGreaterThan(10);
  await saveScreen(page, 'arrears-list');

  const filtered = await test.step('filter by building and aging: the totals row follows', async () => {
    await filterArrears(page, { community: '阳光花园', building: '3栋', aging: '91天以上' });
    const totals = await arrearsTotals(page);
    expect(totals.units).toBeGreaterThanOrEqual(2);
    expect(totals.units).toBeLessThan(everyone.units);
    await expect(page.getByTestId('arrears-row')).toHaveCount(Math.min(totals.units, 100));
    for (const code of await page.getByTestId('arrears-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit-code')))) {
      expect(code).toMatch(/^3-/);
    }
    await saveScreen(page, 'arrears-filtered');
    return totals;
  });

  await test.step('export: the workbook has exactly the units on screen, in screen order', async () => {
    const file = await exportArrears(page);
    expect(file).toMatch(/欠费清单_2024-05-06\.xlsx$/);
    const book = await workbookDataRows(file);
    expect(book.rows).toBe(filtered.units);
    const onScreen = await page.getByTestId('arrears-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit-code')));
    expect(book.unitCodes).toEqual(onScreen);
  });

  const ticked = await test.step('tick two rows with Space and print their 催缴单: one page each', async () => {
    const codes = await tickRows(page, 2);
    const { pdf, pages } = await printNotices(page);
    expect(pdf.length).toBeGreaterThan(1000);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages).toBe(2);
    await saveScreen(page, 'arrears-selected');
    return codes;
  });

  await test.step('record a follow-up for the first ticked unit and see it in the history and the row', async () => {
    await recordFollowUp(page, { unitCode: ticked[0]!, method: '电话', outcome: '承诺缴费', promisedDate: '2024-05-31', note: '业主说月底发工资后来缴清' });
    const history = page.getByTestId('followup-history-item');
    await expect(history.first()).toContainText('承诺缴费');
    await expect(history.first()).toContainText('2024-05-31');
    await expect(history.first()).toContainText('黄晓燕');
    await saveScreen(page, 'arrears-followup');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('followup-form')).toBeHidden();
    const row = page.locator(`[data-testid="arrears-row"][data-unit-code="${ticked[0]}"]`);
    await expect(row.getByTestId('arrears-row-last-followup')).toContainText('承诺缴费');
  });

  await test.step('English: the same screen, every label switched', async () => {
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByTestId('arrears-export')).toContainText('Export to Excel');
    await expectNoHorizontalScroll(page);
    await saveScreen(page, 'arrears-en');
    await page.getByText('中文', { exact: true }).click();
  });
});
