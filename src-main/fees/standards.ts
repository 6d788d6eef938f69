import type { z } from 'zod';
import type { standardView as standardSchema } from '../../src-shared/api/calls/fees';
import { addDays } from '../../src-shared/domain/dates';
import { trimDecimal } from '../../src-shared/domain/periods';
import type { AppContext } from '../app/context';
import type { StandardRow } from '../billing/runData';
import { AppFailure } from '../ipc/failure';
import { requireItem, type Parsed } from './feeItems';
import { priceBandProblem } from './priceBand';

export type StandardView = z.input<typeof standardSchema>;

const USE_NAMES: Record<string, string> = { residential: '住宅', shop: '商铺', office: '办公', garage: '车库' };
const PARKING_NAMES: Record<string, string> = { owned: '产权车位', leased: '租赁车位', civil_defense: '人防车位', temporary: '临时车位' };

const VIEW_SELECT = `
  SELECT s.*, fi.name AS item_name, c.name AS community_name, b.name AS building_name, u.code AS unit_code
  FROM fee_standards s JOIN fee_items fi ON fi.id = s.fee_item_id JOIN communities c ON c.id = s.community_id
  LEFT JOIN buildings b ON b.id = s.building_id LEFT JOIN units u ON u.id = s.unit_id`;

type ViewRow = StandardRow & { item_name: string; community_name: string; building_name: string | null; unit_code: string | null };

function toView(r: ViewRow): StandardView {
  const target =
    r.scope === 'community'
      ? `${r.community_name}（全小区）`
      : r.scope === 'building'
        ? `${r.community_name} ${r.building_name}`
        : r.scope === 'use'
          ? `${r.community_name} ${USE_NAMES[r.unit_use ?? ''] ?? r.unit_use}`
          : r.scope === 'unit'
            ? `${r.community_name} ${r.unit_code}`
            : `${r.community_name} ${PARKING_NAMES[r.parking_type ?? ''] ?? r.parking_type}`;
  return {
    id: r.id,
    feeItemId: r.fee_item_id,
    feeItemName: r.item_name,
    scope: r.scope,
    communityId: r.community_id,
    buildingId: r.building_id,
    unitUse: r.unit_use,
    unitId: r.unit_id,
    parkingType: r.parking_type,
    target,
    price: r.price,
    startDate: r.start_date,
    endDate: r.end_date,
  };
}

export function standardView(app: AppContext, id: number): StandardView {
  const row = app.sqlite.prepare(`${VIEW_SELECT} WHERE s.id = ?`).get(id) as ViewRow | undefined;
  if (!row) throw new AppFailure('NOT_FOUND', `收费标准（编号 ${id}）不存在`);
  return toView(row);
}

export function listStandards(app: AppContext, f: Parsed<'fees.listStandards'>): StandardView[] {
  const rows = app.sqlite
    .prepare(
      `${VIEW_SELECT}
       WHERE (@item IS NULL OR s.fee_item_id = @item) AND (@community IS NULL OR s.community_id = @community)
         AND (@asOf IS NULL OR (s.start_date <= @asOf AND (s.end_date IS NULL OR s.end_date >= @asOf)))
       ORDER BY fi.priority, fi.code, s.community_id, s.scope, s.start_date, s.id`,
    )
    .all({ item: f.feeItemId ?? null, community: f.communityId ?? null, asOf: f.asOf ?? null }) as ViewRow[];
  return rows.map(toView);
}

/** The target columns of a standard, checked against its scope and community. */
function targetColumns(app: AppContext, input: Parsed<'fees.createStandard'>, object: string) {
  const parkingItem = object === 'parking';
  if (parkingItem && (input.scope === 'building' || input.scope === 'use')) {
    throw new AppFailure('RULE_VIOLATION', '按车位收取的项目只能按小区、车位类型或单户设置标准');
  }
  if (!parkingItem && input.scope === 'parking_type') throw new AppFailure('RULE_VIOLATION', '只有按车位收取的项目可以按车位类型设置标准');
  if (!app.sqlite.prepare('SELECT 1 FROM communities WHERE id = ?').get(input.communityId)) {
    throw new AppFailure('NOT_FOUND', '小区不存在');
  }
  const cols = { building_id: null as number | null, unit_use: null as string | null, unit_id: null as number | null, parking_type: null as string | null };
  if (input.scope === 'building') {
    if (input.buildingId === undefined) throw new AppFailure('INVALID_INPUT', '按楼栋设置标准须选择楼栋');
    if (!app.sqlite.prepare('SELECT 1 FROM buildings WHERE id = ? AND community_id = ?').get(input.buildingId, input.communityId)) {
      throw new AppFailure('NOT_FOUND', '该小区没有这个楼栋');
    }
    cols.building_id = input.buildingId;
  } else if (input.scope === 'use') {
    if (input.unitUse === undefined) throw new AppFailure('INVALID_INPUT', '按用途设置标准须选择房屋用途');
    cols.unit_use = input.unitUse;
  } else if (input.scope === 'unit') {
    if (input.unitId === undefined) throw new AppFailure('INVALID_INPUT', '按单户设置标准须选择房屋');
    if (!app.sqlite.prepare('SELECT 1 FROM units WHERE id = ? AND community_id = ?').get(input.unitId, input.communityId)) {
      throw new AppFailure('NOT_FOUND', '该小区没有这个房屋');
    }
    cols.unit_id = input.unitId;
  } else if (input.scope === 'parking_type') {
    if (input.parkingType === undefined) throw new AppFailure('INVALID_INPUT', '按车位类型设置标准须选择车位类型');
    cols.parking_type = input.parkingType;
  }
  return cols;
}

