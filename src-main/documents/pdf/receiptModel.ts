import { businessDateTime } from '../../../src-shared/domain/businessTime';
import type { AppContext } from '../../app/context';
import { receiptDetail } from '../../collection/receipts';
import { getMeta } from '../../system/meta';
import { getSettings } from '../../system/settings';
import { periodText } from './kit';
import type { ReceiptModel } from './models';

export function isTraining(app: AppContext): boolean {
  return getMeta(app, 'training') === '1';
}

export function sealImageOf(app: AppContext): string | null {
  const seal = getSettings(app).sealImage;
  return seal.startsWith('data:image/png;base64,') ? seal : null;
}

/**
 * The printed receipt, read from the ledger: the 作废 and 补打 marks come from the receipt's own
 * status and reprint count, so a caller can neither add nor hide them.
 */
export function receiptModel(app: AppContext, receiptId: number): ReceiptModel {
  const d = receiptDetail(app, receiptId);
  const notes: string[] = [];
  if (d.kind === 'reversal' && d.reversesReceiptNo) notes.push(`红冲原收据 ${d.reversesReceiptNo}`);
  if (d.manualEntry) notes.push('补录手工收据');
  if (d.fallback) notes.push('应急收费');
  if (d.status === 'voided' && d.voidReason) notes.push(`作废原因：${d.voidReason}`);
  return {
    companyName: d.companyName,
    receiptNo: d.number,
    title: d.kind === 'reversal' ? '收款收据（红冲）' : '收款收据',
    businessDate: d.businessDate,
    issuedAt: businessDateTime(new Date(d.issuedAt), app.clock.timeZone),
    payerName: d.payerName,
    unitLabel: `${d.communityName} ${d.unitCode}`,
    items: d.items.map((i) => ({
      name: i.feeItemName,
      period: periodText(i.periodStart, i.periodEnd),
      quantity: i.quantity,
      unitPrice: i.unitPrice,
      amountFen: i.amountFen,
      paidFen: i.paidFen,
      lateFeeFen: i.lateFeeFen,
      waivedFen: i.waivedFen,
    })),
    lateFeeFen: d.items.reduce((s, i) => s + i.lateFeeFen, 0),
    waivedFen: d.items.reduce((s, i) => s + i.waivedFen, 0),
    prepaidUsedFen: d.prepaidUsedFen,
    toPrepaidFen: d.toPrepaidFen,
    toDepositFen: d.toDepositFen,
    totalFen: d.totalFen,
    totalWords: d.totalWords,
    tenders: d.tenders.map((t) => ({ methodName: t.methodName, amountFen: t.amountFen, reference: t.reference })),
    cashGivenFen: d.cashGivenFen,
    changeFen: d.changeFen,
    cashierName: d.cashierName,
    invoiceNo: d.invoiceNo,
    note: notes.join('；'),
    sealImage: sealImageOf(app),
    marks: { training: isTraining(app), voided: d.status === 'voided', reprintCount: d.reprintCount },
  };
}
