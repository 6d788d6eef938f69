import { toChineseUppercase } from '../../../src-shared/domain/money';
import { addDays, addMonths, daysBetween } from '../../../src-shared/domain/dates';
import type { AppContext } from '../../app/context';
import { unitAccount } from '../../collection/accountView';
import { AppFailure } from '../../ipc/failure';
import { formatNumber } from '../../ledger/series';
import { currentPayer } from '../../register/occupants';
import { getMeta } from '../../system/meta';
import { periodText } from './kit';
import type { NoticeLine, NoticeModel, StatementModel } from './models';
import { isTraining } from './receiptModel';

const words = (fen: number): string => `人民币${toChineseUppercase(fen)}`;

function header(app: AppContext, unitId: number, asOf: string) {
  const account = unitAccount(app, unitId, asOf);
  const payer = currentPayer(app, unitId, asOf);
  return {
    account,
    companyName: getMeta(app, 'company_name') ?? '',
    unitLabel: `${account.unit.communityName} ${account.unit.code}`,
    payerName: payer?.name ?? '业主',
    prepaidFen: account.prepaid.reduce((s, b) => s + b.balanceFen, 0),
    training: isTraining(app),
  };
}

type OpenLine = ReturnType<typeof unitAccount>['groups'][number]['lines'][number] & { name: string };

function openLines(account: ReturnType<typeof unitAccount>): OpenLine[] {
  return account.groups.flatMap((g) => g.lines.map((l) => ({ ...l, name: l.kind === 'late_fee' ? `${g.feeItemName}违约金` : g.feeItemName })));
}

const noticeLine = (l: OpenLine, outstandingFen = l.outstandingFen): NoticeLine => ({
  name: l.name,
  period: periodText(l.periodStart, l.periodEnd),
  dueDate: l.dueDate,
  amountFen: l.amountFen,
  outstandingFen,
  overdueDays: l.overdueDays,
  lateFeeFen: l.lateFeeFen,
});

/**
 * 缴费通知单: the period's bills for the unit with what is still owed on them, arrears from
 * earlier periods, and the late fee accrued on open lines as of the issue date.
 */
export function paymentNoticeModel(app: AppContext, unitId: number, month: string): NoticeModel {
  const asOf = app.clock.today();
  const h = header(app, unitId, asOf);
  const start = `${month}-01`;
  const end = addDays(addMonths(start, 1), -1);
  const open = openLines(h.account);
  const openById = new Map(open.map((l) => [l.lineId, l]));
  const periodLines = app.sqlite
    .prepare(
      `SELECT bl.id, fi.name, bl.period_start, bl.period_end, bl.due_date, bl.amount_fen
       FROM bill_lines bl JOIN fee_items fi ON fi.id = bl.fee_item_id
       WHERE bl.unit_id = ? AND bl.status = 'posted' AND bl.kind = 'charge' AND bl.period_start BETWEEN ? AND ?
       ORDER BY bl.due_date, fi.priority, bl.id`,
    )
    .all(unitId, start, end) as Array<{ id: number; name: string; period_start: string; period_end: string; due_date: string; amount_fen: number }>;
  const lines: NoticeLine[] = periodLines.map((l) => {
    const o = openById.get(l.id);
    return {
      name: l.name,
      period: periodText(l.period_start, l.period_end),
      dueDate: l.due_date,
      amountFen: l.amount_fen,
      outstandingFen: o?.outstandingFen ?? 0,
      overdueDays: o?.overdueDays ?? 0,
      lateFeeFen: o?.lateFeeFen ?? 0,
    };
  });
  const inPeriod = new Set(periodLines.map((l) => l.id));
  const earlierFen = open.filter((l) => !inPeriod.has(l.lineId) && l.periodStart < start).reduce((s, l) => s + l.outstandingFen, 0);
  const principalFen = lines.reduce((s, l) => s + l.outstandingFen, 0) + earlierFen;
  const lateFeeFen = h.account.totals.lateFeeFen;
  const totalFen = principalFen + lateFeeFen;
  return {
    kind: 'payment', companyName: h.companyName, unitLabel: h.unitLabel, payerName: h.payerName, period: month, asOf, issueDate: asOf,
    lines, earlierFen, principalFen, lateFeeFen, totalFen, totalWords: words(totalFen), prepaidFen: h.prepaidFen, training: h.training,
  };
}

