// The amount of one bill line as an exact sum of terms, rounded half up to the fen ONCE
// (RULES §1). A term is a product of decimal texts (area, price, usage) times an exact fraction
// (months covered, a share of the period), so a price change inside a period adds a term
// instead of a second rounding.

import { parseDecimal, pow10, roundHalfUpDiv, toSafeFen } from './decimal';
import type { Rational } from './periods';

export interface AmountTerm {
  factors: string[];
  ratio?: Rational;
}

const MAX_SCALE = 4;

function termValue(term: AmountTerm): Rational {
  let num = 1n;
  let scale = 0;
  for (const text of term.factors) {
    const d = parseDecimal(text);
    if (d.scale > MAX_SCALE) throw new RangeError(`more than ${MAX_SCALE} decimals: ${text}`);
    num *= d.int;
    scale += d.scale;
  }
  const ratio = term.ratio ?? { num: 1n, den: 1n };
  return { num: num * ratio.num, den: pow10(scale) * ratio.den };
}

/** Σ terms in yuan, exactly, then rounded half up to the fen. */
export function sumTermsToFen(terms: AmountTerm[]): number {
  let num = 0n;
  let den = 1n;
  for (const term of terms) {
    const v = termValue(term);
    if (v.den === den) num += v.num;
    else {
      num = num * v.den + v.num * den;
      den *= v.den;
    }
  }
  return toSafeFen(roundHalfUpDiv(num * 100n, den));
}

/** An exact fraction rounded half up to `scale` decimals, as text. */
export function ratioToDecimalText(r: Rational, scale = MAX_SCALE): string {
  const scaled = roundHalfUpDiv(r.num * pow10(scale), r.den);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(scale + 1, '0');
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** A decimal text as an exact fraction. */
export function decimalRatio(text: string): Rational {
  const d = parseDecimal(text);
  return { num: d.int, den: pow10(d.scale) };
}

/** A 0.0001-unit integer (area_e4, usage_e4) as decimal text, e.g. 895000 → '89.5000'. */
export function e4Text(e4: number): string {
  return ratioToDecimalText({ num: BigInt(e4), den: 10_000n });
}
