import type { FeeIds } from './model';
import type { BulkWriter } from './writer';

/** What the demo bills, per the company's 收费公示表. Late fees start after 90 days' grace. */
export const PRICES = {
  propertyResidential: '2.35',
  propertyShop: '4.80',
  propertyGarage: '1.20',
  parking: '80.00',
  water: '3.50',
  power: '0.68',
  renovationDeposit: '3000.00',
} as const;

export const LATE = { dailyRate: '0.0005', graceDays: 90 } as const;

/**
 * Fee items and one standard per community, effective before the window. 物业费 of homes is the
 * government-guided item (2.35 ± 10 %); shops (4.80) and garages (1.20) are outside that band,
 * so they bill under a market-priced 商业物业费 item the standards service accepts.
 */
export function writeFees(w: BulkWriter, communityIds: number[], from: string, adminId: number, at: string): FeeIds {
  const insItem = w.inserter('fee_items', [
    'code', 'name', 'category', 'method', 'object', 'price_type', 'base_price', 'float_band', 'basis_doc', 'cycle_months', 'area_basis',
    'meter_kind', 'apportion_basis', 'tiers_json', 'due_rule', 'due_days', 'late_daily_rate', 'late_grace_days', 'late_cap_ratio', 'priority', 'active', 'created_at',
  ]);
  const insStandard = w.inserter('fee_standards', [
    'fee_item_id', 'scope', 'community_id', 'building_id', 'unit_use', 'unit_id', 'parking_type', 'price', 'start_date', 'end_date', 'created_by', 'created_at',
  ]);
  const item = (
    code: string, name: string, category: string, method: string, object: string, priceType: 'government_guided' | 'market',
    basisDoc: string, priority: number, extra: { base?: string; band?: string; meterKind?: string; apportion?: string } = {},
  ): number =>
    insItem(code, name, category, method, object, priceType, extra.base ?? null, extra.band ?? null, basisDoc, 1, 'building', extra.meterKind ?? null,
      extra.apportion ?? null, null, 'period_start', 0, LATE.dailyRate, LATE.graceDays, null, priority, 1, at);

  const ids: FeeIds = {
    property: item('WYF', '物业费', 'property', 'AREA', 'unit', 'government_guided', '《物业服务合同》；市发展改革委住宅物业服务收费政府指导价', 10, { base: '2.35', band: '0.10' }),
    commercialProperty: item('SYWYF', '商业物业费', 'property', 'AREA', 'unit', 'market', '《物业服务合同》（商铺、车库，市场调节价）', 11),
    parking: item('CWGLF', '车位管理费', 'parking', 'FIXED', 'parking', 'market', '《车位管理服务协议》', 20),
    water: item('SF', '水费', 'utility', 'METERED', 'meter', 'government_guided', '市水务局居民用水价格文件（代收）', 30, { base: '3.50', band: '0', meterKind: 'water' }),
    sharedPower: item('GTDF', '公摊电费', 'shared', 'APPORTION', 'unit', 'market', '《民法典》第二百八十三条；按建筑面积分摊公共用电', 40, { meterKind: 'power', apportion: 'area' }),
    deposit: item('ZXYJ', '装修押金', 'deposit', 'DEPOSIT', 'unit', 'market', '《装修管理协议》，验收合格后无息退还', 90),
  };
    for (const c of communityIds) {
    const std = (itemId: number, scope: string, use: string | null, price: string) =>
      insStandard(itemId, scope, c, null, use, null, null, price, from, null, adminId, at);
    std(ids.property, 'use', 'residential', PRICES.propertyResidential);
    std(ids.commercialProperty, 'use', 'shop', PRICES.propertyShop);
    std(ids.commercialProperty, 'use', 'garage', PRICES.propertyGarage);
    std(ids.parking, 'community', null, PRICES.parking);
    std(ids.water, 'community', null, PRICES.water);
    std(ids.sharedPower, 'community', null, PRICES.power);
    std(ids.deposit, 'community', null, PRICES.renovationDeposit);
  }
  return ids;
}
