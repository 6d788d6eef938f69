import { parseDecimal, pow10 } from '../../src-shared/domain/decimal';

/** '89.5' → 895000: areas and readings are stored in 0.0001 units so sums and shares stay exact. */
export function decimalToE4(text: string): number {
  const d = parseDecimal(text);
  if (d.int < 0n || d.scale > 4) throw new RangeError(`not a non-negative decimal with up to 4 places: ${text}`);
  const e4 = d.int * pow10(4 - d.scale);
  if (e4 > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`too large: ${text}`);
  return Number(e4);
}

/** 895000 → '89.5', 10000 → '1': the shortest exact decimal. */
export function e4ToDecimal(e4: number): string {
  const digits = String(e4).padStart(5, '0');
  const whole = digits.slice(0, -4);
  const frac = digits.slice(-4).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}
