import { afterEach, describe, expect, it } from 'vitest';
import { expectTotal, readWorkbook, sheetTable } from '../documents/excel/workbookReader';
import { arrearsEstate, type ArrearsEstate } from './estate';

let e: ArrearsEstate | undefined;
afterEach(() => {
  e?.app.close();
  e = undefined;
});

const fileBytes = (x: ArrearsEstate, fileId: string) => x.app.context.files.get(fileId)!.data;
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('欠费 export: exactly what the screen shows', () => {
  it.each([
    [{ sort: 'code' as const }],
    [{ sort: 'amount_desc' as const, buildingId: 1 }],
    [{ sort: 'oldest_first' as const, minBucket: 'd90' as const }],
    [{ sort: 'amount_desc' as const, minAmountFen: 3_000, minMonthsOverdue: 1 }],
  ])('has one data row per unit of the list, in the list order, for %o', async (filter) => {
    e = await arrearsEstate();
    const screen = await e.app.must('arrears.list', { ...filter, offset: 0, limit: 500 }, e.cashier);
    const file = await e.app.must('arrears.export', filter, e.cashier);
    expect(file.fileName).toMatch(/^欠费清单_2024-05-15\.xlsx$/);
    const wb = await readWorkbook(fileBytes(e, file.fileId));
    const ws = wb.getWorksheet('欠费清单')!;
    const table = sheetTable(ws);
    expect(table.rows).toHaveLength(screen.total.units);
    expect(table.rows.map((r) => r[table.headers.indexOf('房号')])).toEqual(screen.rows.map((r) => r.unitCode));
    expectTotal(ws, table, '欠费合计', screen.total.outstandingFen);
  });

  it('names the screen-only filters and the order in the title block', async () => {
    e = await arrearsEstate();
    const file = await e.app.must('arrears.export', { sort: 'oldest_first', buildingId: 1, minBucket: 'd90', minAmountFen: 1_000 }, e.cashier);
    const ws = (await readWorkbook(fileBytes(e, file.fileId))).getWorksheet('欠费清单')!;
    const meta = String(ws.getRow(3).getCell(1).value);
    expect(meta).toContain('楼栋=3号楼');
    expect(meta).toContain('账龄=31天以上');
    expect(meta).toContain('欠费不少于 ¥10.00');
    expect(meta).toContain('排序：最早欠费在前');
  });
});

describe('催缴单 for the units picked on the screen', () => {
  it('prints one page per picked unit that owes, in register order, with progress events', async () => {
    e = await arrearsEstate();
    const events: unknown[] = [];
    e.app.context.emit = (event) => void events.push(event.payload);
    const r = await e.app.must('documents.noticeBatch', { kind: 'dunning', unitIds: [e.units.c, e.units.a, e.units.paid] }, e.cashier);
    expect(r.unitCount).toBe(2);
    const pdf = fileBytes(e, r.file.fileId);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(2);
    expect(events).toContainEqual(expect.objectContaining({ task: 'documents.noticeBatch', phase: 'render' }));
  });

  it('asks for a community or units, not both and not neither', async () => {
    e = await arrearsEstate();
    for (const input of [{ kind: 'dunning' as const }, { kind: 'dunning' as const, communityId: 1, unitIds: [1] }, { kind: 'dunning' as const, unitIds: [] }]) {
      expect(await e.app.call('documents.noticeBatch', input, e.cashier)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect((await e.app.must('documents.noticeBatch', { kind: 'dunning', communityId: 1, buildingId: 2 }, e.cashier)).unitCount).toBe(1);
  });
});
