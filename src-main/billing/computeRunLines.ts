import type { AppContext } from '../app/context';
import { addMonths } from '../../src-shared/domain/dates';
import type { Period } from '../../src-shared/domain/periods';
import type { Tier } from '../../src-shared/domain/tiers';
import { apportionCharges } from './apportionLines';
import { areaCharge, dueDate, fixedCharge, meteredCharge, METER_UNITS, type Charge } from './lineDrafts';
import { lineKey, loadRunData, payerOn, readingKey, type FeeItemRow, type RunData, type RunParams, type UnitRow } from './runData';
import { clipSegments, StandardIndex, type PriceSegment } from './standardIndex';

export interface RunLine extends Charge {
  unitId: number;
  unitCode: string;
  communityId: number;
  feeItemId: number;
  objectKind: 'unit' | 'parking' | 'meter';
  objectId: number;
  customerId: number | null;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
}

export type ExceptionKind = 'no_area' | 'no_reading' | 'negative_usage' | 'no_standard' | 'no_unit' | 'no_apportion_total' | 'apportion_weights';

/** Something the run could not bill and a clerk must look at (RULES §4 preview). */
export interface RunException {
  kind: ExceptionKind;
  feeItemId: number | null;
  unitId: number | null;
  message: string;
}

export interface RunComputation {
  lines: RunLine[];
  /** Lines whose key (unit, item, object, period start) is already billed: a rerun adds nothing. */
  skipped: number;
  exceptions: RunException[];
}

/** Loads what the run needs in a few queries and computes every line in memory. */
export function computeRunLines(app: AppContext, params: RunParams): RunComputation {
  return computeLines(loadRunData(app, params));
}

/**
 * First billable day of a unit for unit-charged fees (RULES §4): the month after delivery, or the
 * delivery day itself when pro-rating by days. An undelivered unit without a date is not billed;
 * a unit in use without a recorded date has been billable all along.
 */
function billableFrom(unit: UnitRow, proration: RunData['deliveryProration']): string | null {
  if (unit.delivery_date === null) return unit.status === 'undelivered' ? null : '0000-01-01';
  return proration === 'by_days' ? unit.delivery_date : addMonths(`${unit.delivery_date.slice(0, 7)}-01`, 1);
}

/** Usage of a meter over the months of a period, or why there is none. */
export function periodUsage(data: RunData, meterId: number, period: Period): { usageE4: number } | { problem: 'no_reading' | 'negative_usage' } {
  let usageE4 = 0;
  let found = false;
  for (let m = period.start; m <= period.end; m = addMonths(m, 1)) {
    const r = data.readings.get(readingKey(meterId, m.slice(0, 7)));
    if (!r) continue;
    if (r.rollover === 0 && r.reading_e4 < r.prev_reading_e4) return { problem: 'negative_usage' };
    usageE4 += r.usage_e4;
    found = true;
  }
  return found ? { usageE4 } : { problem: 'no_reading' };
}

