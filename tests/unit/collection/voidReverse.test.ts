import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { offsetLines } from '../../../src-main/accounts/prepaidOffsets';
import { billLine, closeShift, collectInput, count, desk, feeItem, openShift, outstanding, type Desk } from './support';

let d: Desk;
let item: number;
beforeEach(async () => {
  d = await desk();
  item = feeItem(d, { code: 'WY', name: '物业费' });
});
afterEach(() => d.app.close());

function row(sql: string, ...params: unknown[]) {
  return d.app.context.sqlite.prepare(sql).get(...params);
}

describe('collection.void', () => {
  it('in the open shift: reopens the lines, keeps the number as voided, voids the deposit', async () => {
    openShift(d);
    const a = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-05-20' });
    const paid = await d.app.must(
      'collection.collect',
      collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen: 60_000 }], deposit: { kind: '装修押金', amountFen: 50_000 } }),
      d.cashier,
    );
    const r = await d.app.must('collection.void', { paymentId: paid.paymentId, reason: '收错房号' }, d.supervisor);
    expect(r).toEqual({ paymentId: paid.paymentId, receiptNo: 'SJ00000001', reopenedLineIds: [a] });
    expect(outstanding(d, a)).toBe(10_000);
    expect(row('SELECT status, number, void_reason FROM receipts')).toEqual({ status: 'voided', number: 1, void_reason: '收错房号' });
    expect(row('SELECT status FROM deposits')).toEqual({ status: 'voided' });
    expect(row('SELECT status FROM allocations')).toEqual({ status: 'voided' });
    const next = await d.app.must('collection.collect', collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen: 10_000 }] }), d.cashier);
    expect(next.receiptNo).toBe('SJ00000002');
    const again = await d.app.call('collection.void', { paymentId: paid.paymentId, reason: '再次作废' }, d.supervisor);
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('is refused to a cashier, and without a reason', async () => {
    openShift(d);
    const paid = await d.app.must('collection.collect', collectInput(d, { tenders: [{ method: 'cash', amountFen: 100 }], deposit: { kind: '押金', amountFen: 100 } }), d.cashier);
    expect(await d.app.call('collection.void', { paymentId: paid.paymentId, reason: '错' }, d.supervisor)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await d.app.call('collection.void', { paymentId: paid.paymentId, reason: '收错了' }, d.cashier)).toMatchObject({ ok: false, error: { code: 'NEEDS_APPROVAL' } });
  });

  it('takes back the prepaid the payment put in, and refuses when it has been spent', async () => {
    openShift(d);
    const paid = await d.app.must('collection.collect', collectInput(d, { tenders: [{ method: 'cash', amountFen: 5_000 }], overpayTo: 'prepaid' }), d.cashier);
    const later = await d.app.must('collection.collect', collectInput(d, { tenders: [{ method: 'cash', amountFen: 3_000 }], overpayTo: 'prepaid' }), d.cashier);
    const b = billLine(d, { feeItemId: item, amountFen: 5_000, due: '2024-05-20' });
    d.app.context.sqlite.transaction(() => offsetLines(d.app.context, { unitId: d.unitId, lineIds: [b], userId: d.cashierId }))();
    expect(await d.app.call('collection.void', { paymentId: paid.paymentId, reason: '收错了' }, d.supervisor)).toMatchObject({
      ok: false,
      error: { code: 'INSUFFICIENT_BALANCE' },
    });
    await d.app.must('collection.void', { paymentId: later.paymentId, reason: '收错了' }, d.supervisor);
    const balance = await d.app.must('collection.account', { unitId: d.unitId }, d.cashier);
    expect(balance.prepaid.map((p) => p.balanceFen)).toEqual([0]);
    expect(outstanding(d, b)).toBe(0);
  });

  it('after the shift is closed is refused: SHIFT_CLOSED', async () => {
    const shift = openShift(d);
    const a = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-05-20' });
    const paid = await d.app.must('collection.collect', collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen: 10_000 }] }), d.cashier);
    closeShift(d, shift);
    expect(await d.app.call('collection.void', { paymentId: paid.paymentId, reason: '收错房号' }, d.supervisor)).toMatchObject({
      ok: false,
      error: { code: 'SHIFT_CLOSED' },
    });
    expect(outstanding(d, a)).toBe(0);
  });
});

describe('collection.reverse', () => {
  it('after the shift closed: negative tenders in the current shift, lines reopened, the original receipt unchanged', async () => {
    const first = openShift(d);
    const a = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-05-20' });
    const paid = await d.app.must(
      'collection.collect',
      collectInput(d, {
        lineIds: [a],
        tenders: [
          { method: 'cash', amountFen: 4_000 },
          { method: 'card', amountFen: 6_000, reference: 'POS-1' },
        ],
      }),
      d.cashier,
    );
    expect(await d.app.call('collection.reverse', { paymentId: paid.paymentId, reason: '金额有误' }, d.supervisor)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    closeShift(d, first);
    expect(await d.app.call('collection.reverse', { paymentId: paid.paymentId, reason: '金额有误' }, d.supervisor)).toMatchObject({
      ok: false,
      error: { code: 'SHIFT_NOT_OPEN' },
    });
    const current = openShift(d, d.supervisorId);
    const receiptBefore = row('SELECT * FROM receipts WHERE payment_id = ?', paid.paymentId);
    const r = await d.app.must('collection.reverse', { paymentId: paid.paymentId, reason: '金额有误' }, d.supervisor);
    expect(r).toMatchObject({ receiptNo: 'SJ00000002', reversesPaymentId: paid.paymentId, tenderedFen: -10_000, reopenedLineIds: [a] });
    expect(row('SELECT kind, shift_id, tendered_fen, allocated_fen FROM payments WHERE id = ?', r.paymentId)).toEqual({
      kind: 'reversal',
      shift_id: current,
      tendered_fen: -10_000,
      allocated_fen: -10_000,
    });
    expect(d.app.context.sqlite.prepare('SELECT method, amount_fen, reference FROM payment_tenders WHERE payment_id = ? ORDER BY id').all(r.paymentId)).toEqual([
      { method: 'cash', amount_fen: -4_000, reference: '' },
      { method: 'card', amount_fen: -6_000, reference: 'POS-1' },
    ]);
    expect(row('SELECT * FROM receipts WHERE payment_id = ?', paid.paymentId)).toEqual(receiptBefore);
    expect(row('SELECT status FROM allocations WHERE payment_id = ?', paid.paymentId)).toEqual({ status: 'reversed' });
    expect(outstanding(d, a)).toBe(10_000);
    const receipt = await d.app.must('collection.receipt', { receiptId: r.receiptId }, d.supervisor);
    expect(receipt).toMatchObject({ kind: 'reversal', statusText: '红冲', reversesReceiptNo: 'SJ00000001', totalFen: -10_000, totalWords: '人民币负壹佰元整' });
    const original = await d.app.must('collection.receipt', { receiptId: paid.receiptId }, d.supervisor);
    expect(original).toMatchObject({ status: 'issued', statusText: '已红冲' });
    expect(await d.app.call('collection.reverse', { paymentId: paid.paymentId, reason: '再冲一次' }, d.supervisor)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(count(d, 'payments')).toBe(2);
  });
});
