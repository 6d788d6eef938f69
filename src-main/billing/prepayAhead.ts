import { addMonths } from '../../src-shared/domain/dates';
import { roundHalfUpDiv } from '../../src-shared/domain/decimal';
import { formatYuan } from '../../src-shared/domain/money';
import { cycleContaining, periodStarting } from '../../src-shared/domain/periods';
import type { AppContext } from '../app/context';
import type { DiscountRuleRow } from '../fees/discountRules';
import { requireItem, type Parsed } from '../fees/feeItems';
import { AppFailure } from '../ipc/failure';
import type { CallContext } from '../ipc/types';
import { openLineBalances } from '../ledger/outstanding';
import { getSettings } from '../system/settings';
import { computeLines, type RunLine } from './computeRunLines';
import { postLines } from './postLines';
import { loadRunData } from './runData';

type PrepayInput = Parsed<'billing.prepayAhead'>;

interface Plan {
  lines: RunLine[];
  discounts: number[];
  rule: DiscountRuleRow | null;
  discountNote: string | null;
  skipped: number;
  warning: string | null;
}

/**
 * Per line discounts of a rule: X% off every line (rounded half up per line), or the last M
 * months free. A free-months rule needs the months it gives away on top of the months it asks
 * to be paid: "交 12 送 1" applies to a 13-month prepayment and makes its last month free.
 */
function discountsFor(rule: DiscountRuleRow, lines: RunLine[], cycleMonths: number): number[] | null {
  const months = lines.length * cycleMonths;
  if (rule.percent_off_bp > 0) {
    if (months < rule.min_months) return null;
    return lines.map((l) => Number(roundHalfUpDiv(BigInt(l.amountFen) * BigInt(rule.percent_off_bp), 10_000n)));
  }
  if (months < rule.min_months + rule.free_months) return null;
  const out = lines.map(() => 0);
  let free = rule.free_months;
  for (let i = lines.length - 1; i >= 0 && free > 0; i -= 1, free -= cycleMonths) out[i] = lines[i]!.amountFen;
  return out;
}

function firstMonth(app: AppContext, input: PrepayInput, objectKind: string, objectId: number, cycleMonths: number): string {
  if (input.startMonth) return cycleContaining(input.startMonth, cycleMonths).start.slice(0, 7);
  const last = app.sqlite
    .prepare(
      `SELECT MAX(period_end) AS last FROM bill_lines WHERE unit_id = ? AND fee_item_id = ? AND object_kind = ? AND object_id = ?
         AND status = 'posted' AND source IN ('run', 'prepay_ahead', 'opening')`,
    )
    .get(input.unitId, input.feeItemId, objectKind, objectId) as { last: string | null };
  const today = app.clock.today();
  const next = last.last !== null && last.last >= today ? addMonths(`${last.last.slice(0, 7)}-01`, 1) : today;
  return cycleContaining(next.slice(0, 7), cycleMonths).start.slice(0, 7);
}

