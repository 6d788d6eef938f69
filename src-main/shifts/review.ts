import type { CallOutput } from '../../src-shared/api';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import { formatNumber } from '../ledger/series';

/** Payments taken in fallback mode or entered from paper (补录) wait for a supervisor's look (RULES §7). */
export function reviewList(app: AppContext): CallOutput<'shifts.reviewList'> {
  const rows = app.sqlite
    .prepare(
      `SELECT p.id, p.payer_name, p.tendered_fen, p.cashier_id, p.shift_id, p.fallback, p.manual_entry, p.original_at,
              p.business_date, p.created_at, u.code AS unit_code, c.display_name AS cashier_name,
              r.number AS receipt_number, s.prefix AS receipt_prefix
       FROM payments p JOIN units u ON u.id = p.unit_id JOIN users c ON c.id = p.cashier_id
       LEFT JOIN receipts r ON r.payment_id = p.id LEFT JOIN receipt_series s ON s.id = r.series_id
       WHERE (p.fallback = 1 OR p.manual_entry = 1) AND p.reviewed_at IS NULL
       ORDER BY p.business_date, p.id`,
    )
    .all() as ReviewRow[];
  return {
    payments: rows.map((p) => ({
      paymentId: p.id,
      receiptNo: p.receipt_number === null ? null : formatNumber(p.receipt_prefix ?? '', p.receipt_number),
      unitCode: p.unit_code,
      payerName: p.payer_name,
      tenderedFen: p.tendered_fen,
      cashierId: p.cashier_id,
      cashierName: p.cashier_name,
      shiftId: p.shift_id,
      fallback: p.fallback === 1,
      manualEntry: p.manual_entry === 1,
      originalAt: p.original_at,
      businessDate: p.business_date,
      createdAt: p.created_at,
    })),
  };
}

/**
 * Marks flagged payments reviewed. Review is a second pair of eyes, so nobody reviews a payment
 * they took themselves; only the review columns change, never the money.
 */
export function markReviewed(app: AppContext, reviewerId: number, paymentIds: number[]): { reviewed: number } {
  const now = app.clock.nowIso();
  for (const id of paymentIds) {
    const p = app.q.first(
      app.db.selectFrom('payments').select(['id', 'cashier_id', 'fallback', 'manual_entry', 'reviewed_at']).where('id', '=', id),
    );
    if (!p) throw new AppFailure('NOT_FOUND', `收款 ${id} 不存在`);
    if (!p.fallback && !p.manual_entry) throw new AppFailure('INVALID_STATE', `收款 ${id} 不是手工收费或补录，无需复核`);
    if (p.reviewed_at !== null) throw new AppFailure('INVALID_STATE', `收款 ${id} 已复核过`);
    if (p.cashier_id === reviewerId) throw new AppFailure('FORBIDDEN', `收款 ${id} 是您本人经手的，请由另一位主管复核`);
    app.q.run(app.db.updateTable('payments').set({ reviewed_by: reviewerId, reviewed_at: now }).where('id', '=', id));
  }
  return { reviewed: paymentIds.length };
}

interface ReviewRow {
  id: number;
  payer_name: string;
  tendered_fen: number;
  cashier_id: number;
  shift_id: number;
  fallback: number;
  manual_entry: number;
  original_at: string | null;
  business_date: string;
  created_at: string;
  unit_code: string;
  cashier_name: string;
  receipt_number: number | null;
  receipt_prefix: string | null;
}
