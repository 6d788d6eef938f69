import type { ArrearsRow } from '../../../src-shared/api/calls/arrears';
import {
  RATE_DEFINITIONS,
  type ArrearsDetailRow,
  type CollectionDetailRow,
  type DailyReceiptRow,
  type DailyReport,
  type PrepaidRow,
  type RatesRow,
  type StatementRow,
  type SummaryRow,
} from '../../../src-shared/api/calls/reports';
import { AGING_BUCKETS } from '../../../src-shared/domain/aging';
import { formatYuan } from '../../../src-shared/domain/money';
import type { ColumnSpec, SheetSpec } from './sheetSpec';

/** The report's name and the lines under it (filters, period, who and when), given by the caller. */
export interface SheetHeading {
  title: string;
  meta: string[];
}

const text = (header: string, width = 12): ColumnSpec => ({ header, kind: 'text', width });
const money = (header: string, width = 14): ColumnSpec => ({ header, kind: 'money', width });
const int = (header: string, width = 8, sum = true): ColumnSpec => ({ header, kind: 'int', width, sum });
const rate = (header: string): ColumnSpec => ({ header, kind: 'rate', width: 11 });
const BUCKET = Object.fromEntries(AGING_BUCKETS.map((b) => [b.key, b.label])) as Record<string, string>;
const KIND = { collection: '收款', reversal: '红冲', refund: '退款' } as const;

const receiptColumns = [
  text('收据号', 13), text('类型', 6), text('日期', 11), text('房号', 11), text('付款人', 10), text('收银员', 8),
  money('现金'), money('微信'), money('支付宝'), money('银行卡'), money('转账'), money('合计'), money('转预存'), money('押金'), text('备注', 24),
];
const receiptCells = (r: DailyReceiptRow) => [
  r.number, KIND[r.kind], r.businessDate, r.unitCode, r.payerName, r.cashierName,
  r.tenders.cash, r.tenders.wechat, r.tenders.alipay, r.tenders.card, r.tenders.transfer, r.totalFen, r.toPrepaidFen, r.toDepositFen, r.note,
];

export function dailySheets(d: DailyReport, h: SheetHeading): SheetSpec[] {
  const meta = [...h.meta, `审计链头：第 ${d.auditHead.seq} 条 ${d.auditHead.hash}`];
  const base = { title: h.title, meta };
  const exceptions: Array<[string, DailyReceiptRow[]]> = [
    ['作废', d.voided], ['红冲', d.reversals], ['退款', d.refunds], ['补录', d.manualEntries], ['应急收费', d.fallbacks],
  ];
  return [
    { ...base, name: '按收据', columns: receiptColumns, rows: d.receipts.map(receiptCells), totals: { label: '合计' } },
    {
      ...base,
      name: '按支付方式',
      columns: [text('支付方式', 12), int('笔数', 8), money('金额', 16)],
      rows: d.tenders.map((t) => [t.methodName, t.count, t.amountFen]),
      totals: { label: '合计' },
    },
    {
      ...base,
      name: '按收费项目',
      columns: [text('收费项目', 16), money('本金', 16), money('违约金', 14), money('合计', 16)],
      rows: d.feeItems.map((f) => [f.feeItemName, f.principalFen, f.lateFeeFen, f.totalFen]),
      totals: { label: '合计' },
    },
    {
      ...base,
      name: '作废红冲退款补录',
      columns: [text('类别', 9), ...receiptColumns],
      rows: exceptions.flatMap(([label, rows]) => rows.map((r) => [label, ...receiptCells(r)])),
      notes: ['作废收据不计入合计；红冲、退款以负数计入当日合计；补录按原收据日期列入；同一笔可能同时列在多个类别。'],
    },
    {
      ...base,
      name: '长短款',
      columns: [int('班次', 7, false), text('收银员', 9), text('状态', 8), text('支付方式', 10), money('系统金额'), money('实点金额'), money('长款'), money('短款'), text('说明', 24)],
      rows: d.counts.map((c) => [c.shiftId, c.cashierName, { open: '未交班', counted: '已交班', confirmed: '已确认' }[c.status] ?? c.status, c.methodName, c.systemFen, c.countedFen, c.overFen, c.shortFen, c.note]),
      totals: { label: '合计' },
      notes: ['长款与短款按支付方式分别记录，不相互抵销（RULES §8）。系统金额含现金备用金。'],
    },
  ];
}

