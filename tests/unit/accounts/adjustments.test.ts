import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountsLedger, openShift, outstanding, seedLine, seedPayment, type AccountsLedger } from './support';

let L: AccountsLedger;
let line: number;
beforeEach(async () => {
  L = await accountsLedger();
  line = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 21033, periodStart: '2024-05-01' });
});
afterEach(() => L.app.close());

const request = async (amountFen: number, who: 'cashier1' | 'supervisor1' = 'cashier1') =>
  L.app.call('accounts.requestAdjustment', { lineId: line, amountFen, reason: '面积测绘更正' }, await L.session(who));

describe('adjustments (调账)', () => {
  it('counts only once approved by someone other than the requester, linked to the original line', async () => {
    const req = await request(-1033);
    expect(req).toMatchObject({ ok: true, value: { status: 'requested', amountFen: -1033, lineId: line, lineOutstandingFen: 21033 } });
    const id = req.ok ? req.value.id : 0;
    expect(outstanding(L.ctx, line)).toBe(21033);

    expect(await L.app.call('accounts.approveAdjustment', { adjustmentId: id }, await L.session('cashier1'))).toMatchObject({
      ok: false,
      error: { code: 'NEEDS_APPROVAL' },
    });
    const approved = await L.app.must('accounts.approveAdjustment', { adjustmentId: id }, await L.session('supervisor1'));
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'supervisor-supervisor1', requestedBy: 'cashier-cashier1', lineOutstandingFen: 20000 });
    expect(L.ctx.sqlite.prepare('SELECT amount_fen FROM bill_lines WHERE id = ?').pluck().get(line)).toBe(21033);
    expect(await L.app.call('accounts.approveAdjustment', { adjustmentId: id }, await L.session('supervisor2'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });

  it('refuses self-approval and lets a rejection change nothing', async () => {
    const own = await request(500, 'supervisor1');
    const id = own.ok ? own.value.id : 0;
    expect(await L.app.call('accounts.approveAdjustment', { adjustmentId: id }, await L.session('supervisor1'))).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION' },
    });
    const rejected = await L.app.must('accounts.rejectAdjustment', { adjustmentId: id, reason: '依据不足' }, await L.session('supervisor2'));
    expect(rejected).toMatchObject({ status: 'rejected', lineOutstandingFen: 21033 });
    const listed = await L.app.must('accounts.listAdjustments', { unitId: L.unitId, status: 'rejected' }, await L.session('finance1'));
    expect(listed.adjustments.map((a) => a.id)).toEqual([id]);
  });

  it('raises what is owed with a positive adjustment', async () => {
    const req = await request(2000);
    await L.app.must('accounts.approveAdjustment', { adjustmentId: req.ok ? req.value.id : 0 }, await L.session('supervisor1'));
    expect(outstanding(L.ctx, line)).toBe(23033);
  });

  it('never takes the outstanding below zero, at request or at approval', async () => {
    expect(await request(-21034)).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    const req = await request(-10000);
    openShift(L.ctx, L.users.cashier1);
    seedPayment(L.ctx, { unitId: L.unitId, cashierId: L.users.cashier1, tenders: [{ method: 'cash', amountFen: 15000 }], allocations: [{ lineId: line, amountFen: 15000 }] });
    expect(await L.app.call('accounts.approveAdjustment', { adjustmentId: req.ok ? req.value.id : 0 }, await L.session('supervisor1'))).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION' },
    });
    expect(outstanding(L.ctx, line)).toBe(6033);
  });

  it('refuses a zero amount and an unknown line', async () => {
    expect(await request(0)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const r = await L.app.call('accounts.requestAdjustment', { lineId: 999, amountFen: 100, reason: '更正' }, await L.session('cashier1'));
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
