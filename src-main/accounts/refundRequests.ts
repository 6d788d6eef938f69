import type { Insertable } from 'kysely';
import type { RefundView } from '../../src-shared/api/calls/accounts';
import { formatYuan } from '../../src-shared/domain/money';
import type { AppContext } from '../app/context';
import type { DB } from '../db/schema';
import { AppFailure } from '../ipc/failure';
import { formatNumber } from '../ledger/series';
import type { ParsedInput } from './callSupport';
import { accountBalance, findAccount, requireUnit } from './prepaidBalances';

/**
 * Refunds (退费, RULES §6): request with a reason → approval by someone else → execution (see
 * refundExecution.ts). A request reserves what it refunds: the same allocation, deposit or
 * prepaid money cannot be asked for twice while a request is pending.
 */

const PENDING = ['requested', 'approved'] as const;

export function requireRefund(app: AppContext, refundId: number) {
  const row = app.q.first(app.db.selectFrom('refunds').selectAll().where('id', '=', refundId));
  if (!row) throw new AppFailure('NOT_FOUND', `退款申请（编号 ${refundId}）不存在`);
  return row;
}

function userName(app: AppContext, userId: number | null): string | null {
  if (userId === null) return null;
  return app.q.first(app.db.selectFrom('users').select('display_name').where('id', '=', userId))?.display_name ?? null;
}

export function refundView(app: AppContext, refundId: number): RefundView {
  const r = requireRefund(app, refundId);
  const series = r.voucher_series_id === null
    ? undefined
    : app.q.first(app.db.selectFrom('receipt_series').select('prefix').where('id', '=', r.voucher_series_id));
  const allocationIds = app.q
    .all(app.db.selectFrom('refund_allocations').select('allocation_id').where('refund_id', '=', r.id).orderBy('allocation_id'))
    .map((a) => a.allocation_id);
  const tenders = r.refund_payment_id === null
    ? []
    : app.q.all(
        app.db
          .selectFrom('payment_tenders')
          .select(['method', 'amount_fen as amountFen', 'reference'])
          .where('payment_id', '=', r.refund_payment_id)
          .orderBy('id'),
      );
  return {
    id: r.id,
    unitId: r.unit_id,
    unitCode: requireUnit(app, r.unit_id).code,
    source: r.source,
    paymentId: r.payment_id,
    prepaidAccountId: r.prepaid_account_id,
    depositId: r.deposit_id,
    allocationIds,
    amountFen: r.amount_fen,
    keptFen: r.kept_fen,
    keptFeeItemId: r.kept_fee_item_id,
    payoutFen: r.amount_fen - r.kept_fen,
    payout: r.payout,
    reason: r.reason,
    status: r.status,
    requestedBy: userName(app, r.requested_by) ?? '',
    approvedBy: userName(app, r.approved_by),
    executedBy: userName(app, r.executed_by),
    voucherNo: series && r.voucher_no !== null ? formatNumber(series.prefix, r.voucher_no) : null,
    refundPaymentId: r.refund_payment_id,
    tenders,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
    executedAt: r.executed_at,
  };
}