export function collectionDetailSheet(rows: CollectionDetailRow[], h: SheetHeading): SheetSpec {
  const CATEGORY = { charge: '本金', late_fee: '违约金', prepaid: '预存', deposit: '押金' } as const;
  return {
    ...h,
    name: '收费明细',
    columns: [
      text('收款日期', 11), text('收据号', 13), text('项目', 12), text('房号', 11), text('付款人', 10), text('收费项目', 14), text('类别', 7),
      text('所属期间起', 11), text('所属期间止', 11), money('金额'), text('支付方式', 12), text('收银员', 8), text('备注', 16),
    ],
    rows: rows.map((r) => [
      r.businessDate, r.number, r.communityName, r.unitCode, r.payerName, r.feeItemName, CATEGORY[r.category],
      r.periodStart, r.periodEnd, r.amountFen, r.methods, r.cashierName, r.flags,
    ]),
    totals: { label: '合计' },
  };
}

export const ARREARS_DETAIL_COLUMNS: ColumnSpec[] = [
  text('项目', 12), text('楼栋', 8), text('房号', 11), text('业主', 10), text('收费项目', 14), text('所属期间起', 11), text('所属期间止', 11),
  text('应缴日期', 11), money('应收'), money('已收'), money('减免'), money('优惠', 10), money('欠费'), int('逾期天数', 9, false), money('违约金'), text('账龄', 10),
];

export const arrearsDetailCells = (r: ArrearsDetailRow) => [
  r.communityName, r.buildingName, r.unitCode, r.ownerName, r.feeItemName, r.periodStart, r.periodEnd, r.dueDate,
  r.receivableFen, r.receivedFen, r.waivedFen, r.discountFen, r.outstandingFen, r.overdueDays, r.lateFeeFen, BUCKET[r.bucket] ?? r.bucket,
];

export function arrearsDetailSheet(rows: ArrearsDetailRow[], h: SheetHeading): SheetSpec {
  return {
    ...h,
    name: '欠费明细',
    columns: ARREARS_DETAIL_COLUMNS,
    rows: rows.map(arrearsDetailCells),
    totals: { label: '合计' },
    notes: ['欠费 = 应收（含调账）− 已收 − 减免 − 优惠；违约金按各行欠费计至截止日，未收取前不入账（RULES §5）。'],
  };
}

export function summarySheet(rows: SummaryRow[], h: SheetHeading): SheetSpec {
  return {
    ...h,
    name: '收费汇总',
    columns: [text('收费项目', 16), text('月份', 9), money('应收'), money('实收-缴款'), money('实收-预存抵扣'), money('实收合计'), money('减免'), money('欠费'), rate('收缴率')],
    rows: rows.map((r) => [r.feeItemName, r.month, r.receivableFen, r.paidFen, r.offsetFen, r.receivedFen, r.waivedFen, r.outstandingFen, r.rate]),
    totals: { label: '合计', rates: [{ column: 8, numerator: 5, denominator: [{ column: 2, sign: 1 }, { column: 6, sign: -1 }] }] },
    notes: [...RATE_DEFINITIONS, '本表收缴率即当期收缴率：实收合计 ÷（应收 − 减免）。'],
  };
}

