import { roundHalfUpDiv } from '../../src-shared/domain/decimal';
import { formatYuan } from '../../src-shared/domain/money';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import { getSettings } from '../system/settings';

/**
 * Prepaid accounts (预存, RULES §6): one general account per unit (fee_item_id NULL) and one per
 * earmarked fee item. A balance is never stored: it is the sum of the account's entries, and every
 * entry that takes money out is checked against it first, so it can never go negative.
 */

export type EntryKind = 'deposit' | 'opening' | 'offset' | 'offset_return' | 'refund';

export interface PrepaidBalance {
  accountId: number;
  feeItemId: number | null;
  balanceFen: number;
}

export function requireUnit(app: AppContext, unitId: number): { id: number; code: string } {
  const unit = app.q.first(app.db.selectFrom('units').select(['id', 'code']).where('id', '=', unitId));
  if (!unit) throw new AppFailure('NOT_FOUND', `房屋（编号 ${unitId}）不存在`);
  return unit;
}

export function findAccount(app: AppContext, unitId: number, feeItemId: number | null): number | null {
  const base = app.db.selectFrom('prepaid_accounts').select('id').where('unit_id', '=', unitId);
  const row = app.q.first(feeItemId === null ? base.where('fee_item_id', 'is', null) : base.where('fee_item_id', '=', feeItemId));
  return row?.id ?? null;
}

function accountFor(app: AppContext, unitId: number, feeItemId: number | null): number {
  const existing = findAccount(app, unitId, feeItemId);
  if (existing !== null) return existing;
  if (feeItemId !== null) {
    const item = app.q.first(app.db.selectFrom('fee_items').select('id').where('id', '=', feeItemId));
    if (!item) throw new AppFailure('NOT_FOUND', `收费项目（编号 ${feeItemId}）不存在`);
  }
  return app.q.run(
    app.db.insertInto('prepaid_accounts').values({ unit_id: unitId, fee_item_id: feeItemId, created_at: app.clock.nowIso() }),
  ).lastInsertRowid;
}

export function accountBalance(app: AppContext, accountId: number): number {
  const row = app.sqlite
    .prepare('SELECT COALESCE(SUM(amount_fen), 0) AS balance FROM prepaid_entries WHERE account_id = ?')
    .get(accountId) as { balance: number };
  return row.balance;
}

/** The unit's prepaid accounts with their balances, the general account first. */
export function prepaidBalances(app: AppContext, unitId: number): PrepaidBalance[] {
  const rows = app.sqlite
    .prepare(
      `SELECT pa.id AS accountId, pa.fee_item_id AS feeItemId, COALESCE(SUM(pe.amount_fen), 0) AS balanceFen
       FROM prepaid_accounts pa LEFT JOIN prepaid_entries pe ON pe.account_id = pa.id
       WHERE pa.unit_id = ?
       GROUP BY pa.id
       ORDER BY pa.fee_item_id IS NOT NULL, pa.fee_item_id`,
    )
    .all(unitId) as PrepaidBalance[];
  return rows;
}

/**
 * Writes one entry; a withdrawal beyond the balance is refused so that no sequence of calls can
 * leave an account below zero. Runs inside the caller's transaction.
 */
export function postEntry(
  app: AppContext,
  p: { accountId: number; kind: EntryKind; amountFen: number; paymentId?: number | null; offsetId?: number | null; refundId?: number | null },
): void {
  if (!Number.isSafeInteger(p.amountFen) || p.amountFen === 0) throw new AppFailure('INVALID_INPUT', '预存金额必须是非零的整数分');
  if (p.amountFen < 0) {
    const balance = accountBalance(app, p.accountId);
    if (balance + p.amountFen < 0) {
      throw new AppFailure('INSUFFICIENT_BALANCE', `预存余额不足：余额 ${formatYuan(balance)}，需要 ${formatYuan(-p.amountFen)}`);
    }
  }
  app.q.run(
    app.db.insertInto('prepaid_entries').values({
      account_id: p.accountId,
      kind: p.kind,
      amount_fen: p.amountFen,
      payment_id: p.paymentId ?? null,
      offset_id: p.offsetId ?? null,
      refund_id: p.refundId ?? null,
      business_date: app.clock.today(),
      created_at: app.clock.nowIso(),
    }),
  );
}

/** Puts money into a unit's general or earmarked account, opening the account on first use. */
export function creditPrepaid(
  app: AppContext,
  p: { unitId: number; feeItemId: number | null; amountFen: number; paymentId: number | null; kind: 'deposit' | 'opening' | 'refund' },
): void {
  if (!Number.isSafeInteger(p.amountFen) || p.amountFen <= 0) throw new AppFailure('INVALID_INPUT', '存入预存的金额必须大于零');
  creditAccount(app, p, null);
}

export function creditAccount(
  app: AppContext,
  p: { unitId: number; feeItemId: number | null; amountFen: number; paymentId: number | null; kind: 'deposit' | 'opening' | 'refund' },
  refundId: number | null,
): number {
  requireUnit(app, p.unitId);
  const accountId = accountFor(app, p.unitId, p.feeItemId);
  postEntry(app, { accountId, kind: p.kind, amountFen: p.amountFen, paymentId: p.paymentId, refundId });
  return accountId;
}

/**
 * What the unit is charged per month now: for each fee item and charged object, its latest
 * recurring line spread over the item's cycle. Used only for the prepayment warning.
 */
export function monthlyChargeFen(app: AppContext, unitId: number): number {
  const rows = app.sqlite
    .prepare(
      `SELECT bl.amount_fen, fi.cycle_months FROM bill_lines bl JOIN fee_items fi ON fi.id = bl.fee_item_id
       WHERE bl.unit_id = ? AND bl.status = 'posted' AND bl.kind = 'charge' AND bl.source IN ('run', 'prepay_ahead', 'opening')
         AND bl.id = (SELECT b2.id FROM bill_lines b2
                      WHERE b2.unit_id = bl.unit_id AND b2.fee_item_id = bl.fee_item_id AND b2.object_kind = bl.object_kind
                        AND b2.object_id = bl.object_id AND b2.status = 'posted' AND b2.kind = 'charge'
                        AND b2.source IN ('run', 'prepay_ahead', 'opening')
                      ORDER BY b2.period_start DESC, b2.id DESC LIMIT 1)`,
    )
    .all(unitId) as Array<{ amount_fen: number; cycle_months: number }>;
  return rows.reduce((sum, r) => sum + Number(roundHalfUpDiv(BigInt(r.amount_fen), BigInt(r.cycle_months))), 0);
}

/** RULES §6: prepayment beyond the setting's months is warned about, never refused. */
export function prepaidWarning(app: AppContext, unitId: number): string | null {
  const months = getSettings(app).prepaidWarningMonths;
  const monthly = monthlyChargeFen(app, unitId);
  if (monthly === 0) return null;
  const total = prepaidBalances(app, unitId).reduce((sum, b) => sum + b.balanceFen, 0);
  if (total <= monthly * months) return null;
  return `预存余额 ${formatYuan(total)} 已超过 ${months} 个月的应缴费用（每月约 ${formatYuan(monthly)}），请提醒业主注意预存上限`;
}
