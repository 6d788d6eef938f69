import { describe, expect, it } from 'vitest';
import { billLine, collectInput, desk, feeItem, openShift, type Desk } from '../collection/support';
import { signInAs, TEST_PASSWORD } from '../support/users';

async function paidReceipt(d: Desk): Promise<number> {
  openShift(d);
  const item = feeItem(d, { code: 'WYF' });
  const lineId = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-05-01' });
  const r = await d.app.must('collection.collect', collectInput(d, { lineIds: [lineId] }), d.cashier);
  return r.paymentId;
}

const receiptOf = (d: Desk, paymentId: number) =>
  d.app.context.sqlite.prepare('SELECT status, voided_by, void_approved_by FROM receipts WHERE payment_id = ?').get(paymentId);
const lastAudit = (d: Desk) =>
  d.app.context.sqlite.prepare('SELECT call, user_id, summary FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
    call: string;
    user_id: number;
    summary: string;
  };

describe('supervisor approval on the spot', () => {
  it('a cashier voids with a supervisor’s credentials: both recorded, the audit names both', async () => {
    const d = await desk();
    const paymentId = await paidReceipt(d);
    expect(await d.app.call('collection.void', { paymentId, reason: '收错房号' }, d.cashier)).toMatchObject({
      ok: false,
      error: { code: 'NEEDS_APPROVAL' },
    });
    const voided = await d.app.invoke({
      call: 'collection.void',
      input: { paymentId, reason: '收错房号' },
      sessionId: d.cashier,
      approval: { username: 'supervisor1', password: TEST_PASSWORD },
    });
    expect(voided).toMatchObject({ ok: true });
    expect(receiptOf(d, paymentId)).toEqual({ status: 'voided', voided_by: d.cashierId, void_approved_by: d.supervisorId });
    const entry = lastAudit(d);
    expect(entry.call).toBe('collection.void');
    expect(entry.user_id).toBe(d.cashierId);
    expect(entry.summary).toContain('经 收费主管 supervisor-supervisor1（supervisor1）现场授权');
  });

  it('refuses the cashier as their own approver, and a wrong supervisor password — counted and audited', async () => {
    const d = await desk();
    const paymentId = await paidReceipt(d);
    const asSelf = await d.app.invoke({
      call: 'collection.void',
      input: { paymentId, reason: '收错房号' },
      sessionId: d.cashier,
      approval: { username: 'cashier1', password: TEST_PASSWORD },
    });
    expect(asSelf).toMatchObject({ ok: false, error: { code: 'APPROVAL_REFUSED' } });
    const wrong = await d.app.invoke({
      call: 'collection.void',
      input: { paymentId, reason: '收错房号' },
      sessionId: d.cashier,
      approval: { username: 'supervisor1', password: 'Wrong2024x' },
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'APPROVAL_REFUSED', message: '现场授权未通过：授权人用户名或密码错误' } });
    expect(receiptOf(d, paymentId)).toMatchObject({ status: 'issued', void_approved_by: null });
    const failures = d.app.context.sqlite.prepare("SELECT failed_logins FROM users WHERE username = 'supervisor1'").pluck().get();
    expect(failures).toBe(1);
    const trail = d.app.context.sqlite.prepare("SELECT summary FROM audit_log WHERE call = 'collection.void' ORDER BY seq").pluck().all();
    expect(trail).toEqual([
      '现场授权被拒绝（collection.void）：授权人 cashier1，授权人与操作人相同',
      '现场授权失败（操作人 cashier1）：supervisor1 密码错误（第 1 次）',
    ]);
  });

  it('takes approval only from a role holding the permission: not finance, not an auditor — unless an administrator grants it', async () => {
    const d = await desk();
    const paymentId = await paidReceipt(d);
    const voidAs = (username: string) =>
      d.app.invoke({
        call: 'collection.void',
        input: { paymentId, reason: '收错房号' },
        sessionId: d.cashier,
        approval: { username, password: TEST_PASSWORD },
      });
    const admin = await signInAs(d.app, 'admin');
    await signInAs(d.app, 'finance');
    await signInAs(d.app, 'auditor');
    for (const username of ['finance1', 'auditor1', 'admin1']) {
      expect(await voidAs(username), username).toMatchObject({
        ok: false,
        error: { code: 'APPROVAL_REFUSED', message: '现场授权未通过：授权人没有此操作的权限' },
      });
    }
    expect(receiptOf(d, paymentId)).toMatchObject({ status: 'issued', void_approved_by: null });

    // Roles are data (RULES §10): once finance holds payment.void, a finance user may approve it.
    const roles = await d.app.must('roles.list', {}, admin);
    const finance = roles.roles.find((r) => r.code === 'finance')!;
    await d.app.must('roles.setPermissions', { role: 'finance', permissions: [...finance.permissions, 'payment.void'] }, admin);
    expect(await voidAs('finance1')).toMatchObject({ ok: true });
    const financeId = d.app.context.sqlite.prepare("SELECT id FROM users WHERE username = 'finance1'").pluck().get();
    expect(receiptOf(d, paymentId)).toMatchObject({ status: 'voided', void_approved_by: financeId });
  });

  it('refuses approval on a call that is not approvable; a call the role can never make is FORBIDDEN before anything', async () => {
    const d = await desk();
    const approval = { username: 'supervisor1', password: TEST_PASSWORD };
    const notApprovable = await d.app.invoke({ call: 'register.listCommunities', input: {}, sessionId: d.cashier, approval });
    expect(notApprovable).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '此操作不需要也不接受现场授权' } });
    const neverTheirs = await d.app.invoke({ call: 'users.list', input: { bogus: 1 }, sessionId: d.cashier, approval });
    expect(neverTheirs).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('records the approver as the decider of a refund approval', async () => {
    const d = await desk();
    const paymentId = await paidReceipt(d);
    const allocationIds = d.app.context.sqlite.prepare('SELECT id FROM allocations WHERE payment_id = ?').pluck().all(paymentId) as number[];
    const refund = await d.app.must(
      'accounts.requestRefund',
      { source: 'payment', paymentId, allocationIds, payout: 'cash', reason: '重复缴费' },
      d.cashier,
    );
    const approved = await d.app.invoke({
      call: 'accounts.approveRefund',
      input: { refundId: refund.id },
      sessionId: d.cashier,
      approval: { username: 'supervisor1', password: TEST_PASSWORD },
    });
    expect(approved).toMatchObject({ ok: true });
    const row = d.app.context.sqlite.prepare('SELECT status, requested_by, approved_by FROM refunds WHERE id = ?').get(refund.id);
    expect(row).toEqual({ status: 'approved', requested_by: d.cashierId, approved_by: d.supervisorId });
  });
});
