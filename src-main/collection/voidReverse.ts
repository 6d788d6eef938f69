import { formatYuan } from '../../src-shared/domain/money';
import { accountBalance, postEntry } from '../accounts/prepaidBalances';
import { returnOffset } from '../accounts/prepaidOffsets';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import { takeNextNumber } from '../ledger/series';
import { requireOpenShift } from '../shifts/currentShift';
import { receiptNoOf } from './paymentResult';

function standingPayment(app: AppContext, paymentId: number) {
  const p = app.q.first(app.db.selectFrom('payments').selectAll().where('id', '=', paymentId));
  if (!p) throw new AppFailure('NOT_FOUND', '收款记录不存在');
  if (p.kind !== 'collection') throw new AppFailure('INVALID_STATE', '只有收款可以作废或冲红');
  if (p.status === 'voided') throw new AppFailure('INVALID_STATE', '该收款已作废');
  if (app.q.first(app.db.selectFrom('payments').select('id').where('reverses_payment_id', '=', p.id))) {
    throw new AppFailure('INVALID_STATE', '该收款已冲红');
  }
  const allocations = app.q.all(app.db.selectFrom('allocations').select(['line_id', 'status']).where('payment_id', '=', p.id));
  if (allocations.some((a) => a.status !== 'live')) throw new AppFailure('INVALID_STATE', '该收款已部分退费，不能再作废或冲红，请走退费流程');
  const deposits = app.q.all(app.db.selectFrom('deposits').select('status').where('payment_id', '=', p.id));
  if (deposits.some((d) => d.status !== 'held')) throw new AppFailure('INVALID_STATE', '该收款收取的押金已结算，不能作废或冲红');
  const shift = app.q.first(app.db.selectFrom('shifts').select('status').where('id', '=', p.shift_id));
  return { payment: p, shiftOpen: shift?.status === 'open', lineIds: [...new Set(allocations.map((a) => a.line_id))] };
}

/** The prepaid this payment put in goes back out; refused when it has already been spent. */
function takeBackPrepaid(app: AppContext, paymentId: number): void {
  const credits = app.q.all(
    app.db.selectFrom('prepaid_entries').select(['account_id', 'amount_fen']).where('payment_id', '=', paymentId).where('kind', '=', 'deposit'),
  );
  const perAccount = new Map<number, number>();
  for (const c of credits) perAccount.set(c.account_id, (perAccount.get(c.account_id) ?? 0) + c.amount_fen);
  for (const [accountId, amountFen] of perAccount) {
    if (amountFen <= 0) continue;
    const balance = accountBalance(app, accountId);
    if (balance < amountFen) {
      throw new AppFailure(
        'INSUFFICIENT_BALANCE',
        `该笔收款转入预存 ${formatYuan(amountFen)}，现预存余额只有 ${formatYuan(balance)}（已被抵扣使用），不能撤销`,
      );
    }
    postEntry(app, { accountId, kind: 'deposit', amountFen: -amountFen, paymentId });
  }
}

/**
 * 作废 (RULES §6): only while the shift that took the payment is open. The receipt keeps its
 * number with status voided; what the payment paid reopens, the part it paid from prepaid too
 * (its offset goes back to the balances). The approver is the caller unless a
 * supervisor approved on the spot.
 */
export function voidPayment(app: AppContext, userId: number, input: { paymentId: number; reason: string }, approverId = userId) {
  const { payment, shiftOpen, lineIds } = standingPayment(app, input.paymentId);
  if (!shiftOpen) throw new AppFailure('SHIFT_CLOSED', '收取该笔款项的班次已交班，不能作废，请在当前班次中冲红或退费');
  takeBackPrepaid(app, payment.id);
  if (payment.prepaid_offset_id !== null) returnOffset(app, payment.prepaid_offset_id);
  const now = app.clock.nowIso();
  app.q.run(app.db.updateTable('allocations').set({ status: 'voided' }).where('payment_id', '=', payment.id));
  app.q.run(app.db.updateTable('deposits').set({ status: 'voided' }).where('payment_id', '=', payment.id));
  app.q.run(app.db.updateTable('payments').set({ status: 'voided' }).where('id', '=', payment.id));
  app.q.run(
    app.db
      .updateTable('receipts')
      .set({ status: 'voided', void_reason: input.reason, voided_by: userId, void_approved_by: approverId, voided_at: now })
      .where('payment_id', '=', payment.id),
  );
  return { paymentId: payment.id, receiptNo: receiptNoOf(app, payment.id)!.receiptNo, reopenedLineIds: lineIds };
}

/**
 * 红冲 (RULES §6): after the original shift closed, a reversal with negative tenders lands in the
 * current open shift; the original payment and receipt stay exactly as they were.
 * Prepaid the payment used is returned, as the reversal receipt shows.
 */
export function reversePayment(app: AppContext, userId: number, input: { paymentId: number; reason: string }) {
  const { payment, shiftOpen, lineIds } = standingPayment(app, input.paymentId);
  if (shiftOpen) throw new AppFailure('INVALID_STATE', '收取该笔款项的班次尚未交班，请直接作废');
  const shift = requireOpenShift(app, userId);
  takeBackPrepaid(app, payment.id);
  if (payment.prepaid_offset_id !== null) returnOffset(app, payment.prepaid_offset_id);
  const now = app.clock.nowIso();
  const today = app.clock.today();
  const reversalId = app.q.run(
    app.db.insertInto('payments').values({
      idempotency_key: `reversal:${payment.id}`,
      kind: 'reversal',
      unit_id: payment.unit_id,
      payer_name: payment.payer_name,
      shift_id: shift.id,
      cashier_id: userId,
      tendered_fen: -payment.tendered_fen,
      allocated_fen: -payment.allocated_fen,
      to_prepaid_fen: -payment.to_prepaid_fen,
      to_deposit_fen: -payment.to_deposit_fen,
      cash_given_fen: null,
      change_fen: 0,
      status: 'posted',
      fallback: 0,
      manual_entry: 0,
      business_date: today,
      reverses_payment_id: payment.id,
      created_at: now,
    }),
  ).lastInsertRowid;
  const tenders = app.q.all(app.db.selectFrom('payment_tenders').selectAll().where('payment_id', '=', payment.id).orderBy('id'));
  for (const t of tenders) {
    app.q.run(app.db.insertInto('payment_tenders').values({ payment_id: reversalId, method: t.method, amount_fen: -t.amount_fen, reference: t.reference }));
  }
  app.q.run(app.db.updateTable('allocations').set({ status: 'reversed' }).where('payment_id', '=', payment.id));
  app.q.run(app.db.updateTable('deposits').set({ status: 'voided' }).where('payment_id', '=', payment.id));
  const number = takeNextNumber(app, 'DESK');
  const receiptId = app.q.run(
    app.db.insertInto('receipts').values({
      series_id: number.seriesId,
      number: number.number,
      payment_id: reversalId,
      status: 'issued',
      business_date: today,
      issued_at: now,
      reprint_count: 0,
    }),
  ).lastInsertRowid;
  return {
    paymentId: reversalId,
    receiptId,
    receiptNo: number.display,
    reversesPaymentId: payment.id,
    tenderedFen: -payment.tendered_fen,
    reopenedLineIds: lineIds,
  };
}
