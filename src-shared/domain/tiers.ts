// 阶梯价 for metered fees (RULES §3): usage in a billing period is split into bands, each band
// charged at its own price. Bands are given by their upper bound; the last band is open.

import { parseDecimal, pow10 } from './decimal';
import { fixedText } from './periods';

export interface Tier {
  /** Upper bound of the band in the meter's unit (吨/度), decimal text; null = no bound. */
  upTo: string | null;
  price: string;
}

function toE4(text: string): bigint {
  const d = parseDecimal(text);
  if (d.scale > 4) throw new RangeError(`more than 4 decimals: ${text}`);
  return d.int * pow10(4 - d.scale);
}

/** Why a tier list is unusable, in Chinese for the desk, or null when it is fine. */
export function tierProblem(tiers: Tier[]): string | null {
  if (tiers.length === 0) return '阶梯价至少需要一档';
  let previous = 0n;
  for (const [i, tier] of tiers.entries()) {
    const last = i === tiers.length - 1;
    if (tier.upTo === null) {
      if (!last) return '只有最后一档可以不设上限';
      continue;
    }
    if (last) return '最后一档不能设上限（超出部分按最后一档计价）';
    const bound = toE4(tier.upTo);
    if (bound <= previous) return '阶梯上限必须逐档递增且大于 0';
    previous = bound;
  }
  return null;
}

/** The usage of each band: [{ quantity: '10.0000', price: '3.50' }, …], empty bands left out. */
export function tierBands(usageE4: number, tiers: Tier[]): Array<{ quantity: string; price: string }> {
  const usage = BigInt(usageE4);
  const bands: Array<{ quantity: string; price: string }> = [];
  let lower = 0n;
  for (const tier of tiers) {
    const upper = tier.upTo === null ? usage : toE4(tier.upTo);
    const top = usage < upper ? usage : upper;
    if (top > lower) bands.push({ quantity: fixedText(top - lower, 4), price: tier.price });
    if (usage <= upper) break;
    lower = upper;
  }
  return bands;
}
