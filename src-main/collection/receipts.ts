import { TENDER_NAMES, type ReceiptDetail, type TenderMethod } from '../../src-shared/api/calls/collection';
import { toChineseUppercase } from '../../src-shared/domain/money';
import type { AppContext } from '../app/context';
import { scopeParam } from '../auth/scope';
import { AppFailure } from '../ipc/failure';
import { formatNumber } from '../ledger/series';
import { getMeta } from '../system/meta';
import { receiptNoOf } from './paymentResult';

interface ReceiptRow {
  id: number;
  number: number;
  prefix: string;
  status: 'issued' | 'voided';
  business_date: string;
  issued_at: string;
  reprint_count: number;
  invoice_no: string | null;
  void_reason: string | null;
  payment_id: number;
}

function receiptRow(app: AppContext, receiptId: number): ReceiptRow {
  const row = app.sqlite
    .prepare(
      `SELECT r.id, r.number, s.prefix, r.status, r.business_date, r.issued_at, r.reprint_count, r.invoice_no, r.void_reason, r.payment_id
       FROM receipts r JOIN receipt_series s ON s.id = r.series_id WHERE r.id = ?`,
    )
    .get(receiptId) as ReceiptRow | undefined;
  if (!row || row.payment_id === null) throw new AppFailure('NOT_FOUND', '收据不存在');
  return row;
}

/** Lines paid by a payment (and by the prepaid it used), one item per principal line. */
function items(app: AppContext, paymentId: number, offsetId: number | null, sign: number): ReceiptDetail['items'] {
  const rows = app.sqlite
    .prepare(
      `SELECT COALESCE(bl.parent_line_id, bl.id) AS principal, bl.kind, SUM(al.amount_fen) AS paid
       FROM allocations al JOIN bill_lines bl ON bl.id = al.line_id
       WHERE al.payment_id = ? OR (? IS NOT NULL AND al.offset_id = ?)
       GROUP BY principal, bl.kind ORDER BY MIN(al.id)`,
    )
    .all(paymentId, offsetId, offsetId) as Array<{ principal: number; kind: 'charge' | 'late_fee'; paid: number }>;
  const byLine = new Map<number, { paid: number; lateFee: number }>();
  for (const r of rows) {
    const item = byLine.get(r.principal) ?? { paid: 0, lateFee: 0 };
    if (r.kind === 'late_fee') item.lateFee += r.paid;
    else item.paid += r.paid;
    byLine.set(r.principal, item);
  }
  const line = app.sqlite.prepare(
    `SELECT bl.id, fi.name, bl.period_start, bl.period_end, bl.quantity, bl.unit_price, bl.amount_fen,
       (SELECT COALESCE(SUM(w.amount_fen), 0) FROM waivers w JOIN bill_lines x ON x.id = w.line_id
        WHERE w.status = 'live' AND (x.id = bl.id OR x.parent_line_id = bl.id)) AS waived
     FROM bill_lines bl JOIN fee_items fi ON fi.id = bl.fee_item_id WHERE bl.id = ?`,
  );
  return [...byLine].map(([lineId, money]) => {
    const l = line.get(lineId) as { name: string; period_start: string; period_end: string; quantity: string; unit_price: string; amount_fen: number; waived: number };
    return {
      lineId,
      feeItemName: l.name,
      periodStart: l.period_start,
      periodEnd: l.period_end,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      amountFen: l.amount_fen,
      paidFen: sign * money.paid,
      lateFeeFen: sign * money.lateFee,
      waivedFen: l.waived,
    };
  });
}

function statusText(r: ReceiptRow, kind: string, reversed: boolean): string {
  if (r.status === 'voided') return '作废';
  if (kind === 'reversal') return '红冲';
  return reversed ? '已红冲' : '正常';
}

/** Everything printed on a receipt (RULES §6), read from the ledger; the receipt itself never changes. */
export function receiptDetail(app: AppContext, receiptId: number): ReceiptDetail {
  const r = receiptRow(app, receiptId);
  const p = app.sqlite
    .prepare(
      `SELECT p.*, u.code AS unit_code, c.name AS community_name, us.display_name AS cashier_name
       FROM payments p JOIN units u ON u.id = p.unit_id JOIN communities c ON c.id = u.community_id
       JOIN users us ON us.id = p.cashier_id WHERE p.id = ?`,
    )
    .get(r.payment_id) as {
    id: number; kind: 'collection' | 'reversal' | 'refund'; payer_name: string; tendered_fen: number; to_prepaid_fen: number;
    to_deposit_fen: number; cash_given_fen: number | null; change_fen: number; manual_entry: number; fallback: number;
    reverses_payment_id: number | null; prepaid_offset_id: number | null; unit_code: string; community_name: string; cashier_name: string;
  };
  const source = p.reverses_payment_id !== null
    ? app.q.first(app.db.selectFrom('payments').select(['id', 'prepaid_offset_id']).where('id', '=', p.reverses_payment_id))
    : { id: p.id, prepaid_offset_id: p.prepaid_offset_id };
  const sign = p.kind === 'reversal' ? -1 : 1;
  const paidItems = source ? items(app, source.id, source.prepaid_offset_id, sign) : [];
  const prepaidUsedFen = source?.prepaid_offset_id
    ? sign * Number((app.sqlite.prepare('SELECT COALESCE(SUM(amount_fen), 0) AS s FROM allocations WHERE offset_id = ?').get(source.prepaid_offset_id) as { s: number }).s)
    : 0;
  const tenders = app.q
    .all(app.db.selectFrom('payment_tenders').select(['method', 'amount_fen', 'reference']).where('payment_id', '=', p.id).orderBy('id'))
    .map((t) => ({ method: t.method, methodName: TENDER_NAMES[t.method as TenderMethod], amountFen: t.amount_fen, reference: t.reference }));
  const reversed = app.q.first(app.db.selectFrom('payments').select('id').where('reverses_payment_id', '=', p.id)) !== undefined;
  const total = p.tendered_fen;
  return {
    receiptId: r.id,
    paymentId: p.id,
    number: formatNumber(r.prefix, r.number),
    status: r.status,
    statusText: statusText(r, p.kind, reversed),
    kind: p.kind,
    reversesReceiptNo: p.reverses_payment_id !== null ? (receiptNoOf(app, p.reverses_payment_id)?.receiptNo ?? null) : null,
    companyName: getMeta(app, 'company_name') ?? '',
    businessDate: r.business_date,
    issuedAt: r.issued_at,
    payerName: p.payer_name,
    unitCode: p.unit_code,
    communityName: p.community_name,
    items: paidItems,
    prepaidUsedFen,
    toPrepaidFen: p.to_prepaid_fen,
    toDepositFen: p.to_deposit_fen,
    totalFen: total,
    totalWords: `人民币${total < 0 ? '负' : ''}${toChineseUppercase(Math.abs(total))}`,
    tenders,
    cashGivenFen: p.cash_given_fen,
    changeFen: p.change_fen,
    cashierName: p.cashier_name,
    manualEntry: p.manual_entry === 1,
    fallback: p.fallback === 1,
    reprintCount: r.reprint_count,
    reprint: false,
    invoiceNo: r.invoice_no,
    voidReason: r.void_reason,
  };
}

