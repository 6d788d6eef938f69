import type { CollectInput, CollectResult } from '../../src-shared/api/calls/collection';
import type { AppContext } from '../app/context';
import { collectPayment, replayOf } from '../collection/collectService';
import type { ParsedInput } from './callSupport';
import { findAccount, accountBalance, prepaidWarning } from './prepaidBalances';

/**
 * A prepaid deposit at the desk (预存) is a payment like any other — tenders in the cashier's
 * shift and exactly one receipt number (RULES §6) — so it goes through COLLECTION's desk payment
 * with no lines selected and the whole amount to prepaid, general or earmarked.
 */
function asCollectInput(p: ParsedInput<'accounts.depositPrepaid'>): CollectInput {
  return {
    idempotencyKey: p.idempotencyKey,
    unitId: p.unitId,
    payerName: p.payerName,
    lineIds: [],
    tenders: p.tenders,
    cashGivenFen: p.cashGivenFen,
    overpayTo: 'prepaid',
    prepaidFeeItemId: p.feeItemId,
  };
}

export type PrepaidDepositResult = CollectResult & { balanceFen: number; warning: string | null };

function withBalance(app: AppContext, p: ParsedInput<'accounts.depositPrepaid'>, payment: CollectResult): PrepaidDepositResult {
  const accountId = findAccount(app, p.unitId, p.feeItemId);
  return { ...payment, balanceFen: accountId === null ? 0 : accountBalance(app, accountId), warning: prepaidWarning(app, p.unitId) };
}

/** The first result of an idempotency key already used, or null. */
export function replayedDeposit(app: AppContext, userId: number, p: ParsedInput<'accounts.depositPrepaid'>): PrepaidDepositResult | null {
  const replay = replayOf(app, userId, asCollectInput(p));
  return replay ? withBalance(app, p, replay) : null;
}

/** Runs inside the caller's transaction. */
export function depositPrepaid(app: AppContext, userId: number, p: ParsedInput<'accounts.depositPrepaid'>): PrepaidDepositResult {
  return withBalance(app, p, collectPayment(app, userId, asCollectInput(p)));
}
