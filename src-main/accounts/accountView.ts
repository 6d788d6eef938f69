import type { z } from 'zod';
import type { accountsCalls } from '../../src-shared/api/calls/accounts';
import type { AppContext } from '../app/context';
import { monthlyChargeFen, prepaidBalances, prepaidWarning, requireUnit } from './prepaidBalances';

type Balances = z.input<(typeof accountsCalls)['accounts.balances']['output']>;

const RECENT_ENTRIES = 20;

/** One unit's money held on its behalf: prepaid accounts with their latest entries, and deposits. */
export function unitBalances(app: AppContext, unitId: number): Balances {
  const unit = requireUnit(app, unitId);
  const entries = app.sqlite.prepare(
    `SELECT id, kind, amount_fen AS amountFen, business_date AS businessDate, payment_id AS paymentId,
            offset_id AS offsetId, refund_id AS refundId
     FROM prepaid_entries WHERE account_id = ? ORDER BY id DESC LIMIT ${RECENT_ENTRIES}`,
  );
  const itemName = app.sqlite.prepare('SELECT name FROM fee_items WHERE id = ?').pluck();
  const accounts = prepaidBalances(app, unitId).map((b) => ({
    ...b,
    name: b.feeItemId === null ? '通用预存' : `${itemName.get(b.feeItemId) as string}专项预存`,
    recentEntries: entries.all(b.accountId) as Balances['accounts'][number]['recentEntries'],
  }));
  const deposits = app.q.all(
    app.db
      .selectFrom('deposits')
      .select(['id as depositId', 'kind', 'amount_fen as amountFen', 'status', 'payment_id as paymentId', 'created_at as createdAt'])
      .where('unit_id', '=', unitId)
      .orderBy('id', 'desc'),
  );
  return {
    unitId,
    unitCode: unit.code,
    accounts,
    totalPrepaidFen: accounts.reduce((s, a) => s + a.balanceFen, 0),
    monthlyChargeFen: monthlyChargeFen(app, unitId),
    warning: prepaidWarning(app, unitId),
    deposits,
    heldDepositsFen: deposits.filter((d) => d.status === 'held').reduce((s, d) => s + d.amountFen, 0),
  };
}
