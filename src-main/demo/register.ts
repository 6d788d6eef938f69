import { addDays } from '../../src-shared/domain/dates';
import { unitSortKey } from '../../src-shared/domain/unitCode';
import { instant, type Month } from './calendar';
import type { DemoBuilding, DemoUnit } from './model';
import { e4Text } from './model';
import type { Rng } from './random';
import { COMMUNITY_NAMES } from './vocabulary';
import type { BulkWriter } from './writer';

const FLOOR_CHOICES = [6, 7, 9, 11, 18, 26, 32] as const;
// The dial wraps to 0 at this value: five digits for water, six for power.
const WATER_DIAL_MAX_E4 = 100_000 * 10_000;
const POWER_DIAL_MAX_E4 = 1_000_000 * 10_000;

export interface Register {
  communities: Array<{ id: number; name: string }>;
  buildings: DemoBuilding[];
  units: DemoUnit[];
  writeReading: ReadingWriter;
}

/** An area between lo and hi ㎡ with two decimals, in 0.0001 ㎡. */
function areaE4(rng: Rng, lo: number, hi: number): number {
  return rng.int(lo * 100, hi * 100) * 100;
}

/** 套内面积: 76–84 % of the building area, kept at two decimals. */
function innerE4(rng: Rng, building: number): number {
  return Math.round((building / 100) * rng.int(7600, 8400) / 10000) * 100;
}

/**
 * Communities → buildings → units with codes 楼栋-单元-房号, each building's stacks sharing a
 * layout (so 3-2-501 and 3-2-601 have the same area), a shop row and a few private garages,
 * and water meters per unit plus one common power meter per building.
 */
export function writeRegister(w: BulkWriter, rng: Rng, totalUnits: number, months: Month[], setupAt: string, readerId: number): Register {
  const insCommunity = w.inserter('communities', ['code', 'name', 'address', 'created_at']);
  const insBuilding = w.inserter('buildings', ['community_id', 'code', 'name']);
  const insUnit = w.inserter('units', [
    'community_id', 'building_id', 'code', 'sort_key', 'building_area_e4', 'inner_area_e4', 'use', 'status', 'delivery_date', 'created_at',
  ]);
  const insMeter = w.inserter('meters', ['community_id', 'unit_id', 'building_id', 'kind', 'code', 'multiplier', 'max_reading_e4'], ['start_reading_e4']);

  const windowStart = months[0]!.start;
  const communityCount = Math.min(COMMUNITY_NAMES.length, Math.max(2, Math.ceil(totalUnits / 2500)));
  const reg: Register = { communities: [], buildings: [], units: [], writeReading: () => undefined };
  for (let c = 0; c < communityCount; c++) {
    const [code, name, address] = COMMUNITY_NAMES[c]!;
    const communityId = insCommunity(code, name, address, setupAt);
    reg.communities.push({ id: communityId, name });
    const quota = Math.floor(totalUnits / communityCount) + (c < totalUnits % communityCount ? 1 : 0);
    const deliveredOn = `${rng.int(2012, 2020)}-${String(rng.int(3, 11)).padStart(2, '0')}-${String(rng.int(10, 28)).padStart(2, '0')}`;
    const shops = Math.max(1, Math.round(quota * 0.03));
    const garages = Math.max(1, Math.round(quota * 0.01));
    const plan: Array<{ bcode: string; bname: string; codes: Array<{ code: string; area: number; use: DemoUnit['use'] }> }> = [];

    let residential = quota - shops - garages;
    for (let b = 1; residential > 0; b++) {
      const floors = rng.pick(FLOOR_CHOICES);
      const entrances = quota < 200 ? 1 : rng.int(1, 3);
      const layouts = [areaE4(rng, 45, 95), areaE4(rng, 85, 140), areaE4(rng, 120, 180)];
      const codes: (typeof plan)[number]['codes'] = [];
      for (let e = 1; e <= entrances && residential > 0; e++) {
        for (let f = 1; f <= floors && residential > 0; f++) {
          for (let door = 1; door <= 2 && residential > 0; door++, residential--) {
            codes.push({ code: `${b}-${e}-${f}${String(door).padStart(2, '0')}`, area: layouts[(door + e) % 3]!, use: 'residential' });
          }
        }
      }
      plan.push({ bcode: String(b), bname: `${b}栋`, codes });
    }
    plan.push({
      bcode: 'S1',
      bname: '临街商铺',
      codes: Array.from({ length: shops }, (_, i) => ({ code: `S1-1-${101 + i}`, area: areaE4(rng, 45, 180), use: 'shop' as const })),
    });
    plan.push({
      bcode: 'CK',
      bname: '地下车库',
      codes: Array.from({ length: garages }, (_, i) => ({ code: `CK-1-${101 + i}`, area: areaE4(rng, 12, 30), use: 'garage' as const })),
    });

    for (const p of plan) {
      const buildingId = insBuilding(communityId, p.bcode, p.bname);
      const units: DemoUnit[] = p.codes
        .map(({ code, area, use }) => newUnit(rng, communityId, buildingId, code, area, use, deliveredOn, months))
        .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
      for (const u of units) {
        u.id = insUnit(communityId, buildingId, u.code, u.sortKey, u.areaE4, innerE4(rng, u.areaE4), u.use, 'occupied', u.deliveryDate, setupAt);
        if (u.use !== 'garage') {
          const startE4 = u.deliveryDate && u.deliveryDate < windowStart ? rng.int(50, 2500) * 10_000 : 0;
          const code = `SB-${u.code}`;
          const meterId = insMeter(communityId, u.id, null, 'water', code, 1, WATER_DIAL_MAX_E4, startE4);
          u.water = { meterId, code, readingE4: startE4, baseTons: u.use === 'shop' ? rng.int(8, 40) : rng.int(5, 18) };
        }
        reg.units.push(u);
      }
      const pmCode = `GD-${p.bcode}`;
      const startKwh = rng.int(1000, 90_000) * 10_000;
      const powerMeter = { meterId: insMeter(communityId, null, buildingId, 'power', pmCode, 1, POWER_DIAL_MAX_E4, startKwh), code: pmCode, readingE4: startKwh, baseKwh: Math.max(40, units.length * rng.int(6, 12)) };
      reg.buildings.push({ id: buildingId, communityId, code: p.bcode, name: p.bname, units, powerMeter });
    }
  }
  reg.writeReading = readingWriter(w, readerId);
  return reg;
}

