import { contract } from '../../../src-shared/api';
import { PARKING_TYPE_LABELS } from '../../register/labels';
import { createParking } from '../../register/parking';
import { freeCode, PLACEHOLDER, sampleUnit } from '../examples';
import { defineKind, type Column } from '../kind';
import { fromLabel } from '../lists';
import * as resolve from '../resolve';
import { RowCheck } from '../rowCheck';

const columns = [
  { key: 'community', header: '项目', required: true, format: 'text', width: 16, list: 'communities', note: '项目（小区）名称或编号' },
  { key: 'code', header: '车位编号', required: true, format: 'text', width: 12, note: '同一项目内不能重复，如 B1-023' },
  { key: 'type', header: '类型', required: true, format: 'text', width: 10, list: 'parkingTypes', note: '产权、租赁、人防或临时' },
  { key: 'unitCode', header: '所属房号', required: false, format: 'text', width: 14, note: '车位所属或使用的房屋，须已在档案中' },
  { key: 'holderName', header: '持有人', required: false, format: 'text', width: 12, note: '车位持有人姓名，须已在客户档案中' },
  { key: 'holderPhone', header: '持有人电话', required: false, format: 'text', width: 16, note: '有同名客户时必填' },
  { key: 'plates', header: '车牌', required: false, format: 'text', width: 20, note: '多个车牌用逗号或顿号分隔，如 粤B12345、粤B67890' },
  { key: 'leaseStart', header: '起租日期', required: false, format: 'date', width: 12, note: '租赁车位必填；产权车位不填' },
  { key: 'leaseEnd', header: '租期结束', required: false, format: 'date', width: 12, note: '不早于起租日期' },
  { key: 'cycleMonths', header: '缴费周期（月）', required: false, format: 'number', width: 14, list: 'cycles', note: '1、3、6 或 12；租赁车位必填' },
] as const satisfies readonly Column[];

const FIELDS = {
  communityId: 'community',
  code: 'code',
  type: 'type',
  unitId: 'unitCode',
  customerId: 'holderName',
  plates: 'plates',
  leaseStart: 'leaseStart',
  leaseEnd: 'leaseEnd',
  cycleMonths: 'cycleMonths',
};

const orNull = (text: string) => (text === '' ? null : text);

export const parkingImport = defineKind({
  code: 'parking',
  title: '车位',
  columns,
  money: false,
  writesRegister: true,
  keyColumns: ['community', 'code'],
  fileKey: (v) => (v.community && v.code ? `${v.community}\u0001${v.code}` : null),

  example(app, lists) {
    const u = sampleUnit(app);
    const taken = app.sqlite.prepare('SELECT 1 FROM parking_spaces WHERE code = ?').pluck();
    return {
      community: u?.community ?? lists.communities[0] ?? PLACEHOLDER.community,
      code: freeCode((n) => `B1-${String(n).padStart(3, '0')}`, (c) => taken.get(c) !== undefined),
      type: PARKING_TYPE_LABELS.leased,
      unitCode: u?.code ?? PLACEHOLDER.unit,
      holderName: '',
      holderPhone: '',
      plates: '粤B12345',
      leaseStart: '2024-01-01',
      leaseEnd: '2024-12-31',
      cycleMonths: '12',
    };
  },

  apply(env, v) {
    const check = new RowCheck(columns);
    check.required(v);
    const c = check.try('community', () => resolve.community(env, v.community));
    const u = v.unitCode === '' ? undefined : c ? check.try('unitCode', () => resolve.unit(env, c, v.unitCode)) : check.pending('unitCode');
    const holder = v.holderName !== '' ? check.try('holderName', () => resolve.customer(env, v.holderName, v.holderPhone)) : undefined;
    const input = check.parse(
      contract['register.createParking'].input,
      {
        communityId: c?.id ?? 0,
        code: v.code,
        type: fromLabel(PARKING_TYPE_LABELS, v.type),
        unitId: u?.id ?? null,
        customerId: holder?.id ?? null,
        plates: v.plates.split(/[,，、;；\s]+/).filter(Boolean),
        leaseStart: orNull(v.leaseStart),
        leaseEnd: orNull(v.leaseEnd),
        cycleMonths: /^\d+$/.test(v.cycleMonths) ? Number(v.cycleMonths) : orNull(v.cycleMonths),
      },
      FIELDS,
    );
    check.done();
    const existing = env.app.sqlite.prepare('SELECT 1 FROM parking_spaces WHERE community_id = ? AND code = ?').pluck().get(c!.id, input!.code);
    if (existing) return { created: false, reason: `${c!.name} 车位 ${input!.code} 已在档案中，跳过` };
    createParking(env.app, input!).run();
    return { created: true, amountFen: 0 };
  },

  failureColumn(message) {
    if (message.includes('所属房屋')) return 'unitCode';
    if (message.includes('租期结束')) return 'leaseEnd';
    if (message.includes('租期') || message.includes('起租')) return 'leaseStart';
    return 'code';
  },
});