function insertStandard(app: AppContext, userId: number, row: Omit<StandardRow, 'id' | 'created_by' | 'created_at'>): number {
  const r = app.sqlite
    .prepare(
      `INSERT INTO fee_standards (fee_item_id, scope, community_id, building_id, unit_use, unit_id, parking_type, price, start_date, end_date, created_by, created_at)
       VALUES (@fee_item_id, @scope, @community_id, @building_id, @unit_use, @unit_id, @parking_type, @price, @start_date, @end_date, @created_by, @created_at)`,
    )
    .run({ ...row, created_by: userId, created_at: app.clock.nowIso() });
  return Number(r.lastInsertRowid);
}

/**
 * Two standards for the same item and target may not overlap in time: which one applies would
 * be a guess. A price change ends the old one and starts a new one (fees.changePrice).
 */
function refuseOverlap(app: AppContext, row: Omit<StandardRow, 'id' | 'created_by' | 'created_at'>, exceptId: number): void {
  const clash = app.sqlite
    .prepare(
      `SELECT id, start_date, end_date FROM fee_standards
       WHERE fee_item_id = @fee_item_id AND scope = @scope AND community_id = @community_id AND id <> @exceptId
         AND building_id IS @building_id AND unit_use IS @unit_use AND unit_id IS @unit_id AND parking_type IS @parking_type
         AND start_date <= IFNULL(@end_date, '9999-12-31') AND IFNULL(end_date, '9999-12-31') >= @start_date LIMIT 1`,
    )
    .get({ ...row, exceptId }) as { id: number; start_date: string; end_date: string | null } | undefined;
  if (clash) {
    throw new AppFailure(
      'CONFLICT',
      `同一范围已有收费标准（${clash.start_date} 起${clash.end_date ? `至 ${clash.end_date}` : ''}），日期不能重叠；调价请使用“调价”`,
    );
  }
}

export function createStandard(app: AppContext, userId: number, input: Parsed<'fees.createStandard'>): StandardView {
  const item = requireItem(app, input.feeItemId);
  if (item.method === 'ONE_OFF' || item.method === 'DEPOSIT') throw new AppFailure('RULE_VIOLATION', '临时收费和押金项目不设收费标准');
  if (input.endDate !== undefined && input.endDate < input.startDate) throw new AppFailure('INVALID_INPUT', '结束日期不能早于开始日期');
  const problem = priceBandProblem(item, input.price);
  if (problem) throw new AppFailure('RULE_VIOLATION', problem);
  const row = {
    fee_item_id: item.id,
    scope: input.scope,
    community_id: input.communityId,
    ...targetColumns(app, input, item.object),
    price: trimDecimal(input.price, 2),
    start_date: input.startDate,
    end_date: input.endDate ?? null,
  };
  refuseOverlap(app, row, 0);
  return standardView(app, insertStandard(app, userId, row));
}

export function changePrice(app: AppContext, userId: number, input: Parsed<'fees.changePrice'>): { ended: StandardView; created: StandardView } {
  const old = app.sqlite.prepare('SELECT * FROM fee_standards WHERE id = ?').get(input.standardId) as StandardRow | undefined;
  if (!old) throw new AppFailure('NOT_FOUND', '收费标准不存在');
  if (input.fromDate <= old.start_date || (old.end_date !== null && input.fromDate > old.end_date)) {
    throw new AppFailure('INVALID_INPUT', `调价日期须在原标准有效期内且晚于其开始日期（${old.start_date} 起）`);
  }
  const problem = priceBandProblem(requireItem(app, old.fee_item_id), input.price);
  if (problem) throw new AppFailure('RULE_VIOLATION', problem);
  app.sqlite.prepare('UPDATE fee_standards SET end_date = ? WHERE id = ?').run(addDays(input.fromDate, -1), old.id);
  const { id: _id, created_by: _by, created_at: _at, ...target } = old;
  const createdId = insertStandard(app, userId, { ...target, price: trimDecimal(input.price, 2), start_date: input.fromDate, end_date: old.end_date });
  return { ended: standardView(app, old.id), created: standardView(app, createdId) };
}

export function endStandard(app: AppContext, input: Parsed<'fees.endStandard'>): StandardView {
  const old = app.sqlite.prepare('SELECT * FROM fee_standards WHERE id = ?').get(input.standardId) as StandardRow | undefined;
  if (!old) throw new AppFailure('NOT_FOUND', '收费标准不存在');
  if (input.endDate < old.start_date) throw new AppFailure('INVALID_INPUT', `结束日期不能早于开始日期 ${old.start_date}`);
  const { id: _id, created_by: _by, created_at: _at, ...row } = old;
  refuseOverlap(app, { ...row, end_date: input.endDate }, old.id);
  app.sqlite.prepare('UPDATE fee_standards SET end_date = ? WHERE id = ?').run(input.endDate, old.id);
  return standardView(app, old.id);
}
