import { createHash } from 'node:crypto';
import { collectInput, type CollectInput, type CollectResult } from '../../src-shared/api/calls/collection';
import { businessDate } from '../../src-shared/domain/businessTime';
import { formatYuan } from '../../src-shared/domain/money';
import { creditPrepaid } from '../accounts/prepaidBalances';
import { offsetLines } from '../accounts/prepaidOffsets';
import type { AppContext } from '../app/context';
import { prepared } from '../db/statements';
import { AppFailure } from '../ipc/failure';
import { formatNumber, takeNextNumber } from '../ledger/series';
import { requireOpenShift } from '../shifts/currentShift';
import { getMeta } from '../system/meta';
import { settingsSchema } from '../system/settings';
import { planAllocations, prepaidPrefix, selectedLines, type PlannedAllocation } from './allocationPlan';
import { paymentResult } from './paymentResult';
import { checkTenders } from './tenders';

export type { CollectInput, CollectResult };

export interface CollectOptions {
  /** Taken in 手工收费 mode: flagged, offline tenders only. */
  fallback?: boolean;
  /** 补录 of a paper receipt: its book's series and number, and when it was written. */
  manual?: { seriesCode: string; number: number; originalAt: string };
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

function requestHash(userId: number, input: CollectInput, options: CollectOptions): string {
  return createHash('sha256').update(JSON.stringify(canonical({ userId, input, options }))).digest('hex');
}

function parseInput(input: CollectInput) {
  const parsed = collectInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppFailure('INVALID_INPUT', `输入内容有误${issue?.path.length ? `（${issue.path.join('.')}）` : ''}：${issue?.message ?? ''}`);
  }
  return parsed.data;
}

/**
 * A request already posted under this key: the first result, never a second posting (a double
 * Enter or a retry). The same key with another payload is a client bug and is refused.
 */
export function replayOf(app: AppContext, userId: number, input: CollectInput, options: CollectOptions = {}): CollectResult | null {
  return replayOfParsed(app, userId, parseInput(input), options);
}

function replayOfParsed(app: AppContext, userId: number, data: CollectInput, options: CollectOptions): CollectResult | null {
  const prior = app.q.first(
    app.db.selectFrom('payments').select(['id', 'request_hash']).where('idempotency_key', '=', data.idempotencyKey),
  );
  if (!prior) return null;
  if (prior.request_hash !== requestHash(userId, data, options)) {
    throw new AppFailure('CONFLICT', '该收款请求编号已用于另一笔内容不同的收款，请重新打开收款单');
  }
  return paymentResult(app, prior.id, true);
}

function receiptNumber(app: AppContext, manual: CollectOptions['manual']) {
  if (!manual) return takeNextNumber(app, 'DESK');
  const book = app.q.first(app.db.selectFrom('receipt_series').selectAll().where('code', '=', manual.seriesCode));
  if (!book || book.kind !== 'manual_book') throw new AppFailure('NOT_FOUND', `收据本 ${manual.seriesCode} 未登记`);
  return { seriesId: book.id, number: manual.number, display: formatNumber(book.prefix, manual.number) };
}

/** 手工收费 mode from settings: the one setting a payment needs, not all of them. */
function fallbackModeOn(app: AppContext): boolean {
  const stored = getMeta(app, 'setting.fallbackMode');
  return settingsSchema.shape.fallbackMode.parse(stored === null ? undefined : JSON.parse(stored));
}

/**
 * The whole desk payment, inside the caller's transaction (RULES §6): tenders and change, the
 * selected lines paid in order with late fees settled first, prepaid used through an offset,
 * any surplus to prepaid only on request, a deposit kept apart, and one receipt number.
 */
