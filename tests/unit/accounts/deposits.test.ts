import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLedgerInvariants } from '../../../src-main/ledger/invariants';
import { accountsLedger, openShift, seedFeeItem, seedPayment, shiftTotals, type AccountsLedger } from './support';

let L: AccountsLedger;
let shiftId: number;
let depositId: number;
beforeEach(async () => {
  L = await accountsLedger();
  shiftId = openShift(L.ctx, L.users.cashier1);
  // A 1,000.00 renovation deposit paid by WeChat.
  depositId = seedPayment(L.ctx, {
    unitId: L.unitId,
    cashierId: L.users.cashier1,
    tenders: [{ method: 'wechat', amountFen: 100000, reference: 'WX1' }],
    depositFen: 100000,
  }).depositId!;
});
afterEach(() => L.app.close());

async function settle(input: { keptFen?: number; keptFeeItemId?: number | null; payout: 'original' | 'cash' | 'prepaid' }) {
  const req = await L.app.must('accounts.settleDeposit', { depositId, reason: '装修验收合格', ...input }, await L.session('cashier1'));
  await L.app.must('accounts.approveRefund', { refundId: req.id }, await L.session('supervisor1'));
  return L.app.must('accounts.executeRefund', { refundId: req.id }, await L.session('cashier1'));
}

const deposit = () => L.ctx.sqlite.prepare('SELECT status FROM deposits WHERE id = ?').pluck().get(depositId);
const heldFen = async () => (await L.app.must('accounts.balances', { unitId: L.unitId }, await L.session('finance1'))).heldDepositsFen;

describe('settling a deposit (押金)', () => {
  it('refunds it all: the liability goes to zero and the money leaves the shift', async () => {
    expect(await heldFen()).toBe(100000);
    const done = await settle({ payout: 'cash' });
    expect(done).toMatchObject({ source: 'deposit', amountFen: 100000, keptFen: 0, payoutFen: 100000, voucherNo: 'TK00000001' });
    expect(deposit()).toBe('settled');
    expect(await heldFen()).toBe(0);
    expect(shiftTotals(L.ctx, shiftId)).toEqual({ wechat: 100000, cash: -100000 });
    const row = L.ctx.sqlite.prepare('SELECT tendered_fen, allocated_fen, to_deposit_fen FROM payments WHERE id = ?').get(done.refundPaymentId);
    expect(row).toEqual({ tendered_fen: -100000, allocated_fen: 0, to_deposit_fen: -100000 });
    expect(checkLedgerInvariants(L.ctx)).toEqual([]);
  });

  it('keeps part as revenue: a kept_deposit line paid in full by the settlement, the rest back by the original method', async () => {
    const damages = seedFeeItem(L.ctx, 'ZXKK', '装修违约扣款', { method: 'ONE_OFF' });
    const done = await settle({ keptFen: 30000, keptFeeItemId: damages, payout: 'original' });

    expect(done).toMatchObject({ amountFen: 100000, keptFen: 30000, payoutFen: 70000 });
    expect(done.tenders).toEqual([{ method: 'wechat', amountFen: -70000, reference: 'TK00000001 原 WX1' }]);
    const line = L.ctx.sqlite
      .prepare(
        `SELECT bl.source, bl.fee_item_id, bl.amount_fen, bl.unit_price, al.amount_fen AS paid, al.payment_id
         FROM bill_lines bl JOIN allocations al ON al.line_id = bl.id`,
      )
      .get();
    expect(line).toEqual({ source: 'kept_deposit', fee_item_id: damages, amount_fen: 30000, unit_price: '300.00', paid: 30000, payment_id: done.refundPaymentId });
    expect(deposit()).toBe('settled');
    expect(await heldFen()).toBe(0);
    expect(checkLedgerInvariants(L.ctx)).toEqual([]);
  });

  it('can pay what is not kept into the prepaid account', async () => {
    const damages = seedFeeItem(L.ctx, 'ZXKK', '装修违约扣款', { method: 'ONE_OFF' });
    const done = await settle({ keptFen: 10000, keptFeeItemId: damages, payout: 'prepaid' });
    expect(done.tenders).toEqual([]);
    const balances = await L.app.must('accounts.balances', { unitId: L.unitId }, await L.session('finance1'));
    expect(balances.totalPrepaidFen).toBe(90000);
    expect(checkLedgerInvariants(L.ctx)).toEqual([]);
  });

  it('refuses to keep more than the deposit, to keep without a revenue item, or to settle twice', async () => {
    const cashier = await L.session('cashier1');
    const damages = seedFeeItem(L.ctx, 'ZXKK', '装修违约扣款', { method: 'ONE_OFF' });
    const depositItem = seedFeeItem(L.ctx, 'ZXYJ', '装修押金', { method: 'DEPOSIT' });
    const ask = (extra: object) => L.app.call('accounts.settleDeposit', { depositId, payout: 'cash', reason: '验收', ...extra }, cashier);
    expect(await ask({ keptFen: 100001, keptFeeItemId: damages })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(await ask({ keptFen: 100 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await ask({ keptFen: 100, keptFeeItemId: depositItem })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(await ask({})).toMatchObject({ ok: true });
    expect(await ask({})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('is never used to pay bills: offsets and balances leave it alone', async () => {
    const balances = await L.app.must('accounts.balances', { unitId: L.unitId }, await L.session('finance1'));
    expect(balances.totalPrepaidFen).toBe(0);
    expect(balances.deposits).toEqual([expect.objectContaining({ depositId, amountFen: 100000, status: 'held' })]);
  });
});
