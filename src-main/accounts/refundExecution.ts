import type { RefundView } from '../../src-shared/api/calls/accounts';
import { formatYuan } from '../../src-shared/domain/money';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import { takeNextNumber } from '../ledger/series';
import { requireOpenShift } from '../shifts/currentShift';
import { creditAccount, postEntry } from './prepaidBalances';
import { freePrepaidFen, refundableAllocations, refundView, requireRefund } from './refundRequests';

/**
 * Executing an approved refund: a voucher from series 'REFUND', and a payment row of kind 'refund'
 * in the executing cashier's open shift whose tenders are negative, so the shift's system totals
 * per method already count the money paid out. The row balances like any payment:
 *   tendered (−paid out) = allocated + to_prepaid + to_deposit
 * - from a payment: allocated = −refunded allocations (they become 'refunded', the lines reopen);
 * - from prepaid:   to_prepaid = −amount (a 'refund' entry leaves the account);
 * - from a deposit: to_deposit = −deposit (the liability goes to zero), allocated = +kept (the kept
 *   part is a 'kept_deposit' bill line paid by this row, i.e. revenue on the day of settlement).
 * Paid into prepaid instead, no money leaves the drawer: to_prepaid = +paid out, no tenders.
 */

type Method = 'cash' | 'wechat' | 'alipay' | 'card' | 'transfer';
interface Tender {
  method: Method;
  amountFen: number;
  reference: string;
}

/**
 * Pays `amountFen` back along the original payment's methods, in the order they were tendered,
 * never more per method than it brought in less what earlier refunds already sent back that way.
 */
function originalTenders(app: AppContext, paymentId: number, amountFen: number, voucher: string): Tender[] {
  const rows = app.sqlite
    .prepare(
      `SELECT t.method, SUM(t.amount_fen) AS fen, MIN(t.id) AS first_id,
              GROUP_CONCAT(NULLIF(t.reference, ''), ' ') AS refs
       FROM payment_tenders t WHERE t.payment_id = ? GROUP BY t.method`,
    )
    .all(paymentId) as Array<{ method: Method; fen: number; first_id: number; refs: string | null }>;
  const refunded = app.sqlite
    .prepare(
      `SELECT t.method, SUM(t.amount_fen) AS fen FROM refunds r JOIN payment_tenders t ON t.payment_id = r.refund_payment_id
       WHERE r.payment_id = ? AND r.status = 'executed' GROUP BY t.method`,
    )
    .all(paymentId) as Array<{ method: Method; fen: number }>;
  const tenders: Tender[] = [];
  let left = amountFen;
  for (const row of rows.sort((a, b) => a.first_id - b.first_id)) {
    const room = row.fen + (refunded.find((r) => r.method === row.method)?.fen ?? 0);
    const part = Math.min(room, left);
    if (part <= 0) continue;
    tenders.push({ method: row.method, amountFen: -part, reference: row.refs ? `${voucher} 原 ${row.refs}` : voucher });
    left -= part;
  }
  if (left > 0) {
    throw new AppFailure('RULE_VIOLATION', `原收款方式可退金额不足 ${formatYuan(amountFen)}，请改为现金退款或转入预存`);
  }
  return tenders;
}

function payerName(app: AppContext, paymentId: number | null, unitId: number): string {
  const row = paymentId !== null
    ? app.q.first(app.db.selectFrom('payments').select('payer_name').where('id', '=', paymentId))
    : app.q.first(
        app.db
          .selectFrom('payments')
          .select('payer_name')
          .where('unit_id', '=', unitId)
          .where('kind', '=', 'collection')
          .where('to_prepaid_fen', '>', 0)
          .orderBy('id', 'desc'),
      );
  return row?.payer_name ?? '';
}