export function planPrepay(app: AppContext, input: PrepayInput): Plan {
  const item = requireItem(app, input.feeItemId);
  const unit = app.sqlite.prepare('SELECT id, code FROM units WHERE id = ?').get(input.unitId) as { id: number; code: string } | undefined;
  if (!unit) throw new AppFailure('NOT_FOUND', '房屋不存在');
  if (item.active !== 1 || (item.method !== 'AREA' && item.method !== 'FIXED')) {
    throw new AppFailure('RULE_VIOLATION', `「${item.name}」不能预交：只有在用的按面积或固定金额收取的项目可以预交`);
  }
  if (input.months % item.cycle_months !== 0) throw new AppFailure('RULE_VIOLATION', `「${item.name}」按 ${item.cycle_months} 个月一期收取，预交月数须为它的整数倍`);
  let objectKind: RunLine['objectKind'] = 'unit';
  let objectId = unit.id;
  if (item.object === 'parking') {
    const space = input.parkingSpaceId === undefined ? undefined : (app.sqlite.prepare('SELECT unit_id FROM parking_spaces WHERE id = ?').get(input.parkingSpaceId) as { unit_id: number | null } | undefined);
    if (!space || space.unit_id !== unit.id) throw new AppFailure('INVALID_INPUT', `「${item.name}」按车位收取，请选择该房屋名下的车位`);
    objectKind = 'parking';
    objectId = input.parkingSpaceId!;
  } else if (input.parkingSpaceId !== undefined) throw new AppFailure('INVALID_INPUT', `「${item.name}」不按车位收取，不需要选择车位`);

  const today = app.clock.today();
  const start = firstMonth(app, input, objectKind, objectId, item.cycle_months);
  if (periodStarting(`${start}-01`, item.cycle_months).end < today) throw new AppFailure('RULE_VIOLATION', '预交只能交本期及以后的费用，往期欠费请直接收费');
  const lines: RunLine[] = [];
  let skipped = 0;
  for (let k = 0; k < input.months / item.cycle_months; k += 1) {
    const month = addMonths(`${start}-01`, k * item.cycle_months).slice(0, 7);
    const c = computeLines(loadRunData(app, { month, unitIds: [unit.id], feeItemIds: [item.id] }));
    const mine = c.lines.filter((l) => l.objectKind === objectKind && l.objectId === objectId);
    const problem = c.exceptions.find((e) => e.feeItemId === item.id);
    if (problem) throw new AppFailure('RULE_VIOLATION', problem.message);
    skipped += c.skipped;
    if (mine.length === 0 && c.skipped === 0) throw new AppFailure('RULE_VIOLATION', `${unit.code} 在 ${month} 没有可预交的「${item.name}」（未交房或没有收费标准）`);
    lines.push(...mine);
  }

  const rules = app.sqlite
    .prepare(`SELECT * FROM discount_rules WHERE fee_item_id = ? AND active = 1 AND start_date <= ? AND (end_date IS NULL OR end_date >= ?) ORDER BY id`)
    .all(item.id, today, today) as DiscountRuleRow[];
  let best: { rule: DiscountRuleRow; discounts: number[]; total: number } | null = null;
  for (const rule of rules) {
    const discounts = discountsFor(rule, lines, item.cycle_months);
    const total = discounts?.reduce((a, b) => a + b, 0) ?? 0;
    if (discounts && total > 0 && (!best || total > best.total)) best = { rule, discounts, total };
  }
  const inArrears = best !== null && openLineBalances(app, unit.id).some((l) => l.due_date < today);
  const months = getSettings(app).prepaidWarningMonths;
  // Counted from the current month: 12 months paid in May reach the end of next April.
  const limit = periodStarting(addMonths(`${today.slice(0, 7)}-01`, months - 1), 1).end;
  const lastEnd = lines[lines.length - 1]?.periodEnd;
  return {
    lines,
    discounts: best && !inArrears ? best.discounts : lines.map(() => 0),
    rule: best && !inArrears ? best.rule : null,
    discountNote: inArrears ? `该房屋有逾期欠费，不享受「${best!.rule.name}」优惠（优惠仅限无欠费时预交）` : null,
    skipped,
    warning: lastEnd !== undefined && lastEnd > limit ? `预交至 ${lastEnd}，超过 ${months} 个月（部分城市规定预收不得超过 12 个月），请与业主确认` : null,
  };
}

function view(plan: Plan, ids: Array<number | null>) {
  const totalFen = plan.lines.reduce((s, l) => s + l.amountFen, 0);
  const discountFen = plan.discounts.reduce((a, b) => a + b, 0);
  return {
    lines: plan.lines.map((l, i) => ({
      lineId: ids[i] ?? null,
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      amountFen: l.amountFen,
      discountFen: plan.discounts[i]!,
      basis: l.basis,
      dueDate: l.dueDate,
    })),
    totalFen,
    discountFen,
    payableFen: totalFen - discountFen,
    discountRule: plan.rule ? { id: plan.rule.id, name: plan.rule.name } : null,
    discountNote: plan.discountNote,
    skippedCount: plan.skipped,
    warning: plan.warning,
  };
}

export function quotePrepay(app: AppContext, input: PrepayInput) {
  return view(planPrepay(app, input), []);
}

/** 预交: posts the future periods' lines under the run's key (source 'prepay_ahead') and their discounts. */
export function prepayAhead(ctx: CallContext, input: PrepayInput) {
  const { app } = ctx;
  const audit = { entity: `unit:${input.unitId}`, summary: '' };
  return ctx.write(audit, () => {
    const plan = planPrepay(app, input);
    const ids = postLines(app, plan.lines, { runId: null, source: 'prepay_ahead', userId: ctx.session!.userId });
    const insert = app.sqlite.prepare(`INSERT INTO discounts (line_id, rule_id, amount_fen, status, created_at) VALUES (?, ?, ?, 'live', ?)`);
    plan.discounts.forEach((fen, i) => {
      if (fen > 0) insert.run(ids[i], plan.rule!.id, fen, app.clock.nowIso());
    });
    const out = view(plan, ids);
    const first = plan.lines[0];
    const last = plan.lines[plan.lines.length - 1];
    audit.summary =
      `预交出账：${first ? `${first.unitCode} ${first.periodStart} 至 ${last!.periodEnd}，` : ''}新增 ${ids.length} 期 ${formatYuan(out.totalFen)}` +
      (out.discountFen > 0 ? `，优惠「${plan.rule!.name}」${formatYuan(out.discountFen)}` : '') +
      (plan.skipped > 0 ? `，已出账跳过 ${plan.skipped} 期` : '');
    return out;
  });
}
