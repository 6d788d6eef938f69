import { TENDER_METHODS, type TenderMethod } from '../../src-shared/api/calls/collection';
import type { ShiftView } from '../../src-shared/api/calls/shifts';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';

/**
 * Sum of a shift's tenders per method, over payments that still stand: voided payments drop out,
 * refunds and reversals count with their negative tenders. This is the one definition of the
 * system side of the day close.
 */
export function tenderSums(app: AppContext, shiftId: number): Map<TenderMethod, number> {
  const rows = app.sqlite
    .prepare(
      `SELECT t.method AS method, SUM(t.amount_fen) AS total
       FROM payment_tenders t JOIN payments p ON p.id = t.payment_id
       WHERE p.shift_id = ? AND p.status = 'posted'
       GROUP BY t.method`,
    )
    .all(shiftId) as Array<{ method: TenderMethod; total: number }>;
  return new Map(rows.map((r) => [r.method, r.total]));
}

/** System totals per method: tenders, plus the float for cash (the drawer holds both). */
export function systemTotals(app: AppContext, shiftId: number, floatFen: number): ShiftView['totals'] {
  const sums = tenderSums(app, shiftId);
  return TENDER_METHODS.map((method) => {
    const tendersFen = sums.get(method) ?? 0;
    return { method, tendersFen, systemFen: tendersFen + (method === 'cash' ? floatFen : 0) };
  });
}

/** Over (长款) and short (短款) of one method; each is kept on its own, never netted. */
export function overShort(systemFen: number, countedFen: number): { overFen: number; shortFen: number } {
  return { overFen: Math.max(0, countedFen - systemFen), shortFen: Math.max(0, systemFen - countedFen) };
}

export function shiftView(app: AppContext, shiftId: number): ShiftView {
  const row = app.sqlite
    .prepare(
      `SELECT s.*, c.display_name AS cashier_name, v.display_name AS confirmer_name,
              (SELECT COUNT(*) FROM payments p WHERE p.shift_id = s.id AND p.status = 'posted') AS payment_count
       FROM shifts s JOIN users c ON c.id = s.cashier_id LEFT JOIN users v ON v.id = s.confirmed_by
       WHERE s.id = ?`,
    )
    .get(shiftId) as ShiftJoinRow | undefined;
  if (!row) throw new AppFailure('NOT_FOUND', `班次 ${shiftId} 不存在`);
  const counts = app.q
    .all(app.db.selectFrom('shift_counts').selectAll().where('shift_id', '=', shiftId))
    .map((c) => ({
      method: c.method as TenderMethod,
      systemFen: c.system_fen,
      countedFen: c.counted_fen,
      overFen: c.over_fen,
      shortFen: c.short_fen,
      note: c.note,
    }))
    .sort((a, b) => TENDER_METHODS.indexOf(a.method) - TENDER_METHODS.indexOf(b.method));
  return {
    id: row.id,
    cashierId: row.cashier_id,
    cashierName: row.cashier_name,
    businessDate: row.business_date,
    floatFen: row.float_fen,
    status: row.status,
    openedAt: row.opened_at,
    countedAt: row.counted_at,
    confirmedAt: row.confirmed_at,
    confirmedBy: row.confirmed_by,
    confirmedByName: row.confirmer_name,
    note: row.note,
    paymentCount: row.payment_count,
    totals: systemTotals(app, shiftId, row.float_fen),
    counts,
    overFen: counts.reduce((s, c) => s + c.overFen, 0),
    shortFen: counts.reduce((s, c) => s + c.shortFen, 0),
  };
}

interface ShiftJoinRow {
  id: number;
  cashier_id: number;
  cashier_name: string;
  business_date: string;
  float_fen: number;
  status: 'open' | 'counted' | 'confirmed';
  opened_at: string;
  counted_at: string | null;
  confirmed_at: string | null;
  confirmed_by: number | null;
  confirmer_name: string | null;
  note: string;
  payment_count: number;
}
