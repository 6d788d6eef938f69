import type BetterSqlite3 from 'better-sqlite3';
import type { AppContext } from '../../../../src-main/app/context';
import { rows, value } from './statements';

/**
 * Every row written to the ledger, recorded by triggers that exist only in the property test's
 * image (installed after the estate is built, never in the app's migrations). A refused call
 * rolls its transaction back and with it its log rows, so "a refusal changes nothing" is exactly
 * "the log did not grow". The same triggers catch, inside any transaction, a posted money column
 * rewritten or a posted row deleted — even if it were put back before the commit.
 */

/** A session's last-seen time is the desk's own bookkeeping, touched by any call: not ledger state. */
const UNLOGGED = ['sessions'];

/** Money and identity columns that are never rewritten once a row is posted. */
const FROZEN: Record<string, string[]> = {
  bill_lines: ['amount_fen', 'unit_id', 'fee_item_id', 'period_start', 'kind', 'parent_line_id'],
  payments: ['tendered_fen', 'allocated_fen', 'to_prepaid_fen', 'to_deposit_fen', 'unit_id', 'shift_id', 'kind'],
  payment_tenders: ['payment_id', 'method', 'amount_fen'],
  allocations: ['line_id', 'payment_id', 'offset_id', 'prepaid_account_id', 'amount_fen'],
  receipts: ['series_id', 'number', 'payment_id'],
  prepaid_entries: ['account_id', 'kind', 'amount_fen', 'payment_id', 'offset_id'],
  prepaid_offsets: ['amount_fen', 'voucher_no', 'unit_id'],
  waivers: ['line_id', 'amount_fen'],
  adjustments: ['line_id', 'amount_fen'],
  discounts: ['line_id', 'amount_fen'],
  refunds: ['amount_fen', 'kept_fen', 'source', 'payment_id', 'prepaid_account_id', 'deposit_id'],
  refund_allocations: ['refund_id', 'allocation_id'],
  deposits: ['amount_fen', 'payment_id'],
  shift_counts: ['system_fen', 'counted_fen', 'over_fen', 'short_fen'],
  bill_cancellations: ['line_id'],
  audit_log: ['seq', 'hash', 'prev_hash'],
};

export function installChangeLog(db: BetterSqlite3.Database): void {
  const tables = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN (${UNLOGGED.map((t) => `'${t}'`).join(', ')})`)
    .all() as Array<{ name: string; sql: string }>;
  for (const { name: t, sql } of tables) {
    // A table keyed WITHOUT ROWID (the arrears rollup) has no row id to log; the change still counts.
    const keyed = /WITHOUT\s+ROWID/i.test(sql);
    for (const [op, when] of [['I', 'INSERT'], ['U', 'UPDATE'], ['D', 'DELETE']] as const) {
      const row = keyed ? 'NULL' : op === 'D' ? 'OLD.rowid' : 'NEW.rowid';
      db.exec(`CREATE TRIGGER test_log_${op}_${t} AFTER ${when} ON ${t}
               BEGIN INSERT INTO test_change_log (tbl, op, row_id) VALUES ('${t}', '${op}', ${row}); END`);
    }
  }
  db.exec(`CREATE TABLE test_change_log (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, row_id INTEGER)`);
  for (const [t, cols] of Object.entries(FROZEN)) {
    const changed = cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
    db.exec(`CREATE TRIGGER test_log_frozen_${t} AFTER UPDATE ON ${t} WHEN ${changed}
             BEGIN INSERT INTO test_change_log (tbl, op, row_id) VALUES ('${t}', 'REWRITE', OLD.rowid); END`);
  }
}

/** The log's high-water mark: compare before and after a call. */
export function changeMark(app: AppContext): number {
  return value(app, 'SELECT COALESCE(MAX(id), 0) FROM test_change_log');
}

export function changesSince(app: AppContext, mark: number): Array<{ tbl: string; op: string; row_id: number }> {
  return rows(app, 'SELECT tbl, op, row_id FROM test_change_log WHERE id > ? ORDER BY id LIMIT 20', mark);
}

/** Rewrites of frozen columns and deletions of ledger rows, ever, on this connection. */
export function forbiddenChanges(app: AppContext): Array<{ tbl: string; op: string; row_id: number }> {
  const ledger = JSON.stringify(Object.keys(FROZEN));
  return rows(
    app,
    `SELECT tbl, op, row_id FROM test_change_log WHERE op = 'REWRITE' OR (op = 'D' AND tbl IN (SELECT value FROM json_each(?))) LIMIT 20`,
    ledger,
  );
}

const COUNTS_SQL = `SELECT ${Object.keys(FROZEN).map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(', ')}`;

/** Rows per ledger table, for the refusal check next to the change log. */
export function rowCounts(app: AppContext): Record<string, number> {
  return rows<Record<string, number>>(app, COUNTS_SQL)[0]!;
}
