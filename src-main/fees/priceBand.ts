import { decimalRatio, ratioToDecimalText } from '../../src-shared/domain/lineAmount';
import { trimDecimal } from '../../src-shared/domain/periods';

export interface PricePolicy {
  price_type: 'government_guided' | 'market';
  base_price: string | null;
  float_band: string | null;
}

/**
 * 政府指导价: a price must lie within base × (1 ± band), compared exactly. Returns the refusal in
 * Chinese, or null when the price is allowed (always, for 市场调节价).
 */
export function priceBandProblem(policy: PricePolicy, price: string): string | null {
  if (policy.price_type !== 'government_guided' || policy.base_price === null || policy.float_band === null) return null;
  const p = decimalRatio(price);
  const base = decimalRatio(policy.base_price);
  const band = decimalRatio(policy.float_band);
  // |p − base| ≤ base × band, multiplied through by the three denominators.
  const diff = p.num * base.den * band.den - base.num * p.den * band.den;
  const allowed = base.num * band.num * p.den;
  if ((diff < 0n ? -diff : diff) <= allowed) return null;
  const pct = trimDecimal(ratioToDecimalText({ num: band.num * 100n, den: band.den }), 0);
  return `单价 ¥${trimDecimal(price, 2)} 超出政府指导价范围（基准价 ¥${trimDecimal(policy.base_price, 2)}，上下浮动 ${pct}%）`;
}
