import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrearsList, arrearsSummary } from '../../../src-main/arrears/arrearsQuery';
import { generateDemoLedger, TRAINING_PASSWORD } from '../../../src-main/demo/generate';
import { tenderSums } from '../../../src-main/shifts/shiftTotals';
import type { CallInput, CallName } from '../../../src-shared/api';
import { csvFen, csvFields, expectTotal, libreOfficeCsv, readWorkbook, sheetTable } from '../documents/excel/workbookReader';
import { testApp, type TestApp } from '../support/testApp';

/** A demo ledger of 60 units × 6 months (2023-12 … 2024-05), read by a supervisor at month end. */
let app: TestApp;
let session: string;
const files: Record<string, Buffer> = {};
const value = (sql: string, ...args: unknown[]) => app.context.sqlite.prepare(sql).pluck().get(...args) as number;
const ASOF = '2024-05-31';
let busyDay: string;
let busyShift: number;

async function exported<N extends CallName>(name: N, input: CallInput<N>, key: string): Promise<ExcelJS.Workbook> {
  const ref = (await app.must(name, input, session)) as { fileId: string; fileName: string; mimeType: string };
  expect(ref.fileName).toMatch(/\.xlsx$/);
  const data = app.context.files.get(ref.fileId)!.data;
  files[key] = data;
  return readWorkbook(data);
}

beforeAll(async () => {
  app = testApp({ now: '2024-05-31T12:00:00.000Z' });
  await generateDemoLedger(app.context.sqlite, { units: 60, months: 6, end: '2024-05', seed: 7 });
  session = (await app.must('auth.login', { username: 'zhuguan1', password: TRAINING_PASSWORD })).sessionId;
  busyDay = app.context.sqlite
    .prepare(`SELECT business_date FROM payments GROUP BY business_date ORDER BY COUNT(*) DESC, business_date LIMIT 1`)
    .pluck().get() as string;
  busyShift = value(`SELECT shift_id FROM payments GROUP BY shift_id ORDER BY COUNT(*) DESC, shift_id LIMIT 1`);
}, 120_000);
afterAll(() => app.close());

