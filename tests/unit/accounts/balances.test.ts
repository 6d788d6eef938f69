import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLedgerInvariants } from '../../../src-main/ledger/invariants';
import { accountsLedger, openShift, seedLine, seedRun, type AccountsLedger } from './support';

let L: AccountsLedger;
beforeEach(async () => {
  L = await accountsLedger();
});
afterEach(() => L.app.close());

let keySeq = 0;
const deposit = async (amountFen: number, feeItemId: number | null = null, idempotencyKey = `prepaid-${++keySeq}-key`) =>
  L.app.call(
    'accounts.depositPrepaid',
    { idempotencyKey, unitId: L.unitId, payerName: '张三', feeItemId, tenders: [{ method: 'wechat', amountFen, reference: 'WX9' }] },
    await L.session('cashier1'),
  );
const auditCount = () => L.ctx.sqlite.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;

describe('a prepaid deposit at the desk', () => {
  it('is a payment with one receipt number in the cashier’s shift, credited to the chosen account', async () => {
    const shiftId = openShift(L.ctx, L.users.cashier1);
    const r = await deposit(60000, L.wyf);
    expect(r).toMatchObject({ ok: true, value: { receiptNo: 'SJ00000001', tenderedFen: 60000, toPrepaidFen: 60000, allocatedFen: 0, balanceFen: 60000 } });
    const paymentId = r.ok ? r.value.paymentId : 0;
    expect(L.ctx.sqlite.prepare('SELECT shift_id FROM payments WHERE id = ?').pluck().get(paymentId)).toBe(shiftId);

    const view = await L.app.must('accounts.balances', { unitId: L.unitId }, await L.session('finance1'));
    expect(view.accounts).toEqual([
      expect.objectContaining({
        feeItemId: L.wyf,
        name: '物业费专项预存',
        balanceFen: 60000,
        recentEntries: [expect.objectContaining({ kind: 'deposit', amountFen: 60000, paymentId, businessDate: '2024-05-15' })],
      }),
    ]);
    expect(view.totalPrepaidFen).toBe(60000);
    expect(checkLedgerInvariants(L.ctx)).toEqual([]);
  });

  it('posts nothing twice for a repeated request', async () => {
    openShift(L.ctx, L.users.cashier1);
    const first = await deposit(5000, null, 'same-key-0001');
    const audits = auditCount();
    const again = await deposit(5000, null, 'same-key-0001');
    expect(again.ok && first.ok && again.value.paymentId === first.value.paymentId).toBe(true);
    expect(again).toMatchObject({ ok: true, value: { replayed: true, balanceFen: 5000 } });
    expect(auditCount()).toBe(audits);
  });

  it('needs an open shift', async () => {
    expect(await deposit(5000)).toMatchObject({ ok: false, error: { code: 'SHIFT_NOT_OPEN' } });
  });

  it('warns, without refusing, once the balance exceeds 12 months of the unit’s charges', async () => {
    openShift(L.ctx, L.users.cashier1);
    seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 8000, periodStart: '2024-04-01', runId: seedRun(L.ctx) });
    seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 10000, periodStart: '2024-05-01', runId: seedRun(L.ctx) });
    expect(await deposit(120000)).toMatchObject({ ok: true, value: { warning: null } });
    const over = await deposit(1);
    expect(over).toMatchObject({ ok: true, value: { balanceFen: 120001 } });
    expect(over.ok && over.value.warning).toMatch(/超过 12 个月/);
    const view = await L.app.must('accounts.balances', { unitId: L.unitId }, await L.session('finance1'));
    expect(view).toMatchObject({ monthlyChargeFen: 10000, totalPrepaidFen: 120001 });
    expect(view.warning).toMatch(/超过 12 个月/);
  });
});

describe('the unit’s balances', () => {
  it('refuses an unknown unit', async () => {
    expect(await L.app.call('accounts.balances', { unitId: 999 }, await L.session('finance1'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