export function ratesSheet(rows: RatesRow[], h: SheetHeading): SheetSpec {
  return {
    ...h,
    name: '收缴率',
    columns: [
      text('收费项目', 16), money('本期应收'), money('本期减免'), money('本期实收'), rate('当期收缴率'),
      money('期初欠费'), money('清欠金额'), rate('清欠率'), money('期间实收'), rate('综合收缴率'),
    ],
    rows: rows.map((r) => [
      r.feeItemName, r.receivableFen, r.waivedFen, r.currentReceivedFen, r.currentRate,
      r.openingArrearsFen, r.clearedFen, r.clearanceRate, r.periodReceivedFen, r.overallRate,
    ]),
    totals: {
      label: '合计',
      rates: [
        { column: 4, numerator: 3, denominator: [{ column: 1, sign: 1 }, { column: 2, sign: -1 }] },
        { column: 7, numerator: 6, denominator: [{ column: 5, sign: 1 }] },
        { column: 9, numerator: 8, denominator: [{ column: 1, sign: 1 }, { column: 2, sign: -1 }, { column: 5, sign: 1 }] },
      ],
    },
    notes: [...RATE_DEFINITIONS],
  };
}

const bucketColumns = AGING_BUCKETS.map((b) => money(b.label, 13));

export function agingSheets(
  a: { communities: Array<{ communityName: string; units: number; outstandingFen: number; buckets: Record<string, number> }>; rows: ArrearsRow[] },
  h: SheetHeading,
): SheetSpec[] {
  const flagNote = '超过3年的欠费已过诉讼时效（3年），标色提示；账龄按应缴日次日起算。';
  return [
    {
      ...h,
      name: '账龄汇总',
      columns: [text('项目', 14), int('欠费户数', 9), money('欠费合计', 15), ...bucketColumns],
      rows: a.communities.map((c) => [c.communityName, c.units, c.outstandingFen, ...AGING_BUCKETS.map((b) => c.buckets[b.key] ?? 0)]),
      totals: { label: '合计' },
      notes: [flagNote],
    },
    {
      ...h,
      name: '账龄明细',
      columns: [text('项目', 12), text('楼栋', 8), text('房号', 11), text('业主', 10), money('欠费合计', 15), ...bucketColumns, text('最早应缴日', 11), text('时效提示', 16)],
      rows: a.rows.map((r) => [
        r.communityName, r.buildingName, r.unitCode, r.ownerName ?? '', r.outstandingFen, ...AGING_BUCKETS.map((b) => r.buckets[b.key]),
        r.oldestDueDate, r.beyondLimitation ? '超3年，已过诉讼时效' : '',
      ]),
      totals: { label: '合计' },
      flagColumn: 5 + AGING_BUCKETS.length + 1,
      notes: [flagNote],
    },
  ];
}

export function prepaidSheet(rows: PrepaidRow[], h: SheetHeading): SheetSpec {
  return {
    ...h,
    name: '预收款余额',
    columns: [text('项目', 12), text('房号', 11), text('业主', 10), text('预存科目', 14), money('累计存入', 15), money('累计支出', 15), money('余额', 15)],
    rows: rows.map((r) => [r.communityName, r.unitCode, r.ownerName, r.accountName, r.creditedFen, r.debitedFen, r.balanceFen]),
    totals: { label: '合计' },
    notes: ['支出含账单抵扣与退款；抵扣退回计入存入。通用预存可抵扣各项费用，专项预存只抵扣对应收费项目。'],
  };
}

export function statementSheet(s: { openingFen: number; closingFen: number; rows: StatementRow[] }, h: SheetHeading): SheetSpec {
  return {
    ...h,
    name: '业主对账单',
    columns: [text('日期', 11), text('摘要', 24), text('收费项目', 12), text('所属期间', 24), money('应收（借）', 15), money('已收/减免（贷）', 15), { ...money('余额', 15), sum: false }],
    rows: [
      [null, '期初余额', null, null, null, null, s.openingFen],
      ...s.rows.map((r) => [r.date, r.summary, r.feeItemName, r.period, r.debitFen, r.creditFen, r.balanceFen]),
    ],
    totals: { label: '本期合计' },
    notes: [`期末余额 ${formatYuan(s.closingFen)} = 期初余额 + 本期应收 − 本期已收/减免；余额为正表示欠费，为负表示多缴（预交）。`],
  };
}
