import { z } from 'zod';
import { tierProblem } from '../../domain/tiers';
import { call } from '../define';
import { isoDate as date } from '../schemas';

// RULES §3: fee items (收费项目), standards (收费标准) and discount rules (优惠). Prices and rates
// cross as decimal strings (up to 4 decimals) so nothing passes through floating point.

const id = (what: string) => z.number({ error: `请选择${what}` }).int(`${what}编号有误`).positive(`${what}编号有误`);
const decimal4 = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,4})?$/, `${what}须为不小于 0 的数字，最多 4 位小数`);
const ratio = (what: string) => decimal4(what).refine((s) => Number(s) <= 1, `${what}不能大于 1`);

export const FEE_CATEGORIES = ['property', 'parking', 'utility', 'shared', 'one_off', 'deposit', 'other'] as const;
export const FEE_METHODS = ['AREA', 'FIXED', 'METERED', 'APPORTION', 'ONE_OFF', 'DEPOSIT'] as const;
export const STANDARD_SCOPES = ['community', 'building', 'use', 'unit', 'parking_type'] as const;

const tier = z.object({ upTo: decimal4('阶梯上限').nullable(), price: decimal4('阶梯单价') }).strict();
const tiers = z.array(tier).max(10, '阶梯最多 10 档').superRefine((list, ctx) => {
  const problem = tierProblem(list);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** Everything about an item that may change after it has been billed (not its code, method or cycle). */
const itemSettings = {
  name: z.string().trim().min(1, '请填写项目名称').max(40, '项目名称最多 40 个字符'),
  priceType: z.enum(['government_guided', 'market'], { error: '价格类型须为 政府指导价 或 市场调节价' }),
  basePrice: decimal4('基准价').nullable().default(null),
  floatBand: ratio('浮动幅度').nullable().default(null),
  basisDoc: z.string().trim().max(200, '收费依据最多 200 个字符').default(''),
  tiers: tiers.nullable().default(null),
  dueRule: z.enum(['period_start', 'period_end', 'days_after_start'], { error: '缴费期限规则无效' }).default('period_start'),
  dueDays: z.number().int('天数须为整数').min(0, '天数不能为负').max(365, '天数最多 365').default(0),
  lateDailyRate: ratio('日违约金率').default('0.0005'),
  lateGraceDays: z.number().int('宽限天数须为整数').min(0, '宽限天数不能为负').max(365).default(0),
  lateCapRatio: decimal4('违约金上限比例').nullable().default(null),
  priority: z.number().int().min(0).max(9999).default(100),
};

export const feeItemView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  category: z.enum(FEE_CATEGORIES),
  method: z.enum(FEE_METHODS),
  object: z.enum(['unit', 'parking', 'meter']),
  priceType: z.enum(['government_guided', 'market']),
  basePrice: z.string().nullable(),
  floatBand: z.string().nullable(),
  basisDoc: z.string(),
  cycleMonths: z.number(),
  areaBasis: z.enum(['building', 'inner']),
  meterKind: z.enum(['water', 'power']).nullable(),
  apportionBasis: z.enum(['area', 'usage', 'equal']).nullable(),
  tiers: z.array(z.object({ upTo: z.string().nullable(), price: z.string() })).nullable(),
  dueRule: z.enum(['period_start', 'period_end', 'days_after_start']),
  dueDays: z.number(),
  lateDailyRate: z.string(),
  lateGraceDays: z.number(),
  lateCapRatio: z.string().nullable(),
  priority: z.number(),
  active: z.boolean(),
});

export const standardView = z.object({
  id: z.number(),
  feeItemId: z.number(),
  feeItemName: z.string(),
  scope: z.enum(STANDARD_SCOPES),
  communityId: z.number(),
  buildingId: z.number().nullable(),
  unitUse: z.string().nullable(),
  unitId: z.number().nullable(),
  parkingType: z.string().nullable(),
  /** 全小区 / 3号楼 / 商铺 / 3-2-501 / 租赁车位: what the standard applies to, for the desk. */
  target: z.string(),
  price: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});

