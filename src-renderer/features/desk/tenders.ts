import type { TenderMethod } from '../../../src-shared/api/calls/collection';

export type { TenderMethod };

/** The contract's methods in the desk's order; a type-only import keeps zod out of the renderer. */
export const TENDER_METHODS = ['cash', 'wechat', 'alipay', 'card', 'transfer'] as const satisfies readonly TenderMethod[];

/**
 * One tender line as the cashier edits it. The first cash line starts `auto`: its amount follows
 * what is still to pay after the other lines, until the cashier types an amount into it.
 */
export interface TenderDraft {
  key: number;
  method: TenderMethod;
  amountFen: number | null;
  reference: string;
  auto: boolean;
}

let nextKey = 1;

export function newTender(method: TenderMethod, auto = false): TenderDraft {
  return { key: nextKey++, method, amountFen: null, reference: '', auto };
}

/** The amount each line stands for: typed, or for the auto cash line whatever is left to pay. */
export function effectiveAmounts(tenders: readonly TenderDraft[], toPayFen: number): number[] {
  const typed = tenders.reduce((s, t) => s + (t.auto ? 0 : (t.amountFen ?? 0)), 0);
  const rest = Math.max(0, toPayFen - typed);
  return tenders.map((t) => (t.auto ? rest : (t.amountFen ?? 0)));
}

export interface TenderSums {
  totalFen: number;
  cashFen: number;
  /** Cash handed over minus the cash tender; null while no cash given is typed. */
  changeFen: number | null;
  /** Tenders beyond what is to pay (positive) or short of it (negative). */
  differenceFen: number;
}

export function tenderSums(tenders: readonly TenderDraft[], toPayFen: number, cashGivenFen: number | null): TenderSums {
  const amounts = effectiveAmounts(tenders, toPayFen);
  let totalFen = 0;
  let cashFen = 0;
  tenders.forEach((t, i) => {
    totalFen += amounts[i]!;
    if (t.method === 'cash') cashFen += amounts[i]!;
  });
  const changeFen = cashGivenFen === null || cashFen === 0 ? null : cashGivenFen - cashFen;
  return { totalFen, cashFen, changeFen, differenceFen: totalFen - toPayFen };
}

/** The lines to send: amounts resolved, empty lines (an auto cash line with nothing left) dropped. */
export function tendersToSend(tenders: readonly TenderDraft[], toPayFen: number) {
  const amounts = effectiveAmounts(tenders, toPayFen);
  return tenders
    .map((t, i) => ({ method: t.method, amountFen: amounts[i]!, reference: t.method === 'cash' ? '' : t.reference.trim() }))
    .filter((t) => t.amountFen > 0);
}
