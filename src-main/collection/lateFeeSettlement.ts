import { addDays } from '../../src-shared/domain/dates';
import { parseDecimal, pow10, roundHalfUpDiv } from '../../src-shared/domain/decimal';
import { lateFee, overdueDays } from '../../src-shared/domain/lateFee';
import { formatYuan } from '../../src-shared/domain/money';
import type { AppContext } from '../app/context';
import { prepared } from '../db/statements';
import { AppFailure } from '../ipc/failure';
import { lineBalance } from '../ledger/outstanding';
import { createWaiver, requirePermission } from './waivers';

/** What the accrual of one line depends on (a bill line joined with its fee item's policy). */
export interface AccrualLine {
  kind: 'charge' | 'late_fee';
  amount_fen: number;
  due_date: string;
  late_settled_through: string | null;
  late_charged_fen: number;
  late_daily_rate: string;
  late_grace_days: number;
  late_cap_ratio: string | null;
}

export interface Accrual {
  /** Late fee accrued and not yet settled, after the cap. */
  feeFen: number;
  days: number;
  /** First day counted (the day after the due date and grace, or after the last settlement). */
  fromDate: string;
}

/**
 * RULES §5: principal outstanding × rate × overdue days; after a settlement, accrual restarts from
 * the settled date with no second grace. The cap is on the total ever charged on the line, as a
 * ratio of its original principal, so it is applied here rather than inside lateFee().
 */
export function accrue(line: AccrualLine, principalFen: number, asOf: string): Accrual {
  const settled = line.late_settled_through;
  const start = settled ?? line.due_date;
  const grace = settled ? 0 : line.late_grace_days;
  const fromDate = addDays(start, grace + 1);
  if (line.kind !== 'charge' || principalFen <= 0 || asOf < fromDate) return { feeFen: 0, days: 0, fromDate };
  const days = overdueDays(start, asOf, grace);
  let feeFen = lateFee({ principalFen, dueDate: start, asOf, dailyRate: line.late_daily_rate, graceDays: grace });
  if (line.late_cap_ratio !== null) {
    const cap = parseDecimal(line.late_cap_ratio);
    const capFen = Number(roundHalfUpDiv(BigInt(line.amount_fen) * cap.int, pow10(cap.scale)));
    feeFen = Math.min(feeFen, Math.max(0, capFen - line.late_charged_fen));
  }
  return { feeFen, days, fromDate };
}

function accrualLine(app: AppContext, lineId: number) {
  const row = prepared(
    app.sqlite,
    `SELECT bl.*, fi.late_daily_rate, fi.late_grace_days, fi.late_cap_ratio
     FROM bill_lines bl JOIN fee_items fi ON fi.id = bl.fee_item_id WHERE bl.id = ?`,
  ).get(lineId) as (AccrualLine & { id: number; status: string; unit_id: number; fee_item_id: number; object_kind: 'unit' | 'parking' | 'meter'; object_id: number; customer_id: number | null }) | undefined;
  if (!row || row.status !== 'posted') throw new AppFailure('NOT_FOUND', `账单 #${lineId} 不存在或已作废`);
  return row;
}

/** The late fee of one line as of a date, shown live at the desk (nothing is written). */
export function lateFeeAsOf(app: AppContext, lineId: number, asOf: string): Accrual & { principalFen: number } {
  const line = accrualLine(app, lineId);
  const principalFen = lineBalance(app, lineId)?.outstanding_fen ?? 0;
  return { ...accrue(line, principalFen, asOf), principalFen };
}

/** principal × rate as exact decimal text: the late-fee line's price per day, in yuan. */
function dailyAmountText(principalFen: number, rate: string): string {
  const r = parseDecimal(rate);
  const scale = r.scale + 2;
  const digits = (BigInt(principalFen) * r.int).toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/**
 * Settles the late fee accrued on a line up to `asOf` before money is allocated to it (RULES §5):
 * charged as a late-fee line linked to it, or charged and waived at once. Either way the line
 * remembers the date and the amount, so later accrual starts there and the cap sees the total.
 * Runs inside the caller's transaction.
 */
export function settleLateFee(
  app: AppContext,
  p: { lineId: number; asOf: string; mode: 'charge' | 'waive'; userId: number; reason?: string },
): { lateFeeLineId: number | null; amountFen: number } {
  const line = accrualLine(app, p.lineId);
  if (line.kind !== 'charge') return { lateFeeLineId: null, amountFen: 0 };
  const principalFen = lineBalance(app, p.lineId)?.outstanding_fen ?? 0;
  const accrual = accrue(line, principalFen, p.asOf);
  if (accrual.days === 0) return { lateFeeLineId: null, amountFen: 0 };
  if (p.mode === 'waive') requirePermission(app, p.userId, 'waiver.apply', '您没有减免违约金的权限');

  let lateFeeLineId: number | null = null;
  if (accrual.feeFen > 0) {
    const now = app.clock.nowIso();
    lateFeeLineId = app.q.run(
      app.db.insertInto('bill_lines').values({
        run_id: null,
        unit_id: line.unit_id,
        fee_item_id: line.fee_item_id,
        object_kind: line.object_kind,
        object_id: line.object_id,
        kind: 'late_fee',
        source: 'late_fee',
        parent_line_id: line.id,
        customer_id: line.customer_id,
        period_start: accrual.fromDate,
        period_end: p.asOf,
        quantity: String(accrual.days),
        unit_price: dailyAmountText(principalFen, line.late_daily_rate),
        amount_fen: accrual.feeFen,
        basis: `违约金：欠费本金 ${formatYuan(principalFen)} × 日费率 ${line.late_daily_rate} × ${accrual.days} 天${line.late_cap_ratio !== null ? `（封顶本金 × ${line.late_cap_ratio}）` : ''}`,
        due_date: p.asOf,
        status: 'posted',
        late_settled_through: null,
        late_charged_fen: 0,
        note: '',
        created_by: p.userId,
        created_at: now,
      }),
    ).lastInsertRowid;
    if (p.mode === 'waive') {
      createWaiver(app, { lineId: lateFeeLineId, amountFen: accrual.feeFen, reason: p.reason || '收款时减免违约金', userId: p.userId });
    }
  }
  app.q.run(
    app.db
      .updateTable('bill_lines')
      .set({ late_settled_through: p.asOf, late_charged_fen: line.late_charged_fen + accrual.feeFen })
      .where('id', '=', line.id),
  );
  return { lateFeeLineId, amountFen: accrual.feeFen };
}
