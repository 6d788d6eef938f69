import { apportion } from '../../src-shared/domain/apportion';
import { formatYuan } from '../../src-shared/domain/money';
import { ratioToDecimalText, sumTermsToFen } from '../../src-shared/domain/lineAmount';
import { trimDecimal, type Period } from '../../src-shared/domain/periods';
import type { ExceptionKind, RunLine } from './computeRunLines';
import { periodUsage, target } from './computeRunLines';
import { areaText, METER_UNITS, usageText, yuan, type Charge } from './lineDrafts';
import type { FeeItemRow, RunData, UnitRow } from './runData';
import type { StandardIndex } from './standardIndex';

type Emit = (item: FeeItemRow, unit: UnitRow, kind: RunLine['objectKind'], objectId: number, charge: Charge) => void;
type Problem = (kind: ExceptionKind, item: FeeItemRow | null, unit: UnitRow | null, message: string) => void;

interface Group {
  label: string;
  totalFen: number;
  totalBasis: string;
  members: UnitRow[];
}

const BASIS_NAMES = { area: '面积', usage: '用量', equal: '户数' } as const;

/**
 * APPORTION (公摊): one common total per building (an item with a meter kind: each common meter's
 * usage × the latest price of the period) or per building/community (an amount entered for the run), shared by the units the item's standards
 * cover there — by area (the legal default), metered usage or equally — with the largest
 * remainder method over units in natural code order (RULES §1). A group with a unit that has no
 * weight is not billed at all: billing the others would hand them that unit's share.
 */
export function apportionCharges(data: RunData, index: StandardIndex, item: FeeItemRow, period: Period, emit: Emit, problem: Problem): void {
  const basis = item.apportion_basis ?? 'area';
  const coveredUnits = data.units.filter((u) => index.segments(item.id, target(u), period).length > 0);
  for (const group of groupsOf(data, index, item, period, coveredUnits, problem)) {
    if (group.members.length === 0) continue;
    const weights: number[] = [];
    let blocked = false;
    for (const unit of group.members) {
      const w = weightOf(data, item, basis, unit, period);
      if (typeof w === 'string') {
        problem(basis === 'usage' ? 'no_reading' : 'no_area', item, unit, `${unit.code} ${w}，${group.label}的「${item.name}」本次未分摊`);
        blocked = true;
      } else weights.push(w);
    }
    if (blocked) continue;
    const sumWeight = weights.reduce((a, b) => a + b, 0);
    if (sumWeight === 0) {
      problem('apportion_weights', item, null, `${group.label}的「${item.name}」分摊权重合计为 0，无法分摊`);
      continue;
    }
    const shares = apportion(group.totalFen, weights);
    const unitPrice = trimDecimal(ratioToDecimalText({ num: BigInt(group.totalFen) * (basis === 'equal' ? 1n : 100n), den: BigInt(sumWeight) * (basis === 'equal' ? 100n : 1n) }), 2);
    group.members.forEach((unit, i) => {
      const w = weights[i]!;
      const shown = basis === 'area' ? `${areaText(w)}/${areaText(sumWeight)} ㎡` : basis === 'usage' ? `${usageText(w)}/${usageText(sumWeight)}` : `1/${sumWeight} 户`;
      emit(item, unit, 'unit', unit.id, {
        quantity: basis === 'equal' ? '1' : basis === 'area' ? areaText(w) : usageText(w),
        unitPrice,
        amountFen: shares[i]!,
        basis: `${group.label}公摊合计 ${formatYuan(group.totalFen)}（${group.totalBasis}），按${BASIS_NAMES[basis]} ${shown} 分摊`,
      });
    });
  }
}

function weightOf(data: RunData, item: FeeItemRow, basis: 'area' | 'usage' | 'equal', unit: UnitRow, period: Period): number | string {
  if (basis === 'equal') return 1;
  if (basis === 'area') {
    const area = item.area_basis === 'inner' ? unit.inner_area_e4 : unit.building_area_e4;
    return area ?? '没有面积';
  }
  let usage = 0;
  for (const meter of data.meters) {
    if (meter.unit_id !== unit.id || meter.kind !== item.meter_kind) continue;
    const u = periodUsage(data, meter.id, period);
    if ('problem' in u) return u.problem === 'no_reading' ? `表 ${meter.code} 缺少本期读数` : `表 ${meter.code} 用量为负`;
    usage += u.usageE4;
  }
  return usage;
}

function groupsOf(data: RunData, index: StandardIndex, item: FeeItemRow, period: Period, covered: UnitRow[], problem: Problem): Group[] {
  if (item.meter_kind !== null) return commonMeterGroups(data, index, item, period, covered, problem);
  const entered = (data.params.apportionTotals ?? []).filter((t) => t.feeItemId === item.id);
  if (entered.length === 0 && covered.length > 0) {
    problem('no_apportion_total', item, null, `「${item.name}」是按金额分摊的项目，本次出账没有填写分摊总额`);
  }
  return entered.map((t) => ({
    label: t.buildingId !== undefined ? (data.buildingNames.get(t.buildingId) ?? `楼栋 ${t.buildingId}`) : '全小区',
    totalFen: t.totalFen,
    totalBasis: '录入金额',
    members: covered.filter((u) => (t.buildingId !== undefined ? u.building_id === t.buildingId : u.community_id === t.communityId)),
  }));
}

function commonMeterGroups(data: RunData, index: StandardIndex, item: FeeItemRow, period: Period, covered: UnitRow[], problem: Problem): Group[] {
  const groups: Group[] = [];
  const unitLabel = METER_UNITS[item.meter_kind!]!;
  for (const meter of data.meters) {
    if (meter.building_id === null || meter.kind !== item.meter_kind) continue;
    const label = data.buildingNames.get(meter.building_id) ?? `楼栋 ${meter.building_id}`;
    const segs = index.segments(item.id, { communityId: meter.community_id, buildingId: meter.building_id, use: null, unitId: null, parkingType: null }, period);
    if (segs.length === 0) {
      problem('no_standard', item, null, `${label}公共表 ${meter.code} 没有「${item.name}」的单价标准`);
      continue;
    }
    const usage = periodUsage(data, meter.id, period);
    if ('problem' in usage) {
      problem(usage.problem, item, null, `${label}公共表 ${meter.code} ${usage.problem === 'no_reading' ? '缺少本期读数' : '用量为负'}，本次未分摊`);
      continue;
    }
    const usageYuan = trimDecimal(ratioToDecimalText({ num: BigInt(usage.usageE4), den: 10_000n }), 0);
    const price = segs[segs.length - 1]!.price;
    groups.push({
      label,
      totalFen: sumTermsToFen([{ factors: [usageYuan, price] }]),
      totalBasis: `公共表 ${meter.code} ${usageYuan} ${unitLabel} × ${yuan(price)}`,
      members: covered.filter((u) => u.building_id === meter.building_id),
    });
  }
  return groups;
}
