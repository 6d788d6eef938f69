import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp, setupAdmin, type TestApp } from '../support/testApp';
import { signInAs } from '../support/users';
import { insertPayment, userIdOf } from './ledgerRows';

let app: TestApp;
afterEach(() => app?.close());

async function desk() {
  app = testApp();
  await setupAdmin(app);
  return {
    cashier: await signInAs(app, 'cashier'),
    other: await signInAs(app, 'cashier', 'cashier2'),
    supervisor: await signInAs(app, 'supervisor'),
    finance: await signInAs(app, 'finance'),
  };
}

/** The 合计 row of a sheet, as the amounts its cells show. */
async function totalsRow(fileId: string, sheet: string): Promise<Array<unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(app.context.files.get(fileId)!.data as unknown as ArrayBuffer);
  const ws = workbook.getWorksheet(sheet)!;
  let found: Array<unknown> = [];
  ws.eachRow((row) => {
    if (row.getCell(1).value === '合计') {
      found = (row.values as unknown[]).map((v) => (v !== null && typeof v === 'object' && 'result' in v ? v.result : v));
    }
  });
  return found;
}

describe('shift lookups for the receipt search and the day close', () => {
  it('lists everyone who has had a shift, and the business date, for any reader of receipts', async () => {
    const { cashier, other, finance } = await desk();
    await app.must('shifts.open', { floatFen: 0 }, cashier);
    expect(await app.must('shifts.cashiers', {}, finance)).toEqual({
      cashiers: [{ id: userIdOf(app, 'cashier1'), name: expect.any(String) }],
      today: '2024-05-15',
    });
    await app.must('shifts.open', { floatFen: 0 }, other);
    expect((await app.must('shifts.cashiers', {}, cashier)).cashiers.map((c) => c.id).sort()).toEqual(
      [userIdOf(app, 'cashier1'), userIdOf(app, 'cashier2')].sort(),
    );
  });

  it('tells the shift of a payment and whether it is still open', async () => {
    const { cashier, supervisor } = await desk();
    const { id } = await app.must('shifts.open', { floatFen: 0 }, cashier);
    const paymentId = insertPayment(app, { shiftId: id, tenders: [['cash', 10_000]] });
    expect(await app.must('shifts.ofPayment', { paymentId }, cashier)).toMatchObject({ shiftId: id, status: 'open', cashierId: userIdOf(app, 'cashier1') });
    await app.must('shifts.count', { counts: [{ method: 'cash', countedFen: 10_000 }] }, cashier);
    expect((await app.must('shifts.ofPayment', { paymentId }, supervisor)).status).toBe('counted');
    expect(await app.call('shifts.ofPayment', { paymentId: paymentId + 99 }, cashier)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('exports a shift’s 日报 workbook to its cashier and to finance, whose totals are the shift’s tenders', async () => {
    const { cashier, other, finance } = await desk();
    const { id } = await app.must('shifts.open', { floatFen: 50_000 }, cashier);
    insertPayment(app, { shiftId: id, tenders: [['cash', 32_000], ['wechat', 18_000]] });
    insertPayment(app, { shiftId: id, tenders: [['alipay', 9_900]], status: 'voided' });
    const own = await app.must('shifts.exportDaily', { shiftId: id }, cashier);
    expect(own.fileName).toMatch(/^收费日报_.*\.xlsx$/);
    const byMethod = await totalsRow(own.fileId, '按支付方式');
    expect(byMethod).toContain(500);
    const tendersFen = (await app.must('shifts.current', {}, cashier)).shift!.totals.reduce((s, t) => s + t.tendersFen, 0);
    expect(tendersFen).toBe(50_000);

    expect((await app.must('shifts.exportDaily', { shiftId: id }, finance)).mimeType).toContain('spreadsheetml');
    expect(await app.call('shifts.exportDaily', { shiftId: id }, other)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.call('shifts.exportDaily', { shiftId: id + 5 }, finance)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
