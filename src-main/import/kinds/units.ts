import { contract } from '../../../src-shared/api';
import { normalizeUnitCode } from '../../../src-shared/domain/unitCode';
import { STATUS_LABELS, USE_LABELS } from '../../register/labels';
import { createUnit } from '../../register/units';
import { freeCode, PLACEHOLDER } from '../examples';
import { defineKind, type Column } from '../kind';
import { fromLabel } from '../lists';
import * as resolve from '../resolve';
import { RowCheck } from '../rowCheck';

const columns = [
  { key: 'community', header: '项目', required: true, format: 'text', width: 16, list: 'communities', note: '项目（小区）名称或编号，须已在档案中建立' },
  { key: 'building', header: '楼栋', required: true, format: 'text', width: 12, list: 'buildings', note: '楼栋名称或编号，须已在该项目中建立' },
  { key: 'code', header: '房号', required: true, format: 'text', width: 14, note: '楼栋-单元-房号，如 3-2-501；同一项目内不能重复' },
  { key: 'buildingArea', header: '建筑面积', required: false, format: 'number', width: 12, note: '平方米，大于 0，最多 4 位小数' },
  { key: 'innerArea', header: '套内面积', required: false, format: 'number', width: 12, note: '平方米，大于 0，最多 4 位小数，不大于建筑面积' },
  { key: 'use', header: '用途', required: true, format: 'text', width: 10, list: 'uses', note: '住宅、商铺、办公或车库' },
  { key: 'status', header: '状态', required: true, format: 'text', width: 10, list: 'statuses', note: '未交付、空置、已入住或装修中' },
  { key: 'deliveryDate', header: '交房日期', required: false, format: 'date', width: 12, note: '日期，如 2020-06-30' },
] as const satisfies readonly Column[];

const FIELDS = { buildingId: 'building', code: 'code', buildingArea: 'buildingArea', innerArea: 'innerArea', use: 'use', status: 'status', deliveryDate: 'deliveryDate' };
const orNull = (text: string) => (text === '' ? null : text);

export const unitsImport = defineKind({
  code: 'units',
  title: '房屋',
  columns,
  money: false,
  writesRegister: true,
  keyColumns: ['community', 'code'],
  fileKey: (v) => (v.community && v.code ? `${v.community}\u0001${normalizeUnitCode(v.code)}` : null),

  example(app, lists) {
    const b = app.sqlite
      .prepare('SELECT b.id, b.code, b.name, c.name AS community FROM buildings b JOIN communities c ON c.id = b.community_id ORDER BY c.code, b.code LIMIT 1')
      .get() as { id: number; code: string; name: string; community: string } | undefined;
    const taken = app.sqlite.prepare('SELECT 1 FROM units WHERE building_id = ? AND code = ?').pluck();
    const code = b ? freeCode((n) => `${b.code}-1-${100 + n}`, (c) => taken.get(b.id, c) !== undefined) : PLACEHOLDER.unit;
    return {
      community: b?.community ?? lists.communities[0] ?? PLACEHOLDER.community,
      building: b?.name ?? PLACEHOLDER.building,
      code,
      buildingArea: '89.5',
      innerArea: '72.3',
      use: USE_LABELS.residential,
      status: STATUS_LABELS.vacant,
      deliveryDate: '2020-06-30',
    };
  },

  apply(env, v) {
    const check = new RowCheck(columns);
    check.required(v);
    const c = check.try('community', () => resolve.community(env, v.community));
    const b = c ? check.try('building', () => resolve.building(env, c, v.building)) : check.pending('building');
    const input = check.parse(
      contract['register.createUnit'].input,
      {
        buildingId: b?.id ?? 0,
        code: v.code,
        buildingArea: orNull(v.buildingArea),
        innerArea: orNull(v.innerArea),
        use: fromLabel(USE_LABELS, v.use),
        status: fromLabel(STATUS_LABELS, v.status),
        deliveryDate: orNull(v.deliveryDate),
      },
      FIELDS,
    );
    check.done();
    if (resolve.findUnit(env, c!, input!.code)) return { created: false, reason: `${c!.name} ${input!.code} 已在档案中，跳过` };
    createUnit(env.app, input!).run();
    return { created: true, amountFen: 0 };
  },

  failureColumn: (message) => (message.includes('套内面积') ? 'innerArea' : 'code'),
});
