import type { CallOutput } from '../../src-shared/api';
import type { AppContext } from '../app/context';
import { prepaidBalances } from '../accounts/prepaidBalances';
import { prepared } from '../db/statements';
import { AppFailure } from '../ipc/failure';
import { outstandingExpression } from '../ledger/outstanding';
import { formatNumber } from '../ledger/series';
import { accrue, type AccrualLine } from './lateFeeSettlement';

type OpenLine = AccrualLine & {
  id: number;
  parent_line_id: number | null;
  fee_item_id: number;
  fee_item_name: string;
  period_start: string;
  period_end: string;
  basis: string;
  outstanding_fen: number;
  discount_fen: number;
};

/**
 * The unit's account at the desk (收费台账): open bills by fee item with today's late fee,
 * prepaid balances, deposits held, recent payments and what was paid. A handful of indexed
 * queries for one unit, so it opens instantly.
 */
export function unitAccount(app: AppContext, unitId: number, asOfInput?: string) {
  const asOf = asOfInput ?? app.clock.today();
  const unit = prepared(app.sqlite, 'SELECT u.id, u.code, u.status, c.name AS communityName FROM units u JOIN communities c ON c.id = u.community_id WHERE u.id = ?')
    .get(unitId) as { id: number; code: string; status: string; communityName: string } | undefined;
  if (!unit) throw new AppFailure('NOT_FOUND', `房屋（编号 ${unitId}）不存在`);

  // Open lines come from the maintained column's open-lines index (named: with the derivation in the
  // select list SQLite would rather walk all the unit's lines); the derivation is worked out only for them.
  const open = prepared(
    app.sqlite,
    `SELECT * FROM (
         SELECT bl.id, bl.kind, bl.parent_line_id, bl.fee_item_id, fi.name AS fee_item_name, bl.period_start, bl.period_end,
           bl.basis, bl.due_date, bl.amount_fen, bl.late_settled_through, bl.late_charged_fen, fi.late_daily_rate,
           fi.late_grace_days, fi.late_cap_ratio, fi.priority, ${outstandingExpression} AS outstanding_fen,
           COALESCE((SELECT SUM(d.amount_fen) FROM discounts d WHERE d.line_id = bl.id AND d.status = 'live'), 0) AS discount_fen
         FROM bill_lines bl INDEXED BY bill_lines_open JOIN fee_items fi ON fi.id = bl.fee_item_id
         WHERE bl.unit_id = ? AND bl.status = 'posted' AND bl.outstanding_fen > 0
       ) WHERE outstanding_fen > 0 ORDER BY due_date, period_start, priority, id`,
  ).all(unitId) as OpenLine[];

  const groups = new Map<number, CallOutput<'collection.account'>['groups'][number]>();
  let outstandingFen = 0;
  let lateFeeFen = 0;
  for (const l of open) {
    const accrual = accrue(l, l.outstanding_fen, asOf);
    const group = groups.get(l.fee_item_id) ?? { feeItemId: l.fee_item_id, feeItemName: l.fee_item_name, outstandingFen: 0, lateFeeFen: 0, lines: [] };
    group.outstandingFen += l.outstanding_fen;
    group.lateFeeFen += accrual.feeFen;
    group.lines.push({
      lineId: l.id,
      kind: l.kind,
      parentLineId: l.parent_line_id,
      periodStart: l.period_start,
      periodEnd: l.period_end,
      basis: l.basis,
      dueDate: l.due_date,
      amountFen: l.amount_fen,
      outstandingFen: l.outstanding_fen,
      discountFen: l.discount_fen,
      overdueDays: accrual.days,
      lateFeeFen: accrual.feeFen,
    });
    groups.set(l.fee_item_id, group);
    outstandingFen += l.outstanding_fen;
    lateFeeFen += accrual.feeFen;
  }

  const itemNames = new Map(
    (prepared(app.sqlite, 'SELECT id, name FROM fee_items').all() as Array<{ id: number; name: string }>).map((i) => [i.id, i.name] as const),
  );
  const prepaid = prepaidBalances(app, unitId).map((b) => ({
    ...b,
    feeItemName: b.feeItemId === null ? '通用预存' : (itemNames.get(b.feeItemId) ?? ''),
  }));

  const receiptJoin = 'LEFT JOIN receipts r ON r.payment_id = p.id LEFT JOIN receipt_series s ON s.id = r.series_id';
  const deposits = (
    prepared(
      app.sqlite,
      `SELECT d.id AS depositId, d.kind, d.amount_fen AS amountFen, d.created_at AS createdAt, s.prefix, r.number
         FROM deposits d JOIN payments p ON p.id = d.payment_id ${receiptJoin}
         WHERE d.unit_id = ? AND d.status = 'held' ORDER BY d.id`,
    ).all(unitId) as Array<{ depositId: number; kind: string; amountFen: number; createdAt: string; prefix: string | null; number: number | null }>
  ).map(({ prefix, number, ...d }) => ({ ...d, receiptNo: number === null ? '' : formatNumber(prefix ?? '', number) }));

  const pendingWaivers = prepared(
    app.sqlite,
    `SELECT w.id AS waiverId, w.line_id AS lineId, w.amount_fen AS amountFen, w.reason
       FROM waivers w JOIN bill_lines bl ON bl.id = w.line_id
       WHERE bl.unit_id = ? AND w.status = 'requested' ORDER BY w.id`,
  ).all(unitId) as Array<{ waiverId: number; lineId: number; amountFen: number; reason: string }>;

  const recentPayments = (
    prepared(
      app.sqlite,
      `SELECT p.id AS paymentId, r.id AS receiptId, s.prefix, r.number, p.business_date AS businessDate, p.kind, p.status,
           p.tendered_fen AS tenderedFen, p.payer_name AS payerName
         FROM payments p ${receiptJoin} WHERE p.unit_id = ? ORDER BY p.id DESC LIMIT 20`,
    ).all(unitId) as Array<{
      paymentId: number; receiptId: number | null; prefix: string | null; number: number | null; businessDate: string;
      kind: 'collection' | 'reversal' | 'refund'; status: 'posted' | 'voided'; tenderedFen: number; payerName: string;
    }>
  ).map(({ prefix, number, ...p }) => ({ ...p, receiptNo: number === null ? '' : formatNumber(prefix ?? '', number) }));

  // The latest 50 allocations are picked from the indexes alone, then only those are joined.
  const history = (
    prepared(
      app.sqlite,
      `SELECT al.id AS allocationId, al.payment_id AS paymentId, al.line_id AS lineId, fi.name AS feeItemName, bl.period_start AS periodStart, bl.period_end AS periodEnd,
           al.amount_fen AS amountFen, al.status, al.business_date AS businessDate, s.prefix, r.number, o.voucher_no AS voucherNo
         FROM (SELECT al.id FROM bill_lines bl JOIN allocations al ON al.line_id = bl.id
               WHERE bl.unit_id = ? ORDER BY al.id DESC LIMIT 50) latest
         JOIN allocations al ON al.id = latest.id
         JOIN bill_lines bl ON bl.id = al.line_id
         JOIN fee_items fi ON fi.id = bl.fee_item_id
         LEFT JOIN payments p ON p.id = al.payment_id ${receiptJoin}
         LEFT JOIN prepaid_offsets o ON o.id = al.offset_id
         ORDER BY al.id DESC`,
    ).all(unitId) as Array<{
      allocationId: number; paymentId: number | null; lineId: number; feeItemName: string; periodStart: string; periodEnd: string; amountFen: number;
      status: 'live' | 'voided' | 'reversed' | 'refunded' | 'returned'; businessDate: string; prefix: string | null; number: number | null; voucherNo: string | null;
    }>
  ).map(({ prefix, number, voucherNo, ...h }) => ({
    ...h,
    via: number !== null ? `收据 ${formatNumber(prefix ?? '', number)}` : `预存抵扣 ${voucherNo ?? ''}`,
  }));

  return {
    unit: { id: unit.id, code: unit.code, communityName: unit.communityName, status: unit.status },
    asOf,
    groups: [...groups.values()],
    totals: { outstandingFen, lateFeeFen },
    prepaid,
    deposits,
    pendingWaivers,
    recentPayments,
    history,
  };
}
