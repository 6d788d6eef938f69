import { z } from 'zod';
import { AGING_BUCKET_KEYS } from '../../domain/aging';
import { call } from '../define';
import { isoDate } from '../schemas';
import { arrearsRow } from './arrears';

/**
 * Finance reports (RULES §9). Each `reports.<name>` returns what the screen shows; the matching
 * `reports.export<Name>` takes the same filters and returns the .xlsx, built from the same query
 * function, so the two agree row for row. Money is integer fen here; yuan appear only in the cells.
 */

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const id = z.number().int().positive();
const fen = z.number().int();
const rate = z.number().nullable();
const paging = { offset: z.number().int().nonnegative().default(0), limit: z.number().int().positive().max(500).default(100) };

/** RULES §9, printed under the 收缴率 and 收费汇总 sheets and shown beside them on screen. */
export const RATE_DEFINITIONS = [
  '口径说明（RULES §9）：',
  '应收：某期间的账单行（不含已作废账单，含已审批调账），不含违约金。',
  '当期收缴率 = 截至报表日对本期账单的实收（缴款与预存抵扣） ÷ （本期应收 − 本期账单的减免）。',
  '清欠率 = 报表期间内对以前期间账单的实收 ÷ 以前期间账单在报表期初的欠费。',
  '综合收缴率 = 报表期间内的全部实收（本期及以前期间账单） ÷ （本期应收 − 本期减免 + 期初以前期间欠费）。',
  '日报与明细按收款日期统计；收缴率与汇总按账单所属期间统计。减免含优惠；实收只计仍有效的缴款与抵扣（作废、红冲、退款的不计）。',
] as const;

export const fileRef = z.object({ fileId: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number().int().nonnegative() });

/** Payload of `progress` events sent while a large export is written. */
export interface ExportProgress {
  task: 'report.export';
  report: string;
  jobId: string;
  done: number;
  total: number;
}

// 收费日报 ---------------------------------------------------------------------------------------
export const dailyFilter = z
  .object({ date: isoDate.optional(), shiftId: id.optional() })
  .strict()
  .refine((f) => (f.date === undefined) !== (f.shiftId === undefined), '请选择日期或班次（二选一）');

const paymentKind = z.enum(['collection', 'reversal', 'refund']);
export const dailyReceiptRow = z.object({
  paymentId: id,
  number: z.string(),
  kind: paymentKind,
  status: z.enum(['posted', 'voided']),
  businessDate: isoDate,
  unitCode: z.string(),
  payerName: z.string(),
  cashierName: z.string(),
  tenders: z.object({ cash: fen, wechat: fen, alipay: fen, card: fen, transfer: fen }),
  totalFen: fen,
  toPrepaidFen: fen,
  toDepositFen: fen,
  manualEntry: z.boolean(),
  fallback: z.boolean(),
  originalAt: z.string().nullable(),
  note: z.string(),
});
export type DailyReceiptRow = z.infer<typeof dailyReceiptRow>;

export const dailyReport = z.object({
  date: isoDate.nullable(),
  shiftId: id.nullable(),
  receipts: z.array(dailyReceiptRow),
  tenders: z.array(z.object({ method: z.string(), methodName: z.string(), count: z.number().int(), amountFen: fen })),
  feeItems: z.array(z.object({ feeItemName: z.string(), principalFen: fen, lateFeeFen: fen, totalFen: fen })),
  voided: z.array(dailyReceiptRow),
  reversals: z.array(dailyReceiptRow),
  refunds: z.array(dailyReceiptRow),
  manualEntries: z.array(dailyReceiptRow),
  fallbacks: z.array(dailyReceiptRow),
  counts: z.array(
    z.object({
      shiftId: id, cashierName: z.string(), status: z.string(), method: z.string(), methodName: z.string(),
      systemFen: fen, countedFen: fen, overFen: fen, shortFen: fen, note: z.string(),
    }),
  ),
  totalFen: fen,
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }),
});
export type DailyReport = z.infer<typeof dailyReport>;

