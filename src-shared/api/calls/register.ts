import { z } from 'zod';
import { normalizeUnitCode, UNIT_CODE_PATTERN } from '../../domain/unitCode';
import { call } from '../define';
import { isoDate as date } from '../schemas';

// RULES §2, the property register. Areas and readings cross as decimal strings (up to 4 decimals)
// and are stored as integers in 0.0001 units, so nothing passes through floating point.

const id = z.number({ error: '请选择记录' }).int().positive();
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '期间格式应为 YYYY-MM');
const code = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `请填写${what}编号`)
    .max(32, `${what}编号最多 32 个字符`)
    .regex(/^[0-9A-Za-z\u4e00-\u9fa5_-]+$/, `${what}编号只能包含中文、字母、数字、- 和 _`);
const name = (what: string, max = 50) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}最多 ${max} 个字符`);
const decimal4 = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,4})?$/, `${what}须为不小于 0 的数字，最多 4 位小数`);
const area = (what: string) => decimal4(what).refine((s) => /[1-9]/.test(s), `${what}必须大于 0`);
const unitCode = z
  .string()
  .transform(normalizeUnitCode)
  .pipe(
    z
      .string()
      .min(1, '请填写房号')
      .max(32, '房号最多 32 个字符')
      .regex(UNIT_CODE_PATTERN, '房号格式应如 3-2-501（楼栋-单元-房号），只能包含中文、字母、数字和 -'),
  );
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{0,20}$/, '电话只能包含数字、+、- 和空格')
  .transform((s) => s.replace(/[\s-]/g, ''));
const page = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200, '每页最多 200 条').default(50),
};

export const UNIT_USES = ['residential', 'shop', 'office', 'garage'] as const;
export const UNIT_STATUSES = ['undelivered', 'vacant', 'occupied', 'renovating'] as const;
export const CUSTOMER_ROLES = ['owner', 'tenant', 'payer'] as const;
export const PARKING_TYPES = ['owned', 'leased', 'civil_defense', 'temporary'] as const;
export const METER_KINDS = ['water', 'power'] as const;

const use = z.enum(UNIT_USES, { error: '用途须为 住宅/商铺/办公/车库 之一' });
const status = z.enum(UNIT_STATUSES, { error: '状态须为 未交付/空置/已入住/装修中 之一' });
const role = z.enum(CUSTOMER_ROLES, { error: '身份须为 业主/租户/付款人 之一' });
const parkingType = z.enum(PARKING_TYPES, { error: '车位类型须为 产权/租赁/人防/临时 之一' });
const cycleMonths = z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)], { error: '周期须为 1、3、6 或 12 个月' });
const plate = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase().replace(/[\s·.]/g, ''))
  .pipe(z.string().regex(/^[0-9A-Z\u4e00-\u9fa5]{5,10}$/, '车牌号格式有误，如 粤B12345'));

const idCardTail = z.string().trim().regex(/^[0-9Xx]{0,6}$/, '证件号后几位只能是数字或 X（最多 6 位）');
/** An existing customer by id, or a new one by name (with phone and the tail of the ID card). */
const customerRef = z
  .object({
    customerId: id.optional(),
    name: name('客户姓名', 50).optional(),
    phone: phone.default(''),
    idCardTail: idCardTail.default(''),
  })
  .strict()
  .refine((c) => c.customerId !== undefined || c.name !== undefined, '请选择已有客户，或填写新客户的姓名');

const communityOut = z.object({ id: z.number().int(), code: z.string(), name: z.string(), address: z.string() });
const buildingOut = z.object({ id: z.number().int(), communityId: z.number().int(), code: z.string(), name: z.string() });
const unitOut = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  communityName: z.string(),
  buildingId: z.number().int(),
  buildingName: z.string(),
  code: z.string(),
  buildingArea: z.string().nullable(),
  innerArea: z.string().nullable(),
  use: use,
  status: status,
  deliveryDate: z.string().nullable(),
});
const occupantOut = z.object({
  linkId: z.number().int(),
  customerId: z.number().int(),
  name: z.string(),
  phone: z.string(),
  role: role,
  startDate: z.string(),
  endDate: z.string().nullable(),
});
const parkingOut = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  code: z.string(),
  type: parkingType,
  unitId: z.number().int().nullable(),
  customerId: z.number().int().nullable(),
  plates: z.array(z.string()),
  leaseStart: z.string().nullable(),
  leaseEnd: z.string().nullable(),
  cycleMonths: z.number().int().nullable(),
});
const readingOut = z.object({
  id: z.number().int(),
  meterId: z.number().int(),
  meterCode: z.string(),
  kind: z.enum(METER_KINDS),
  unitCode: z.string().nullable(),
  buildingName: z.string().nullable(),
  period: z.string(),
  previousReading: z.string(),
  reading: z.string(),
  rollover: z.boolean(),
  usage: z.string(),
  readDate: z.string(),
});
const meterOut = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  unitId: z.number().int().nullable(),
  buildingId: z.number().int().nullable(),
  kind: z.enum(METER_KINDS),
  code: z.string(),
  multiplier: z.number().int(),
  dialMax: z.string(),
  startReading: z.string(),
  lastReading: z.object({ period: z.string(), reading: z.string(), usage: z.string() }).nullable(),
});
const created = z.object({ id: z.number().int() });

const parkingFields = {
  type: parkingType,
  unitId: id.nullable().default(null),
  customerId: id.nullable().default(null),
  plates: z.array(plate).max(5, '一个车位最多登记 5 个车牌').default([]),
  leaseStart: date.nullable().default(null),
  leaseEnd: date.nullable().default(null),
  cycleMonths: cycleMonths.nullable().default(null),
};

export const registerCalls = {
  'register.listCommunities': call({
    input: z.object({}).strict(),
    output: z.array(communityOut.extend({ buildings: z.array(buildingOut), unitCount: z.number().int() })),
    access: 'register.read',
    mutates: false,
  }),
  'register.createCommunity': call({
    input: z.object({ code: code('项目'), name: name('项目名称', 100), address: z.string().trim().max(200).default('') }).strict(),
    output: created,
    access: 'register.write',
    mutates: true,
  }),
  'register.updateCommunity': call({
    input: z.object({ id, name: name('项目名称', 100).optional(), address: z.string().trim().max(200).optional() }).strict(),
    output: communityOut,
    access: 'register.write',
    mutates: true,
  }),
  'register.createBuilding': call({
    input: z.object({ communityId: id, code: code('楼栋'), name: name('楼栋名称') }).strict(),
    output: created,
    access: 'register.write',
    mutates: true,
  }),
  'register.updateBuilding': call({
    input: z.object({ id, name: name('楼栋名称') }).strict(),
    output: buildingOut,
    access: 'register.write',
    mutates: true,
  }),
  'register.createUnit': call({
    input: z
      .object({
        buildingId: id,
        code: unitCode,
        buildingArea: area('建筑面积').nullable().default(null),
        innerArea: area('套内面积').nullable().default(null),
        use,
        status,
        deliveryDate: date.nullable().default(null),
      })
      .strict(),
    output: created,
    access: 'register.write',
    mutates: true,
  }),
  'register.updateUnit': call({
    input: z
      .object({
        id,
        buildingArea: area('建筑面积').nullable().optional(),
        innerArea: area('套内面积').nullable().optional(),
        use: use.optional(),
        status: status.optional(),
        deliveryDate: date.nullable().optional(),
      })
      .strict(),
    output: unitOut,
    access: 'register.write',
    mutates: true,
  }),
  'register.listUnits': call({
    input: z
      .object({
        communityId: id.optional(),
        buildingId: id.optional(),
        codePrefix: z.string().trim().max(32).optional(),
        use: use.optional(),
        status: status.optional(),
        ...page,
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      items: z.array(unitOut.extend({ ownerName: z.string().nullable() })),
    }),
    access: 'register.read',
    mutates: false,
  }),
  'register.getUnit': call({
    input: z.object({ id }).strict(),
    output: unitOut.extend({
      occupants: z.array(occupantOut),
      history: z.array(occupantOut),
      payer: z.object({ customerId: z.number().int(), name: z.string() }).nullable(),
      parking: z.array(parkingOut),
      meters: z.array(meterOut),
    }),
    access: 'register.read',
    mutates: false,
  }),
  'register.addCustomer': call({
    input: z
      .object({
        unitId: id,
        customer: customerRef,
        role,
        /** A tenant who pays the unit's bills also gets a 付款人 row. */
        pays: z.boolean().default(false),
        startDate: date,
        endDate: date.nullable().default(null),
      })
      .strict(),
    output: z.object({ customerId: z.number().int(), linkIds: z.array(z.number().int()) }),
    access: 'register.write',
    mutates: true,
  }),
  'register.updateCustomer': call({
    input: z
      .object({ id, name: name('客户姓名', 50).optional(), phone: phone.optional(), idCardTail: idCardTail.optional() })
      .strict(),
    output: z.object({ id: z.number().int(), name: z.string(), phone: z.string(), pinyinInitials: z.string() }),
    access: 'register.write',
    mutates: true,
  }),
  'register.transferOwnership': call({
    input: z.object({ unitId: id, newOwner: customerRef, date, note: z.string().trim().max(200).default('') }).strict(),
    output: z.object({
      newOwnerId: z.number().int(),
      previousOwners: z.array(z.object({ customerId: z.number().int(), name: z.string() })),
      outstandingFen: z.number().int(),
      openLineCount: z.number().int(),
      warning: z.string().nullable(),
    }),
    access: 'register.write',
    mutates: true,
  }),
  'register.endTenancy': call({
    input: z.object({ unitId: id, customerId: id, endDate: date }).strict(),
    output: z.object({ endedLinkIds: z.array(z.number().int()) }),
    access: 'register.write',
    mutates: true,
  }),
  'register.createParking': call({
    input: z.object({ communityId: id, code: code('车位'), ...parkingFields }).strict(),
    output: created,
    access: 'register.write',
    mutates: true,
  }),
  'register.updateParking': call({
    input: z.object({ id, ...parkingFields }).strict(),
    output: parkingOut,
    access: 'register.write',
    mutates: true,
  }),
  'register.createMeter': call({
    input: z
      .object({
        kind: z.enum(METER_KINDS, { error: '表类型须为 水表/电表' }),
        code: code('表'),
        /** A unit's own meter, or a building's common meter (公共表): exactly one. */
        unitId: id.optional(),
        buildingId: id.optional(),
        multiplier: z.number({ error: '倍率须为正整数' }).int('倍率须为正整数').min(1, '倍率须为正整数').max(100000).default(1),
        /** The reading at which the dial wraps back to 0, e.g. 10000 for a four-digit dial. */
        dialMax: area('表盘最大读数'),
        startReading: decimal4('起始读数').default('0'),
      })
      .strict()
      .refine((m) => (m.unitId === undefined) !== (m.buildingId === undefined), '请选择房屋（户表）或楼栋（公共表）中的一个'),
    output: created,
    access: 'register.write',
    mutates: true,
  }),
  'register.recordReading': call({
    input: z
      .object({
        meterId: id,
        period,
        reading: decimal4('读数'),
        readDate: date,
        /** The reader confirms the dial went past its maximum and restarted from 0 (翻表). */
        rollover: z.boolean().default(false),
      })
      .strict(),
    output: readingOut,
    access: 'readings.write',
    mutates: true,
  }),
  'register.listReadings': call({
    input: z.object({ meterId: id.optional(), communityId: id.optional(), period: period.optional(), ...page }).strict(),
    output: z.object({ total: z.number().int(), items: z.array(readingOut) }),
    access: 'register.read',
    mutates: false,
  }),
  'register.search': call({
    input: z.object({ query: z.string().trim().max(50), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    output: z.array(
      z.object({
        unitId: z.number().int(),
        unitCode: z.string(),
        communityName: z.string(),
        ownerName: z.string().nullable(),
        maskedPhone: z.string().nullable(),
        matchedBy: z.enum(['code', 'name', 'phone', 'plate', 'initials']),
        matchedText: z.string(),
      }),
    ),
    access: 'account.read',
    mutates: false,
  }),
};
