// 违约金/滞纳金 on one bill line, RULES §5. Callers sum the per-line results; the rounding to
// the fen happens here, per line, exactly once.

import { daysBetween } from './dates';
import { parseDecimal, pow10, roundHalfUpDiv, toSafeFen, type Decimal } from './decimal';

export interface LateFeeParams {
  /** Principal outstanding on the line, in fen. */
  principalFen: number;
  /** 'YYYY-MM-DD'; the due date itself is not overdue. */
  dueDate: string;
  /** 'YYYY-MM-DD'; the day the fee is computed for (payment date or today). */
  asOf: string;
  /** Per day, as a decimal string: '0.0005' = 日万分之五. */
  dailyRate: string;
  graceDays: number;
  /** Maximum fee as a ratio of the principal, e.g. '0.3'; absent = no cap. */
  capRatio?: string;
}

function nonNegativeDecimal(text: string, what: string): Decimal {
  const d = parseDecimal(text);
  if (d.int < 0n) throw new RangeError(`${what} must not be negative, got ${text}`);
  return d;
}

export function overdueDays(dueDate: string, asOf: string, graceDays: number): number {
  if (!Number.isSafeInteger(graceDays) || graceDays < 0) {
    throw new RangeError(`grace days must be a non-negative integer, got ${graceDays}`);
  }
  return Math.max(0, daysBetween(dueDate, asOf) - graceDays);
}

/** principal × rate × overdue days, exact, half up to the fen, then capped. */
export function lateFee(p: LateFeeParams): number {
  if (!Number.isSafeInteger(p.principalFen) || p.principalFen < 0) {
    throw new RangeError(`principal must be a non-negative safe integer of fen, got ${p.principalFen}`);
  }
  const rate = nonNegativeDecimal(p.dailyRate, 'daily rate');
  const cap = p.capRatio === undefined ? undefined : nonNegativeDecimal(p.capRatio, 'cap ratio');
  const days = overdueDays(p.dueDate, p.asOf, p.graceDays);

  const principal = BigInt(p.principalFen);
  let fee = roundHalfUpDiv(principal * rate.int * BigInt(days), pow10(rate.scale));
  if (cap !== undefined) {
    const capFen = roundHalfUpDiv(principal * cap.int, pow10(cap.scale));
    if (fee > capFen) fee = capFen;
  }
  return toSafeFen(fee);
}
