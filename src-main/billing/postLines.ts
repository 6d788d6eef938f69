import type { AppContext } from '../app/context';
import type { RunLine } from './computeRunLines';

/**
 * Inserts computed lines with one prepared statement, inside the caller's transaction. The
 * caller has already left out keys that exist, so a clash with the uniqueness index is a bug and
 * aborts the whole transaction. Returns the new ids in the order of `lines`.
 */
export function postLines(
  app: AppContext,
  lines: RunLine[],
  p: { runId: number | null; source: 'run' | 'prepay_ahead'; userId: number | null },
): number[] {
  const insert = app.sqlite.prepare(
    `INSERT INTO bill_lines (run_id, unit_id, fee_item_id, object_kind, object_id, kind, source, customer_id,
       period_start, period_end, quantity, unit_price, amount_fen, basis, due_date, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, 'charge', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = app.clock.nowIso();
  const ids: number[] = [];
  for (const l of lines) {
    const r = insert.run(
      p.runId, l.unitId, l.feeItemId, l.objectKind, l.objectId, p.source, l.customerId,
      l.periodStart, l.periodEnd, l.quantity, l.unitPrice, l.amountFen, l.basis, l.dueDate, p.userId, now,
    );
    ids.push(Number(r.lastInsertRowid));
  }
  return ids;
}
