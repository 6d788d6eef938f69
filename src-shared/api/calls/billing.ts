import { z } from 'zod';
import { MONTH_RE } from '../../domain/periods';
import { call } from '../define';

// RULES §4: billing runs (出账) and paying ahead (预交). A run for 20,000 units answers with totals
// per fee item and community, the exceptions and a page of lines — never every line.

const id = (what: string) => z.number({ error: `请选择${what}` }).int(`${what}编号有误`).positive(`${what}编号有误`);
const month = z.string().regex(MONTH_RE, '账期格式应为 YYYY-MM');

const apportionTotal = z
  .object({
    feeItemId: id('公摊项目'),
    buildingId: id('楼栋').optional(),
    communityId: id('小区').optional(),
    totalFen: z.number().int('金额须为整数分').min(0, '公摊总额不能为负').max(1e11, '公摊总额过大'),
  })
  .strict()
  .refine((t) => (t.buildingId === undefined) !== (t.communityId === undefined), '公摊总额须指定楼栋或小区（二选一）');

const runScope = {
  /** The billing month; an item with a longer cycle bills the cycle that contains it. */
  month,
  communityId: id('小区').optional(),
  buildingId: id('楼栋').optional(),
  feeItemIds: z.array(id('收费项目')).min(1, '请至少选择一个收费项目').max(100).optional(),
  apportionTotals: z.array(apportionTotal).max(1000).default([]),
};

export const runLineView = z.object({
  unitId: z.number(),
  unitCode: z.string(),
  feeItemId: z.number(),
  objectKind: z.enum(['unit', 'parking', 'meter']),
  objectId: z.number(),
  customerId: z.number().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  quantity: z.string(),
  unitPrice: z.string(),
  amountFen: z.number(),
  basis: z.string(),
  dueDate: z.string(),
});

const itemTotals = z.array(
  z.object({
    feeItemId: z.number(),
    feeItemName: z.string(),
    communityId: z.number(),
    communityName: z.string(),
    lineCount: z.number(),
    totalFen: z.number(),
  }),
);

export const runException = z.object({
  kind: z.enum(['no_area', 'no_reading', 'negative_usage', 'no_standard', 'no_unit', 'no_apportion_total', 'apportion_weights']),
  feeItemId: z.number().nullable(),
  unitId: z.number().nullable(),
  message: z.string(),
});

const prepayInput = z
  .object({
    unitId: id('房屋'),
    feeItemId: id('收费项目'),
    /** For an item charged per parking space: which space. */
    parkingSpaceId: id('车位').optional(),
    months: z.number().int('月数须为整数').min(1, '至少预交 1 个月').max(60, '一次最多预交 60 个月'),
    /** First month to pay; by default the first period after the last one billed. */
    startMonth: month.optional(),
  })
  .strict();

const prepayPlan = z.object({
  lines: z.array(
    z.object({
      lineId: z.number().nullable(),
      periodStart: z.string(),
      periodEnd: z.string(),
      amountFen: z.number(),
      discountFen: z.number(),
      basis: z.string(),
      dueDate: z.string(),
    }),
  ),
  totalFen: z.number(),
  discountFen: z.number(),
  payableFen: z.number(),
  discountRule: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** Why no discount applies although a rule exists (arrears), for the cashier to explain. */
  discountNote: z.string().nullable(),
  /** Periods already billed for this unit and item, left as they are. */
  skippedCount: z.number(),
  /** Beyond the prepaid-months setting: a warning, never a refusal (RULES §6). */
  warning: z.string().nullable(),
});

export const billingCalls = {
  'billing.preview': call({
    input: z
      .object({
        ...runScope,
        sampleOffset: z.number().int().min(0).default(0),
        sampleSize: z.number().int().min(0).max(500, '每次最多查看 500 条明细').default(50),
      })
      .strict(),
    output: z.object({
      periodStart: z.string(),
      periodEnd: z.string(),
      lineCount: z.number(),
      totalFen: z.number(),
      skippedCount: z.number(),
      byItem: itemTotals,
      exceptionCount: z.number(),
      /** The first 500 exceptions; exceptionCount tells how many there are. */
      exceptions: z.array(runException),
      lines: z.array(runLineView),
    }),
    access: 'billing.run',
    mutates: false,
  }),
  'billing.commit': call({
    input: z.object(runScope).strict(),
    output: z.object({
      /** null when there was nothing new to bill (a rerun): no run is recorded. */
      runId: z.number().nullable(),
      lineCount: z.number(),
      totalFen: z.number(),
      skippedCount: z.number(),
      exceptionCount: z.number(),
      offsetCount: z.number(),
      offsetFen: z.number(),
      byItem: itemTotals,
    }),
    access: 'billing.run',
    mutates: true,
  }),
  'billing.undo': call({
    input: z.object({ runId: id('出账批次'), reason: z.string().trim().min(2, '请填写撤销原因').max(200, '原因最多 200 个字符') }).strict(),
    output: z.object({ runId: z.number(), cancelledCount: z.number(), cancelledFen: z.number(), returnedOffsetFen: z.number() }),
    access: 'billing.undo',
    mutates: true,
  }),
  'billing.listRuns': call({
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.array(
      z.object({
        id: z.number(),
        periodStart: z.string(),
        periodEnd: z.string(),
        scope: z.string(),
        status: z.enum(['committed', 'undone']),
        lineCount: z.number(),
        totalFen: z.number(),
        createdBy: z.string().nullable(),
        createdAt: z.string(),
        undoReason: z.string().nullable(),
      }),
    ),
    access: 'fees.read',
    mutates: false,
  }),
  'billing.prepayQuote': call({ input: prepayInput, output: prepayPlan, access: 'payment.collect', mutates: false }),
  'billing.prepayAhead': call({ input: prepayInput, output: prepayPlan, access: 'payment.collect', mutates: true }),
};
