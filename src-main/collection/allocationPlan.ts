import { formatYuan } from '../../src-shared/domain/money';
import type { AppContext } from '../app/context';
import { prepared } from '../db/statements';
import { AppFailure } from '../ipc/failure';
import { accrue, settleLateFee, type AccrualLine } from './lateFeeSettlement';

export interface PlannedAllocation {
  lineId: number;
  amountFen: number;
  kind: 'charge' | 'late_fee';
  parentLineId: number | null;
}

export interface LateFeeChoice {
  mode: 'charge' | 'waive';
  reason: string;
  userId: number;
}

/** A selected open line with what its late fee accrues from (the fee item's policy). */
export type SelectedLine = AccrualLine & {
  id: number;
  parent_line_id: number | null;
  outstanding_fen: number;
  period_start: string;
  priority: number;
};

/**
 * Only the lines asked for, each looked up by primary key (CROSS JOIN keeps SQLite from walking the
 * unit's whole history instead): a unit in chronic arrears has dozens of open lines, the desk pays a few.
 */
const SELECTED_SQL = `
  SELECT bl.id, bl.kind, bl.parent_line_id, bl.amount_fen, bl.outstanding_fen, bl.due_date, bl.period_start, bl.late_settled_through,
    bl.late_charged_fen, fi.priority, fi.late_daily_rate, fi.late_grace_days, fi.late_cap_ratio
  FROM json_each(?) wanted CROSS JOIN bill_lines bl ON bl.id = wanted.value JOIN fee_items fi ON fi.id = bl.fee_item_id
  WHERE bl.unit_id = ? AND bl.status = 'posted' AND bl.outstanding_fen > 0
  ORDER BY bl.due_date, bl.period_start, fi.priority, bl.id`;

/**
 * The selected open lines of a unit in the RULES §6 order (due date, period start, fee item
 * priority, line id), whatever order the desk sent them in.
 */
export function selectedLines(app: AppContext, unitId: number, lineIds: number[]): SelectedLine[] {
  if (new Set(lineIds).size !== lineIds.length) throw new AppFailure('INVALID_INPUT', '同一笔账单不能重复选择');
  const lines = prepared(app.sqlite, SELECTED_SQL).all(JSON.stringify(lineIds), unitId) as SelectedLine[];
  if (lines.length !== lineIds.length) {
    const found = new Set(lines.map((l) => l.id));
    const missing = lineIds.find((id) => !found.has(id));
    throw new AppFailure('INVALID_STATE', `账单 #${missing} 不属于该房屋、已作废或已缴清，请刷新后重新选择`);
  }
  return lines;
}

/**
 * Spreads the money over the lines in order, the last one possibly in part. Before any money
 * reaches an overdue line, its accrued late fee is settled (RULES §5) — charged as a late-fee
 * line paid first from the same money, or waived. Writes the late-fee lines, so it runs inside
 * the payment's transaction. Returns what is left over.
 */
export function planAllocations(
  app: AppContext,
  p: { lines: SelectedLine[]; moneyFen: number; asOf: string; lateFees: LateFeeChoice },
): { allocations: PlannedAllocation[]; leftoverFen: number } {
  const allocations: PlannedAllocation[] = [];
  let remaining = p.moneyFen;
  for (const line of p.lines) {
    if (remaining === 0) break;
    // Most lines paid at the desk accrue nothing (not yet past due and grace): settling them would
    // find nothing to write, so only lines that accrue go through the settlement.
    if (line.kind === 'charge' && accrue(line, line.outstanding_fen, p.asOf).days > 0) {
      const settled = settleLateFee(app, { lineId: line.id, asOf: p.asOf, userId: p.lateFees.userId, mode: p.lateFees.mode, reason: p.lateFees.reason });
      // A waived fee (live, or awaiting approval) takes no money; a charged one is a new line owing
      // all of it. Either way the principal comes next.
      if (settled.lateFeeLineId !== null && p.lateFees.mode === 'charge') {
        const pay = Math.min(settled.amountFen, remaining);
        if (pay > 0) allocations.push({ lineId: settled.lateFeeLineId, amountFen: pay, kind: 'late_fee', parentLineId: line.id });
        remaining -= pay;
      }
    }
    const pay = Math.min(line.outstanding_fen, remaining);
    if (pay > 0) allocations.push({ lineId: line.id, amountFen: pay, kind: line.kind, parentLineId: line.parent_line_id });
    remaining -= pay;
  }
  return { allocations, leftoverFen: remaining };
}

/**
 * Splits the plan into the part paid from prepaid (a prefix of `prepaidFen`) and the lines that
 * prefix touches, for ACCOUNTS' offsetLines.
 */
export function prepaidPrefix(plan: PlannedAllocation[], prepaidFen: number): number[] {
  const lineIds: number[] = [];
  let covered = 0;
  for (const a of plan) {
    if (covered >= prepaidFen) break;
    lineIds.push(a.lineId);
    covered += a.amountFen;
  }
  if (covered < prepaidFen) {
    throw new AppFailure('AMOUNT_MISMATCH', `使用预存 ${formatYuan(prepaidFen)} 超过所选账单应缴 ${formatYuan(covered)}`);
  }
  return lineIds;
}
