import type { z } from 'zod';
import type { CallName, Contract } from '../../src-shared/api';
import type { feeItemView } from '../../src-shared/api/calls/fees';
import { trimDecimal } from '../../src-shared/domain/periods';
import type { Tier } from '../../src-shared/domain/tiers';
import type { AppContext } from '../app/context';
import type { FeeItemRow } from '../billing/runData';
import { AppFailure } from '../ipc/failure';
import { priceBandProblem } from './priceBand';

/** A call's input as the router hands it over: parsed, defaults filled in. */
export type Parsed<N extends CallName> = z.output<Contract[N]['input']>;
type ItemInput = Parsed<'fees.createItem'>;
export type FeeItemView = z.input<typeof feeItemView>;

export function itemView(row: FeeItemRow): FeeItemView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    category: row.category,
    method: row.method,
    object: row.object,
    priceType: row.price_type,
    basePrice: row.base_price,
    floatBand: row.float_band,
    basisDoc: row.basis_doc,
    cycleMonths: row.cycle_months,
    areaBasis: row.area_basis,
    meterKind: row.meter_kind,
    apportionBasis: row.apportion_basis,
    tiers: row.tiers_json ? (JSON.parse(row.tiers_json) as Tier[]) : null,
    dueRule: row.due_rule,
    dueDays: row.due_days,
    lateDailyRate: row.late_daily_rate,
    lateGraceDays: row.late_grace_days,
    lateCapRatio: row.late_cap_ratio,
    priority: row.priority,
    active: row.active === 1,
  };
}

export function requireItem(app: AppContext, id: number): FeeItemRow {
  const row = app.sqlite.prepare('SELECT * FROM fee_items WHERE id = ?').get(id) as FeeItemRow | undefined;
  if (!row) throw new AppFailure('NOT_FOUND', `收费项目（编号 ${id}）不存在`);
  return row;
}

export function listItems(app: AppContext, includeInactive: boolean): FeeItemView[] {
  const rows = app.sqlite
    .prepare(`SELECT * FROM fee_items ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY priority, code`)
    .all() as FeeItemRow[];
  return rows.map(itemView);
}

/** The price-policy and tier columns, checked: a 政府指导价 needs its base price and band. */
function policyColumns(input: Pick<ItemInput, 'priceType' | 'basePrice' | 'floatBand' | 'tiers' | 'lateCapRatio'>, method: string) {
  const guided = input.priceType === 'government_guided';
  if (guided && (input.basePrice === null || input.floatBand === null)) {
    throw new AppFailure('RULE_VIOLATION', '政府指导价须填写基准价和浮动幅度');
  }
  if (input.tiers !== null && method !== 'METERED') throw new AppFailure('RULE_VIOLATION', '只有抄表计费的项目可以设置阶梯价');
  const policy = {
    price_type: input.priceType,
    base_price: guided ? trimDecimal(input.basePrice!, 2) : null,
    float_band: guided ? input.floatBand : null,
  };
  for (const tier of input.tiers ?? []) {
    const problem = priceBandProblem(policy, tier.price);
    if (problem) throw new AppFailure('RULE_VIOLATION', `阶梯${problem}`);
  }
  return { ...policy, tiers_json: input.tiers ? JSON.stringify(input.tiers.map((t) => ({ upTo: t.upTo, price: trimDecimal(t.price, 2) }))) : null };
}

