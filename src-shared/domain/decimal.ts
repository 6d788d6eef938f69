// Exact decimal arithmetic for prices, quantities and rates. Values arrive as strings
// (as typed, as stored) so nothing passes through binary floating point on the way in.

export interface Decimal {
  /** The digits as an integer: value = int / 10^scale. */
  int: bigint;
  /** Number of decimals as written ('2.3500' keeps scale 4). */
  scale: number;
}

const DECIMAL_RE = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parses '2.3500', '0.0005', '-89.5', '12' exactly. No exponent, no grouping, no spaces. */
export function parseDecimal(s: string): Decimal {
  const m = DECIMAL_RE.exec(s);
  if (!m) throw new RangeError(`not a decimal number: ${JSON.stringify(s)}`);
  const sign = m[1] ?? '';
  const whole = m[2] ?? '';
  const frac = m[3] ?? '';
  const int = BigInt(whole + frac);
  return { int: sign === '-' ? -int : int, scale: frac.length };
}

export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** num / den rounded half up, i.e. ties away from zero on both sides of zero. */
export function roundHalfUpDiv(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new RangeError('division by zero');
  const negative = (num < 0n) !== (den < 0n);
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** Converts a bigint fen amount to a number, refusing anything a number cannot hold exactly. */
export function toSafeFen(fen: bigint): number {
  if (fen > BigInt(Number.MAX_SAFE_INTEGER) || fen < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`amount out of range: ${fen} fen`);
  }
  return Number(fen);
}

const MAX_INPUT_SCALE = 4;

/**
 * price (yuan) × quantities, exactly, rounded half up to the fen once at the end —
 * RULES §1: round once per bill line, never per factor.
 */
export function mulRoundHalfUpToFen(yuanPrice: string, ...quantities: string[]): number {
  let product = 1n;
  let scale = 0;
  for (const text of [yuanPrice, ...quantities]) {
    const d = parseDecimal(text);
    if (d.scale > MAX_INPUT_SCALE) {
      throw new RangeError(`more than ${MAX_INPUT_SCALE} decimals: ${text}`);
    }
    product *= d.int;
    scale += d.scale;
  }
  return toSafeFen(roundHalfUpDiv(product * 100n, pow10(scale)));
}
