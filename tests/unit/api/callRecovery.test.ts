import { describe, expect, it } from 'vitest';
import { invokeWithRecovery, type ApprovalAsk } from '../../../src-renderer/app/callRecovery';
import { callNames, contract, type Result } from '../../../src-shared/api';
import { authEn, authZh } from '../../../src-renderer/features/auth/i18n';
import { billLine, collectInput, desk, feeItem, openShift, type Desk } from '../collection/support';
import { ADMIN, setupAdmin, testApp } from '../support/testApp';
import { TEST_PASSWORD } from '../support/users';

/**
 * The renderer's call(): a locked screen and a supervisor's approval are handled centrally and
 * the same request is sent again. Driven here against the real router and ledger.
 */

async function paidReceipt(d: Desk): Promise<number> {
  openShift(d);
  const lineId = billLine(d, { feeItemId: feeItem(d, { code: 'WYF' }), amountFen: 10_000, due: '2024-05-01' });
  return (await d.app.must('collection.collect', collectInput(d, { lineIds: [lineId] }), d.cashier)).paymentId;
}

const voidRequest = (d: Desk, paymentId: number) => ({ call: 'collection.void', input: { paymentId, reason: '收错房号' }, sessionId: d.cashier });

describe('call recovery: supervisor approval', () => {
  it('asks once, lets a wrong password be corrected in the dialog, then runs the call with both users recorded', async () => {
    const d = await desk();
    const paymentId = await paidReceipt(d);
    const asked: ApprovalAsk[] = [];
    const refusals: Array<Result<unknown>> = [];
    const result = await invokeWithRecovery(d.app.invoke, voidRequest(d, paymentId), {
      async requestApproval(ask) {
        asked.push(ask);
        refusals.push(await ask.submit({ username: 'supervisor1', password: 'Wrong2024x' }));
        return ask.submit({ username: 'supervisor1', password: TEST_PASSWORD });
      },
    });
    expect(result).toMatchObject({ ok: true });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ call: 'collection.void' });
    expect(refusals).toEqual([{ ok: false, error: { code: 'APPROVAL_REFUSED', message: '现场授权未通过：授权人用户名或密码错误' } }]);
    const row = d.app.context.sqlite.prepare('SELECT status, voided_by, void_approved_by FROM receipts WHERE payment_id = ?').get(paymentId);
    expect(row).toEqual({ status: 'voided', voided_by: d.cashierId, void_approved_by: d.supervisorId });
    const trail = d.app.context.sqlite.prepare("SELECT user_id, summary FROM audit_log WHERE call = 'collection.void' ORDER BY seq").all();
    expect(trail).toEqual([
      { user_id: d.supervisorId, summary: '现场授权失败（操作人 cashier1）：supervisor1 密码错误（第 1 次）' },
      { user_id: d.cashierId, summary: expect.stringContaining('经 收费主管 supervisor-supervisor1（supervisor1）现场授权') },
    ]);
  });

  it('a cancelled approval leaves the NEEDS_APPROVAL answer and changes nothing', async () => {
    const d = await desk();
    const paymentId = await paidReceipt(d);
    const result = await invokeWithRecovery(d.app.invoke, voidRequest(d, paymentId), { requestApproval: async () => null });
    expect(result).toMatchObject({ ok: false, error: { code: 'NEEDS_APPROVAL' } });
    expect(d.app.context.sqlite.prepare('SELECT status FROM receipts WHERE payment_id = ?').pluck().get(paymentId)).toBe('issued');
  });

  it('does not ask when the caller holds the permission', async () => {
    const d = await desk();
    const paymentId = await paidReceipt(d);
    const request = { ...voidRequest(d, paymentId), sessionId: d.supervisor };
    const result = await invokeWithRecovery(d.app.invoke, request, {
      requestApproval: () => Promise.reject(new Error('must not ask')),
    });
    expect(result).toMatchObject({ ok: true });
  });
});

describe('call recovery: locked screen', () => {
  it('waits for the unlock, then sends the same call again; every caller waiting gets its own answer', async () => {
    const app = testApp();
    const admin = await setupAdmin(app);
    await app.must('auth.lock', {}, admin);
    // As the lock overlay does: every waiting call shares the one unlock.
    let unlocking: Promise<boolean> | null = null;
    let waits = 0;
    const hooks = {
      waitForUnlock() {
        waits += 1;
        unlocking ??= app.must('auth.unlockSession', { password: ADMIN.password }, admin).then(() => true);
        return unlocking;
      },
    };
    const [users, roles] = await Promise.all([
      invokeWithRecovery(app.invoke, { call: 'users.list', input: {}, sessionId: admin }, hooks),
      invokeWithRecovery(app.invoke, { call: 'roles.list', input: {}, sessionId: admin }, hooks),
    ]);
    expect(users).toMatchObject({ ok: true, value: { users: [{ username: ADMIN.username }] } });
    expect(roles).toMatchObject({ ok: true });
    expect(waits).toBe(2);
  });

  it('gives up with SESSION_LOCKED when the user leaves instead of unlocking', async () => {
    const app = testApp();
    const admin = await setupAdmin(app);
    await app.must('auth.lock', {}, admin);
    const result = await invokeWithRecovery(app.invoke, { call: 'users.list', input: {}, sessionId: admin }, { waitForUnlock: async () => false });
    expect(result).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
  });
});

describe('the approval dialog names every approvable action', () => {
  const approvable = callNames.filter((n) => contract[n].approvable === true);

  it.each(approvable)('%s has a Chinese and an English label', (name) => {
    expect((authZh.approvalActions as Record<string, string>)[name]).toMatch(/\p{Script=Han}/u);
    expect((authEn.approvalActions as Record<string, string>)[name]).toMatch(/[A-Za-z]/);
  });
});
