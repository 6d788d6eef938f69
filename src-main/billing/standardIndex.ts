import { addDays } from '../../src-shared/domain/dates';
import type { Period } from '../../src-shared/domain/periods';
import type { StandardRow } from './runData';

/** What a standard can be matched against: a unit, or a parking space (its type and holder unit). */
export interface StandardTarget {
  communityId: number;
  buildingId: number | null;
  use: string | null;
  unitId: number | null;
  parkingType: string | null;
}

/** A run of days inside a period charged at one price. */
export interface PriceSegment {
  from: string;
  to: string;
  price: string;
}

/**
 * The most specific standard wins (RULES §3): a single unit over a use (住宅/商铺…) over a building
 * over the whole community; for parking spaces a parking type over the community. Among equally
 * specific standards the one that started later wins, so a new standard overrides an open-ended
 * old one from its start date.
 */
function specificity(s: StandardRow, t: StandardTarget): number {
  switch (s.scope) {
    case 'unit':
      return t.unitId !== null && s.unit_id === t.unitId ? 4 : -1;
    case 'use':
      return t.use !== null && s.unit_use === t.use ? 3 : -1;
    case 'parking_type':
      return t.parkingType !== null && s.parking_type === t.parkingType ? 3 : -1;
    case 'building':
      return t.buildingId !== null && s.building_id === t.buildingId ? 2 : -1;
    case 'community':
      return 1;
  }
}

export class StandardIndex {
  private readonly byItemCommunity = new Map<string, StandardRow[]>();
  private readonly unitScoped = new Set<string>();
  private readonly cache = new Map<string, PriceSegment[]>();

  constructor(standards: StandardRow[]) {
    for (const s of standards) {
      const key = `${s.fee_item_id}|${s.community_id}`;
      const list = this.byItemCommunity.get(key);
      if (list) list.push(s);
      else this.byItemCommunity.set(key, [s]);
      if (s.scope === 'unit') this.unitScoped.add(`${s.fee_item_id}|${s.unit_id}`);
    }
  }

  hasStandards(feeItemId: number, communityId: number): boolean {
    return this.byItemCommunity.has(`${feeItemId}|${communityId}`);
  }

  /** The priced days of the period for this target; days no standard covers are left out. */
  segments(feeItemId: number, t: StandardTarget, period: Period): PriceSegment[] {
    const ownUnit = t.unitId !== null && this.unitScoped.has(`${feeItemId}|${t.unitId}`) ? t.unitId : '';
    // Units that differ only in id share their prices: cache by everything else that matters.
    const key = `${feeItemId}|${t.communityId}|${t.buildingId}|${t.use}|${ownUnit}|${t.parkingType}|${period.start}`;
    let segs = this.cache.get(key);
    if (!segs) {
      segs = this.compute(feeItemId, t, period);
      this.cache.set(key, segs);
    }
    return segs;
  }

  private compute(feeItemId: number, t: StandardTarget, period: Period): PriceSegment[] {
    const candidates = (this.byItemCommunity.get(`${feeItemId}|${t.communityId}`) ?? [])
      .map((s) => ({ s, rank: specificity(s, t) }))
      .filter((c) => c.rank > 0);
    if (candidates.length === 0) return [];
    const breaks = new Set([period.start]);
    for (const { s } of candidates) {
      if (s.start_date > period.start && s.start_date <= period.end) breaks.add(s.start_date);
      if (s.end_date !== null && s.end_date >= period.start && s.end_date < period.end) breaks.add(addDays(s.end_date, 1));
    }
    const starts = [...breaks].sort();
    const segments: PriceSegment[] = [];
    starts.forEach((from, i) => {
      const to = i + 1 < starts.length ? addDays(starts[i + 1]!, -1) : period.end;
      let best: { s: StandardRow; rank: number } | null = null;
      for (const c of candidates) {
        if (c.s.start_date > from || (c.s.end_date !== null && c.s.end_date < from)) continue;
        if (!best || c.rank > best.rank || (c.rank === best.rank && (c.s.start_date > best.s.start_date || (c.s.start_date === best.s.start_date && c.s.id > best.s.id)))) best = c;
      }
      if (!best) return;
      const last = segments[segments.length - 1];
      if (last && last.price === best.s.price && addDays(last.to, 1) === from) last.to = to;
      else segments.push({ from, to, price: best.s.price });
    });
    return segments;
  }
}

/** The segments cut to the days from..to (a delivery date, a lease), dropping what falls outside. */
export function clipSegments(segments: PriceSegment[], from: string, to: string): PriceSegment[] {
  // The same array when nothing is cut, so charges memoized per segment list keep hitting.
  if (segments.every((s) => s.from >= from && s.to <= to)) return segments;
  const out: PriceSegment[] = [];
  for (const s of segments) {
    const a = s.from > from ? s.from : from;
    const b = s.to < to ? s.to : to;
    if (a <= b) out.push({ from: a, to: b, price: s.price });
  }
  return out;
}