/** 补打: same number, marked and counted. Runs inside the caller's transaction. */
export function reprintReceipt(app: AppContext, receiptId: number): ReceiptDetail {
  const r = receiptRow(app, receiptId);
  app.q.run(app.db.updateTable('receipts').set({ reprint_count: r.reprint_count + 1 }).where('id', '=', r.id));
  return { ...receiptDetail(app, receiptId), reprint: true };
}

export function setInvoiceNo(app: AppContext, receiptId: number, invoiceNo: string): { receiptId: number; invoiceNo: string; previous: string | null } {
  const r = receiptRow(app, receiptId);
  if (r.status === 'voided') throw new AppFailure('INVALID_STATE', '作废的收据不能登记发票号');
  app.q.run(app.db.updateTable('receipts').set({ invoice_no: invoiceNo }).where('id', '=', r.id));
  return { receiptId: r.id, invoiceNo, previous: r.invoice_no };
}

export interface ReceiptFilter {
  number?: string | undefined;
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
  cashierId?: number | undefined;
  unitId?: number | undefined;
  method?: TenderMethod | undefined;
  page: number;
  pageSize: number;
}

export function listReceipts(app: AppContext, f: ReceiptFilter, communityIds: number[] | null = null) {
  const where: string[] = ['r.payment_id IS NOT NULL'];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    if (value === undefined) return;
    where.push(sql);
    params.push(value);
  };
  if (f.number !== undefined && f.number !== '') {
    const m = /^([A-Za-z]*)0*(\d+)$/.exec(f.number);
    if (!m) return { total: 0, page: f.page, pageSize: f.pageSize, rows: [] };
    add('r.number = ?', Number(m[2]));
    add('s.prefix = ?', m[1] ? m[1].toUpperCase() : undefined);
  }
  add('r.business_date >= ?', f.dateFrom);
  add('r.business_date <= ?', f.dateTo);
  add('p.cashier_id = ?', f.cashierId);
  add('p.unit_id = ?', f.unitId);
  add('u.community_id IN (SELECT value FROM json_each(?))', scopeParam(communityIds));
  add('EXISTS (SELECT 1 FROM payment_tenders t WHERE t.payment_id = p.id AND t.method = ?)', f.method);
  const from = `FROM receipts r JOIN receipt_series s ON s.id = r.series_id JOIN payments p ON p.id = r.payment_id
    JOIN units u ON u.id = p.unit_id JOIN users us ON us.id = p.cashier_id WHERE ${where.join(' AND ')}`;
  const total = (app.sqlite.prepare(`SELECT COUNT(*) AS n ${from}`).get(...params) as { n: number }).n;
  const rows = app.sqlite
    .prepare(
      `SELECT r.id AS receiptId, p.id AS paymentId, s.prefix, r.number, r.business_date AS businessDate, r.status, p.kind,
         p.unit_id AS unitId, u.code AS unitCode, p.payer_name AS payerName, us.display_name AS cashierName,
         p.tendered_fen AS totalFen, r.invoice_no AS invoiceNo, r.reprint_count AS reprintCount,
         p.manual_entry AS manualEntry, p.fallback,
         (SELECT GROUP_CONCAT(DISTINCT t.method) FROM payment_tenders t WHERE t.payment_id = p.id) AS methods
       ${from} ORDER BY r.business_date DESC, r.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, f.pageSize, (f.page - 1) * f.pageSize) as Array<{
    receiptId: number; paymentId: number; prefix: string; number: number; businessDate: string; status: 'issued' | 'voided';
    kind: 'collection' | 'reversal' | 'refund'; unitId: number; unitCode: string; payerName: string; cashierName: string;
    totalFen: number; invoiceNo: string | null; reprintCount: number; manualEntry: number; fallback: number; methods: string | null;
  }>;
  return {
    total,
    page: f.page,
    pageSize: f.pageSize,
    rows: rows.map(({ prefix, number, methods, manualEntry, fallback, ...rest }) => ({
      ...rest,
      number: formatNumber(prefix, number),
      methods: (methods ? methods.split(',') : []) as TenderMethod[],
      manualEntry: manualEntry === 1,
      fallback: fallback === 1,
    })),
  };
}
