import type { AppContext } from '../app/context';
import { outstandingExpression } from './outstanding';

/**
 * The ledger's invariants (issue 3 item 9), checked by SQL over the whole file. Each query returns
 * the offending rows; an empty list means the ledger is consistent. Used by the property tests,
 * the crash-safety test and the demo-data checks, and cheap enough to run at will.
 */
const CHECKS: Array<{ name: string; sql: string }> = [
  {
    name: '账单行欠费为负',
    sql: `SELECT bl.id FROM bill_lines bl WHERE bl.status = 'posted' AND (${outstandingExpression}) < 0`,
  },
  {
    name: '账单行维护的欠费与明细推算不符',
    sql: `SELECT bl.id FROM bill_lines bl WHERE bl.outstanding_fen IS NOT (${outstandingExpression})`,
  },
  {
    // arrears_rollup (migration 0005) is what the arrears list reads; its triggers must keep it
    // equal to the open lines it sums, and hold no pair with nothing open.
    name: '欠费汇总与未结账单行不符',
    sql: `SELECT DISTINCT unit_id FROM (
            SELECT unit_id FROM (
              SELECT unit_id, due_date, open_fen AS f, open_lines AS n FROM arrears_rollup
              UNION ALL
              SELECT unit_id, due_date, -outstanding_fen, -1 FROM bill_lines WHERE status = 'posted' AND outstanding_fen > 0
            ) GROUP BY unit_id, due_date HAVING SUM(f) <> 0 OR SUM(n) <> 0
            UNION ALL
            SELECT unit_id FROM arrears_rollup WHERE open_lines <= 0 OR open_fen <= 0)`,
  },
  {
    name: '付款的收款方式合计不等于付款金额',
    sql: `SELECT p.id FROM payments p
          WHERE p.tendered_fen <> COALESCE((SELECT SUM(t.amount_fen) FROM payment_tenders t WHERE t.payment_id = p.id), 0)`,
  },
  {
    name: '付款的分配合计不等于已分配金额',
    sql: `SELECT p.id FROM payments p WHERE p.kind = 'collection'
            AND p.allocated_fen <> COALESCE((SELECT SUM(a.amount_fen) FROM allocations a WHERE a.payment_id = p.id), 0)`,
  },
  {
    name: '付款金额不等于分配、预存与押金之和',
    sql: `SELECT id FROM payments WHERE tendered_fen <> allocated_fen + to_prepaid_fen + to_deposit_fen`,
  },
  {
    name: '预存余额为负',
    sql: `SELECT account_id FROM prepaid_entries GROUP BY account_id HAVING SUM(amount_fen) < 0`,
  },
  {
    name: '抵扣凭证金额与其分配不符',
    sql: `SELECT o.id FROM prepaid_offsets o
          WHERE o.amount_fen <> COALESCE((SELECT SUM(a.amount_fen) FROM allocations a WHERE a.offset_id = o.id), 0)
             OR o.amount_fen <> -COALESCE((SELECT SUM(e.amount_fen) FROM prepaid_entries e WHERE e.offset_id = o.id AND e.kind = 'offset'), 0)`,
  },
  {
    name: '有效分配指向已作废的付款',
    sql: `SELECT a.id FROM allocations a JOIN payments p ON p.id = a.payment_id WHERE p.status = 'voided' AND a.status = 'live'`,
  },
  {
    name: '一笔付款对应多张收据或没有收据',
    sql: `SELECT p.id FROM payments p WHERE p.kind = 'collection'
            AND (SELECT COUNT(*) FROM receipts r WHERE r.payment_id = p.id) <> 1`,
  },
  {
    name: '收据号不连续',
    sql: `SELECT s.id FROM receipt_series s WHERE s.kind = 'desk'
            AND ((SELECT COUNT(*) FROM receipts r WHERE r.series_id = s.id) <> s.next_no - 1
              OR EXISTS (SELECT 1 FROM receipts r WHERE r.series_id = s.id AND (r.number < 1 OR r.number >= s.next_no)))`,
  },
  {
    name: '手工收据号超出号段',
    sql: `SELECT r.id FROM receipts r JOIN receipt_series s ON s.id = r.series_id
          WHERE s.kind = 'manual_book' AND (r.number < s.range_start OR r.number > s.range_end)`,
  },
];

export interface InvariantViolation {
  check: string;
  ids: number[];
}

export function checkLedgerInvariants(app: AppContext): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  for (const check of CHECKS) {
    const ids = app.sqlite.prepare(check.sql).pluck().all() as number[];
    if (ids.length > 0) violations.push({ check: check.name, ids: ids.slice(0, 20) });
  }
  return violations;
}

/** Posted amounts by row, to prove that nothing posted is ever changed in place or deleted. */
const AMOUNT_COLUMNS: Record<string, string[]> = {
  bill_lines: ['amount_fen', 'unit_id', 'fee_item_id', 'period_start'],
  payments: ['tendered_fen', 'allocated_fen', 'to_prepaid_fen', 'to_deposit_fen', 'unit_id', 'shift_id'],
  payment_tenders: ['payment_id', 'method', 'amount_fen'],
  allocations: ['line_id', 'payment_id', 'offset_id', 'amount_fen'],
  receipts: ['series_id', 'number', 'payment_id'],
  prepaid_entries: ['account_id', 'kind', 'amount_fen'],
  prepaid_offsets: ['amount_fen', 'voucher_no'],
  waivers: ['line_id', 'amount_fen'],
  adjustments: ['line_id', 'amount_fen'],
  refunds: ['amount_fen', 'kept_fen'],
  deposits: ['amount_fen'],
  audit_log: ['hash'],
};

export type AmountSnapshot = Map<string, string>;

export function snapshotPostedAmounts(app: AppContext): AmountSnapshot {
  const snap: AmountSnapshot = new Map();
  for (const [table, cols] of Object.entries(AMOUNT_COLUMNS)) {
    const key = table === 'audit_log' ? 'seq' : 'id';
    for (const row of app.sqlite.prepare(`SELECT ${key} AS k, ${cols.join(', ')} FROM ${table}`).all() as Array<Record<string, unknown>>) {
      snap.set(`${table}:${row.k}`, JSON.stringify(cols.map((c) => row[c])));
    }
  }
  return snap;
}

/** Rows of `before` that are missing or different in `after`; new rows are fine. */
export function changedPostedRows(before: AmountSnapshot, after: AmountSnapshot): string[] {
  const changed: string[] = [];
  for (const [k, v] of before) if (after.get(k) !== v) changed.push(k);
  return changed;
}
