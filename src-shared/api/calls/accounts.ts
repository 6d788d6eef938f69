import { z } from 'zod';
import { call } from '../define';
import { collectInput, collectResult } from './collection';

/** Prepaid balances and deposits of a unit, refunds (退费) and adjustments (调账): RULES §4, §6. */

const id = (what: string) => z.number({ error: `请选择${what}` }).int(`${what}编号有误`).positive(`${what}编号有误`);
const MAX_FEN = 100_000_000_000;
const positiveFen = z
  .number({ error: '请输入金额' })
  .int('金额必须精确到分')
  .positive('金额必须大于零')
  .max(MAX_FEN, '金额过大');
const reason = z.string({ error: '请填写原因' }).trim().min(1, '请填写原因').max(200, '原因最多 200 个字');
const payout = z.enum(['original', 'cash', 'prepaid'], { error: '请选择退款方式：原路退回、现金或转入预存' });
const tenderMethod = z.enum(['cash', 'wechat', 'alipay', 'card', 'transfer']);

const refundView = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitCode: z.string(),
  source: z.enum(['payment', 'prepaid', 'deposit']),
  paymentId: z.number().int().nullable(),
  prepaidAccountId: z.number().int().nullable(),
  depositId: z.number().int().nullable(),
  allocationIds: z.array(z.number().int()),
  /** For a deposit: the whole deposit settled; kept + paid out = amount. */
  amountFen: z.number().int(),
  keptFen: z.number().int(),
  keptFeeItemId: z.number().int().nullable(),
  payoutFen: z.number().int(),
  payout,
  reason: z.string(),
  status: z.enum(['requested', 'approved', 'rejected', 'executed']),
  requestedBy: z.string(),
  approvedBy: z.string().nullable(),
  executedBy: z.string().nullable(),
  voucherNo: z.string().nullable(),
  refundPaymentId: z.number().int().nullable(),
  tenders: z.array(z.object({ method: tenderMethod, amountFen: z.number().int(), reference: z.string() })),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  executedAt: z.string().nullable(),
});
export type RefundView = z.infer<typeof refundView>;

const adjustmentView = z.object({
  id: z.number().int(),
  lineId: z.number().int(),
  unitId: z.number().int(),
  unitCode: z.string(),
  feeItemName: z.string(),
  periodStart: z.string(),
  amountFen: z.number().int(),
  reason: z.string(),
  status: z.enum(['requested', 'approved', 'rejected']),
  requestedBy: z.string(),
  approvedBy: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  lineOutstandingFen: z.number().int(),
});
export type AdjustmentView = z.infer<typeof adjustmentView>;

const balancesOutput = z.object({
  unitId: z.number().int(),
  unitCode: z.string(),
  accounts: z.array(
    z.object({
      accountId: z.number().int(),
      feeItemId: z.number().int().nullable(),
      /** 通用预存 for the general account. */
      name: z.string(),
      balanceFen: z.number().int().nonnegative(),
      recentEntries: z.array(
        z.object({
          id: z.number().int(),
          kind: z.enum(['deposit', 'opening', 'offset', 'offset_return', 'refund']),
          amountFen: z.number().int(),
          businessDate: z.string(),
          paymentId: z.number().int().nullable(),
          offsetId: z.number().int().nullable(),
          refundId: z.number().int().nullable(),
        }),
      ),
    }),
  ),
  totalPrepaidFen: z.number().int().nonnegative(),
  monthlyChargeFen: z.number().int().nonnegative(),
  /** RULES §6: prepaid beyond the setting's months is warned about, not refused. */
  warning: z.string().nullable(),
  deposits: z.array(
    z.object({
      depositId: z.number().int(),
      kind: z.string(),
      amountFen: z.number().int(),
      status: z.enum(['held', 'settled', 'voided']),
      paymentId: z.number().int(),
      createdAt: z.string(),
    }),
  ),
  heldDepositsFen: z.number().int().nonnegative(),
});

