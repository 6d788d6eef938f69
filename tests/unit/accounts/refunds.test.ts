import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditPrepaid, prepaidBalances } from '../../../src-main/accounts/prepaidBalances';
import { checkLedgerInvariants } from '../../../src-main/ledger/invariants';
import { accountsLedger, openShift, outstanding, seedLine, seedPayment, shiftTotals, type AccountsLedger } from './support';

let L: AccountsLedger;
let line1: number;
let line2: number;
let shift1: number;
beforeEach(async () => {
  L = await accountsLedger();
  line1 = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 30000, periodStart: '2024-04-01' });
  line2 = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 20000, periodStart: '2024-05-01' });
  shift1 = openShift(L.ctx, L.users.cashier1);
});
afterEach(() => L.app.close());

/** 300 in cash and 200 by WeChat for both lines, taken in cashier1's shift. */
function payBoth() {
  return seedPayment(L.ctx, {
    unitId: L.unitId,
    cashierId: L.users.cashier1,
    tenders: [
      { method: 'cash', amountFen: 30000 },
      { method: 'wechat', amountFen: 20000, reference: 'WX4200001' },
    ],
    allocations: [
      { lineId: line1, amountFen: 30000 },
      { lineId: line2, amountFen: 20000 },
    ],
  });
}

async function approvedRefund(allocationIds: number[], paymentId: number, payout: 'original' | 'cash' | 'prepaid' = 'original') {
  const req = await L.app.must(
    'accounts.requestRefund',
    { source: 'payment', paymentId, allocationIds, payout, reason: '重复缴费' },
    await L.session('cashier1'),
  );
  await L.app.must('accounts.approveRefund', { refundId: req.id }, await L.session('supervisor1'));
  return req.id;
}

