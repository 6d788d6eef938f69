import { TENDER_NAMES, type TenderMethod } from '../../src-shared/api/calls/collection';
import { formatYuan } from '../../src-shared/domain/money';
import { AppFailure } from '../ipc/failure';

export interface TenderLine {
  method: TenderMethod;
  amountFen: number;
  reference: string;
}

/** What the desk can take while the online parts are down (RULES §7): no e-payment confirmation. */
const OFFLINE_METHODS: ReadonlySet<TenderMethod> = new Set(['cash', 'card', 'transfer']);

/**
 * Checks the tender lines and works out the change. Change comes only from cash: the cash handed
 * over must cover the cash tender, and any other method is taken at its exact amount.
 */
export function checkTenders(
  tenders: TenderLine[],
  cashGivenFen: number | undefined,
  fallback: boolean,
): { totalFen: number; cashFen: number; changeFen: number } {
  let totalFen = 0;
  let cashFen = 0;
  for (const t of tenders) {
    if (!Number.isSafeInteger(t.amountFen) || t.amountFen <= 0) {
      throw new AppFailure('INVALID_INPUT', `${TENDER_NAMES[t.method]}金额必须大于 0 且精确到分`);
    }
    if (fallback && !OFFLINE_METHODS.has(t.method)) {
      throw new AppFailure('RULE_VIOLATION', `应急收费模式下不能收${TENDER_NAMES[t.method]}，只能收现金、刷卡（凭签购单号）或转账（凭转账单号）`);
    }
    if (t.method !== 'cash' && t.reference.trim() === '') {
      throw new AppFailure('INVALID_INPUT', `请填写${TENDER_NAMES[t.method]}的交易凭证号`);
    }
    totalFen += t.amountFen;
    if (t.method === 'cash') cashFen += t.amountFen;
  }
  if (!Number.isSafeInteger(totalFen)) throw new AppFailure('INVALID_INPUT', '金额过大');
  if (cashGivenFen === undefined) return { totalFen, cashFen, changeFen: 0 };
  if (cashFen === 0 && cashGivenFen > 0) throw new AppFailure('AMOUNT_MISMATCH', '本次没有现金收款，不能找零');
  if (cashGivenFen < cashFen) {
    throw new AppFailure('AMOUNT_MISMATCH', `实收现金 ${formatYuan(cashGivenFen)} 少于现金收款 ${formatYuan(cashFen)}`);
  }
  return { totalFen, cashFen, changeFen: cashGivenFen - cashFen };
}
