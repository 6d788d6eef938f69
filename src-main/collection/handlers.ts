import type { collectionCalls } from '../../src-shared/api/calls/collection';
import { formatYuan } from '../../src-shared/domain/money';
import { deciderId } from '../auth/approval';
import type { DomainHandlers } from '../ipc/types';
import { unitAccount } from './accountView';
import { collectQuote } from './collectQuote';
import { collectPayment, replayOf } from './collectService';
import { addOneOffCharge } from './oneOffCharges';
import { listReceipts, receiptDetail, reprintReceipt, setInvoiceNo } from './receipts';
import { reversePayment, voidPayment } from './voidReverse';
import { decideWaiver, waive } from './waivers';

export const collectionHandlers = {
  'collection.quote': (input, ctx) => collectQuote(ctx.app, input),
  'collection.collect': (input, ctx) => {
    const userId = ctx.session!.userId;
    // A repeated request answers with the first result and writes nothing, not even an audit entry.
    const replay = replayOf(ctx.app, userId, input);
    if (replay) return replay;
    // The summary needs the receipt number, known only once the payment is posted; the router
    // appends the audit entry after the writes, inside the same transaction.
    const audit = { entity: 'payment', summary: '' };
    return ctx.write(audit, () => {
      const r = collectPayment(ctx.app, userId, input);
      audit.entity = `payment:${r.paymentId}`;
      audit.summary =
        `收款 ${r.receiptNo}：房屋#${input.unitId} ${input.payerName} 实收 ${formatYuan(r.tenderedFen)}` +
        `（冲账 ${formatYuan(r.allocatedFen)}，预存抵扣 ${formatYuan(r.prepaidUsedFen)}，转预存 ${formatYuan(r.toPrepaidFen)}，押金 ${formatYuan(r.toDepositFen)}，找零 ${formatYuan(r.changeFen)}）`;
      return r;
    });
  },
  'collection.receipt': (input, ctx) => receiptDetail(ctx.app, input.receiptId),
  'collection.reprint': (input, ctx) => {
    const audit = { entity: `receipt:${input.receiptId}`, summary: '' };
    return ctx.write(audit, () => {
      const r = reprintReceipt(ctx.app, input.receiptId);
      audit.summary = `补打收据 ${r.number}（第 ${r.reprintCount} 次）`;
      return r;
    });
  },
  'collection.setInvoiceNo': (input, ctx) => {
    const audit = { entity: `receipt:${input.receiptId}`, summary: '' };
    return ctx.write(audit, () => {
      const r = setInvoiceNo(ctx.app, input.receiptId, input.invoiceNo);
      audit.summary = `登记发票号 ${r.invoiceNo}${r.previous ? `（原 ${r.previous}）` : ''}`;
      return { receiptId: r.receiptId, invoiceNo: r.invoiceNo };
    });
  },
  'collection.void': (input, ctx) => {
    const audit = { entity: `payment:${input.paymentId}`, summary: '' };
    return ctx.write(audit, () => {
      const r = voidPayment(ctx.app, ctx.session!.userId, input, deciderId(ctx));
      audit.summary = `作废收据 ${r.receiptNo}，原因：${input.reason}`;
      return r;
    });
  },
  'collection.reverse': (input, ctx) => {
    const audit = { entity: `payment:${input.paymentId}`, summary: '' };
    return ctx.write(audit, () => {
      const r = reversePayment(ctx.app, ctx.session!.userId, input);
      audit.summary = `冲红收款#${input.paymentId}，红冲收据 ${r.receiptNo} ${formatYuan(r.tenderedFen)}，原因：${input.reason}`;
      return r;
    });
  },
  'collection.listReceipts': (input, ctx) => listReceipts(ctx.app, input, ctx.session!.communityIds),
  'collection.waive': (input, ctx) => {
    const audit = { entity: `bill_line:${input.lineId}`, summary: '' };
    return ctx.write(audit, () => {
      const r = waive(ctx.app, ctx.session!.userId, input);
      audit.summary = `减免 ${formatYuan(r.amountFen)}（${r.status === 'live' ? '已生效' : '待主管审批'}），原因：${input.reason}`;
      return { waiverId: r.waiverId, lineId: r.lineId, amountFen: r.amountFen, status: r.status, outstandingFen: r.outstandingFen };
    });
  },
  'collection.approveWaiver': (input, ctx) => {
    const audit = { entity: `waiver:${input.waiverId}`, summary: '' };
    return ctx.write(audit, () => {
      const r = decideWaiver(ctx.app, deciderId(ctx), input);
      audit.summary = `${r.status === 'live' ? '批准' : '驳回'}减免 ${formatYuan(r.amountFen)}（账单#${r.lineId}）`;
      return { waiverId: r.waiverId, status: r.status, outstandingFen: r.outstandingFen };
    });
  },
  'collection.addOneOffCharge': (input, ctx) => {
    const audit = { entity: `unit:${input.unitId}`, summary: '' };
    return ctx.write(audit, () => {
      const r = addOneOffCharge(ctx.app, ctx.session!.userId, input);
      audit.entity = `bill_line:${r.lineId}`;
      audit.summary = `一次性收费 ${r.unitCode} ${r.feeItemName} ${formatYuan(r.amountFen)}：${input.note}`;
      return { lineId: r.lineId, amountFen: r.amountFen, dueDate: r.dueDate };
    });
  },
  'collection.account': (input, ctx) => unitAccount(ctx.app, input.unitId, input.asOf),
} satisfies DomainHandlers<typeof collectionCalls>;
