import type BetterSqlite3 from 'better-sqlite3';
import { addMonths } from '../../src-shared/domain/dates';

export interface DemoSummary {
  /** The ledger's fixed "now": the last day of the last billed month. */
  asOf: string;
  rows: Record<string, number>;
  billedFen: number;
  receivedFen: number;
  offsetFen: number;
  waivedFen: number;
  outstandingFen: number;
  billedUnits: number;
  /** Households owing on a line due more than three months before asOf. */
  arrearsUnits: number;
}

/** Counts and totals read back from the written ledger, so the printout is what the file holds. */
export function summarize(db: BetterSqlite3.Database, asOf: string, counts: Map<string, number>): DemoSummary {
  const one = (sql: string, ...args: unknown[]): number => (db.prepare(sql).pluck().get(...args) as number | null) ?? 0;
  const rows: Record<string, number> = {};
  for (const table of [...counts.keys()].sort()) rows[table] = one(`SELECT COUNT(*) FROM ${table}`);
  const cutoff = addMonths(asOf, -3);
  return {
    asOf,
    rows,
    billedFen: one("SELECT SUM(amount_fen) FROM bill_lines WHERE status = 'posted'"),
    receivedFen: one("SELECT SUM(tendered_fen) FROM payments WHERE status = 'posted'"),
    offsetFen: one("SELECT SUM(amount_fen) FROM prepaid_offsets WHERE status = 'live'"),
    waivedFen: one("SELECT SUM(amount_fen) FROM waivers WHERE status = 'live'"),
    // outstanding_fen is kept by the schema's triggers; the tests prove it equals the derivation.
    outstandingFen: one("SELECT SUM(outstanding_fen) FROM bill_lines WHERE status = 'posted'"),
    billedUnits: one("SELECT COUNT(DISTINCT unit_id) FROM bill_lines WHERE status = 'posted'"),
    arrearsUnits: one(
      "SELECT COUNT(DISTINCT unit_id) FROM bill_lines WHERE status = 'posted' AND due_date < ? AND outstanding_fen > 0",
      cutoff,
    ),
  };
}