export const accountsCalls = {
  'accounts.balances': call({
    input: z.object({ unitId: id('房屋') }).strict(),
    output: balancesOutput,
    access: 'account.read',
    mutates: false,
  }),
  'accounts.depositPrepaid': call({
    input: collectInput
      .pick({ idempotencyKey: true, unitId: true, payerName: true, tenders: true, cashGivenFen: true })
      .extend({ feeItemId: id('收费项目').nullable().default(null) })
      .strict(),
    output: collectResult.extend({
      /** The account's balance after the deposit. */
      balanceFen: z.number().int().nonnegative(),
      warning: z.string().nullable(),
    }),
    access: 'payment.collect',
    mutates: true,
  }),
  'accounts.requestRefund': call({
    input: z.discriminatedUnion(
      'source',
      [
        z
          .object({
            source: z.literal('payment'),
            paymentId: id('原收款'),
            allocationIds: z.array(id('退款明细')).min(1, '请选择要退的收费明细').max(500),
            payout,
            reason,
          })
          .strict(),
        z
          .object({
            source: z.literal('prepaid'),
            unitId: id('房屋'),
            feeItemId: id('收费项目').nullable().default(null),
            amountFen: positiveFen,
            payout: z.literal('cash', { error: '预存余额只能以现金退出' }).default('cash'),
            reason,
          })
          .strict(),
      ],
      { error: '请选择退款来源：原收款或预存余额' },
    ),
    output: refundView,
    access: 'refund.request',
    mutates: true,
  }),
  'accounts.settleDeposit': call({
    input: z
      .object({
        depositId: id('押金'),
        /** Kept as revenue (e.g. damage); needs the refund's approval like the rest. */
        keptFen: z.number().int('金额必须精确到分').nonnegative('扣留金额不能为负').max(MAX_FEN).default(0),
        keptFeeItemId: id('扣款收费项目').nullable().default(null),
        payout,
        reason,
      })
      .strict(),
    output: refundView,
    access: 'refund.request',
    mutates: true,
  }),
  'accounts.approveRefund': call({
    input: z.object({ refundId: id('退款申请') }).strict(),
    output: refundView,
    access: 'refund.approve',
    mutates: true,
    approvable: true,
  }),
  'accounts.rejectRefund': call({
    input: z.object({ refundId: id('退款申请'), reason }).strict(),
    output: refundView,
    access: 'refund.approve',
    mutates: true,
    approvable: true,
  }),
  'accounts.executeRefund': call({
    input: z.object({ refundId: id('退款申请') }).strict(),
    output: refundView,
    access: 'refund.execute',
    mutates: true,
  }),
  'accounts.listRefunds': call({
    input: z
      .object({
        unitId: id('房屋').optional(),
        status: z.enum(['requested', 'approved', 'rejected', 'executed']).optional(),
      })
      .strict(),
    output: z.object({ refunds: z.array(refundView) }),
    access: 'account.read',
    mutates: false,
  }),
  'accounts.requestAdjustment': call({
    input: z
      .object({
        lineId: id('账单'),
        amountFen: z
          .number({ error: '请输入调账金额' })
          .int('金额必须精确到分')
          .refine((n) => n !== 0, '调账金额不能为零')
          .refine((n) => Math.abs(n) <= MAX_FEN, '金额过大'),
        reason,
      })
      .strict(),
    output: adjustmentView,
    access: 'adjustment.request',
    mutates: true,
  }),
  'accounts.approveAdjustment': call({
    input: z.object({ adjustmentId: id('调账申请') }).strict(),
    output: adjustmentView,
    access: 'adjustment.approve',
    mutates: true,
    approvable: true,
  }),
  'accounts.rejectAdjustment': call({
    input: z.object({ adjustmentId: id('调账申请'), reason }).strict(),
    output: adjustmentView,
    access: 'adjustment.approve',
    mutates: true,
    approvable: true,
  }),
  'accounts.listAdjustments': call({
    input: z
      .object({
        unitId: id('房屋').optional(),
        status: z.enum(['requested', 'approved', 'rejected']).optional(),
      })
      .strict(),
    output: z.object({ adjustments: z.array(adjustmentView) }),
    access: 'account.read',
    mutates: false,
  }),
};
