import { Pools } from '../accounts/prepaidOffsets';
import { prepaidBalances, requireUnit } from '../accounts/prepaidBalances';
import type { AppContext } from '../app/context';
import { selectedLines } from './allocationPlan';
import { accrue, type AccrualLine } from './lateFeeSettlement';

export interface CollectQuote {
  principalFen: number;
  lateFeeFen: number;
  /** principal + late fees (unless waived): what the tenders and prepaid must cover together. */
  dueFen: number;
  /** The whole prepaid the unit could put on this selection: what `usePrepaidFen` may be. */
  prepaidUsableFen: number;
  prepaidBalanceFen: number;
}

/**
 * What a desk payment on these lines would come to today, without writing anything: the same
 * order and late-fee settlement as collectPayment, and the prepaid a `usePrepaidFen` offset could
 * take. The offset (offsetLines) pays planned lines whole from the earmarked then the general
 * balance and stops at the first line it cannot cover in full, so only that amount is accepted
 * at the desk; this walk mirrors it over the plan (late-fee line before its principal).
 */
export function collectQuote(app: AppContext, input: { unitId: number; lineIds: number[]; waiveLateFees: boolean }): CollectQuote {
  requireUnit(app, input.unitId);
  const asOf = app.clock.today();
  const policy = app.sqlite.prepare(
    `SELECT bl.kind, bl.fee_item_id, bl.amount_fen, bl.due_date, bl.late_settled_through, bl.late_charged_fen,
       fi.late_daily_rate, fi.late_grace_days, fi.late_cap_ratio
     FROM bill_lines bl JOIN fee_items fi ON fi.id = bl.fee_item_id WHERE bl.id = ?`,
  );
  const plan: Array<{ feeItemId: number; amountFen: number }> = [];
  let principalFen = 0;
  let lateFeeFen = 0;
  for (const line of selectedLines(app, input.unitId, input.lineIds)) {
    const row = policy.get(line.id) as AccrualLine & { fee_item_id: number };
    const fee = accrue(row, line.outstanding_fen, asOf).feeFen;
    if (fee > 0 && !input.waiveLateFees) plan.push({ feeItemId: row.fee_item_id, amountFen: fee });
    plan.push({ feeItemId: row.fee_item_id, amountFen: line.outstanding_fen });
    principalFen += line.outstanding_fen;
    lateFeeFen += fee;
  }

  const prepaidBalanceFen = prepaidBalances(app, input.unitId).reduce((s, b) => s + b.balanceFen, 0);
  const pools = new Pools(app, input.unitId);
  let prepaidUsableFen = 0;
  for (const p of plan) {
    const take = Math.min(p.amountFen, pools.available(p.feeItemId));
    // The draws are not posted: only the pools' running balances matter here.
    pools.take(0, p.feeItemId, take);
    prepaidUsableFen += take;
    if (take < p.amountFen) break;
  }
  const dueFen = principalFen + (input.waiveLateFees ? 0 : lateFeeFen);
  return { principalFen, lateFeeFen, dueFen, prepaidUsableFen, prepaidBalanceFen };
}