// 收费明细 ---------------------------------------------------------------------------------------
export const collectionDetailFilter = z
  .object({
    dateFrom: isoDate,
    dateTo: isoDate,
    communityId: id.optional(),
    unitId: id.optional(),
    feeItemId: id.optional(),
    cashierId: id.optional(),
    method: z.enum(['cash', 'wechat', 'alipay', 'card', 'transfer']).optional(),
  })
  .strict()
  .refine((f) => f.dateFrom <= f.dateTo, '开始日期不能晚于结束日期');
export type CollectionDetailFilter = z.infer<typeof collectionDetailFilter>;

export const collectionDetailRow = z.object({
  businessDate: isoDate,
  number: z.string(),
  kind: paymentKind,
  communityName: z.string(),
  unitCode: z.string(),
  payerName: z.string(),
  category: z.enum(['charge', 'late_fee', 'prepaid', 'deposit']),
  feeItemName: z.string(),
  periodStart: isoDate.nullable(),
  periodEnd: isoDate.nullable(),
  amountFen: fen,
  methods: z.string(),
  cashierName: z.string(),
  flags: z.string(),
});
export type CollectionDetailRow = z.infer<typeof collectionDetailRow>;

// 欠费明细 ---------------------------------------------------------------------------------------
export const arrearsDetailFilter = z
  .object({ asOf: isoDate.optional(), communityId: id.optional(), buildingId: id.optional(), feeItemId: id.optional(), unitId: id.optional() })
  .strict();
export type ArrearsDetailFilter = z.infer<typeof arrearsDetailFilter>;

export const arrearsDetailRow = z.object({
  lineId: id,
  communityName: z.string(),
  buildingName: z.string(),
  unitCode: z.string(),
  ownerName: z.string(),
  feeItemName: z.string(),
  kind: z.enum(['charge', 'late_fee']),
  periodStart: isoDate,
  periodEnd: isoDate,
  dueDate: isoDate,
  receivableFen: fen,
  receivedFen: fen,
  waivedFen: fen,
  discountFen: fen,
  outstandingFen: fen,
  overdueDays: z.number().int(),
  lateFeeFen: fen,
  bucket: z.enum(AGING_BUCKET_KEYS),
});
export type ArrearsDetailRow = z.infer<typeof arrearsDetailRow>;

// 收费汇总 and 收缴率 -----------------------------------------------------------------------------
export const summaryFilter = z
  .object({ monthFrom: month, monthTo: month, asOf: isoDate.optional(), communityId: id.optional() })
  .strict()
  .refine((f) => f.monthFrom <= f.monthTo, '开始月份不能晚于结束月份');
export type SummaryFilter = z.infer<typeof summaryFilter>;

export const summaryRow = z.object({
  feeItemName: z.string(),
  month,
  receivableFen: fen,
  paidFen: fen,
  offsetFen: fen,
  receivedFen: fen,
  waivedFen: fen,
  outstandingFen: fen,
  rate,
});
export type SummaryRow = z.infer<typeof summaryRow>;

export const ratesRow = z.object({
  feeItemName: z.string(),
  receivableFen: fen,
  waivedFen: fen,
  currentReceivedFen: fen,
  currentRate: rate,
  openingArrearsFen: fen,
  clearedFen: fen,
  clearanceRate: rate,
  periodReceivedFen: fen,
  overallRate: rate,
});
export type RatesRow = z.infer<typeof ratesRow>;

// 账龄分析, 预收款余额表, 业主对账单 -------------------------------------------------------------------
export const agingFilter = z.object({ asOf: isoDate.optional(), communityId: id.optional() }).strict();

export const prepaidFilter = z.object({ asOf: isoDate.optional(), communityId: id.optional() }).strict();
export const prepaidRow = z.object({
  communityName: z.string(),
  unitCode: z.string(),
  ownerName: z.string(),
  accountName: z.string(),
  creditedFen: fen,
  debitedFen: fen,
  balanceFen: fen,
});
export type PrepaidRow = z.infer<typeof prepaidRow>;

