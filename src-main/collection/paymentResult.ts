import type { CollectResult } from '../../src-shared/api/calls/collection';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import { formatNumber } from '../ledger/series';

export function receiptNoOf(app: AppContext, paymentId: number): { receiptId: number; receiptNo: string } | null {
  const row = app.sqlite
    .prepare(
      `SELECT r.id, r.number, s.prefix FROM receipts r JOIN receipt_series s ON s.id = r.series_id WHERE r.payment_id = ?`,
    )
    .get(paymentId) as { id: number; number: number; prefix: string } | undefined;
  return row ? { receiptId: row.id, receiptNo: formatNumber(row.prefix, row.number) } : null;
}

/**
 * A payment's result read back from the ledger, so a repeated request gets exactly what the
 * first one got.
 */
export function paymentResult(app: AppContext, paymentId: number, replayed: boolean): CollectResult {
  const p = app.q.first(app.db.selectFrom('payments').selectAll().where('id', '=', paymentId));
  const receipt = receiptNoOf(app, paymentId);
  if (!p || !receipt) throw new AppFailure('NOT_FOUND', '收款记录不存在');
  const allocations = app.sqlite
    .prepare(
      `SELECT al.line_id AS lineId, bl.kind, bl.parent_line_id AS parentLineId, al.amount_fen AS amountFen,
              CASE WHEN al.payment_id IS NOT NULL THEN 'tender' ELSE 'prepaid' END AS source
       FROM allocations al JOIN bill_lines bl ON bl.id = al.line_id
       WHERE al.payment_id = ? OR (? IS NOT NULL AND al.offset_id = ?)
       ORDER BY al.id`,
    )
    .all(p.id, p.prepaid_offset_id, p.prepaid_offset_id) as CollectResult['allocations'];
  const deposit = app.q.first(app.db.selectFrom('deposits').select('id').where('payment_id', '=', p.id));
  return {
    paymentId: p.id,
    receiptId: receipt.receiptId,
    receiptNo: receipt.receiptNo,
    status: p.status,
    businessDate: p.business_date,
    tenderedFen: p.tendered_fen,
    allocatedFen: p.allocated_fen,
    toPrepaidFen: p.to_prepaid_fen,
    toDepositFen: p.to_deposit_fen,
    cashGivenFen: p.cash_given_fen,
    changeFen: p.change_fen,
    prepaidUsedFen: allocations.filter((a) => a.source === 'prepaid').reduce((s, a) => s + a.amountFen, 0),
    prepaidOffsetId: p.prepaid_offset_id,
    depositId: deposit?.id ?? null,
    allocations,
    replayed,
  };
}