export const discountRuleView = z.object({
  id: z.number(),
  feeItemId: z.number(),
  name: z.string(),
  minMonths: z.number(),
  percentOffBp: z.number(),
  freeMonths: z.number(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  active: z.boolean(),
});

export const feesCalls = {
  'fees.listItems': call({
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.array(feeItemView),
    access: 'fees.read',
    mutates: false,
  }),
  'fees.createItem': call({
    input: z
      .object({
        code: z.string().trim().min(1, '请填写项目编码').max(20, '项目编码最多 20 个字符').regex(/^[0-9A-Za-z_-]+$/, '项目编码只能包含字母、数字、- 和 _'),
        category: z.enum(FEE_CATEGORIES, { error: '项目类别无效' }),
        method: z.enum(FEE_METHODS, { error: '计费方式须为 面积/固定/抄表/公摊/临时/押金 之一' }),
        /** FIXED only: charge each parking space instead of each unit. */
        perParkingSpace: z.boolean().default(false),
        cycleMonths: z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)], { error: '周期须为 1、3、6 或 12 个月' }).default(1),
        areaBasis: z.enum(['building', 'inner']).default('building'),
        meterKind: z.enum(['water', 'power']).nullable().default(null),
        apportionBasis: z.enum(['area', 'usage', 'equal']).nullable().default(null),
        ...itemSettings,
      })
      .strict(),
    output: feeItemView,
    access: 'fees.manage',
    mutates: true,
  }),
  'fees.updateItem': call({
    input: z.object({ id: id('收费项目'), active: z.boolean().default(true), ...itemSettings }).strict(),
    output: feeItemView,
    access: 'fees.manage',
    mutates: true,
  }),
  'fees.listStandards': call({
    input: z.object({ feeItemId: id('收费项目').optional(), communityId: id('小区').optional(), asOf: date.optional() }).strict(),
    output: z.array(standardView),
    access: 'fees.read',
    mutates: false,
  }),
  'fees.createStandard': call({
    input: z
      .object({
        feeItemId: id('收费项目'),
        scope: z.enum(STANDARD_SCOPES, { error: '适用范围须为 小区/楼栋/用途/单户/车位类型 之一' }),
        communityId: id('小区'),
        buildingId: id('楼栋').optional(),
        unitUse: z.enum(['residential', 'shop', 'office', 'garage']).optional(),
        unitId: id('房屋').optional(),
        parkingType: z.enum(['owned', 'leased', 'civil_defense', 'temporary']).optional(),
        price: decimal4('单价'),
        startDate: date,
        endDate: date.optional(),
      })
      .strict(),
    output: standardView,
    access: 'fees.manage',
    mutates: true,
  }),
  /** 调价: the standard ends the day before `fromDate` and a copy with the new price starts then. */
  'fees.changePrice': call({
    input: z.object({ standardId: id('收费标准'), price: decimal4('新单价'), fromDate: date }).strict(),
    output: z.object({ ended: standardView, created: standardView }),
    access: 'fees.manage',
    mutates: true,
  }),
  'fees.endStandard': call({
    input: z.object({ standardId: id('收费标准'), endDate: date }).strict(),
    output: standardView,
    access: 'fees.manage',
    mutates: true,
  }),
  'fees.listDiscountRules': call({
    input: z.object({ feeItemId: id('收费项目').optional() }).strict(),
    output: z.array(discountRuleView),
    access: 'fees.read',
    mutates: false,
  }),
  'fees.createDiscountRule': call({
    input: z
      .object({
        feeItemId: id('收费项目'),
        name: z.string().trim().min(1, '请填写优惠名称').max(40, '优惠名称最多 40 个字符'),
        minMonths: z.number().int('月数须为整数').min(1, '至少预交 1 个月').max(120),
        percentOffBp: z.number().int().min(0).max(10_000, '折扣不能超过 100%').default(0),
        freeMonths: z.number().int().min(0).max(24).default(0),
        startDate: date,
        endDate: date.optional(),
      })
      .strict()
      .refine((r) => (r.percentOffBp > 0) !== (r.freeMonths > 0), '优惠须为“折扣”或“赠送月数”二选一'),
    output: discountRuleView,
    access: 'fees.manage',
    mutates: true,
  }),
  'fees.setDiscountRuleActive': call({
    input: z.object({ id: id('优惠规则'), active: z.boolean() }).strict(),
    output: discountRuleView,
    access: 'fees.manage',
    mutates: true,
  }),
};