function newUnit(rng: Rng, communityId: number, buildingId: number, code: string, area: number, use: DemoUnit['use'], deliveredOn: string, months: Month[]): DemoUnit {
  const r = rng.next();
  let deliveryDate: string | null = deliveredOn;
  let billFrom = 0;
  if (r < 0.02) {
    deliveryDate = null;
    billFrom = months.length;
  } else if (r < 0.05 && months.length > 3) {
    const m = months[rng.int(1, months.length - 3)]!;
    deliveryDate = addDays(m.start, rng.int(9, 24));
    billFrom = m.index + 1;
  }
  return {
    id: 0, communityId, buildingId, code, sortKey: unitSortKey(code), areaE4: area, areaText: e4Text(area, 2), use, deliveryDate, billFrom,
    vacant: deliveryDate !== null && rng.chance(0.06), owners: [], tenants: [], spaces: [], water: null, profile: 'regular', cadence: 1,
    payDay: 1, lastPayingMonth: months.length, nextVisit: months.length, open: [], prepaid: [], prepaidEarmarked: false, depositMonth: null, deposited: false,
  };
}

/** A meter's reading for a billed month, taken on the last day of the month before it. */
export type ReadingWriter = (meterId: number, month: Month, prevE4: number, usageE4: number) => void;

function readingWriter(w: BulkWriter, readerId: number): ReadingWriter {
  const insert = w.inserter(
    'meter_readings',
    ['meter_id', 'period', 'reading_e4', 'usage_e4', 'rollover', 'read_date', 'created_by', 'created_at'],
    ['prev_reading_e4'],
  );
  return (meterId, month, prevE4, usageE4) => {
    const readDate = addDays(month.start, -1);
    insert(meterId, month.ym, prevE4 + usageE4, usageE4, 0, readDate, readerId, instant(readDate, 16, 30), prevE4);
  };
}
