import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billLine, collectInput, count, desk, feeItem, openShift, outstanding, type Desk } from './support';

let d: Desk;
let item: number;
beforeEach(async () => {
  d = await desk();
  item = feeItem(d, { code: 'WY', name: '物业费', rate: '0.003' });
});
afterEach(() => d.app.close());

describe('collection.waive', () => {
  it('is live at once up to the threshold (100.00 by default)', async () => {
    const a = billLine(d, { feeItemId: item, amountFen: 50_000, due: '2024-05-20' });
    const r = await d.app.must('collection.waive', { lineId: a, amountFen: 10_000, reason: '困难户减免' }, d.cashier);
    expect(r).toMatchObject({ status: 'live', amountFen: 10_000, outstandingFen: 40_000 });
  });

  it('above the threshold waits for a supervisor, who may also reject', async () => {
    const a = billLine(d, { feeItemId: item, amountFen: 50_000, due: '2024-05-20' });
    const r = await d.app.must('collection.waive', { lineId: a, amountFen: 10_001, reason: '困难户减免' }, d.cashier);
    expect(r).toMatchObject({ status: 'requested', outstandingFen: 50_000 });
    expect(await d.app.call('collection.approveWaiver', { waiverId: r.waiverId }, d.cashier)).toMatchObject({ ok: false, error: { code: 'NEEDS_APPROVAL' } });
    expect(await d.app.must('collection.approveWaiver', { waiverId: r.waiverId }, d.supervisor)).toEqual({ waiverId: r.waiverId, status: 'live', outstandingFen: 39_999 });
    const second = await d.app.must('collection.waive', { lineId: a, amountFen: 20_000, reason: '再次减免' }, d.cashier);
    expect(await d.app.must('collection.approveWaiver', { waiverId: second.waiverId, approve: false }, d.supervisor)).toMatchObject({ status: 'rejected', outstandingFen: 39_999 });
    expect(await d.app.call('collection.approveWaiver', { waiverId: second.waiverId }, d.supervisor)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('is live at once for a requester who may approve', async () => {
    const a = billLine(d, { feeItemId: item, amountFen: 50_000, due: '2024-05-20' });
    expect(await d.app.must('collection.waive', { lineId: a, amountFen: 30_000, reason: '主管减免' }, d.supervisor)).toMatchObject({ status: 'live' });
  });

  it('takes a percentage of the outstanding, half up, and never more than is owed', async () => {
    const a = billLine(d, { feeItemId: item, amountFen: 333, due: '2024-05-20' });
    expect(await d.app.must('collection.waive', { lineId: a, percent: '50', reason: '半价优惠' }, d.cashier)).toMatchObject({ amountFen: 167, outstandingFen: 166 });
    expect(await d.app.call('collection.waive', { lineId: a, amountFen: 167, reason: '超额减免' }, d.cashier)).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } });
    expect(await d.app.call('collection.waive', { lineId: a, percent: '101', reason: '超额减免' }, d.cashier)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await d.app.call('collection.waive', { lineId: a, reason: '没有金额' }, d.cashier)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(count(d, 'waivers')).toBe(1);
  });

  it('refuses an approval that would take the line below zero', async () => {
    openShift(d);
    const a = billLine(d, { feeItemId: item, amountFen: 50_000, due: '2024-05-20' });
    const w = await d.app.must('collection.waive', { lineId: a, amountFen: 20_000, reason: '困难户减免' }, d.cashier);
    await d.app.must('collection.collect', collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen: 40_000 }] }), d.cashier);
    expect(await d.app.call('collection.approveWaiver', { waiverId: w.waiverId }, d.supervisor)).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } });
    expect(outstanding(d, a)).toBe(10_000);
  });
});

describe('collection.addOneOffCharge', () => {
  it('adds a one-off line for a ONE_OFF fee item only', async () => {
    const card = feeItem(d, { code: 'GB', name: '工本费', method: 'ONE_OFF' });
    const r = await d.app.must('collection.addOneOffCharge', { unitId: d.unitId, feeItemId: card, amountFen: 2_000, note: '门禁卡补办' }, d.cashier);
    expect(r).toEqual({ lineId: r.lineId, amountFen: 2_000, dueDate: '2024-05-15' });
    expect(d.app.context.sqlite.prepare('SELECT source, kind, unit_price, basis FROM bill_lines WHERE id = ?').get(r.lineId)).toEqual({
      source: 'one_off',
      kind: 'charge',
      unit_price: '20.00',
      basis: '一次性收费：门禁卡补办',
    });
    expect(outstanding(d, r.lineId)).toBe(2_000);
    expect(await d.app.call('collection.addOneOffCharge', { unitId: d.unitId, feeItemId: item, amountFen: 2_000, note: '物业费' }, d.cashier)).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION' },
    });
    expect(await d.app.call('collection.addOneOffCharge', { unitId: d.unitId, feeItemId: card, amountFen: 0, note: '零元' }, d.cashier)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('collection.account', () => {
  it('shows open bills by fee item with the late fee as of a date, deposits, payments and history', async () => {
    openShift(d);
    const water = feeItem(d, { code: 'SF', name: '水费', rate: '0.0005' });
    const a = billLine(d, { feeItemId: item, amountFen: 200_000, due: '2024-05-05' });
    const w = billLine(d, { feeItemId: water, amountFen: 123_456, due: '2024-03-31' });
    const paid = await d.app.must(
      'collection.collect',
      collectInput(d, { lineIds: [w], tenders: [{ method: 'cash', amountFen: 60_000 }], deposit: { kind: '装修押金', amountFen: 50_000 } }),
      d.cashier,
    );
    const view = await d.app.must('collection.account', { unitId: d.unitId, asOf: '2024-05-15' }, d.cashier);
    expect(view.unit).toMatchObject({ code: '3-2-501', communityName: '阳光花园' });
    const byItem = Object.fromEntries(view.groups.map((g) => [g.feeItemName, g]));
    expect(byItem['物业费']!.lines).toEqual([expect.objectContaining({ lineId: a, outstandingFen: 200_000, overdueDays: 10, lateFeeFen: 6_000 })]);
    expect(byItem['水费']!.outstandingFen).toBe(123_456 + 2_778 - 10_000);
    expect(byItem['水费']!.lateFeeFen).toBe(0); // settled today
    expect(view.totals).toEqual({ outstandingFen: 200_000 + 116_234, lateFeeFen: 6_000 });
    expect(view.deposits).toEqual([expect.objectContaining({ kind: '装修押金', amountFen: 50_000, receiptNo: paid.receiptNo })]);
    expect(view.recentPayments).toEqual([expect.objectContaining({ paymentId: paid.paymentId, receiptNo: 'SJ00000001', tenderedFen: 60_000 })]);
    expect(view.history.map((h) => [h.feeItemName, h.amountFen, h.via])).toEqual([
      ['水费', 7_222, '收据 SJ00000001'],
      ['水费', 2_778, '收据 SJ00000001'],
    ]);
    const later = await d.app.must('collection.account', { unitId: d.unitId, asOf: '2024-05-25' }, d.cashier);
    expect(later.totals.lateFeeFen).toBe(12_000 + 581); // 2,000.00 × 0.003 × 20 = 120.00; 1,162.34 × 0.0005 × 10 = 5.81
  });
});
