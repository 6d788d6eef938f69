// Billing periods and how many months a span of days covers (RULES §3/§4). A period is a run of
// whole calendar months; cycles are calendar-aligned (quarters start in Jan/Apr/Jul/Oct, half-years
// in Jan/Jul, years in Jan) so every desk and every run agree on the same period starts — the
// uniqueness key of a bill line depends on it.

import { addDays, addMonths, daysBetween } from './dates';

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** First and last day (both inclusive) and the length in whole months. */
export interface Period {
  start: string;
  end: string;
  months: number;
}

/** An exact fraction; months covered and price shares are rational (15/31 of a month). */
export interface Rational {
  num: bigint;
  den: bigint;
}

export function periodStarting(start: string, months: number): Period {
  return { start, end: addDays(addMonths(start, months), -1), months };
}

/** The cycle of `cycleMonths` months that contains `month` ('YYYY-MM'). */
export function cycleContaining(month: string, cycleMonths: number): Period {
  if (!MONTH_RE.test(month)) throw new RangeError(`not a YYYY-MM month: ${JSON.stringify(month)}`);
  if (![1, 3, 6, 12].includes(cycleMonths)) throw new RangeError(`cycle must be 1, 3, 6 or 12 months, got ${cycleMonths}`);
  const m = Number(month.slice(5, 7));
  const startMonth = m - ((m - 1) % cycleMonths);
  return periodStarting(`${month.slice(0, 4)}-${String(startMonth).padStart(2, '0')}-01`, cycleMonths);
}

/** Whole months covered plus the partly covered months as covered days / days of that month. */
export interface MonthsCovered {
  whole: number;
  parts: Array<{ days: number; daysInMonth: number }>;
}

/**
 * Months covered by the days from..to (inclusive). Each calendar month counts its covered days
 * over its own length, so 2024-02-16..2024-02-29 is 14/29 of a month and a full month is 1
 * whether it has 28 or 31 days.
 */
export function monthsCovered(from: string, to: string): MonthsCovered {
  const result: MonthsCovered = { whole: 0, parts: [] };
  if (to < from) return result;
  let monthStart = `${from.slice(0, 7)}-01`;
  while (monthStart <= to) {
    const next = addMonths(monthStart, 1);
    const monthEnd = addDays(next, -1);
    const a = from > monthStart ? from : monthStart;
    const b = to < monthEnd ? to : monthEnd;
    const days = daysBetween(a, b) + 1;
    const daysInMonth = daysBetween(monthStart, monthEnd) + 1;
    if (days === daysInMonth) result.whole += 1;
    else result.parts.push({ days, daysInMonth });
    monthStart = next;
  }
  return result;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

export function reduce(r: Rational): Rational {
  const g = gcd(r.num, r.den);
  return { num: r.num / g, den: r.den / g };
}

export function addRational(a: Rational, b: Rational): Rational {
  return reduce({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
}

export function coveredRatio(c: MonthsCovered): Rational {
  return c.parts.reduce<Rational>(
    (sum, p) => addRational(sum, { num: BigInt(p.days), den: BigInt(p.daysInMonth) }),
    { num: BigInt(c.whole), den: 1n },
  );
}

/** The value with at most `maxScale` decimals if it has such an exact form, else null. */
export function exactDecimalText(r: Rational, maxScale = 4): string | null {
  const scale = 10n ** BigInt(maxScale);
  if ((r.num * scale) % r.den !== 0n) return null;
  return trimDecimal(fixedText((r.num * scale) / r.den, maxScale), 0);
}

/** '3', '0.5', '1+14/29' — the months of a bill line as the desk reads them. */
export function formatMonths(c: MonthsCovered): string {
  const exact = exactDecimalText(coveredRatio(c));
  if (exact !== null) return exact;
  const parts = c.parts.map((p) => {
    const r = reduce({ num: BigInt(p.days), den: BigInt(p.daysInMonth) });
    return exactDecimalText(r) ?? `${r.num}/${r.den}`;
  });
  return [...(c.whole > 0 ? [String(c.whole)] : []), ...parts].join('+');
}

/** A scaled integer as decimal text with exactly `scale` decimals: (12345n, 4) → '1.2345'. */
export function fixedText(scaled: bigint, scale: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** Drops trailing zeros but keeps at least `minScale` decimals: ('2.3500', 2) → '2.35'. */
export function trimDecimal(text: string, minScale: number): string {
  const [whole, frac = ''] = text.split('.');
  let f = frac.replace(/0+$/, '');
  if (f.length < minScale) f = f.padEnd(minScale, '0');
  return f.length > 0 ? `${whole}.${f}` : (whole ?? '0');
}