describe('refund of a payment: request → approval by someone else → execution', () => {
  it('pays back along the original method in the executing cashier’s shift and reopens the line', async () => {
    const { paymentId, allocationIds } = payBoth();
    const cashier = await L.session('cashier1');
    const req = await L.app.must(
      'accounts.requestRefund',
      { source: 'payment', paymentId, allocationIds: [allocationIds[1]!], payout: 'original', reason: '五月物业费重复缴纳' },
      cashier,
    );
    expect(req).toMatchObject({ status: 'requested', amountFen: 20000, payoutFen: 20000, voucherNo: null, requestedBy: 'cashier-cashier1' });
    // Still paid until the refund is executed.
    expect(outstanding(L.ctx, line2)).toBe(0);

    expect(await L.app.call('accounts.approveRefund', { refundId: req.id }, cashier)).toMatchObject({ ok: false, error: { code: 'NEEDS_APPROVAL' } });
    await L.app.must('accounts.approveRefund', { refundId: req.id }, await L.session('supervisor1'));

    // The payment's shift is closed by now: the refund lands in the executing cashier's shift.
    L.ctx.sqlite.prepare(`UPDATE shifts SET status = 'counted' WHERE id = ?`).run(shift1);
    const shift2 = openShift(L.ctx, L.users.cashier2);
    const done = await L.app.must('accounts.executeRefund', { refundId: req.id }, await L.session('cashier2'));

    expect(done).toMatchObject({ status: 'executed', voucherNo: 'TK00000001', executedBy: 'cashier-cashier2', approvedBy: 'supervisor-supervisor1' });
    expect(done.tenders).toEqual([{ method: 'cash', amountFen: -20000, reference: 'TK00000001' }]);
    expect(shiftTotals(L.ctx, shift2)).toEqual({ cash: -20000 });
    const row = L.ctx.sqlite.prepare('SELECT kind, shift_id, tendered_fen, allocated_fen FROM payments WHERE id = ?').get(done.refundPaymentId);
    expect(row).toEqual({ kind: 'refund', shift_id: shift2, tendered_fen: -20000, allocated_fen: -20000 });
    expect(L.ctx.sqlite.prepare('SELECT status FROM allocations ORDER BY id').pluck().all()).toEqual(['live', 'refunded']);
    expect([outstanding(L.ctx, line1), outstanding(L.ctx, line2)]).toEqual([0, 20000]);
    expect(shiftTotals(L.ctx, shift1)).toEqual({ cash: 30000, wechat: 20000 });
    const audit = L.ctx.sqlite.prepare('SELECT call, entity, summary FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    expect(audit).toEqual({ call: 'accounts.executeRefund', entity: `refund:${req.id}`, summary: '执行退款 TK00000001 3-2-501 退出 ¥200.00' });
    expect(checkLedgerInvariants(L.ctx)).toEqual([]);
  });

  it('spreads a refund over the original methods in the order they were tendered', async () => {
    const { paymentId, allocationIds } = payBoth();
    const refundId = await approvedRefund(allocationIds, paymentId);
    const done = await L.app.must('accounts.executeRefund', { refundId }, await L.session('cashier1'));
    expect(done.tenders).toEqual([
      { method: 'cash', amountFen: -30000, reference: 'TK00000001' },
      { method: 'wechat', amountFen: -20000, reference: 'TK00000001 原 WX4200001' },
    ]);
  });

  it('refuses approval by the requester, and a second request for the same money', async () => {
    const { paymentId, allocationIds } = payBoth();
    const supervisor = await L.session('supervisor1');
    const req = await L.app.must('accounts.requestRefund', { source: 'payment', paymentId, allocationIds, payout: 'cash', reason: '退租' }, supervisor);
    expect(await L.app.call('accounts.approveRefund', { refundId: req.id }, supervisor)).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION' },
    });
    expect(
      await L.app.call('accounts.requestRefund', { source: 'payment', paymentId, allocationIds: [allocationIds[0]!], payout: 'cash', reason: '退租' }, await L.session('cashier1')),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await L.app.call('accounts.requestRefund', { source: 'payment', paymentId, allocationIds: [], payout: 'cash', reason: '退租' }, supervisor)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await L.app.call('accounts.requestRefund', { source: 'payment', paymentId, allocationIds, payout: 'cash', reason: ' ' }, supervisor)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('needs the executor’s open shift; a refused execution uses no voucher number', async () => {
    const { paymentId, allocationIds } = payBoth();
    const first = await approvedRefund([allocationIds[0]!], paymentId, 'cash');
    const second = await approvedRefund([allocationIds[1]!], paymentId, 'cash');
    expect(await L.app.call('accounts.executeRefund', { refundId: first }, await L.session('cashier2'))).toMatchObject({
      ok: false,
      error: { code: 'SHIFT_NOT_OPEN' },
    });
    expect(L.ctx.sqlite.prepare(`SELECT COUNT(*) FROM payments WHERE kind = 'refund'`).pluck().get()).toBe(0);

    const cashier = await L.session('cashier1');
    expect((await L.app.must('accounts.executeRefund', { refundId: second }, cashier)).voucherNo).toBe('TK00000001');
    expect((await L.app.must('accounts.executeRefund', { refundId: first }, cashier)).voucherNo).toBe('TK00000002');
    expect(await L.app.call('accounts.executeRefund', { refundId: first }, cashier)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('keeps refund voucher numbers continuous: a rejected request never takes one', async () => {
    const { paymentId, allocationIds } = payBoth();
    const cashier = await L.session('cashier1');
    const rejected = await L.app.must('accounts.requestRefund', { source: 'payment', paymentId, allocationIds: [allocationIds[0]!], payout: 'cash', reason: '误操作' }, cashier);
    const afterReject = await L.app.must('accounts.rejectRefund', { refundId: rejected.id, reason: '核实无误，不予退款' }, await L.session('supervisor2'));
    expect(afterReject).toMatchObject({ status: 'rejected', voucherNo: null });
    expect(await L.app.call('accounts.executeRefund', { refundId: rejected.id }, cashier)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });

    const ids = [await approvedRefund([allocationIds[0]!], paymentId, 'cash'), await approvedRefund([allocationIds[1]!], paymentId, 'cash')];
    const numbers = [];
    for (const refundId of ids) numbers.push((await L.app.must('accounts.executeRefund', { refundId }, cashier)).voucherNo);
    expect(numbers).toEqual(['TK00000001', 'TK00000002']);
    const list = await L.app.must('accounts.listRefunds', { unitId: L.unitId }, await L.session('finance1'));
    expect(list.refunds.map((r) => [r.status, r.voucherNo])).toEqual([
      ['executed', 'TK00000002'],
      ['executed', 'TK00000001'],
      ['rejected', null],
    ]);
  });

  it('pays into the prepaid account instead: no money leaves the drawer, the balance grows', async () => {
    const { paymentId, allocationIds } = payBoth();
    const refundId = await approvedRefund([allocationIds[1]!], paymentId, 'prepaid');
    const done = await L.app.must('accounts.executeRefund', { refundId }, await L.session('cashier1'));
    expect(done.tenders).toEqual([]);
    expect(prepaidBalances(L.ctx, L.unitId)).toEqual([expect.objectContaining({ feeItemId: null, balanceFen: 20000 })]);
    const entry = L.ctx.sqlite.prepare('SELECT kind, amount_fen, refund_id, payment_id FROM prepaid_entries').get();
    expect(entry).toEqual({ kind: 'refund', amount_fen: 20000, refund_id: refundId, payment_id: done.refundPaymentId });
    expect(outstanding(L.ctx, line2)).toBe(20000);
    expect(checkLedgerInvariants(L.ctx)).toEqual([]);
  });

  it('refuses to execute once the original payment was voided meanwhile', async () => {
    const { paymentId, allocationIds } = payBoth();
    const refundId = await approvedRefund(allocationIds, paymentId, 'cash');
    L.ctx.sqlite.prepare(`UPDATE payments SET status = 'voided' WHERE id = ?`).run(paymentId);
    L.ctx.sqlite.prepare(`UPDATE allocations SET status = 'voided' WHERE payment_id = ?`).run(paymentId);
    expect(await L.app.call('accounts.executeRefund', { refundId }, await L.session('cashier1'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });
});

describe('refund of a prepaid balance', () => {
  it('pays out cash, takes the money off the account and reserves it while pending', async () => {
    creditPrepaid(L.ctx, { unitId: L.unitId, feeItemId: null, amountFen: 50000, paymentId: null, kind: 'opening' });
    const cashier = await L.session('cashier1');
    const req = await L.app.must('accounts.requestRefund', { source: 'prepaid', unitId: L.unitId, feeItemId: null, amountFen: 30000, reason: '业主搬离' }, cashier);
    expect(
      await L.app.call('accounts.requestRefund', { source: 'prepaid', unitId: L.unitId, feeItemId: null, amountFen: 20001, reason: '业主搬离' }, cashier),
    ).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_BALANCE' } });
    expect(
      await L.app.call('accounts.requestRefund', { source: 'prepaid', unitId: L.unitId, feeItemId: L.wyf, amountFen: 1, reason: '业主搬离' }, cashier),
    ).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_BALANCE' } });
    await L.app.must('accounts.approveRefund', { refundId: req.id }, await L.session('supervisor1'));

    const done = await L.app.must('accounts.executeRefund', { refundId: req.id }, cashier);

    expect(done.tenders).toEqual([{ method: 'cash', amountFen: -30000, reference: 'TK00000001' }]);
    expect(prepaidBalances(L.ctx, L.unitId)[0]!.balanceFen).toBe(20000);
    expect(checkLedgerInvariants(L.ctx)).toEqual([]);
  });
});
