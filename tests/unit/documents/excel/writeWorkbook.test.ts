import { describe, expect, it } from 'vitest';
import { writeArrearsDetailWorkbook } from '../../../../src-main/documents/excel/arrearsDetailWorkbook';
import { workbookBufferOffThread } from '../../../../src-main/documents/excel/offThread';
import { arrearsDetailSheet } from '../../../../src-main/documents/excel/reportSheets';
import { YUAN_FORMAT, type WorkbookSpec } from '../../../../src-main/documents/excel/sheetSpec';
import { workbookBuffer } from '../../../../src-main/documents/excel/writeWorkbook';
import type { ArrearsDetailRow } from '../../../../src-shared/api/calls/reports';
import { expectTotal, readWorkbook, sheetTable } from './workbookReader';
import { PassThrough } from 'node:stream';

function rows(n: number): ArrearsDetailRow[] {
  return Array.from({ length: n }, (_, i) => ({
    lineId: i + 1,
    communityName: '阳光花园',
    buildingName: '3号楼',
    unitCode: `3-2-${100 + (i % 900)}`,
    ownerName: '张三',
    feeItemName: '物业费',
    kind: 'charge',
    periodStart: '2024-01-01',
    periodEnd: '2024-01-31',
    dueDate: '2024-01-01',
    receivableFen: 12345 + i,
    receivedFen: 1000,
    waivedFen: 0,
    discountFen: 0,
    outstandingFen: 11345 + i,
    overdueDays: 40,
    lateFeeFen: i % 7,
    bucket: i % 50 === 0 ? 'over3y' : 'd90',
  }));
}

const heading = { title: '欠费明细', meta: ['筛选：全部', '截止日期：2024-05-15', '制表人：王管理　制表时间：2024-05-15 10:00:00'] };

describe('the workbook writer', () => {
  it('writes yuan numbers with the ¥ format, a title block, frozen header, autofilter and SUM totals with results', async () => {
    const data = rows(7);
    const wb = await readWorkbook(await workbookBuffer({ company: '阳光物业服务有限公司', sheets: [arrearsDetailSheet(data, heading)] }));
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('阳光物业服务有限公司');
    expect(ws.getCell('A2').value).toBe('欠费明细');
    expect(ws.getCell('A5').value).toMatch(/^制表人：王管理/);
    const t = sheetTable(ws);
    expect(t.headerRow).toBe(7);
    expect(t.headers.slice(0, 4)).toEqual(['项目', '楼栋', '房号', '业主']);
    expect(t.rows).toHaveLength(7);
    expect(t.rows[0]![8]).toBe(123.45);
    expect(ws.getCell(`I${t.headerRow + 1}`).numFmt).toBe(YUAN_FORMAT);
    expectTotal(ws, t, '欠费', data.reduce((s, r) => s + r.outstandingFen, 0));
    expectTotal(ws, t, '违约金', data.reduce((s, r) => s + r.lateFeeFen, 0));
    expect(String(ws.autoFilter)).toBe('A7:P14');
    expect(ws.getColumn(3).width).toBe(11);
  });

  it('writes an empty report with a zero total and the autofilter on the header alone', async () => {
    const wb = await readWorkbook(await workbookBuffer({ company: 'X', sheets: [arrearsDetailSheet([], heading)] }));
    const ws = wb.worksheets[0]!;
    const t = sheetTable(ws);
    expect(t.rows).toEqual([]);
    expectTotal(ws, t, '欠费', 0);
    expect(String(ws.autoFilter)).toBe('A7:P7');
  });

  it('writes the same workbook on a worker thread, reporting progress', async () => {
    const spec: WorkbookSpec = { company: '阳光物业', sheets: [arrearsDetailSheet(rows(5000), heading)] };
    const progress: number[] = [];
    const off = await readWorkbook(await workbookBufferOffThread(spec, (done) => progress.push(done)));
    const inline = await readWorkbook(await workbookBuffer(spec));
    expect(progress.at(-1)).toBe(5000);
    expect(progress.length).toBeGreaterThan(1);
    const a = sheetTable(off.worksheets[0]!);
    const b = sheetTable(inline.worksheets[0]!);
    expect(a.rows).toEqual(b.rows);
    expectTotal(off.worksheets[0]!, a, '应收', rows(5000).reduce((s, r) => s + r.receivableFen, 0));
  }, 60_000);

  it('writeArrearsDetailWorkbook streams to any writable, for the benchmark', async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    await writeArrearsDetailWorkbook(rows(3), sink);
    const ws = (await readWorkbook(Buffer.concat(chunks))).worksheets[0]!;
    expect(sheetTable(ws).rows).toHaveLength(3);
  });
});
