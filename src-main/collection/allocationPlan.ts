import { formatYuan } from '../../src-shared/domain/money';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import { lineBalance, openLineBalances } from '../ledger/outstanding';
import { settleLateFee } from './lateFeeSettlement';

export interface PlannedAllocation {
  lineId: number;
  amountFen: number;
}

export interface LateFeeChoice {
  mode: 'charge' | 'waive';
  reason: string;
  userId: number;
}

/**
 * The selected open lines of a unit in the RULES §6 order (due date, period start, fee item
 * priority, line id), whatever order the desk sent them in.
 */
export function selectedLines(app: AppContext, unitId: number, lineIds: number[]) {
  if (new Set(lineIds).size !== lineIds.length) throw new AppFailure('INVALID_INPUT', '同一笔账单不能重复选择');
  const wanted = new Set(lineIds);
  const lines = openLineBalances(app, unitId).filter((l) => wanted.has(l.id));
  if (lines.length !== wanted.size) {
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
  p: { lines: Array<{ id: number; outstanding_fen: number }>; moneyFen: number; asOf: string; lateFees: LateFeeChoice },
): { allocations: PlannedAllocation[]; leftoverFen: number } {
  const allocations: PlannedAllocation[] = [];
  let remaining = p.moneyFen;
  for (const line of p.lines) {
    if (remaining === 0) break;
    const settled = settleLateFee(app, { lineId: line.id, asOf: p.asOf, userId: p.lateFees.userId, mode: p.lateFees.mode, reason: p.lateFees.reason });
    if (settled.lateFeeLineId !== null) {
      // A waived fee (live, or awaiting approval) takes no money; the principal comes next.
      const owed = p.lateFees.mode === 'charge' ? (lineBalance(app, settled.lateFeeLineId)?.outstanding_fen ?? 0) : 0;
      const pay = Math.min(owed, remaining);
      if (pay > 0) allocations.push({ lineId: settled.lateFeeLineId, amountFen: pay });
      remaining -= pay;
    }
    const pay = Math.min(line.outstanding_fen, remaining);
    if (pay > 0) allocations.push({ lineId: line.id, amountFen: pay });
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