/** '123.45' for a bill line's unit price (decimal text in yuan), from fen without division. */
function fenToYuanText(fen: number): string {
  const digits = String(fen).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function executeRefund(app: AppContext, userId: number, refundId: number): RefundView {
  const r = requireRefund(app, refundId);
  if (r.status !== 'approved') throw new AppFailure('INVALID_STATE', r.status === 'requested' ? '退款申请尚未审批' : '该退款申请已处理过');
  const shift = requireOpenShift(app, userId);
  const payoutFen = r.amount_fen - r.kept_fen;
  const toPrepaid = r.payout === 'prepaid';
  let allocated = 0;
  let prepaidMove = toPrepaid ? payoutFen : 0;
  let depositMove = 0;
  let allocationIds: number[] = [];

  if (r.source === 'payment') {
    const payment = app.q.first(app.db.selectFrom('payments').select('status').where('id', '=', r.payment_id!));
    if (payment?.status !== 'posted') throw new AppFailure('INVALID_STATE', '原收款已作废，不能再退款');
    allocationIds = app.q
      .all(app.db.selectFrom('refund_allocations').select('allocation_id').where('refund_id', '=', r.id))
      .map((a) => a.allocation_id);
    refundableAllocations(app, r.payment_id!, allocationIds, r.id);
    allocated = -r.amount_fen;
  } else if (r.source === 'prepaid') {
    if (freePrepaidFen(app, r.prepaid_account_id!, r.id) < r.amount_fen) throw new AppFailure('INSUFFICIENT_BALANCE', '预存余额已不足以退款');
    prepaidMove -= r.amount_fen;
  } else {
    const deposit = app.q.first(app.db.selectFrom('deposits').select('status').where('id', '=', r.deposit_id!));
    if (deposit?.status !== 'held') throw new AppFailure('INVALID_STATE', '该押金已退还或作废');
    allocated = r.kept_fen;
    depositMove = -r.amount_fen;
  }

  const voucher = takeNextNumber(app, 'REFUND');
  const cashOut = toPrepaid ? 0 : payoutFen;
  let tenders: Tender[] = [];
  if (cashOut > 0) {
    tenders = r.payout === 'original' && r.payment_id !== null
      ? originalTenders(app, r.payment_id, cashOut, voucher.display)
      : [{ method: 'cash', amountFen: -cashOut, reference: voucher.display }];
  }

  const now = app.clock.nowIso();
  const today = app.clock.today();
  const paymentId = app.q.run(
    app.db.insertInto('payments').values({
      idempotency_key: `refund:${r.id}`,
      kind: 'refund',
      unit_id: r.unit_id,
      payer_name: payerName(app, r.payment_id, r.unit_id),
      shift_id: shift.id,
      cashier_id: userId,
      tendered_fen: -cashOut,
      allocated_fen: allocated,
      to_prepaid_fen: prepaidMove,
      to_deposit_fen: depositMove,
      change_fen: 0,
      status: 'posted',
      fallback: 0,
      manual_entry: 0,
      business_date: today,
      created_at: now,
    }),
  ).lastInsertRowid;
  for (const t of tenders) {
    app.q.run(app.db.insertInto('payment_tenders').values({ payment_id: paymentId, method: t.method, amount_fen: t.amountFen, reference: t.reference }));
  }

  if (r.source === 'payment') {
    app.sqlite
      .prepare(`UPDATE allocations SET status = 'refunded' WHERE id IN (SELECT value FROM json_each(?)) AND status = 'live'`)
      .run(JSON.stringify(allocationIds));
  } else if (r.source === 'prepaid') {
    postEntry(app, { accountId: r.prepaid_account_id!, kind: 'refund', amountFen: -r.amount_fen, paymentId, refundId: r.id });
  } else {
    if (r.kept_fen > 0) postKeptLine(app, r, paymentId, userId);
    app.q.run(app.db.updateTable('deposits').set({ status: 'settled' }).where('id', '=', r.deposit_id!));
  }
  if (toPrepaid && payoutFen > 0) {
    creditAccount(app, { unitId: r.unit_id, feeItemId: null, amountFen: payoutFen, paymentId, kind: 'refund' }, r.id);
  }

  app.q.run(
    app.db
      .updateTable('refunds')
      .set({
        status: 'executed',
        executed_by: userId,
        executed_at: now,
        voucher_series_id: voucher.seriesId,
        voucher_no: voucher.number,
        refund_payment_id: paymentId,
      })
      .where('id', '=', r.id),
  );
  return refundView(app, r.id);
}

/** The kept part of a deposit becomes revenue: a bill line paid in full by the settlement row. */
function postKeptLine(app: AppContext, r: ReturnType<typeof requireRefund>, paymentId: number, userId: number): void {
  const today = app.clock.today();
  const now = app.clock.nowIso();
  const lineId = app.q.run(
    app.db.insertInto('bill_lines').values({
      unit_id: r.unit_id,
      fee_item_id: r.kept_fee_item_id!,
      object_kind: 'unit',
      object_id: r.unit_id,
      kind: 'charge',
      source: 'kept_deposit',
      period_start: today,
      period_end: today,
      quantity: '1',
      unit_price: fenToYuanText(r.kept_fen),
      amount_fen: r.kept_fen,
      basis: `押金扣留转收入：${r.reason}`,
      due_date: today,
      status: 'posted',
      late_charged_fen: 0,
      note: `押金编号 ${r.deposit_id}，退款申请 ${r.id}`,
      created_by: userId,
      created_at: now,
    }),
  ).lastInsertRowid;
  app.q.run(
    app.db.insertInto('allocations').values({
      line_id: lineId,
      payment_id: paymentId,
      amount_fen: r.kept_fen,
      status: 'live',
      business_date: today,
      created_at: now,
    }),
  );
}
