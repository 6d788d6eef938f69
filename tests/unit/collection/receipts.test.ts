import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectPayment } from '../../../src-main/collection/collectService';
import { addUnit, billLine, collectInput, desk, feeItem, openShift, type Desk } from './support';

let d: Desk;
let item: number;
beforeEach(async () => {
  d = await desk();
  item = feeItem(d, { code: 'WY', name: '物业费', rate: '0.0005' });
  openShift(d);
});
afterEach(() => d.app.close());

describe('receipt numbers', () => {
  it('stay continuous and unique across many payments, refusals and rolled-back transactions', async () => {
    for (let i = 0; i < 30; i++) {
      if (i % 3 === 1) {
        const refused = await d.app.call('collection.collect', collectInput(d, { tenders: [{ method: 'cash', amountFen: 100 }] }), d.cashier);
        expect(refused.ok).toBe(false);
      }
      if (i % 5 === 2) {
        expect(() =>
          d.app.context.sqlite.transaction(() => {
            collectPayment(d.app.context, d.cashierId, collectInput(d, { tenders: [{ method: 'cash', amountFen: 100 }], overpayTo: 'prepaid' }));
            throw new Error('断电');
          })(),
        ).toThrow('断电');
      }
      await d.app.must('collection.collect', collectInput(d, { tenders: [{ method: 'cash', amountFen: 100 + i }], overpayTo: 'prepaid' }), d.cashier);
    }
    const numbers = (d.app.context.sqlite.prepare('SELECT number FROM receipts ORDER BY id').all() as Array<{ number: number }>).map((r) => r.number);
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });
});

describe('collection.receipt', () => {
  it('holds everything printed: company, number, payer and unit, items with late fee, total in words, tenders, cashier', async () => {
    const a = billLine(d, { feeItemId: item, amountFen: 123_456, due: '2024-03-31', periodStart: '2024-03-01' });
    const paid = await d.app.must(
      'collection.collect',
      collectInput(d, {
        lineIds: [a],
        tenders: [
          { method: 'cash', amountFen: 100_000 },
          { method: 'alipay', amountFen: 26_234, reference: 'ALI-77' },
        ],
        cashGivenFen: 100_000,
      }),
      d.cashier,
    );
    const r = await d.app.must('collection.receipt', { receiptId: paid.receiptId }, d.cashier);
    expect(r).toMatchObject({
      number: 'SJ00000001',
      companyName: '阳光物业服务有限公司',
      businessDate: '2024-05-15',
      payerName: '张三',
      unitCode: '3-2-501',
      communityName: '阳光花园',
      status: 'issued',
      statusText: '正常',
      totalFen: 126_234,
      totalWords: '人民币壹仟贰佰陆拾贰元叁角肆分',
      cashierName: 'cashier-cashier1',
      reprint: false,
      reprintCount: 0,
      invoiceNo: null,
    });
    expect(r.items).toEqual([
      { lineId: a, feeItemName: '物业费', periodStart: '2024-03-01', periodEnd: '2024-03-01', quantity: '1', unitPrice: '0', amountFen: 123_456, paidFen: 123_456, lateFeeFen: 2_778, waivedFen: 0 },
    ]);
    expect(r.tenders.map((t) => [t.methodName, t.amountFen, t.reference])).toEqual([
      ['现金', 100_000, ''],
      ['支付宝', 26_234, 'ALI-77'],
    ]);
  });

  it('reprints keep the number, are marked 补打 and counted; an invoice number can be recorded', async () => {
    const paid = await d.app.must('collection.collect', collectInput(d, { tenders: [{ method: 'cash', amountFen: 500 }], overpayTo: 'prepaid' }), d.cashier);
    await d.app.must('collection.reprint', { receiptId: paid.receiptId }, d.cashier);
    const second = await d.app.must('collection.reprint', { receiptId: paid.receiptId }, d.cashier);
    expect(second).toMatchObject({ number: 'SJ00000001', reprint: true, reprintCount: 2 });
    await d.app.must('collection.setInvoiceNo', { receiptId: paid.receiptId, invoiceNo: '04400123' }, d.cashier);
    expect(await d.app.must('collection.receipt', { receiptId: paid.receiptId }, d.cashier)).toMatchObject({ invoiceNo: '04400123', reprintCount: 2, reprint: false });
  });
});

describe('collection.listReceipts', () => {
  it('filters by number, unit, method, cashier and date, and pages', async () => {
    const other = addUnit(d, '10-1-101');
    await d.app.must('collection.collect', collectInput(d, { tenders: [{ method: 'cash', amountFen: 100 }], overpayTo: 'prepaid' }), d.cashier);
    await d.app.must('collection.collect', collectInput(d, { unitId: other, tenders: [{ method: 'wechat', amountFen: 200, reference: 'WX9' }], overpayTo: 'prepaid' }), d.cashier);
    await d.app.must('collection.collect', collectInput(d, { tenders: [{ method: 'cash', amountFen: 300 }], overpayTo: 'prepaid' }), d.cashier);
    const all = await d.app.must('collection.listReceipts', {}, d.cashier);
    expect(all.total).toBe(3);
    expect((await d.app.must('collection.listReceipts', { number: 'SJ00000002' }, d.cashier)).rows.map((r) => r.unitCode)).toEqual(['10-1-101']);
    expect((await d.app.must('collection.listReceipts', { number: '3' }, d.cashier)).rows.map((r) => r.totalFen)).toEqual([300]);
    expect((await d.app.must('collection.listReceipts', { method: 'wechat' }, d.cashier)).rows.map((r) => r.methods)).toEqual([['wechat']]);
    expect((await d.app.must('collection.listReceipts', { unitId: d.unitId }, d.cashier)).total).toBe(2);
    expect((await d.app.must('collection.listReceipts', { cashierId: d.supervisorId }, d.cashier)).total).toBe(0);
    expect((await d.app.must('collection.listReceipts', { dateFrom: '2024-05-16' }, d.cashier)).total).toBe(0);
    const page2 = await d.app.must('collection.listReceipts', { page: 2, pageSize: 2 }, d.cashier);
    expect(page2).toMatchObject({ total: 3, page: 2 });
    expect(page2.rows.map((r) => r.number)).toEqual(['SJ00000001']);
  });
});