/** 催缴通知单: every overdue open line as of a date, with its days overdue and late fee. */
export function dunningNoticeModel(app: AppContext, unitId: number, asOf: string): NoticeModel {
  const h = header(app, unitId, asOf);
  // Days past the due date, as the owner counts them; a line still in its late-fee grace period is
  // overdue all the same, it just carries no late fee yet.
  const lines = openLines(h.account)
    .filter((l) => l.dueDate < asOf)
    .map((l) => ({ ...noticeLine(l), overdueDays: daysBetween(l.dueDate, asOf) }));
  const principalFen = lines.reduce((s, l) => s + l.outstandingFen, 0);
  const lateFeeFen = lines.reduce((s, l) => s + l.lateFeeFen, 0);
  const totalFen = principalFen + lateFeeFen;
  return {
    kind: 'dunning', companyName: h.companyName, unitLabel: h.unitLabel, payerName: h.payerName, period: asOf, asOf, issueDate: app.clock.today(),
    lines, earlierFen: 0, principalFen, lateFeeFen, totalFen, totalWords: words(totalFen), prepaidFen: h.prepaidFen, training: h.training,
  };
}

const PAYMENT_KINDS: Record<string, string> = { collection: '缴费', reversal: '红冲', refund: '退费' };

/** 业主对账单: bills of the periods in the range, payments made in it, and the balance today. */
export function statementModel(app: AppContext, unitId: number, from: string, to: string): StatementModel {
  if (to < from) throw new AppFailure('INVALID_INPUT', '对账单的结束日期不能早于开始日期');
  const today = app.clock.today();
  const h = header(app, unitId, today);
  const bills = (
    app.sqlite
      .prepare(
        `SELECT fi.name, bl.kind, bl.period_start, bl.period_end, bl.due_date, bl.amount_fen, bl.outstanding_fen
         FROM bill_lines bl JOIN fee_items fi ON fi.id = bl.fee_item_id
         WHERE bl.unit_id = ? AND bl.status = 'posted' AND bl.period_start BETWEEN ? AND ?
         ORDER BY bl.period_start, fi.priority, bl.id`,
      )
      .all(unitId, from, to) as Array<{ name: string; kind: string; period_start: string; period_end: string; due_date: string; amount_fen: number; outstanding_fen: number | null }>
  ).map((b) => ({
    name: b.kind === 'late_fee' ? `${b.name}违约金` : b.name,
    period: periodText(b.period_start, b.period_end),
    dueDate: b.due_date,
    amountFen: b.amount_fen,
    outstandingFen: b.outstanding_fen ?? 0,
  }));
  const payments = (
    app.sqlite
      .prepare(
        `SELECT p.business_date, p.kind, p.status, p.tendered_fen, s.prefix, r.number
         FROM payments p LEFT JOIN receipts r ON r.payment_id = p.id LEFT JOIN receipt_series s ON s.id = r.series_id
         WHERE p.unit_id = ? AND p.business_date BETWEEN ? AND ? ORDER BY p.business_date, p.id`,
      )
      .all(unitId, from, to) as Array<{ business_date: string; kind: string; status: string; tendered_fen: number; prefix: string | null; number: number | null }>
  ).map((p) => ({
    date: p.business_date,
    receiptNo: p.number === null ? '' : formatNumber(p.prefix ?? '', p.number),
    kind: PAYMENT_KINDS[p.kind] ?? p.kind,
    amountFen: p.tendered_fen,
    status: p.status === 'voided' ? '作废' : '有效',
  }));
  return {
    companyName: h.companyName, unitLabel: h.unitLabel, payerName: h.payerName, from, to, issueDate: today, bills, payments,
    billedFen: bills.reduce((s, b) => s + b.amountFen, 0),
    paidFen: payments.filter((p) => p.status === '有效').reduce((s, p) => s + p.amountFen, 0),
    outstandingFen: h.account.totals.outstandingFen,
    prepaidFen: h.prepaidFen,
    training: h.training,
  };
}

/** The units of a building or community, in the register's natural order. */
export function unitsInScope(app: AppContext, scope: { communityId: number; buildingId?: number | undefined }): number[] {
  const rows = app.sqlite
    .prepare('SELECT id FROM units WHERE community_id = ? AND (? IS NULL OR building_id = ?) ORDER BY sort_key, id')
    .all(scope.communityId, scope.buildingId ?? null, scope.buildingId ?? null) as Array<{ id: number }>;
  return rows.map((r) => r.id);
}

/** Units picked by id (the 欠费 screen's selection), in register order; unknown ids are left out. */
export function pickedUnits(app: AppContext, unitIds: readonly number[]): number[] {
  const rows = app.sqlite
    .prepare('SELECT id FROM units WHERE id IN (SELECT value FROM json_each(?)) ORDER BY community_id, sort_key, id')
    .all(JSON.stringify(unitIds)) as Array<{ id: number }>;
  return rows.map((r) => r.id);
}
