import { addDays } from '../../src-shared/domain/dates';
import { e4Text, ratioToDecimalText, sumTermsToFen, type AmountTerm } from '../../src-shared/domain/lineAmount';
import {
  addRational,
  coveredRatio,
  exactDecimalText,
  formatMonths,
  monthsCovered,
  reduce,
  trimDecimal,
  type Period,
  type Rational,
} from '../../src-shared/domain/periods';
import { tierBands, type Tier } from '../../src-shared/domain/tiers';
import type { FeeItemRow } from './runData';
import type { PriceSegment } from './standardIndex';

/** The computed part of a bill line: what it charges and how, in words for the desk. */
export interface Charge {
  quantity: string;
  unitPrice: string;
  amountFen: number;
  basis: string;
}

export const yuan = (price: string): string => `¥${trimDecimal(price, 2)}`;
export const areaText = (e4: number): string => trimDecimal(e4Text(e4), 2);
export const usageText = (e4: number): string => trimDecimal(e4Text(e4), 0);
export const METER_UNITS: Record<string, string> = { water: '吨', power: '度' };

function ratioText(r: Rational): string {
  const red = reduce(r);
  return exactDecimalText(red) ?? `${red.num}/${red.den}`;
}

/** Σ price_i × months_i / Σ months_i to 4 decimals: the one price a split line can show. */
function averagePrice(segments: PriceSegment[], months: Rational[]): string {
  if (segments.length === 1) return trimDecimal(segments[0]!.price, 2);
  let weighted: Rational = { num: 0n, den: 1n };
  let total: Rational = { num: 0n, den: 1n };
  segments.forEach((s, i) => {
    const [whole = '0', frac = ''] = s.price.split('.');
    const price: Rational = { num: BigInt(whole + frac), den: 10n ** BigInt(frac.length) };
    weighted = addRational(weighted, { num: price.num * months[i]!.num, den: price.den * months[i]!.den });
    total = addRational(total, months[i]!);
  });
  return trimDecimal(ratioToDecimalText({ num: weighted.num * total.den, den: weighted.den * total.num }), 2);
}

/**
 * AREA (物业费): area × price per ㎡·month × months, one term per price segment, rounded once.
 * '89.50㎡ × ¥2.35 × 0.5 月 + 89.50㎡ × ¥2.50 × 0.5 月'.
 */
export function areaCharge(areaE4: number, segments: PriceSegment[]): Charge {
  const area = e4Text(areaE4);
  const months = segments.map((s) => monthsCovered(s.from, s.to));
  const ratios = months.map(coveredRatio);
  const terms: AmountTerm[] = segments.map((s, i) => ({ factors: [area, s.price], ratio: ratios[i] }));
  const totalMonths = ratios.reduce(addRational);
  return {
    quantity: trimDecimal(ratioToDecimalText({ num: BigInt(areaE4) * totalMonths.num, den: 10_000n * totalMonths.den }), 2),
    unitPrice: averagePrice(segments, ratios),
    amountFen: sumTermsToFen(terms),
    basis: segments.map((s, i) => `${areaText(areaE4)}㎡ × ${yuan(s.price)} × ${formatMonths(months[i]!)} 月`).join(' + '),
  };
}

/** FIXED: price per month (元/月) × months, for a unit or a parking space. */
export function fixedCharge(segments: PriceSegment[]): Charge {
  const months = segments.map((s) => monthsCovered(s.from, s.to));
  const ratios = months.map(coveredRatio);
  const totalMonths = ratios.reduce(addRational);
  return {
    quantity: trimDecimal(ratioToDecimalText(totalMonths), 0),
    unitPrice: averagePrice(segments, ratios),
    amountFen: sumTermsToFen(segments.map((s, i) => ({ factors: [s.price], ratio: ratios[i] }))),
    basis: segments.map((s, i) => `${yuan(s.price)}/月 × ${formatMonths(months[i]!)} 月`).join(' + '),
  };
}

/**
 * METERED: usage × price. A price change inside the period spreads the usage over the days at
 * each price; with tiers (阶梯) each band is charged at its own price instead.
 */
export function meteredCharge(usageE4: number, unitLabel: string, segments: PriceSegment[], period: Period, tiers: Tier[] | null): Charge {
  const usage = e4Text(usageE4);
  const periodMonths: Rational = { num: BigInt(period.months), den: 1n };
  const shares = segments.map((s) => {
    const r = coveredRatio(monthsCovered(s.from, s.to));
    return reduce({ num: r.num * periodMonths.den, den: r.den * periodMonths.num });
  });
  const covered = shares.reduce(addRational);
  const full = covered.num === covered.den;
  if (tiers) {
    const bands = tierBands(usageE4, tiers);
    const ratio = full ? undefined : covered;
    return {
      quantity: trimDecimal(usage, 0),
      unitPrice: trimDecimal(bands[0]?.price ?? tiers[0]!.price, 2),
      amountFen: sumTermsToFen(bands.map((b) => ({ factors: [b.quantity, b.price], ratio }))),
      basis:
        `${usageText(usageE4)} ${unitLabel}（阶梯）：` +
        bands.map((b) => `${trimDecimal(b.quantity, 0)} ${unitLabel} × ${yuan(b.price)}`).join(' + ') +
        (full ? '' : ` × ${ratioText(covered)}`),
    };
  }
  return {
    quantity: trimDecimal(usage, 0),
    unitPrice: averagePrice(segments, shares),
    amountFen: sumTermsToFen(segments.map((s, i) => ({ factors: [usage, s.price], ratio: shares[i] }))),
    basis: segments
      .map((s, i) => `${usageText(usageE4)} ${unitLabel} × ${yuan(s.price)}${shares[i]!.num === shares[i]!.den ? '' : ` × ${ratioText(shares[i]!)}`}`)
      .join(' + '),
  };
}

/** RULES §4: the due date from the fee item's rule. */
export function dueDate(item: Pick<FeeItemRow, 'due_rule' | 'due_days'>, period: Period): string {
  switch (item.due_rule) {
    case 'period_start':
      return period.start;
    case 'period_end':
      return period.end;
    case 'days_after_start':
      return addDays(period.start, item.due_days);
  }
}