export function collectPayment(app: AppContext, userId: number, input: CollectInput, options: CollectOptions = {}): CollectResult {
  const data = parseInput(input);
  const replay = replayOfParsed(app, userId, data, options);
  if (replay) return replay;
  const shift = requireOpenShift(app, userId);
  const unit = app.q.first(app.db.selectFrom('units').select(['id', 'code']).where('id', '=', data.unitId));
  if (!unit) throw new AppFailure('NOT_FOUND', `房屋（编号 ${data.unitId}）不存在`);
  if (data.waiveLateFees && data.waiveReason.length < 2) throw new AppFailure('INVALID_INPUT', '减免违约金请填写原因');

  const fallback = options.fallback === true || fallbackModeOn(app);
  const tender = checkTenders(data.tenders, data.cashGivenFen, fallback);
  const depositFen = data.deposit?.amountFen ?? 0;
  const forBillsFen = tender.totalFen - depositFen;
  if (forBillsFen < 0) throw new AppFailure('AMOUNT_MISMATCH', `收款合计 ${formatYuan(tender.totalFen)} 不足押金 ${formatYuan(depositFen)}`);

  const now = app.clock.nowIso();
  const day = options.manual ? businessDate(new Date(options.manual.originalAt), app.clock.timeZone) : app.clock.today();
  const lines = selectedLines(app, data.unitId, data.lineIds);
  const plan = planAllocations(app, {
    lines,
    moneyFen: forBillsFen + data.usePrepaidFen,
    asOf: day,
    lateFees: { mode: data.waiveLateFees ? 'waive' : 'charge', reason: data.waiveReason, userId },
  });
  const toPrepaidFen = plan.leftoverFen;
  if (toPrepaidFen > 0 && (data.overpayTo !== 'prepaid' || data.usePrepaidFen > 0)) {
    throw new AppFailure('AMOUNT_MISMATCH', `收款比所选账单多 ${formatYuan(toPrepaidFen)}：请核对金额，或选择将多余部分转入预存`);
  }

  const offset = data.usePrepaidFen > 0 ? usePrepaid(app, data.unitId, userId, plan.allocations, data.usePrepaidFen) : null;
  const fromPrepaid = offset ? offsetAllocations(app, offset.offsetId) : [];
  const fromTenders = tenderShare(plan.allocations, fromPrepaid);
  const allocatedFen = fromTenders.reduce((s, a) => s + a.amountFen, 0);

  const paymentId = app.q.run(
    app.db.insertInto('payments').values({
      idempotency_key: data.idempotencyKey,
      kind: 'collection',
      unit_id: data.unitId,
      payer_name: data.payerName,
      shift_id: shift.id,
      cashier_id: userId,
      tendered_fen: tender.totalFen,
      allocated_fen: allocatedFen,
      to_prepaid_fen: toPrepaidFen,
      to_deposit_fen: depositFen,
      cash_given_fen: data.cashGivenFen ?? null,
      change_fen: tender.changeFen,
      status: 'posted',
      fallback: fallback ? 1 : 0,
      manual_entry: options.manual ? 1 : 0,
      original_at: options.manual?.originalAt ?? null,
      business_date: day,
      reverses_payment_id: null,
      request_hash: requestHash(userId, data, options),
      prepaid_offset_id: offset?.offsetId ?? null,
      reviewed_by: null,
      reviewed_at: null,
      created_at: now,
    }),
  ).lastInsertRowid;
  for (const t of data.tenders) {
    app.q.run(app.db.insertInto('payment_tenders').values({ payment_id: paymentId, method: t.method, amount_fen: t.amountFen, reference: t.reference }));
  }
  for (const a of fromTenders) {
    app.q.run(
      app.db.insertInto('allocations').values({
        line_id: a.lineId,
        payment_id: paymentId,
        offset_id: null,
        amount_fen: a.amountFen,
        status: 'live',
        business_date: day,
        created_at: now,
      }),
    );
  }
  const depositId = data.deposit
    ? app.q.run(
        app.db.insertInto('deposits').values({
          unit_id: data.unitId,
          payment_id: paymentId,
          kind: data.deposit.kind,
          amount_fen: depositFen,
          status: 'held',
          created_at: now,
        }),
      ).lastInsertRowid
    : null;
  if (toPrepaidFen > 0) {
    creditPrepaid(app, { unitId: data.unitId, feeItemId: data.prepaidFeeItemId, amountFen: toPrepaidFen, paymentId, kind: 'deposit' });
  }
  const number = receiptNumber(app, options.manual);
  const receiptId = app.q.run(
    app.db.insertInto('receipts').values({
      series_id: number.seriesId,
      number: number.number,
      payment_id: paymentId,
      status: 'issued',
      business_date: day,
      issued_at: now,
      reprint_count: 0,
    }),
  ).lastInsertRowid;

  // What paymentResult reads back, built from what was just written; a replay reads it back.
  const allocations = [
    ...fromPrepaid,
    ...fromTenders.map((a) => ({ lineId: a.lineId, kind: a.kind, parentLineId: a.parentLineId, amountFen: a.amountFen, source: 'tender' as const })),
  ];
  return {
    paymentId,
    receiptId,
    receiptNo: number.display,
    status: 'posted',
    businessDate: day,
    tenderedFen: tender.totalFen,
    allocatedFen,
    toPrepaidFen,
    toDepositFen: depositFen,
    cashGivenFen: data.cashGivenFen ?? null,
    changeFen: tender.changeFen,
    prepaidUsedFen: fromPrepaid.reduce((s, a) => s + a.amountFen, 0),
    prepaidOffsetId: offset?.offsetId ?? null,
    depositId,
    allocations,
    replayed: false,
  };
}

/** The first `prepaidFen` of the plan is paid from the unit's prepaid balances by an offset. */
function usePrepaid(app: AppContext, unitId: number, userId: number, plan: PlannedAllocation[], prepaidFen: number) {
  const offset = offsetLines(app, { unitId, lineIds: prepaidPrefix(plan, prepaidFen), userId });
  if (offset.totalFen !== prepaidFen || offset.offsetId === null) {
    throw new AppFailure(
      'AMOUNT_MISMATCH',
      `预存余额可抵扣所选账单 ${formatYuan(offset.totalFen)}，与填写的使用预存 ${formatYuan(prepaidFen)} 不一致`,
    );
  }
  return { offsetId: offset.offsetId, totalFen: offset.totalFen };
}

type ResultAllocation = CollectResult['allocations'][number];

/** The allocations the offset made for this payment, in the order paymentResult lists them. */
function offsetAllocations(app: AppContext, offsetId: number): ResultAllocation[] {
  return prepared(
    app.sqlite,
    `SELECT al.line_id AS lineId, bl.kind, bl.parent_line_id AS parentLineId, al.amount_fen AS amountFen, 'prepaid' AS source
     FROM allocations al JOIN bill_lines bl ON bl.id = al.line_id WHERE al.offset_id = ? ORDER BY al.id`,
  ).all(offsetId) as ResultAllocation[];
}

/** What the tenders pay on each planned line: the plan less what the offset already paid. */
function tenderShare(plan: PlannedAllocation[], fromPrepaid: ResultAllocation[]): PlannedAllocation[] {
  const byOffset = new Map<number, number>();
  for (const r of fromPrepaid) byOffset.set(r.lineId, (byOffset.get(r.lineId) ?? 0) + r.amountFen);
  return plan
    .map((a) => {
      const amountFen = a.amountFen - (byOffset.get(a.lineId) ?? 0);
      if (amountFen < 0) throw new AppFailure('AMOUNT_MISMATCH', '预存抵扣与所选账单不一致，请刷新后重试');
      return { ...a, amountFen };
    })
    .filter((a) => a.amountFen > 0);
}
