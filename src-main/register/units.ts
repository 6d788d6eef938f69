import { unitSortKey } from '../../src-shared/domain/unitCode';
import type { AppContext } from '../app/context';
import { scopeParam } from '../auth/scope';
import { AppFailure } from '../ipc/failure';
import { STATUS_LABELS, USE_LABELS } from './labels';
import { requireBuilding, requireUnit } from './lookups';
import type { Input, Operation } from './operation';
import { decimalToE4, e4ToDecimal } from './quantity';
import { markUnitsDirty } from './searchIndex';
import { sqlFilter } from './sqlFilter';

type UnitRow = ReturnType<typeof requireUnit>;

const area = (e4: number | null) => (e4 === null ? null : e4ToDecimal(e4));
const areaE4 = (text: string | null) => (text === null ? null : decimalToE4(text));

function checkAreas(building: number | null, inner: number | null): void {
  if (building !== null && inner !== null && inner > building) {
    throw new AppFailure('INVALID_INPUT', `套内面积 ${e4ToDecimal(inner)}㎡ 不能大于建筑面积 ${e4ToDecimal(building)}㎡`);
  }
}

export function createUnit(app: AppContext, input: Input<'register.createUnit'>): Operation<{ id: number }> {
  const building = requireBuilding(app, input.buildingId);
  const buildingArea = areaE4(input.buildingArea);
  const innerArea = areaE4(input.innerArea);
  checkAreas(buildingArea, innerArea);
  const clash = app.q.first(
    app.db.selectFrom('units').select('id').where('community_id', '=', building.community_id).where('code', '=', input.code),
  );
  if (clash) throw new AppFailure('DUPLICATE', `房号 ${input.code} 在本项目中已存在`);
  const areaText = input.buildingArea === null ? '面积未登记' : `建筑面积 ${input.buildingArea}㎡`;
  return {
    audit: {
      entity: 'unit',
      summary: `新建房屋 ${input.code}（${USE_LABELS[input.use]}，${STATUS_LABELS[input.status]}，${areaText}）`,
    },
    run: () => {
      const r = app.q.run(
        app.db.insertInto('units').values({
          community_id: building.community_id,
          building_id: building.id,
          code: input.code,
          sort_key: unitSortKey(input.code),
          building_area_e4: buildingArea,
          inner_area_e4: innerArea,
          use: input.use,
          status: input.status,
          delivery_date: input.deliveryDate,
          created_at: app.clock.nowIso(),
        }),
      );
      markUnitsDirty(app, [r.lastInsertRowid]);
      return { id: r.lastInsertRowid };
    },
  };
}

/**
 * Area, use, status and delivery date are facts of the register, not ledger amounts: they may be
 * corrected, and the audit entry keeps what they were. Bills already posted keep their quantity.
 */
export function updateUnit(app: AppContext, input: Input<'register.updateUnit'>) {
  const before = requireUnit(app, input.id);
  const after: UnitRow = {
    ...before,
    building_area_e4: input.buildingArea === undefined ? before.building_area_e4 : areaE4(input.buildingArea),
    inner_area_e4: input.innerArea === undefined ? before.inner_area_e4 : areaE4(input.innerArea),
    use: input.use ?? before.use,
    status: input.status ?? before.status,
    delivery_date: input.deliveryDate === undefined ? before.delivery_date : input.deliveryDate,
  };
  checkAreas(after.building_area_e4, after.inner_area_e4);
  const show = (e4: number | null) => (e4 === null ? '未登记' : `${e4ToDecimal(e4)}㎡`);
  const changes = [
    before.building_area_e4 !== after.building_area_e4 ? `建筑面积 ${show(before.building_area_e4)} → ${show(after.building_area_e4)}` : null,
    before.inner_area_e4 !== after.inner_area_e4 ? `套内面积 ${show(before.inner_area_e4)} → ${show(after.inner_area_e4)}` : null,
    before.use !== after.use ? `用途 ${USE_LABELS[before.use]} → ${USE_LABELS[after.use]}` : null,
    before.status !== after.status ? `状态 ${STATUS_LABELS[before.status]} → ${STATUS_LABELS[after.status]}` : null,
    before.delivery_date !== after.delivery_date
      ? `交房日期 ${before.delivery_date ?? '未登记'} → ${after.delivery_date ?? '未登记'}`
      : null,
  ].filter((c): c is string => c !== null);
  return {
    audit: { entity: `unit:${before.id}`, summary: `修改房屋 ${before.code}：${changes.join('；') || '无变化'}` },
    run: () => {
      app.q.run(
        app.db
          .updateTable('units')
          .set({
            building_area_e4: after.building_area_e4,
            inner_area_e4: after.inner_area_e4,
            use: after.use,
            status: after.status,
            delivery_date: after.delivery_date,
          })
          .where('id', '=', before.id),
      );
      return unitView(app, before.id);
    },
  } satisfies Operation<unknown>;
}

const UNIT_SELECT = `
  SELECT u.*, c.name AS community_name, b.name AS building_name,
    (SELECT group_concat(cu.name, '、') FROM unit_customers uc JOIN customers cu ON cu.id = uc.customer_id
      WHERE uc.unit_id = u.id AND uc.role = 'owner' AND uc.start_date <= @today
        AND (uc.end_date IS NULL OR uc.end_date >= @today)) AS owner_name
  FROM units u JOIN communities c ON c.id = u.community_id JOIN buildings b ON b.id = u.building_id`;

type UnitJoined = UnitRow & { community_name: string; building_name: string; owner_name: string | null };

function toView(row: UnitJoined) {
  return {
    id: row.id,
    communityId: row.community_id,
    communityName: row.community_name,
    buildingId: row.building_id,
    buildingName: row.building_name,
    code: row.code,
    buildingArea: area(row.building_area_e4),
    innerArea: area(row.inner_area_e4),
    use: row.use,
    status: row.status,
    deliveryDate: row.delivery_date,
  };
}

export function unitView(app: AppContext, unitId: number) {
  const row = app.sqlite.prepare(`${UNIT_SELECT} WHERE u.id = @id`).get({ id: unitId, today: app.clock.today() }) as UnitJoined | undefined;
  if (!row) throw new AppFailure('NOT_FOUND', `房屋不存在：编号 ${unitId}`);
  return toView(row);
}

/** Paged, in natural code order (RULES §1), with the current owner for the list's name column. */
export function listUnits(app: AppContext, input: Input<'register.listUnits'>, communityIds: number[] | null = null) {
  const f = sqlFilter({ today: app.clock.today() });
  f.add('u.community_id = @communityId', 'communityId', input.communityId);
  f.add('u.community_id IN (SELECT value FROM json_each(@scope))', 'scope', scopeParam(communityIds));
  f.add('u.building_id = @buildingId', 'buildingId', input.buildingId);
  f.add('u.use = @use', 'use', input.use);
  f.add('u.status = @status', 'status', input.status);
  // Escaped so a '%' or '_' typed in the box matches itself.
  const prefix = input.codePrefix ? `${input.codePrefix.toUpperCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%` : undefined;
  f.add("u.code LIKE @prefix ESCAPE '\\'", 'prefix', prefix);
  const filter = f.where();
  const params = f.params;
  const total = app.sqlite.prepare(`SELECT COUNT(*) FROM units u ${filter}`).pluck().get(params) as number;
  const rows = app.sqlite
    .prepare(`${UNIT_SELECT} ${filter} ORDER BY c.code, u.sort_key LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as UnitJoined[];
  return { total, items: rows.map((r) => ({ ...toView(r), ownerName: r.owner_name })) };
}
