import { contract } from '../../../src-shared/api';
import { normalizeUnitCode } from '../../../src-shared/domain/unitCode';
import { addCustomer } from '../../register/customers';
import { ROLE_LABELS } from '../../register/labels';
import { PLACEHOLDER, sampleUnit } from '../examples';
import { defineKind, type Column } from '../kind';
import { fromLabel } from '../lists';
import * as resolve from '../resolve';
import { RowCheck } from '../rowCheck';

const columns = [
  { key: 'community', header: '项目', required: true, format: 'text', width: 16, list: 'communities', note: '项目（小区）名称或编号' },
  { key: 'unitCode', header: '房号', required: true, format: 'text', width: 14, note: '须已在该项目的房屋档案中，如 3-2-501' },
  { key: 'name', header: '姓名', required: true, format: 'text', width: 12, note: '客户姓名或单位名称；姓名和电话都相同视为同一客户' },
  { key: 'phone', header: '电话', required: false, format: 'text', width: 16, note: '手机或座机，只能包含数字、+、- 和空格' },
  { key: 'idCardTail', header: '证件号后六位', required: false, format: 'text', width: 14, note: '身份证号后几位（最多 6 位），数字或 X' },
  { key: 'role', header: '身份', required: true, format: 'text', width: 10, list: 'roles', note: '业主、租户或付款人' },
  { key: 'startDate', header: '开始日期', required: true, format: 'date', width: 12, note: '入住、购房或起租日期，如 2020-07-01' },
  { key: 'endDate', header: '结束日期', required: false, format: 'date', width: 12, note: '租期结束日期；业主一般不填' },
] as const satisfies readonly Column[];

const FIELDS = {
  unitId: 'unitCode',
  customer: 'name',
  'customer.name': 'name',
  'customer.phone': 'phone',
  'customer.idCardTail': 'idCardTail',
  role: 'role',
  startDate: 'startDate',
  endDate: 'endDate',
};

export const customersImport = defineKind({
  code: 'customers',
  title: '客户',
  columns,
  money: false,
  writesRegister: true,
  keyColumns: ['unitCode', 'name', 'role'],
  fileKey: (v) =>
    v.community && v.unitCode && v.name && v.role
      ? [v.community, normalizeUnitCode(v.unitCode), v.name, resolve.normalPhone(v.phone), v.role].join('\u0001')
      : null,

  example(app, lists) {
    const u = sampleUnit(app);
    return {
      community: u?.community ?? lists.communities[0] ?? PLACEHOLDER.community,
      unitCode: u?.code ?? PLACEHOLDER.unit,
      name: '张三',
      phone: '13800138000',
      idCardTail: '',
      role: ROLE_LABELS.owner,
      startDate: '2020-07-01',
      endDate: '',
    };
  },

  apply(env, v) {
    const check = new RowCheck(columns);
    check.required(v);
    const c = check.try('community', () => resolve.community(env, v.community));
    const u = c ? check.try('unitCode', () => resolve.unit(env, c, v.unitCode)) : check.pending('unitCode');
    const input = check.parse(
      contract['register.addCustomer'].input,
      {
        unitId: u?.id ?? 0,
        customer: { name: v.name, phone: v.phone, idCardTail: v.idCardTail },
        role: fromLabel(ROLE_LABELS, v.role),
        startDate: v.startDate,
        endDate: v.endDate === '' ? null : v.endDate,
      },
      FIELDS,
    );
    check.done();
    const { name, phone } = input!.customer;
    const existing = resolve.findCustomer(env, name!, phone);
    if (existing) {
      const linked = env.app.sqlite
        .prepare('SELECT 1 FROM unit_customers WHERE unit_id = ? AND customer_id = ? AND role = ? AND start_date = ?')
        .pluck()
        .get(u!.id, existing.id, input!.role, input!.startDate);
      if (linked) return { created: false, reason: `${name} 已登记为 ${u!.code} 的${ROLE_LABELS[input!.role]}，跳过` };
    }
    const customer = existing ? { customerId: existing.id, phone: '', idCardTail: '' } : input!.customer;
    addCustomer(env.app, { ...input!, customer }).run();
    return { created: true, amountFen: 0 };
  },

  failureColumn: (message) => (message.includes('结束日期') ? 'endDate' : 'role'),
});
