import { prepaidBalances } from '../../../../src-main/accounts/prepaidBalances';
import { addMonths } from '../../../../src-shared/domain/dates';
import { STAFF } from './ledgerImage';
import type { Op } from './operations';
import { value } from './statements';
import { act, expectOk, fail, hasOpenShift, ids, nth, type World } from './world';

/** Approvals, refunds, the day close, billing runs and the passing of time. */

const REASON = '经核实需要更正';

export async function adjust(world: World, o: Op<'adjust'>): Promise<void> {
  const lineId = nth(ids(world, `SELECT id FROM bill_lines WHERE status = 'posted' ORDER BY id`), o.line);
  if (lineId === null) return;
  const outstanding = value(world.app.context, 'SELECT outstanding_fen FROM bill_lines WHERE id = ?', lineId);
  const amountFen =
    o.how === 'increase' ? 10 * o.permille
    : o.how === 'reduce' ? -Math.max(1, Math.floor((outstanding * o.permille) / 1000))
    : -(outstanding + o.permille);
  const r = await act(world, o.who, 'accounts.requestAdjustment', { lineId, amountFen, reason: '面积复核后调整' });
  if (o.how === 'over-reduce' && (r.ok || r.error.code !== 'RULE_VIOLATION')) fail(world, '调减超过未缴金额应被拒绝');
  if (o.decide === 'leave') return;
  const adjustmentId = r.ok ? r.value.id : nth(ids(world, `SELECT id FROM adjustments WHERE status = 'requested' ORDER BY id`), o.line);
  if (adjustmentId === null) return;
  const decided = o.decide === 'approve'
    ? await act(world, o.approver, 'accounts.approveAdjustment', { adjustmentId })
    : await act(world, o.approver, 'accounts.rejectAdjustment', { adjustmentId, reason: REASON });
  if (r.ok && o.approver === o.who && (decided.ok || decided.error.code !== 'RULE_VIOLATION')) fail(world, '申请人不应能审批自己的调账');
}

/** A refund request of the chosen kind, or a pending one, carried as far as `stop`. */
async function requestFor(world: World, o: Op<'refund'>): Promise<number | null> {
  if (o.source === 'pending') return nth(ids(world, `SELECT id FROM refunds WHERE status IN ('requested', 'approved') ORDER BY id`), o.pick);
  let r;
  if (o.source === 'payment') {
    const paymentId = nth(ids(world, `SELECT id FROM payments WHERE kind = 'collection' AND status = 'posted' ORDER BY id`), o.pick);
    if (paymentId === null) return null;
    const live = ids(world, `SELECT id FROM allocations WHERE payment_id = ? AND status = 'live' ORDER BY id`, paymentId);
    const allocationIds = o.allocations.length === 0 ? live : [...new Set(o.allocations.map((p) => nth(live, p)!))].filter(Boolean);
    if (allocationIds.length === 0) return null;
    r = await act(world, o.who, 'accounts.requestRefund', { source: 'payment', paymentId, allocationIds, payout: o.payout, reason: '重复缴费退款' });
  } else if (o.source === 'prepaid') {
    const units = world.estate.unitIds.map((_, i, all) => all[(o.pick + i) % all.length]!);
    const unitId = units.find((u) => prepaidBalances(world.app.context, u).some((b) => b.balanceFen > 0)) ?? units[0]!;
    const account = nth(prepaidBalances(world.app.context, unitId), o.allocations[0] ?? 0);
    const balance = account?.balanceFen ?? 0;
    const amountFen = o.permille > 900 ? balance + 1 : Math.max(1, Math.floor((balance * o.permille) / 1000));
    r = await act(world, o.who, 'accounts.requestRefund', { source: 'prepaid', unitId, feeItemId: account?.feeItemId ?? null, amountFen, payout: 'cash', reason: '业主搬离退预存' });
    if (amountFen > balance && (r.ok || r.error.code !== 'INSUFFICIENT_BALANCE')) fail(world, '退预存超过余额应被拒绝');
  } else {
    const depositId = nth(ids(world, `SELECT id FROM deposits WHERE status = 'held' ORDER BY id`), o.pick);
    if (depositId === null) return null;
    const amount = value(world.app.context, 'SELECT amount_fen FROM deposits WHERE id = ?', depositId);
    const keptFen = o.permille < 400 ? Math.floor((amount * o.permille) / 1000) : 0;
    r = await act(world, o.who, 'accounts.settleDeposit', { depositId, keptFen, keptFeeItemId: world.estate.wyf, payout: o.payout, reason: '装修验收合格退押金' });
  }
  return r.ok ? r.value.id : null;
}