export const statementFilter = z
  .object({ unitId: id, dateFrom: isoDate, dateTo: isoDate })
  .strict()
  .refine((f) => f.dateFrom <= f.dateTo, '开始日期不能晚于结束日期');
export const statementRow = z.object({
  date: isoDate,
  summary: z.string(),
  feeItemName: z.string(),
  period: z.string(),
  debitFen: fen,
  creditFen: fen,
  balanceFen: fen,
});
export type StatementRow = z.infer<typeof statementRow>;

const bucketTotals = z.object(Object.fromEntries(AGING_BUCKET_KEYS.map((k) => [k, fen])) as Record<(typeof AGING_BUCKET_KEYS)[number], typeof fen>);

export const agingReport = z.object({
  asOf: isoDate,
  communities: z.array(z.object({ communityId: id, communityName: z.string(), units: z.number().int(), outstandingFen: fen, buckets: bucketTotals })),
  total: z.object({ units: z.number().int(), outstandingFen: fen, buckets: bucketTotals }),
  rows: z.array(arrearsRow),
});

const paged = <T extends z.ZodType>(row: T) => z.object({ total: z.number().int(), rows: z.array(row) });
const exportOf = <I extends z.ZodType>(input: I, access: 'reports.read' | 'account.read' = 'reports.read') =>
  call({ input, output: fileRef, access, mutates: false });

export const reportsCalls = {
  'reports.daily': call({ input: dailyFilter, output: dailyReport, access: 'reports.read', mutates: false }),
  'reports.exportDaily': exportOf(dailyFilter),
  'reports.collectionDetail': call({
    input: collectionDetailFilter.safeExtend(paging),
    output: paged(collectionDetailRow).extend({ totalFen: fen }),
    access: 'reports.read',
    mutates: false,
  }),
  'reports.exportCollectionDetail': exportOf(collectionDetailFilter),
  'reports.arrearsDetail': call({
    input: arrearsDetailFilter.extend(paging),
    output: paged(arrearsDetailRow).extend({ asOf: isoDate, outstandingFen: fen, lateFeeFen: fen }),
    access: 'reports.read',
    mutates: false,
  }),
  'reports.exportArrearsDetail': exportOf(arrearsDetailFilter),
  'reports.summary': call({ input: summaryFilter, output: z.object({ asOf: isoDate, rows: z.array(summaryRow) }), access: 'reports.read', mutates: false }),
  'reports.exportSummary': exportOf(summaryFilter),
  'reports.rates': call({
    input: summaryFilter,
    output: z.object({ asOf: isoDate, periodStart: isoDate, periodEnd: isoDate, rows: z.array(ratesRow), total: ratesRow }),
    access: 'reports.read',
    mutates: false,
  }),
  'reports.exportRates': exportOf(summaryFilter),
  'reports.aging': call({ input: agingFilter.extend(paging), output: agingReport, access: 'reports.read', mutates: false }),
  'reports.exportAging': exportOf(agingFilter),
  'reports.prepaid': call({
    input: prepaidFilter.extend(paging),
    output: paged(prepaidRow).extend({ asOf: isoDate, balanceFen: fen }),
    access: 'reports.read',
    mutates: false,
  }),
  'reports.exportPrepaid': exportOf(prepaidFilter),
  // The desk prints the statement when a unit changes owner (RULES §2), so a cashier may read it.
  'reports.statement': call({
    input: statementFilter,
    output: z.object({ unitCode: z.string(), ownerName: z.string(), openingFen: fen, closingFen: fen, prepaidFen: fen, rows: z.array(statementRow) }),
    access: 'account.read',
    mutates: false,
  }),
  'reports.exportStatement': exportOf(statementFilter, 'account.read'),
};
