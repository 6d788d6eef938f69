/**
 * Document models: plain, serialisable objects built from the ledger by the query functions
 * beside them. The PDF renderers (and the print shell's HTML) are pure functions of these, so a
 * model can cross to a worker thread or a print window unchanged.
 */

export const RECEIPT_LAYOUTS = ['a4', 'triplicate', 'thermal80'] as const;
export type ReceiptLayout = (typeof RECEIPT_LAYOUTS)[number];

/** What the ledger says about a document, never what the caller asks for. */
export interface DocumentMarks {
  /** meta training = '1': a practice ledger; every page says 培训. */
  training: boolean;
  /** 作废 (receipts only). */
  voided: boolean;
  /** 补打 (第N次) when above 0 (receipts only). */
  reprintCount: number;
}

export interface ReceiptItem {
  name: string;
  period: string;
  quantity: string;
  unitPrice: string;
  amountFen: number;
  paidFen: number;
  lateFeeFen: number;
  waivedFen: number;
}

export interface ReceiptModel {
  companyName: string;
  receiptNo: string;
  /** '收款收据', or the 红冲 title for a reversal. */
  title: string;
  businessDate: string;
  /** Local wall-clock time, 'YYYY-MM-DD HH:mm:ss'. */
  issuedAt: string;
  payerName: string;
  unitLabel: string;
  items: ReceiptItem[];
  lateFeeFen: number;
  waivedFen: number;
  prepaidUsedFen: number;
  toPrepaidFen: number;
  toDepositFen: number;
  totalFen: number;
  totalWords: string;
  tenders: Array<{ methodName: string; amountFen: number; reference: string }>;
  cashGivenFen: number | null;
  changeFen: number;
  cashierName: string;
  invoiceNo: string | null;
  note: string;
  /** PNG as a data URL, from settings; null leaves the seal box empty for a stamp. */
  sealImage: string | null;
  marks: DocumentMarks;
}

export interface NoticeLine {
  name: string;
  period: string;
  dueDate: string;
  amountFen: number;
  outstandingFen: number;
  overdueDays: number;
  lateFeeFen: number;
}

/** 缴费通知单 and 催缴通知单 share one shape; the kind picks the wording. */
export interface NoticeModel {
  kind: 'payment' | 'dunning';
  companyName: string;
  unitLabel: string;
  payerName: string;
  /** 'YYYY-MM' for a payment notice; the as-of date for a dunning notice. */
  period: string;
  asOf: string;
  issueDate: string;
  lines: NoticeLine[];
  /** Arrears from before the period (payment notice only). */
  earlierFen: number;
  principalFen: number;
  lateFeeFen: number;
  totalFen: number;
  totalWords: string;
  prepaidFen: number;
  training: boolean;
}

export interface StatementModel {
  companyName: string;
  unitLabel: string;
  payerName: string;
  from: string;
  to: string;
  issueDate: string;
  bills: Array<{ name: string; period: string; dueDate: string; amountFen: number; outstandingFen: number }>;
  payments: Array<{ date: string; receiptNo: string; kind: string; amountFen: number; status: string }>;
  billedFen: number;
  paidFen: number;
  /** Owed now across all periods, and held as prepaid now. */
  outstandingFen: number;
  prepaidFen: number;
  training: boolean;
}

export interface PublicityModel {
  companyName: string;
  communityName: string;
  asOf: string;
  rows: Array<{ item: string; basis: string; priceType: string; price: string; method: string; target: string; startDate: string }>;
  complaintLine: string;
  training: boolean;
}

export interface DailyReportModel {
  companyName: string;
  /** '收银员 张三 · 班次 12' or '全部收银员'. */
  scope: string;
  date: string;
  payments: Array<{ receiptNo: string; unitCode: string; payerName: string; kind: string; status: string; methods: string; amountFen: number }>;
  byMethod: Array<{ methodName: string; amountFen: number }>;
  postedCount: number;
  voidedCount: number;
  totalFen: number;
  totalWords: string;
  auditHead: { seq: number; hash: string };
  printedAt: string;
  training: boolean;
}

export type NoticeDocument = { type: 'notice'; model: NoticeModel } | { type: 'statement'; model: StatementModel };
