import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';

/**
 * Steps on the 欠费 screen for composed flows: filter, read the totals row, export and count the
 * workbook, tick rows, make the 催缴单 PDF, record a follow-up. Each step waits until the numbers
 * on screen belong to the filters it set.
 */

/** Waits until the list on screen answers the filters now in the bar. */
export async function arrearsSettled(page: Page): Promise<void> {
  await expect(page.getByTestId('page-arrears')).toHaveAttribute('data-loading', 'false');
  await expect(page.getByTestId('arrears-totals')).toBeVisible();
}

export async function openArrears(page: Page): Promise<void> {
  if (!(await page.getByTestId('page-arrears').isVisible())) await page.getByTestId('nav-arrears').click();
  await arrearsSettled(page);
}

/** Picks an option of a Mantine select by its visible text. */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Community and building by name (e.g. 阳光花园, 3栋); aging as the select shows it (e.g. 91天以上). */
export async function filterArrears(page: Page, f: { community?: string; building?: string; aging?: string; minYuan?: number }): Promise<void> {
  if (f.community) await choose(page, 'arrears-filter-community', f.community);
  if (f.building) await choose(page, 'arrears-filter-building', f.building);
  if (f.aging) await choose(page, 'arrears-filter-aging', f.aging);
  if (f.minYuan !== undefined) await page.getByTestId('arrears-filter-min-amount').fill(String(f.minYuan));
  await arrearsSettled(page);
}

/** The totals row: how many units the filters give, and what they owe as shown (¥…). */
export async function arrearsTotals(page: Page): Promise<{ units: number; outstandingText: string }> {
  await arrearsSettled(page);
  const units = Number(await page.getByTestId('arrears-total-units').getAttribute('data-units'));
  return { units, outstandingText: (await page.getByTestId('arrears-total-outstanding').textContent()) ?? '' };
}

/** Data rows of the exported 欠费清单: from under the frozen header down to the 合计 row. */
export async function workbookDataRows(file: string): Promise<{ rows: number; unitCodes: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('欠费清单');
  if (!ws) throw new Error('the workbook has no 欠费清单 sheet');
  const header = (ws.views[0] as { ySplit?: number }).ySplit ?? 0;
  const codeColumn = (ws.getRow(header).values as unknown[]).indexOf('房号');
  const unitCodes: string[] = [];
  for (let r = header + 1; r <= ws.rowCount; r++) {
    const first = ws.getRow(r).getCell(1).value;
    if (first === '合计' || first === null) break;
    unitCodes.push(String(ws.getRow(r).getCell(codeColumn).value));
  }
  return { rows: unitCodes.length, unitCodes };
}

/** Ctrl+E-equivalent click on 导出 Excel; resolves with the downloaded file's path. */
export async function exportArrears(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('arrears-export').click();
  const file = await download;
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'arrears-')), file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

/** Ticks the first `count` rows with the keyboard: focus the table, Space, ↓, Space … */
export async function tickRows(page: Page, count: number): Promise<string[]> {
  const table = page.getByTestId('arrears-table');
  await table.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < count; i++) {
    if (i > 0) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
  }
  const ticked = table.locator('[data-testid="arrears-row"][aria-selected="true"]');
  await expect(ticked).toHaveCount(count);
  await expect(page.getByTestId('arrears-selected-count')).toContainText(String(count));
  return ticked.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit-code') ?? ''));
}

/** Ctrl+P makes the 催缴单 of the ticked rows; resolves with the PDF bytes and its page count (pdfinfo). */
export async function printNotices(page: Page): Promise<{ pdf: Buffer; pages: number }> {
  const fetched = page.waitForResponse((r) => r.url().includes('/api/files/') && r.request().method() === 'GET');
  await page.getByTestId('arrears-table').focus();
  await page.keyboard.press('Control+P');
  const url = (await fetched).url();
  await expect(page.getByTestId('arrears-open-pdf')).toBeVisible();
  // The page handed its copy to the print tab; fetch the same file again with the page's token.
  const base64 = await page.evaluate(async (href) => {
    const store = (globalThis as { sessionStorage?: { getItem(key: string): string | null } }).sessionStorage;
    const token = store?.getItem('feedesk.bridgeToken') ?? '';
    const bytes = new Uint8Array(await (await fetch(href, { headers: { 'X-FeeDesk-Token': token } })).arrayBuffer());
    let binary = '';
    bytes.forEach((b) => (binary += String.fromCharCode(b)));
    return btoa(binary);
  }, url);
  const pdf = Buffer.from(base64, 'base64');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'notices-')), 'notices.pdf');
  fs.writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pdf, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0) };
}

/** Opens a row's follow-ups, records one and waits for it at the top of the history. */
export async function recordFollowUp(
  page: Page,
  f: { unitCode: string; method: '电话' | '短信' | '上门' | '信函'; outcome: string; promisedDate?: string; note: string },
): Promise<void> {
  await page.locator(`[data-testid="arrears-row"][data-unit-code="${f.unitCode}"]`).getByTestId('arrears-row-followup').click();
  const drawer = page.getByTestId('followup-form');
  await expect(drawer).toBeVisible();
  await drawer.getByText(f.method, { exact: true }).click();
  await choose(page, 'followup-outcome', f.outcome);
  if (f.promisedDate) await page.getByTestId('followup-promised-date').fill(f.promisedDate);
  await page.getByTestId('followup-note').fill(f.note);
  await page.getByTestId('followup-note').press('Control+Enter');
  await expect(page.getByTestId('followup-history-item').first()).toContainText(f.note);
}
