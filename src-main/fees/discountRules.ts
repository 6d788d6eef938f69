import type { z } from 'zod';
import type { discountRuleView } from '../../src-shared/api/calls/fees';
import type { AppContext } from '../app/context';
import type { LedgerTables } from '../db/ledgerSchema';
import { AppFailure } from '../ipc/failure';
import { requireItem, type Parsed } from './feeItems';

export type DiscountRuleRow = Omit<LedgerTables['discount_rules'], 'id'> & { id: number };
export type DiscountRuleView = z.input<typeof discountRuleView>;

function toView(r: DiscountRuleRow): DiscountRuleView {
  return {
    id: r.id,
    feeItemId: r.fee_item_id,
    name: r.name,
    minMonths: r.min_months,
    percentOffBp: r.percent_off_bp,
    freeMonths: r.free_months,
    startDate: r.start_date,
    endDate: r.end_date,
    active: r.active === 1,
  };
}

function requireRule(app: AppContext, id: number): DiscountRuleRow {
  const row = app.sqlite.prepare('SELECT * FROM discount_rules WHERE id = ?').get(id) as DiscountRuleRow | undefined;
  if (!row) throw new AppFailure('NOT_FOUND', `优惠规则（编号 ${id}）不存在`);
  return row;
}

export function listDiscountRules(app: AppContext, feeItemId: number | undefined): DiscountRuleView[] {
  const rows = app.sqlite
    .prepare('SELECT * FROM discount_rules WHERE (? IS NULL OR fee_item_id = ?) ORDER BY fee_item_id, min_months, id')
    .all(feeItemId ?? null, feeItemId ?? null) as DiscountRuleRow[];
  return rows.map(toView);
}

/** Only fees billed ahead by the month (AREA, FIXED) can be paid ahead, so only they get discount rules. */
export function createDiscountRule(app: AppContext, input: Parsed<'fees.createDiscountRule'>): DiscountRuleView {
  const item = requireItem(app, input.feeItemId);
  if (item.method !== 'AREA' && item.method !== 'FIXED') throw new AppFailure('RULE_VIOLATION', '只有按面积或固定金额收取的项目可以设置预交优惠');
  if (input.endDate !== undefined && input.endDate < input.startDate) throw new AppFailure('INVALID_INPUT', '结束日期不能早于开始日期');
  if (input.minMonths % item.cycle_months !== 0 || input.freeMonths % item.cycle_months !== 0) {
    throw new AppFailure('RULE_VIOLATION', `「${item.name}」按 ${item.cycle_months} 个月一期收取，月数须为它的整数倍`);
  }
  const r = app.sqlite
    .prepare(
      `INSERT INTO discount_rules (fee_item_id, name, min_months, percent_off_bp, free_months, start_date, end_date, active)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
    )
    .run(item.id, input.name, input.minMonths, input.percentOffBp, input.freeMonths, input.startDate, input.endDate ?? null);
  return toView(requireRule(app, Number(r.lastInsertRowid)));
}

export function setDiscountRuleActive(app: AppContext, id: number, active: boolean): DiscountRuleView {
  requireRule(app, id);
  app.sqlite.prepare('UPDATE discount_rules SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
  return toView(requireRule(app, id));
}