export function createItem(app: AppContext, input: ItemInput): FeeItemView {
  if (app.sqlite.prepare('SELECT 1 FROM fee_items WHERE code = ?').get(input.code)) {
    throw new AppFailure('DUPLICATE', `项目编码 ${input.code} 已存在`);
  }
  if (input.perParkingSpace && input.method !== 'FIXED') throw new AppFailure('RULE_VIOLATION', '只有固定金额的项目可以按车位收取');
  if (input.method === 'METERED' && input.meterKind === null) throw new AppFailure('RULE_VIOLATION', '抄表计费的项目须指定表计类型（水表/电表）');
  if (input.method === 'APPORTION' && input.apportionBasis === 'usage' && input.meterKind === null) {
    throw new AppFailure('RULE_VIOLATION', '按用量分摊须指定表计类型（水表/电表），总额取该楼栋公共表');
  }
  if (input.meterKind !== null && input.method !== 'METERED' && input.method !== 'APPORTION') {
    throw new AppFailure('RULE_VIOLATION', '只有抄表计费或公摊项目可以指定表计类型');
  }
  const object = input.method === 'METERED' ? 'meter' : input.perParkingSpace ? 'parking' : 'unit';
  const result = app.sqlite
    .prepare(
      `INSERT INTO fee_items (code, name, category, method, object, price_type, base_price, float_band, basis_doc, cycle_months,
         area_basis, meter_kind, apportion_basis, tiers_json, due_rule, due_days, late_daily_rate, late_grace_days, late_cap_ratio,
         priority, active, created_at)
       VALUES (@code, @name, @category, @method, @object, @price_type, @base_price, @float_band, @basis_doc, @cycle_months,
         @area_basis, @meter_kind, @apportion_basis, @tiers_json, @due_rule, @due_days, @late_daily_rate, @late_grace_days,
         @late_cap_ratio, @priority, 1, @created_at)`,
    )
    .run({
      code: input.code,
      name: input.name,
      category: input.category,
      method: input.method,
      object,
      ...policyColumns(input, input.method),
      basis_doc: input.basisDoc,
      cycle_months: input.cycleMonths,
      area_basis: input.areaBasis,
      meter_kind: input.meterKind,
      apportion_basis: input.method === 'APPORTION' ? (input.apportionBasis ?? 'area') : null,
      due_rule: input.dueRule,
      due_days: input.dueDays,
      late_daily_rate: input.lateDailyRate,
      late_grace_days: input.lateGraceDays,
      late_cap_ratio: input.lateCapRatio,
      priority: input.priority,
      created_at: app.clock.nowIso(),
    });
  return itemView(requireItem(app, Number(result.lastInsertRowid)));
}

/**
 * Changes what may change after billing. A new price policy must still admit every standard that
 * is in force today or later, so the 收费公示表 never shows a price outside its own band.
 */
export function updateItem(app: AppContext, input: Parsed<'fees.updateItem'>): FeeItemView {
  const item = requireItem(app, input.id);
  const policy = policyColumns(input, item.method);
  const live = app.sqlite
    .prepare('SELECT price FROM fee_standards WHERE fee_item_id = ? AND (end_date IS NULL OR end_date >= ?)')
    .all(item.id, app.clock.today()) as Array<{ price: string }>;
  for (const s of live) {
    const problem = priceBandProblem(policy, s.price);
    if (problem) throw new AppFailure('RULE_VIOLATION', `现行收费标准的${problem}，请先调价`);
  }
  app.sqlite
    .prepare(
      `UPDATE fee_items SET name = @name, price_type = @price_type, base_price = @base_price, float_band = @float_band,
         basis_doc = @basis_doc, tiers_json = @tiers_json, due_rule = @due_rule, due_days = @due_days,
         late_daily_rate = @late_daily_rate, late_grace_days = @late_grace_days, late_cap_ratio = @late_cap_ratio,
         priority = @priority, active = @active WHERE id = @id`,
    )
    .run({
      id: item.id,
      name: input.name,
      ...policy,
      basis_doc: input.basisDoc,
      due_rule: input.dueRule,
      due_days: input.dueDays,
      late_daily_rate: input.lateDailyRate,
      late_grace_days: input.lateGraceDays,
      late_cap_ratio: input.lateCapRatio,
      priority: input.priority,
      active: input.active ? 1 : 0,
    });
  return itemView(requireItem(app, item.id));
}