export async function refund(world: World, o: Op<'refund'>): Promise<void> {
  const refundId = await requestFor(world, o);
  if (refundId === null || o.stop === 'requested') return;
  const status = () => value<string>(world.app.context, 'SELECT status FROM refunds WHERE id = ?', refundId);
  if (status() === 'requested') await act(world, o.approver, 'accounts.approveRefund', { refundId });
  if (status() !== 'approved' || o.stop !== 'executed') return;
  const r = await act(world, o.executor, 'accounts.executeRefund', { refundId });
  if (r.ok && !hasOpenShift(world, o.executor)) fail(world, '未开班却能执行退款');
}

/** 交班: count what the system says (± an over/short on cash), the supervisor confirms, a new shift opens. */
export async function closeShift(world: World, o: Pick<Op<'closeShift'>, 'who' | 'overShortFen' | 'confirmer' | 'reopen'>): Promise<void> {
  const { shift } = await expectOk(world, o.who, 'shifts.current', {}, '查看当前班次');
  if (shift) {
    const counts = shift.totals
      .filter((t) => t.systemFen !== 0 || t.method === 'cash')
      .map((t) => {
        const delta = t.method === 'cash' ? o.overShortFen : 0;
        return { method: t.method, countedFen: t.systemFen + delta, note: delta === 0 ? '' : '清点差异已说明' };
      });
    const counted = await act(world, o.who, 'shifts.count', { counts, note: '' });
    const cashSystem = shift.totals.find((t) => t.method === 'cash')!.systemFen;
    if (!counted.ok && cashSystem + o.overShortFen >= 0) fail(world, `按系统金额清点交班被拒绝：${counted.error.code} ${counted.error.message}`);
    if (counted.ok) {
      const confirmed = await act(world, o.confirmer, 'shifts.confirm', { shiftId: shift.id });
      if (confirmed.ok === (o.confirmer === o.who)) fail(world, '确认班次的结果不对（本人不能确认自己的班次）', confirmed);
    }
  }
  if (o.reopen && !hasOpenShift(world, o.who)) await expectOk(world, o.who, 'shifts.open', { floatFen: 0 }, '交班后开新班');
}

/** Closes the shift that took a payment, as the day close would, so it can only be reversed. */
export async function closeShiftOf(world: World, paymentId: number): Promise<void> {
  const cashierId = value(world.app.context, `SELECT s.cashier_id FROM payments p JOIN shifts s ON s.id = p.shift_id WHERE p.id = ? AND s.status = 'open'`, paymentId);
  const who = STAFF.find((s) => world.estate.userIds[s] === cashierId);
  if (who) await closeShift(world, { who, overShortFen: 0, confirmer: who === 'supervisor1' ? 'supervisor2' : 'supervisor1', reopen: true });
}

export async function openShift(world: World, o: Op<'openShift'>): Promise<void> {
  const already = hasOpenShift(world, o.who);
  const r = await act(world, o.who, 'shifts.open', { floatFen: o.floatFen });
  if (r.ok === already) fail(world, '开班的结果与是否已有未交班的班次不符', r);
}

export async function bill(world: World, o: Op<'bill'>): Promise<void> {
  await expectOk(world, o.who, 'billing.commit', { month: addMonths('2024-01-01', o.month).slice(0, 7) }, '出账');
}

export async function undoBill(world: World, o: Op<'undoBill'>): Promise<void> {
  const runId = nth(ids(world, 'SELECT id FROM billing_runs ORDER BY id'), o.run);
  if (runId !== null) await act(world, 'admin', 'billing.undo', { runId, reason: '出账范围有误' });
}

export async function prepay(world: World, o: Op<'prepay'>): Promise<void> {
  const unitId = world.estate.unitIds[o.unit]!;
  await act(world, o.who, 'billing.prepayAhead', { unitId, feeItemId: o.cwf ? world.estate.cwf : world.estate.wyf, months: o.months });
}

export async function advance(world: World, o: Op<'advance'>): Promise<void> {
  world.app.clock.advance(o.days * 86_400_000);
  world.trace.push(`时钟前进 ${o.days} 天 → ${world.app.context.clock.today()}`);
}
