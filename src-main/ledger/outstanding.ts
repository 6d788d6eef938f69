import type { AppContext } from '../app/context';
import { prepared } from '../db/statements';

/**
 * What is still owed on a bill line:
 *   amount + approved adjustments − live allocations − live waivers − live discounts.
 * The database keeps bill_lines.outstanding_fen equal to it by triggers (migration 0002), which
 * makes open lines cheap to find; the full derivation here is what the invariant check compares
 * that column against, and what the desk shows as the breakdown.
 */
const OUTSTANDING_SQL = `
  bl.amount_fen
  + COALESCE((SELECT SUM(a.amount_fen) FROM adjustments a WHERE a.line_id = bl.id AND a.status = 'approved'), 0)
  - COALESCE((SELECT SUM(al.amount_fen) FROM allocations al WHERE al.line_id = bl.id AND al.status = 'live'), 0)
  - COALESCE((SELECT SUM(w.amount_fen) FROM waivers w WHERE w.line_id = bl.id AND w.status = 'live'), 0)
  - COALESCE((SELECT SUM(d.amount_fen) FROM discounts d WHERE d.line_id = bl.id AND d.status = 'live'), 0)`;

export interface LineBalance {
  id: number;
  amount_fen: number;
  adjusted_fen: number;
  allocated_fen: number;
  waived_fen: number;
  discounted_fen: number;
  outstanding_fen: number;
}

const BALANCE_SELECT = `
  SELECT bl.id, bl.amount_fen,
    COALESCE((SELECT SUM(a.amount_fen) FROM adjustments a WHERE a.line_id = bl.id AND a.status = 'approved'), 0) AS adjusted_fen,
    COALESCE((SELECT SUM(al.amount_fen) FROM allocations al WHERE al.line_id = bl.id AND al.status = 'live'), 0) AS allocated_fen,
    COALESCE((SELECT SUM(w.amount_fen) FROM waivers w WHERE w.line_id = bl.id AND w.status = 'live'), 0) AS waived_fen,
    COALESCE((SELECT SUM(d.amount_fen) FROM discounts d WHERE d.line_id = bl.id AND d.status = 'live'), 0) AS discounted_fen,
    ${OUTSTANDING_SQL} AS outstanding_fen
  FROM bill_lines bl`;

export function lineBalance(app: AppContext, lineId: number): LineBalance | undefined {
  return prepared(app.sqlite, `${BALANCE_SELECT} WHERE bl.id = ?`).get(lineId) as LineBalance | undefined;
}

export interface OpenLine {
  id: number;
  amount_fen: number;
  outstanding_fen: number;
  due_date: string;
  period_start: string;
  priority: number;
}

/**
 * Posted lines of a unit with something still owed, in the RULES §6 allocation order. Reads the
 * maintained column through the open-lines index: a desk payment must not pay for years of history.
 */
export function openLineBalances(app: AppContext, unitId: number): OpenLine[] {
  return prepared(
    app.sqlite,
    `SELECT bl.id, bl.amount_fen, bl.outstanding_fen, bl.due_date, bl.period_start, fi.priority
     FROM bill_lines bl JOIN fee_items fi ON fi.id = bl.fee_item_id
     WHERE bl.unit_id = ? AND bl.status = 'posted' AND bl.outstanding_fen > 0
     ORDER BY bl.due_date, bl.period_start, fi.priority, bl.id`,
  ).all(unitId) as OpenLine[];
}

/** The SQL expression, for reports that aggregate outstanding over many lines (alias `bl`). */
export const outstandingExpression = OUTSTANDING_SQL;
