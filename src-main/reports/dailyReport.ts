import { TENDER_METHODS, TENDER_NAMES, type TenderMethod } from '../../src-shared/api/calls/collection';
import type { DailyReceiptRow, DailyReport } from '../../src-shared/api/calls/reports';
import type { AppContext } from '../app/context';
import { auditHead } from '../audit/auditLog';
import { AppFailure } from '../ipc/failure';
import { moneyRowsSql, paymentNumber, paymentsByQuery, paymentsSql, type MoneyRow, type PaymentRow, type PaymentWhere } from './paymentMoney';
import { scopeCondition, type CommunityScope } from './scope';

const KIND_NOTE = { collection: '', reversal: '红冲', refund: '退款' } as const;

function receiptRow(p: PaymentRow, tenders: Map<number, Map<TenderMethod, number>>): DailyReceiptRow {
  const byMethod = tenders.get(p.payment_id) ?? new Map<TenderMethod, number>();
  const notes = [KIND_NOTE[p.kind], p.reverses_no ? `冲 ${p.reverses_no}` : '', p.manual_entry ? `补录（原 ${p.original_at ?? ''}）` : '', p.fallback ? '应急收费' : ''];
  return {
    paymentId: p.payment_id,
    number: paymentNumber(p),
    kind: p.kind,
    status: p.status,
    businessDate: p.business_date,
    unitCode: p.unit_code,
    payerName: p.payer_name,
    cashierName: p.cashier_name,
    tenders: Object.fromEntries(TENDER_METHODS.map((m) => [m, byMethod.get(m) ?? 0])) as DailyReceiptRow['tenders'],
    totalFen: p.tendered_fen,
    toPrepaidFen: p.to_prepaid_fen,
    toDepositFen: p.to_deposit_fen,
    manualEntry: p.manual_entry === 1,
    fallback: p.fallback === 1,
    originalAt: p.original_at,
    note: notes.filter(Boolean).join('；'),
  };
}

/**
 * 收费日报 (RULES §8, §9) for a business day or one shift: every receipt with its tenders, totals by
 * tender method and by fee item, and apart from them the voids, reversals, refunds, 补录 (under
 * their original date) and fallback payments, and the shifts' over and short per tender.
 * Voided receipts are listed but count nowhere; reversals and refunds count with their negative
 * tenders, exactly as the day close does (shiftTotals.tenderSums).
 */
export function dailyReport(app: AppContext, filter: { date?: string | undefined; shiftId?: number | undefined }, scope: CommunityScope): DailyReport {
  const scoped = scopeCondition('u.community_id', scope);
  let where: PaymentWhere;
  let shiftIds: number[];
  if (filter.shiftId !== undefined) {
    const shift = app.q.first(app.db.selectFrom('shifts').select('id').where('id', '=', filter.shiftId));
    if (!shift) throw new AppFailure('NOT_FOUND', `班次 ${filter.shiftId} 不存在`);
    where = { sql: `p.shift_id = ? AND ${scoped.sql}`, params: [filter.shiftId, ...scoped.params] };
    shiftIds = [shift.id];
  } else {
    where = { sql: `p.business_date = ? AND ${scoped.sql}`, params: [filter.date, ...scoped.params] };
    shiftIds = app.sqlite.prepare('SELECT id FROM shifts WHERE business_date = ? ORDER BY id').pluck().all(filter.date) as number[];
  }
  const payments = paymentsByQuery(app, paymentsSql({ sql: `${where.sql} ORDER BY p.id`, params: where.params }));
  const tenderRows = app.sqlite
    .prepare(
      `SELECT t.payment_id, t.method, SUM(t.amount_fen) AS amount FROM payment_tenders t
       WHERE t.payment_id IN (SELECT p.id FROM payments p JOIN units u ON u.id = p.unit_id WHERE ${where.sql})
       GROUP BY t.payment_id, t.method`,
    )
    .all(...where.params) as Array<{ payment_id: number; method: TenderMethod; amount: number }>;
  const tenders = new Map<number, Map<TenderMethod, number>>();
  for (const t of tenderRows) tenders.set(t.payment_id, (tenders.get(t.payment_id) ?? new Map()).set(t.method, t.amount));

  const all = payments.map((p) => receiptRow(p, tenders));
  const standing = all.filter((r) => r.status === 'posted');
  const money = app.sqlite.prepare(moneyRowsSql(where).sql).all(...where.params) as MoneyRow[];
  return {
    date: filter.shiftId === undefined ? (filter.date ?? null) : null,
    shiftId: filter.shiftId ?? null,
    receipts: standing,
    tenders: TENDER_METHODS.map((method) => ({
      method,
      methodName: TENDER_NAMES[method],
      count: standing.filter((r) => r.tenders[method] !== 0).length,
      amountFen: standing.reduce((s, r) => s + r.tenders[method], 0),
    })),
    feeItems: byFeeItem(money),
    voided: all.filter((r) => r.status === 'voided'),
    reversals: standing.filter((r) => r.kind === 'reversal'),
    refunds: standing.filter((r) => r.kind === 'refund'),
    manualEntries: all.filter((r) => r.manualEntry),
    fallbacks: all.filter((r) => r.fallback),
    counts: shiftCounts(app, shiftIds),
    totalFen: standing.reduce((s, r) => s + r.totalFen, 0),
    auditHead: auditHead(app),
  };
}

function byFeeItem(money: MoneyRow[]): DailyReport['feeItems'] {
  const items = new Map<string, { principalFen: number; lateFeeFen: number }>();
  for (const m of money) {
    const item = items.get(m.fee_item_name) ?? { principalFen: 0, lateFeeFen: 0 };
    if (m.category === 'late_fee') item.lateFeeFen += m.amount_fen;
    else item.principalFen += m.amount_fen;
    items.set(m.fee_item_name, item);
  }
  return [...items].map(([feeItemName, v]) => ({ feeItemName, ...v, totalFen: v.principalFen + v.lateFeeFen }));
}

function shiftCounts(app: AppContext, shiftIds: number[]): DailyReport['counts'] {
  if (shiftIds.length === 0) return [];
  const rows = app.sqlite
    .prepare(
      `SELECT sc.shift_id, u.display_name AS cashier_name, s.status, sc.method, sc.system_fen, sc.counted_fen, sc.over_fen, sc.short_fen, sc.note
       FROM shift_counts sc JOIN shifts s ON s.id = sc.shift_id JOIN users u ON u.id = s.cashier_id
       WHERE sc.shift_id IN (${shiftIds.map(() => '?').join(', ')})`,
    )
    .all(...shiftIds) as Array<{ shift_id: number; cashier_name: string; status: string; method: TenderMethod; system_fen: number; counted_fen: number; over_fen: number; short_fen: number; note: string }>;
  const order = (m: string) => TENDER_METHODS.indexOf(m as TenderMethod);
  return rows
    .sort((a, b) => a.shift_id - b.shift_id || order(a.method) - order(b.method))
    .map((r) => ({
      shiftId: r.shift_id,
      cashierName: r.cashier_name,
      status: r.status,
      method: r.method,
      methodName: TENDER_NAMES[r.method] ?? r.method,
      systemFen: r.system_fen,
      countedFen: r.counted_fen,
      overFen: r.over_fen,
      shortFen: r.short_fen,
      note: r.note,
    }));
}