export function listRefunds(app: AppContext, filter: ParsedInput<'accounts.listRefunds'>, communityIds: number[] | null = null): RefundView[] {
  let query = app.db.selectFrom('refunds').select('id').orderBy('id', 'desc').limit(500);
  if (filter.unitId !== undefined) query = query.where('unit_id', '=', filter.unitId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (communityIds !== null) {
    query = query.where('unit_id', 'in', (eb) => eb.selectFrom('units').select('units.id').where('units.community_id', 'in', communityIds));
  }
  return app.q.all(query).map((r) => refundView(app, r.id));
}

function insertRefund(
  app: AppContext,
  row: Omit<Insertable<DB['refunds']>, 'status' | 'created_at'>,
): number {
  return app.q.run(
    app.db.insertInto('refunds').values({ ...row, status: 'requested', created_at: app.clock.nowIso() }),
  ).lastInsertRowid;
}

/** Allocations of a posted collection that are live and not already in a pending refund. */
export function refundableAllocations(app: AppContext, paymentId: number, allocationIds: number[], excludeRefundId: number | null) {
  const rows = app.sqlite
    .prepare(
      `SELECT a.id, a.amount_fen, a.status, a.payment_id,
         EXISTS (SELECT 1 FROM refund_allocations ra JOIN refunds r ON r.id = ra.refund_id
                 WHERE ra.allocation_id = a.id AND r.status IN ('requested', 'approved') AND r.id IS NOT ?) AS pending
       FROM allocations a WHERE a.id IN (SELECT value FROM json_each(?))`,
    )
    .all(excludeRefundId, JSON.stringify(allocationIds)) as Array<{ id: number; amount_fen: number; status: string; payment_id: number | null; pending: number }>;
  for (const allocationId of allocationIds) {
    const a = rows.find((r) => r.id === allocationId);
    if (!a || a.payment_id !== paymentId) throw new AppFailure('NOT_FOUND', `收费明细（编号 ${allocationId}）不属于这笔收款`);
    if (a.status !== 'live') throw new AppFailure('INVALID_STATE', `收费明细（编号 ${allocationId}）已作废、冲红或退款，不能再退`);
    if (a.pending) throw new AppFailure('CONFLICT', `收费明细（编号 ${allocationId}）已有待处理的退款申请`);
  }
  return rows;
}

function requestFromPayment(app: AppContext, userId: number, p: Extract<ParsedInput<'accounts.requestRefund'>, { source: 'payment' }>) {
  const payment = app.q.first(app.db.selectFrom('payments').selectAll().where('id', '=', p.paymentId));
  if (!payment) throw new AppFailure('NOT_FOUND', `收款（编号 ${p.paymentId}）不存在`);
  if (payment.kind !== 'collection' || payment.status !== 'posted') throw new AppFailure('INVALID_STATE', '只能对有效的收款申请退款');
  const ids = [...new Set(p.allocationIds)];
  if (ids.length !== p.allocationIds.length) throw new AppFailure('INVALID_INPUT', '同一收费明细不能重复选择');
  const rows = refundableAllocations(app, payment.id, ids, null);
  const amount = rows.reduce((s, r) => s + r.amount_fen, 0);
  const refundId = insertRefund(app, {
    unit_id: payment.unit_id,
    source: 'payment',
    payment_id: payment.id,
    prepaid_account_id: null,
    deposit_id: null,
    amount_fen: amount,
    kept_fen: 0,
    kept_fee_item_id: null,
    payout: p.payout,
    reason: p.reason,
    requested_by: userId,
  });
  for (const allocationId of ids) app.q.run(app.db.insertInto('refund_allocations').values({ refund_id: refundId, allocation_id: allocationId }));
  return refundId;
}

/** Balance of a prepaid account less what pending refunds have already asked for. */
export function freePrepaidFen(app: AppContext, accountId: number, excludeRefundId: number | null): number {
  const pending = app.sqlite
    .prepare(
      `SELECT COALESCE(SUM(amount_fen), 0) AS fen FROM refunds
       WHERE prepaid_account_id = ? AND source = 'prepaid' AND status IN ('requested', 'approved') AND id IS NOT ?`,
    )
    .get(accountId, excludeRefundId) as { fen: number };
  return accountBalance(app, accountId) - pending.fen;
}

function requestFromPrepaid(app: AppContext, userId: number, p: Extract<ParsedInput<'accounts.requestRefund'>, { source: 'prepaid' }>) {
  requireUnit(app, p.unitId);
  const accountId = findAccount(app, p.unitId, p.feeItemId);
  const free = accountId === null ? 0 : freePrepaidFen(app, accountId, null);
  if (accountId === null || free < p.amountFen) {
    throw new AppFailure('INSUFFICIENT_BALANCE', `预存余额不足：可退 ${formatYuan(Math.max(free, 0))}，申请 ${formatYuan(p.amountFen)}`);
  }
  return insertRefund(app, {
    unit_id: p.unitId,
    source: 'prepaid',
    payment_id: null,
    prepaid_account_id: accountId,
    deposit_id: null,
    amount_fen: p.amountFen,
    kept_fen: 0,
    kept_fee_item_id: null,
    payout: p.payout,
    reason: p.reason,
    requested_by: userId,
  });
}

export function requestRefund(app: AppContext, userId: number, input: ParsedInput<'accounts.requestRefund'>): RefundView {
  const refundId =
    input.source === 'payment'
      ? requestFromPayment(app, userId, input)
      : requestFromPrepaid(app, userId, input);
  return refundView(app, refundId);
}

/**
 * A deposit is settled whole: what is not kept is paid out. The kept part is revenue only once
 * the refund is executed (a bill line of the chosen fee item, source 'kept_deposit').
 */
export function settleDeposit(app: AppContext, userId: number, p: ParsedInput<'accounts.settleDeposit'>): RefundView {
  const deposit = app.q.first(app.db.selectFrom('deposits').selectAll().where('id', '=', p.depositId));
  if (!deposit) throw new AppFailure('NOT_FOUND', `押金（编号 ${p.depositId}）不存在`);
  if (deposit.status !== 'held') throw new AppFailure('INVALID_STATE', '该押金已退还或作废');
  const pending = app.q.first(
    app.db.selectFrom('refunds').select('id').where('deposit_id', '=', deposit.id).where('status', 'in', PENDING),
  );
  if (pending) throw new AppFailure('CONFLICT', '该押金已有待处理的退还申请');
  const kept = p.keptFen;
  if (kept > deposit.amount_fen) throw new AppFailure('RULE_VIOLATION', `扣留金额不能超过押金 ${formatYuan(deposit.amount_fen)}`);
  const keptFeeItemId = kept > 0 ? p.keptFeeItemId : null;
  if (kept > 0) {
    if (keptFeeItemId === null) throw new AppFailure('INVALID_INPUT', '扣留押金时请选择转入收入的收费项目');
    const item = app.q.first(app.db.selectFrom('fee_items').select(['id', 'method', 'active']).where('id', '=', keptFeeItemId));
    if (!item) throw new AppFailure('NOT_FOUND', `收费项目（编号 ${keptFeeItemId}）不存在`);
    if (item.method === 'DEPOSIT') throw new AppFailure('RULE_VIOLATION', '押金类收费项目不是收入，请选择其他收费项目');
  }
  const refundId = insertRefund(app, {
    unit_id: deposit.unit_id,
    source: 'deposit',
    payment_id: deposit.payment_id,
    prepaid_account_id: null,
    deposit_id: deposit.id,
    amount_fen: deposit.amount_fen,
    kept_fen: kept,
    kept_fee_item_id: keptFeeItemId,
    payout: p.payout,
    reason: p.reason,
    requested_by: userId,
  });
  return refundView(app, refundId);
}

function decide(app: AppContext, userId: number, refundId: number, status: 'approved' | 'rejected'): RefundView {
  const r = requireRefund(app, refundId);
  if (r.status !== 'requested') throw new AppFailure('INVALID_STATE', '该退款申请已处理过');
  if (r.requested_by === userId) throw new AppFailure('RULE_VIOLATION', '不能审批自己提交的退款申请，请由另一位主管审批');
  app.q.run(
    app.db
      .updateTable('refunds')
      .set({ status, approved_by: userId, decided_at: app.clock.nowIso() })
      .where('id', '=', refundId)
      .where('status', '=', 'requested'),
  );
  return refundView(app, refundId);
}

export const approveRefund = (app: AppContext, userId: number, refundId: number) => decide(app, userId, refundId, 'approved');
export const rejectRefund = (app: AppContext, userId: number, refundId: number) => decide(app, userId, refundId, 'rejected');
