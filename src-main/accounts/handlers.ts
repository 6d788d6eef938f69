import type { accountsCalls } from '../../src-shared/api/calls/accounts';
import { formatYuan } from '../../src-shared/domain/money';
import { deciderId } from '../auth/approval';
import type { DomainHandlers } from '../ipc/types';
import { unitBalances } from './accountView';
import { approveAdjustment, listAdjustments, rejectAdjustment, requestAdjustment } from './adjustments';
import { actingUser, writeAudited } from './callSupport';
import { depositPrepaid, replayedDeposit } from './prepaidDeposit';
import { executeRefund } from './refundExecution';
import { approveRefund, listRefunds, rejectRefund, requestRefund, settleDeposit } from './refundRequests';

const SOURCE_NAMES = { payment: '收款', prepaid: '预存余额', deposit: '押金' } as const;

export const accountsHandlers = {
  'accounts.balances': (input, ctx) => unitBalances(ctx.app, input.unitId),
  'accounts.depositPrepaid': (input, ctx) => {
    const userId = actingUser(ctx);
    // A repeated request answers with the first result and writes nothing, not even an audit entry.
    const replay = replayedDeposit(ctx.app, userId, input);
    if (replay) return replay;
    return writeAudited(ctx, () => {
      const value = depositPrepaid(ctx.app, userId, input);
      return {
        value,
        entity: `payment:${value.paymentId}`,
        summary: `预存 ${value.receiptNo}：房屋#${input.unitId} ${input.payerName} ${formatYuan(value.toPrepaidFen)}${input.feeItemId === null ? '' : `（专项：收费项目#${input.feeItemId}）`}`,
      };
    });
  },
  'accounts.requestRefund': (input, ctx) =>
    writeAudited(ctx, () => {
      const value = requestRefund(ctx.app, actingUser(ctx), input);
      return {
        value,
        entity: `refund:${value.id}`,
        summary: `申请退款（${SOURCE_NAMES[value.source]}）${value.unitCode} ${formatYuan(value.amountFen)}：${value.reason}`,
      };
    }),
  'accounts.settleDeposit': (input, ctx) =>
    writeAudited(ctx, () => {
      const value = settleDeposit(ctx.app, actingUser(ctx), input);
      return {
        value,
        entity: `refund:${value.id}`,
        summary: `申请退还押金 ${value.unitCode} ${formatYuan(value.amountFen)}，扣留 ${formatYuan(value.keptFen)}：${value.reason}`,
      };
    }),
  'accounts.approveRefund': (input, ctx) =>
    ctx.write({ entity: `refund:${input.refundId}`, summary: `批准退款申请 ${input.refundId}` }, () =>
      approveRefund(ctx.app, deciderId(ctx), input.refundId),
    ),
  'accounts.rejectRefund': (input, ctx) =>
    ctx.write({ entity: `refund:${input.refundId}`, summary: `驳回退款申请 ${input.refundId}：${input.reason}` }, () =>
      rejectRefund(ctx.app, deciderId(ctx), input.refundId),
    ),
  'accounts.executeRefund': (input, ctx) =>
    writeAudited(ctx, () => {
      const value = executeRefund(ctx.app, actingUser(ctx), input.refundId);
      return {
        value,
        entity: `refund:${value.id}`,
        summary: `执行退款 ${value.voucherNo} ${value.unitCode} 退出 ${formatYuan(value.payoutFen)}${value.payout === 'prepaid' ? '（转入预存）' : ''}`,
      };
    }),
  'accounts.listRefunds': (input, ctx) => ({ refunds: listRefunds(ctx.app, input, ctx.session!.communityIds) }),
  'accounts.requestAdjustment': (input, ctx) =>
    writeAudited(ctx, () => {
      const value = requestAdjustment(ctx.app, actingUser(ctx), input);
      return {
        value,
        entity: `adjustment:${value.id}`,
        summary: `申请调账 账单 ${value.lineId}（${value.unitCode} ${value.feeItemName}）${formatYuan(value.amountFen)}：${value.reason}`,
      };
    }),
  'accounts.approveAdjustment': (input, ctx) =>
    ctx.write({ entity: `adjustment:${input.adjustmentId}`, summary: `批准调账申请 ${input.adjustmentId}` }, () =>
      approveAdjustment(ctx.app, deciderId(ctx), input.adjustmentId),
    ),
  'accounts.rejectAdjustment': (input, ctx) =>
    ctx.write({ entity: `adjustment:${input.adjustmentId}`, summary: `驳回调账申请 ${input.adjustmentId}：${input.reason}` }, () =>
      rejectAdjustment(ctx.app, deciderId(ctx), input.adjustmentId),
    ),
  'accounts.listAdjustments': (input, ctx) => ({ adjustments: listAdjustments(ctx.app, input, ctx.session!.communityIds) }),
} satisfies DomainHandlers<typeof accountsCalls>;