describe('reports on the demo ledger', () => {
  it('收费日报: receipts, tenders and fee items agree with each other and with the ledger; the shift with the day close', async () => {
    const d = await app.must('reports.daily', { date: busyDay }, session);
    const ledger = value(`SELECT SUM(t.amount_fen) FROM payment_tenders t JOIN payments p ON p.id = t.payment_id WHERE p.business_date = ? AND p.status = 'posted'`, busyDay);
    expect(d.receipts.length).toBeGreaterThan(0);
    expect(d.totalFen).toBe(ledger);
    expect(d.tenders.reduce((s, t) => s + t.amountFen, 0)).toBe(ledger);
    expect(d.feeItems.reduce((s, f) => s + f.totalFen, 0)).toBe(ledger);
    expect(d.counts.length).toBeGreaterThan(0);

    const s = await app.must('reports.daily', { shiftId: busyShift }, session);
    const sums = tenderSums(app.context, busyShift);
    for (const t of s.tenders) expect(t.amountFen).toBe(sums.get(t.method as never) ?? 0);
    expect(s.feeItems.reduce((a, f) => a + f.totalFen, 0)).toBe(s.totalFen);

    const wb = await exported('reports.exportDaily', { date: busyDay }, 'daily');
    const receipts = wb.getWorksheet('按收据')!;
    const t = sheetTable(receipts);
    expect(t.rows.length).toBe(d.receipts.length);
    expectTotal(receipts, t, '合计', ledger);
    const items = wb.getWorksheet('按收费项目')!;
    expectTotal(items, sheetTable(items), '合计', ledger);
    const tenders = wb.getWorksheet('按支付方式')!;
    expectTotal(tenders, sheetTable(tenders), '金额', ledger);
  });

  it('收费明细: every page of the screen is the export, row for row, and its total is the money taken', async () => {
    const filter = { dateFrom: '2024-04-01', dateTo: '2024-05-31' };
    const pages = [];
    for (let offset = 0; ; offset += 500) {
      const p = await app.must('reports.collectionDetail', { ...filter, offset, limit: 500 }, session);
      pages.push(...p.rows);
      if (p.rows.length < 500) break;
    }
    const ledger = value(`SELECT SUM(t.amount_fen) FROM payment_tenders t JOIN payments p ON p.id = t.payment_id WHERE p.business_date BETWEEN ? AND ? AND p.status = 'posted'`, filter.dateFrom, filter.dateTo);
    expect(pages.reduce((s, r) => s + r.amountFen, 0)).toBe(ledger);
    const ws = (await exported('reports.exportCollectionDetail', filter, 'detail')).worksheets[0]!;
    const t = sheetTable(ws);
    expect(t.rows.map((r) => [r[1], r[3], r[5], Math.round((r[9] as number) * 100)])).toEqual(
      pages.map((r) => [r.number, r.unitCode, r.feeItemName, r.amountFen]),
    );
    expectTotal(ws, t, '金额', ledger);
  });

  it('欠费明细: per unit the arrears list; totals the open lines; the export is the screen', async () => {
    const d = await app.must('reports.arrearsDetail', { asOf: ASOF, limit: 500 }, session);
    const ledger = value(`SELECT SUM(outstanding_fen) FROM bill_lines WHERE status = 'posted' AND outstanding_fen > 0 AND due_date < ?`, ASOF);
    expect(d.outstandingFen).toBe(ledger);
    const list = arrearsList(app.context, { asOf: ASOF, sort: 'code', offset: 0, limit: 500 });
    const perUnit = new Map<string, number>();
    expect(d.total).toBeLessThanOrEqual(500);
    for (const r of d.rows) perUnit.set(`${r.communityName} ${r.unitCode}`, (perUnit.get(`${r.communityName} ${r.unitCode}`) ?? 0) + r.outstandingFen);
    expect(Object.fromEntries(perUnit)).toEqual(Object.fromEntries(list.rows.map((r) => [`${r.communityName} ${r.unitCode}`, r.outstandingFen])));
    for (const r of d.rows) expect(r.receivableFen - r.receivedFen - r.waivedFen - r.discountFen).toBe(r.outstandingFen);

    const ws = (await exported('reports.exportArrearsDetail', { asOf: ASOF }, 'arrears')).worksheets[0]!;
    const t = sheetTable(ws);
    expect(t.rows.length).toBe(d.total);
    expect(t.rows.slice(0, d.rows.length).map((r) => [r[2], r[4], r[5]])).toEqual(d.rows.map((r) => [r.unitCode, r.feeItemName, r.periodStart]));
    expectTotal(ws, t, '欠费', ledger);
    expectTotal(ws, t, '违约金', d.lateFeeFen);
  });

  it('收费汇总 and 收缴率: 应收 and 实收 by period equal the ledger\'s', async () => {
    const filter = { monthFrom: '2024-01', monthTo: '2024-05', asOf: ASOF };
    const receivable = value(
      `SELECT SUM(bl.amount_fen) + COALESCE((SELECT SUM(a.amount_fen) FROM adjustments a JOIN bill_lines x ON x.id = a.line_id
         WHERE a.status = 'approved' AND x.status = 'posted' AND x.kind = 'charge' AND x.period_start BETWEEN '2024-01-01' AND '2024-05-31'), 0)
       FROM bill_lines bl WHERE bl.status = 'posted' AND bl.kind = 'charge' AND bl.period_start BETWEEN '2024-01-01' AND '2024-05-31'`,
    );
    const received = value(
      `SELECT SUM(al.amount_fen) FROM allocations al JOIN bill_lines bl ON bl.id = al.line_id
       WHERE al.status = 'live' AND bl.status = 'posted' AND bl.kind = 'charge' AND bl.period_start BETWEEN '2024-01-01' AND '2024-05-31'`,
    );
    const s = await app.must('reports.summary', filter, session);
    expect(s.rows.reduce((a, r) => a + r.receivableFen, 0)).toBe(receivable);
    expect(s.rows.reduce((a, r) => a + r.receivedFen, 0)).toBe(received);
    const ws = (await exported('reports.exportSummary', filter, 'summary')).worksheets[0]!;
    const t = sheetTable(ws);
    expectTotal(ws, t, '应收', receivable);
    expectTotal(ws, t, '实收合计', received);
    expect((t.totals!.getCell(9).value as { formula: string }).formula).toMatch(/^IF\(/);
    expect(ws.getColumn(1).values.some((v) => typeof v === 'string' && v.startsWith('当期收缴率 ='))).toBe(true);

    const r = await app.must('reports.rates', filter, session);
    expect(r.total.receivableFen).toBe(receivable);
    expect(r.total.currentReceivedFen).toBe(received);
    const rates = (await exported('reports.exportRates', filter, 'rates')).worksheets[0]!;
    const rt = sheetTable(rates);
    expectTotal(rates, rt, '本期应收', receivable);
    expect((rt.totals!.getCell(5).value as { result: number }).result).toBeCloseTo(r.total.currentRate!, 12);
    const notes = rates.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    for (const term of ['当期收缴率 =', '清欠率 =', '综合收缴率 =']) expect(notes.some((n) => n.startsWith(term))).toBe(true);
  });

  it('账龄分析: the arrears summary\'s buckets, >3 years flagged; 预收款余额 and 对账单 close on the ledger', async () => {
    const summary = arrearsSummary(app.context, ASOF);
    const aging = await app.must('reports.aging', { asOf: ASOF, limit: 500 }, session);
    expect(aging.total).toEqual(summary.total);
    const wb = await exported('reports.exportAging', { asOf: ASOF }, 'aging');
    const units = wb.getWorksheet('账龄明细')!;
    const ut = sheetTable(units);
    expect(ut.rows.length).toBe(summary.total.units);
    expectTotal(units, ut, '欠费合计', summary.total.outstandingFen);
    expectTotal(units, ut, '≤30天', summary.total.buckets.d30);

    const prepaid = await app.must('reports.prepaid', { asOf: ASOF, limit: 500 }, session);
    const ledger = value(`SELECT SUM(amount_fen) FROM prepaid_entries WHERE business_date <= ?`, ASOF);
    expect(prepaid.balanceFen).toBe(ledger);
    const pws = (await exported('reports.exportPrepaid', { asOf: ASOF }, 'prepaid')).worksheets[0]!;
    expectTotal(pws, sheetTable(pws), '余额', ledger);

    const unitId = value(`SELECT unit_id FROM bill_lines WHERE status = 'posted' GROUP BY unit_id ORDER BY SUM(outstanding_fen) DESC LIMIT 1`);
    const all = await app.must('reports.statement', { unitId, dateFrom: '2000-01-01', dateTo: '2099-12-31' }, session);
    expect(all.openingFen).toBe(0);
    expect(all.closingFen).toBe(value(`SELECT SUM(outstanding_fen) FROM bill_lines WHERE unit_id = ? AND status = 'posted'`, unitId));
    const part = await app.must('reports.statement', { unitId, dateFrom: '2024-03-01', dateTo: '2024-05-31' }, session);
    const debit = part.rows.reduce((s, r) => s + r.debitFen, 0);
    const credit = part.rows.reduce((s, r) => s + r.creditFen, 0);
    expect(part.closingFen).toBe(part.openingFen + debit - credit);
    const sws = (await exported('reports.exportStatement', { unitId, dateFrom: '2024-03-01', dateTo: '2024-05-31' }, 'statement')).worksheets[0]!;
    const st = sheetTable(sws, '本期合计');
    expectTotal(sws, st, '应收（借）', debit);
    expect(Math.round((st.rows.at(-1)![6] as number) * 100)).toBe(part.closingFen);
  });

  it('opens every workbook in LibreOffice (one headless call), every sheet, with the same totals', () => {
    expect(Object.keys(files).sort()).toEqual(['aging', 'arrears', 'daily', 'detail', 'prepaid', 'rates', 'statement', 'summary']);
    const csv = libreOfficeCsv(files);
    expect(csv.size).toBeGreaterThanOrEqual(Object.keys(files).length + 5);
    const totalOf = (key: string, header: string, label = '合计') => {
      const lines = csv.get(key)!.split(/\r?\n/).map(csvFields);
      const col = lines.find((l) => l.includes(header))!.indexOf(header);
      return csvFen(lines.find((l) => l[0] === label)![col]!);
    };
    const arrears = value(`SELECT SUM(outstanding_fen) FROM bill_lines WHERE status = 'posted' AND outstanding_fen > 0 AND due_date < ?`, ASOF);
    expect(totalOf('arrears-欠费明细', '欠费')).toBe(arrears);
    expect(totalOf('aging-账龄明细', '欠费合计')).toBe(arrears);
    expect(totalOf('prepaid-预收款余额', '余额')).toBe(value(`SELECT SUM(amount_fen) FROM prepaid_entries WHERE business_date <= ?`, ASOF));
    expect(totalOf('detail-收费明细', '金额')).toBe(
      value(`SELECT SUM(t.amount_fen) FROM payment_tenders t JOIN payments p ON p.id = t.payment_id WHERE p.business_date BETWEEN '2024-04-01' AND '2024-05-31' AND p.status = 'posted'`),
    );
    expect(totalOf('daily-按收据', '合计')).toBe(
      value(`SELECT SUM(t.amount_fen) FROM payment_tenders t JOIN payments p ON p.id = t.payment_id WHERE p.business_date = ? AND p.status = 'posted'`, busyDay),
    );
  }, 240_000);
});