export function computeLines(data: RunData): RunComputation {
  const index = new StandardIndex(data.standards);
  const out: RunComputation = { lines: [], skipped: 0, exceptions: [] };
  const unitsById = new Map(data.units.map((u) => [u.id, u]));
  // What some item of a method billed (or tried to): the base of the missing-standard check.
  const covered = { area: new Set<number>(), meter: new Set<number>(), parking: new Set<number>() };

  const emit = (item: FeeItemRow, unit: UnitRow, kind: RunLine['objectKind'], objectId: number, charge: Charge) => {
    const period = data.periods.get(item.id)!;
    if (item.method === 'AREA') covered.area.add(objectId);
    else if (kind !== 'unit') covered[kind].add(objectId);
    if (charge.amountFen === 0) return;
    if (data.existingKeys.size > 0 && data.existingKeys.has(lineKey(unit.id, item.id, kind, objectId, period.start))) {
      out.skipped += 1;
      return;
    }
    out.lines.push({
      quantity: charge.quantity,
      unitPrice: charge.unitPrice,
      amountFen: charge.amountFen,
      basis: charge.basis,
      unitId: unit.id,
      unitCode: unit.code,
      communityId: unit.community_id,
      feeItemId: item.id,
      objectKind: kind,
      objectId,
      customerId: payerOn(data, unit.id, period.start),
      periodStart: period.start,
      periodEnd: period.end,
      dueDate: dueDate(item, period),
    });
  };
  // Units with the same prices and the same area (or usage) get the same charge: compute it once.
  const memo = new Map<PriceSegment[], Map<number, Charge>>();
  const charge = (segs: PriceSegment[], quantityKey: number, make: () => Charge): Charge => {
    let bySize = memo.get(segs);
    if (!bySize) memo.set(segs, (bySize = new Map()));
    let c = bySize.get(quantityKey);
    if (!c) bySize.set(quantityKey, (c = make()));
    return c;
  };
  const problem = (kind: ExceptionKind, item: FeeItemRow | null, unit: UnitRow | null, message: string) =>
    out.exceptions.push({ kind, feeItemId: item?.id ?? null, unitId: unit?.id ?? null, message });

  for (const item of data.items) {
    const period = data.periods.get(item.id)!;
    if (item.method === 'APPORTION') {
      apportionCharges(data, index, item, period, emit, problem);
      continue;
    }
    if (item.object === 'parking') {
      for (const space of data.parking) {
        const segs = index.segments(item.id, { communityId: space.community_id, buildingId: null, use: null, unitId: space.unit_id, parkingType: space.type }, period);
        const leased = clipSegments(segs, space.lease_start ?? period.start, space.lease_end ?? period.end);
        if (leased.length === 0) continue;
        const unit = space.unit_id !== null ? unitsById.get(space.unit_id) : undefined;
        if (!unit) {
          covered.parking.add(space.id);
          problem('no_unit', item, null, `车位 ${space.code} 未关联房屋，无法出账「${item.name}」`);
          continue;
        }
        const c = charge(leased, 0, () => fixedCharge(leased));
        emit(item, unit, 'parking', space.id, { ...c, basis: `车位 ${space.code}：${c.basis}` });
      }
      continue;
    }
    if (item.method === 'METERED') {
      const tiers = item.tiers_json ? (JSON.parse(item.tiers_json) as Tier[]) : null;
      for (const meter of data.meters) {
        if (meter.unit_id === null || meter.kind !== item.meter_kind) continue;
        const unit = unitsById.get(meter.unit_id)!;
        const segs = index.segments(item.id, target(unit), period);
        if (segs.length === 0) continue;
        const usage = periodUsage(data, meter.id, period);
        if ('problem' in usage) {
          covered.meter.add(meter.id);
          problem(
            usage.problem,
            item,
            unit,
            usage.problem === 'no_reading'
              ? `${unit.code} 表 ${meter.code} 缺少 ${period.start.slice(0, 7)} 期抄表读数`
              : `${unit.code} 表 ${meter.code} 本期读数小于上期且未标记翻表，用量为负`,
          );
          continue;
        }
        const c = charge(segs, usage.usageE4, () => meteredCharge(usage.usageE4, METER_UNITS[meter.kind]!, segs, period, tiers));
        emit(item, unit, 'meter', meter.id, { ...c, basis: `表 ${meter.code}：${c.basis}` });
      }
      continue;
    }
    for (const unit of data.units) {
      const from = billableFrom(unit, data.deliveryProration);
      if (from === null || from > period.end) continue;
      const segs = clipSegments(index.segments(item.id, target(unit), period), from, period.end);
      if (segs.length === 0) continue;
      if (item.method === 'FIXED') {
        emit(item, unit, 'unit', unit.id, charge(segs, 0, () => fixedCharge(segs)));
        continue;
      }
      const areaE4 = item.area_basis === 'inner' ? unit.inner_area_e4 : unit.building_area_e4;
      if (!areaE4) {
        covered.area.add(unit.id);
        problem('no_area', item, unit, `${unit.code} 没有${item.area_basis === 'inner' ? '套内' : '建筑'}面积，无法计算「${item.name}」`);
        continue;
      }
      emit(item, unit, 'unit', unit.id, charge(segs, areaE4, () => areaCharge(areaE4, segs)));
    }
  }
  reportMissingStandards(data, index, covered, unitsById, problem);
  return out;
}

export function target(unit: UnitRow) {
  return { communityId: unit.community_id, buildingId: unit.building_id, use: unit.use, unitId: unit.id, parkingType: null };
}

/**
 * A unit without any property-fee (AREA) standard, a unit meter without any metered standard of
 * its kind, or a parking space without any parking standard — in a community where the run has
 * such standards — is reported, since the run silently billing nothing there is usually a mistake.
 */
function reportMissingStandards(
  data: RunData,
  index: StandardIndex,
  covered: { area: Set<number>; meter: Set<number>; parking: Set<number> },
  unitsById: Map<number, UnitRow>,
  problem: (kind: ExceptionKind, item: FeeItemRow | null, unit: UnitRow | null, message: string) => void,
): void {
  const usedIn = (pred: (i: FeeItemRow) => boolean, communityId: number) =>
    data.items.some((i) => pred(i) && index.hasStandards(i.id, communityId));
  for (const unit of data.units) {
    const from = billableFrom(unit, data.deliveryProration);
    const anyPeriodEnd = data.items.find((i) => i.method === 'AREA');
    if (!anyPeriodEnd || from === null || from > data.periods.get(anyPeriodEnd.id)!.end) continue;
    if (!covered.area.has(unit.id) && usedIn((i) => i.method === 'AREA', unit.community_id)) {
      problem('no_standard', null, unit, `${unit.code} 没有适用的面积计费标准（物业费）`);
    }
  }
  for (const meter of data.meters) {
    if (meter.unit_id === null || covered.meter.has(meter.id)) continue;
    if (usedIn((i) => i.method === 'METERED' && i.meter_kind === meter.kind, meter.community_id)) {
      problem('no_standard', null, unitsById.get(meter.unit_id) ?? null, `表 ${meter.code} 没有适用的${meter.kind === 'water' ? '水费' : '电费'}标准`);
    }
  }
  for (const space of data.parking) {
    if (covered.parking.has(space.id) || !usedIn((i) => i.object === 'parking', space.community_id)) continue;
    if (space.lease_end !== null && space.lease_end < `${data.params.month}-01`) continue;
    problem('no_standard', null, space.unit_id !== null ? (unitsById.get(space.unit_id) ?? null) : null, `车位 ${space.code} 没有适用的车位收费标准`);
  }
}

