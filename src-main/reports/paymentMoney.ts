import type { AppContext } from '../app/context';
import { formatNumber } from '../ledger/series';

/**
 * Money taken at the desk, counted by payment date (RULES §9: 日报 and 明细). A standing payment
 * (not voided) splits into signed rows that sum to its tenders:
 *   - a collection: its own allocations (principal and late fee per line), + to prepaid, + to deposit;
 *   - a reversal (红冲): minus the allocations of the payment it reverses, and its negative parts;
 *   - a refund: minus the allocations it refunded, plus a kept deposit's revenue line, and its
 *     prepaid and deposit movements.
 * Allocations of an earlier payment that a later reversal or refund undid stay on the earlier day:
 * each day shows what happened that day. The 日报 and the 明细 both read these rows.
 */
export interface PaymentRow {
  payment_id: number;
  kind: 'collection' | 'reversal' | 'refund';
  status: 'posted' | 'voided';
  business_date: string;
  unit_code: string;
  community_name: string;
  payer_name: string;
  cashier_name: string;
  tendered_fen: number;
  to_prepaid_fen: number;
  to_deposit_fen: number;
  manual_entry: number;
  fallback: number;
  original_at: string | null;
  shift_id: number;
  prefix: string | null;
  number: number | null;
  reverses_no: string | null;
  methods: string | null;
}

export interface PaymentWhere {
  sql: string;
  params: unknown[];
}

/** Receipt number of a collection or reversal; refund voucher number of a refund. */
const NUMBER_JOINS = `
  LEFT JOIN receipts r ON r.payment_id = p.id
  LEFT JOIN refunds rf ON rf.refund_payment_id = p.id
  LEFT JOIN receipt_series s ON s.id = COALESCE(r.series_id, rf.voucher_series_id)`;

export function paymentsSql(where: PaymentWhere): PaymentWhere {
  return {
    sql: `SELECT p.id AS payment_id, p.kind, p.status, p.business_date, u.code AS unit_code, c.name AS community_name,
        p.payer_name, us.display_name AS cashier_name, p.tendered_fen, p.to_prepaid_fen, p.to_deposit_fen,
        p.manual_entry, p.fallback, p.original_at, p.shift_id, s.prefix, COALESCE(r.number, rf.voucher_no) AS number,
        (SELECT s2.prefix || printf('%08d', r2.number) FROM receipts r2 JOIN receipt_series s2 ON s2.id = r2.series_id
          WHERE r2.payment_id = p.reverses_payment_id) AS reverses_no,
        (SELECT GROUP_CONCAT(method, ',') FROM (SELECT DISTINCT t.method FROM payment_tenders t WHERE t.payment_id = p.id ORDER BY t.method)) AS methods
      FROM payments p JOIN units u ON u.id = p.unit_id JOIN communities c ON c.id = u.community_id
      JOIN users us ON us.id = p.cashier_id ${NUMBER_JOINS}
      WHERE ${where.sql}`,
    params: where.params,
  };
}

export function paymentNumber(p: Pick<PaymentRow, 'prefix' | 'number'>): string {
  return p.number === null ? '' : formatNumber(p.prefix ?? '', p.number);
}

export interface MoneyRow {
  payment_id: number;
  ord: number;
  line_id: number | null;
  category: 'charge' | 'late_fee' | 'prepaid' | 'deposit';
  fee_item_id: number | null;
  fee_item_name: string;
  period_start: string | null;
  period_end: string | null;
  amount_fen: number;
}

/**
 * The signed money rows of the standing payments selected by `where` (a condition on `p`),
 * in payment then allocation order.
 */
export function moneyRowsSql(where: PaymentWhere, extra: { feeItemId?: number | undefined } = {}): PaymentWhere {
  const item = extra.feeItemId === undefined ? '' : 'WHERE m.fee_item_id = ?';
  const sql = `
    WITH sp AS (SELECT p.* FROM payments p JOIN units u ON u.id = p.unit_id WHERE p.status = 'posted' AND (${where.sql})),
    lines AS (
      SELECT sp.id AS payment_id, al.id AS allocation_id, al.line_id, al.amount_fen AS amount_fen
        FROM sp JOIN allocations al ON al.payment_id = sp.id WHERE sp.kind IN ('collection', 'refund')
      UNION ALL
      SELECT sp.id, al.id, al.line_id, -al.amount_fen
        FROM sp JOIN allocations al ON al.payment_id = sp.reverses_payment_id WHERE sp.kind = 'reversal'
      UNION ALL
      SELECT sp.id, al.id, al.line_id, -al.amount_fen
        FROM sp JOIN refunds rf ON rf.refund_payment_id = sp.id JOIN refund_allocations ra ON ra.refund_id = rf.id
        JOIN allocations al ON al.id = ra.allocation_id WHERE sp.kind = 'refund'
    ),
    m AS (
      SELECT l.payment_id, l.allocation_id AS ord, l.line_id, bl.kind AS category, bl.fee_item_id, fi.name AS fee_item_name,
        bl.period_start, bl.period_end, l.amount_fen
      FROM lines l JOIN bill_lines bl ON bl.id = l.line_id JOIN fee_items fi ON fi.id = bl.fee_item_id
      UNION ALL
      SELECT sp.id, 9e15, NULL, 'prepaid', NULL, '预存款', NULL, NULL, sp.to_prepaid_fen FROM sp WHERE sp.to_prepaid_fen <> 0
      UNION ALL
      SELECT sp.id, 9e15 + 1, NULL, 'deposit', NULL, '押金', NULL, NULL, sp.to_deposit_fen FROM sp WHERE sp.to_deposit_fen <> 0
    )
    SELECT m.payment_id, m.ord, m.line_id, m.category, m.fee_item_id, m.fee_item_name, m.period_start, m.period_end, m.amount_fen
    FROM m ${item} ORDER BY m.payment_id, m.ord`;
  return { sql, params: extra.feeItemId === undefined ? where.params : [...where.params, extra.feeItemId] };
}

export function paymentsByQuery(app: AppContext, q: PaymentWhere): PaymentRow[] {
  return app.sqlite.prepare(q.sql).all(...q.params) as PaymentRow[];
}
