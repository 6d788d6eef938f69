import type { AppContext } from '../app/context';
import type { LedgerTables } from '../db/ledgerSchema';
import { getSettings } from '../system/settings';
import { cycleContaining, type Period } from '../../src-shared/domain/periods';
import { addMonths } from '../../src-shared/domain/dates';

/** Which units a run covers and for which month; the same parameters preview and commit. */
export interface RunParams {
  month: string;
  communityId?: number;
  buildingId?: number;
  unitIds?: number[];
  feeItemIds?: number[];
  /** Entered totals for APPORTION items without a common meter, per building or community. */
  apportionTotals?: Array<{ feeItemId: number; buildingId?: number; communityId?: number; totalFen: number }>;
}

export type FeeItemRow = Omit<LedgerTables['fee_items'], 'id'> & { id: number };
export type StandardRow = Omit<LedgerTables['fee_standards'], 'id'> & { id: number };
export interface UnitRow {
  id: number;
  community_id: number;
  building_id: number;
  code: string;
  building_area_e4: number | null;
  inner_area_e4: number | null;
  use: string;
  status: string;
  delivery_date: string | null;
}
export interface ParkingRow {
  id: number;
  community_id: number;
  code: string;
  type: string;
  unit_id: number | null;
  lease_start: string | null;
  lease_end: string | null;
}
export interface MeterRow {
  id: number;
  community_id: number;
  unit_id: number | null;
  building_id: number | null;
  kind: 'water' | 'power';
  code: string;
}
export interface ReadingRow {
  meter_id: number;
  period: string;
  reading_e4: number;
  prev_reading_e4: number;
  usage_e4: number;
  rollover: number;
}
interface PayerRow {
  id: number;
  unit_id: number;
  customer_id: number;
  role: string;
  start_date: string;
  end_date: string | null;
}

/** Everything a run needs, loaded in a handful of queries so the computation never goes back to SQL. */
export interface RunData {
  params: RunParams;
  items: FeeItemRow[];
  periods: Map<number, Period>;
  standards: StandardRow[];
  units: UnitRow[];
  parking: ParkingRow[];
  meters: MeterRow[];
  readings: Map<string, ReadingRow>;
  existingKeys: Set<string>;
  payers: Map<number, PayerRow[]>;
  buildingNames: Map<number, string>;
  deliveryProration: 'next_month' | 'by_days';
}

export const BILLED_METHODS = ['AREA', 'FIXED', 'METERED', 'APPORTION'] as const;

export function lineKey(unitId: number, feeItemId: number, objectKind: string, objectId: number, periodStart: string): string {
  return `${unitId}|${feeItemId}|${objectKind}|${objectId}|${periodStart}`;
}

export function readingKey(meterId: number, month: string): string {
  return `${meterId}|${month}`;
}

/** WHERE conditions selecting the run's units; `u` is the units alias. */
function unitScope(p: RunParams, u: string): { sql: string; args: unknown[] } {
  const conds: string[] = [];
  const args: unknown[] = [];
  const add = (cond: string, arg: unknown) => {
    conds.push(cond);
    args.push(arg);
  };
  if (p.communityId !== undefined) add(`${u}.community_id = ?`, p.communityId);
  if (p.buildingId !== undefined) add(`${u}.building_id = ?`, p.buildingId);
  if (p.unitIds !== undefined) add(`${u}.id IN (SELECT value FROM json_each(?))`, JSON.stringify(p.unitIds));
  return { sql: conds.length > 0 ? conds.join(' AND ') : '1 = 1', args };
}

/** Parking spaces of the run: by the space's community, or by its holder unit for narrower scopes. */
function parkingScope(p: RunParams): { sql: string; args: unknown[] } {
  if (p.buildingId !== undefined || p.unitIds !== undefined) return unitScope(p, 'u');
  return p.communityId !== undefined ? { sql: 'p.community_id = ?', args: [p.communityId] } : { sql: '1 = 1', args: [] };
}

function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let m = period.start; m <= period.end; m = addMonths(m, 1)) months.push(m.slice(0, 7));
  return months;
}

export function loadRunData(app: AppContext, params: RunParams): RunData {
  const db = app.sqlite;
  const itemFilter = params.feeItemIds ? 'AND id IN (SELECT value FROM json_each(?))' : '';
  const items = db
    .prepare(`SELECT * FROM fee_items WHERE active = 1 AND method IN ('AREA','FIXED','METERED','APPORTION') ${itemFilter} ORDER BY priority, id`)
    .all(...(params.feeItemIds ? [JSON.stringify(params.feeItemIds)] : [])) as FeeItemRow[];
  const periods = new Map(items.map((i) => [i.id, cycleContaining(params.month, i.cycle_months)]));
  const all = [...periods.values()];
  const minStart = all.reduce((a, p) => (p.start < a ? p.start : a), `${params.month}-01`);
  const maxEnd = all.reduce((a, p) => (p.end > a ? p.end : a), `${params.month}-01`);
  const itemIds = JSON.stringify(items.map((i) => i.id));

  const standards = db
    .prepare(
      `SELECT * FROM fee_standards WHERE fee_item_id IN (SELECT value FROM json_each(?))
         AND start_date <= ? AND (end_date IS NULL OR end_date >= ?) ORDER BY id`,
    )
    .all(itemIds, maxEnd, minStart) as StandardRow[];

  const us = unitScope(params, 'u');
  const units = db
    .prepare(
      `SELECT u.id, u.community_id, u.building_id, u.code, u.building_area_e4, u.inner_area_e4, u.use, u.status, u.delivery_date
       FROM units u WHERE ${us.sql} ORDER BY u.sort_key, u.id`,
    )
    .all(...us.args) as UnitRow[];

  const needParking = items.some((i) => i.object === 'parking');
  const ps = parkingScope(params);
  const parking = needParking
    ? (db
        .prepare(
          `SELECT p.id, p.community_id, p.code, p.type, p.unit_id, p.lease_start, p.lease_end
           FROM parking_spaces p LEFT JOIN units u ON u.id = p.unit_id WHERE ${ps.sql} ORDER BY p.community_id, p.code`,
        )
        .all(...ps.args) as ParkingRow[])
    : [];

  const meteredItems = items.filter((i) => i.method === 'METERED' || (i.method === 'APPORTION' && i.meter_kind !== null));
  const meters = meteredItems.length
    ? (db
        .prepare(
          `SELECT m.id, m.community_id, m.unit_id, m.building_id, m.kind, m.code FROM meters m
           JOIN units u ON u.id = m.unit_id WHERE ${us.sql}
           UNION ALL
           SELECT m.id, m.community_id, m.unit_id, m.building_id, m.kind, m.code FROM meters m
           WHERE m.building_id IS NOT NULL ${params.unitIds !== undefined ? 'AND 0' : ''}
             ${params.communityId !== undefined ? 'AND m.community_id = ?' : ''} ${params.buildingId !== undefined ? 'AND m.building_id = ?' : ''}`,
        )
        .all(...us.args, ...[params.communityId, params.buildingId].filter((v) => v !== undefined)) as MeterRow[])
    : [];
  const readingMonths = new Set<string>();
  for (const item of meteredItems) {
    for (const m of monthsOf(periods.get(item.id)!)) readingMonths.add(m);
  }
  const readings = new Map<string, ReadingRow>();
  if (meters.length > 0) {
    const rows = db
      .prepare(
        `SELECT meter_id, period, reading_e4, prev_reading_e4, usage_e4, rollover FROM meter_readings
         WHERE period IN (SELECT value FROM json_each(?)) AND meter_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify([...readingMonths]), JSON.stringify(meters.map((m) => m.id))) as ReadingRow[];
    for (const r of rows) readings.set(readingKey(r.meter_id, r.period), r);
  }

  const existingKeys = new Set<string>();
  const keyRows = db
    .prepare(
      `SELECT unit_id, fee_item_id, object_kind, object_id, period_start FROM bill_lines
       WHERE status = 'posted' AND source IN ('run', 'prepay_ahead', 'opening')
         AND period_start IN (SELECT value FROM json_each(?)) AND fee_item_id IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(JSON.stringify([...new Set(all.map((p) => p.start))]), itemIds) as Array<[number, number, string, number, string]>;
  for (const [u, i, k, o, s] of keyRows) existingKeys.add(lineKey(u, i, k, o, s));

  const payers = new Map<number, PayerRow[]>();
  const payerRows = db
    .prepare(
      `SELECT uc.id, uc.unit_id, uc.customer_id, uc.role, uc.start_date, uc.end_date FROM unit_customers uc
       JOIN units u ON u.id = uc.unit_id
       WHERE ${us.sql} AND uc.role IN ('payer', 'owner') AND uc.start_date <= ? AND (uc.end_date IS NULL OR uc.end_date >= ?)`,
    )
    .all(...us.args, maxEnd, minStart) as PayerRow[];
  for (const row of payerRows) {
    const list = payers.get(row.unit_id);
    if (list) list.push(row);
    else payers.set(row.unit_id, [row]);
  }

  const buildingNames = new Map(
    (db.prepare('SELECT id, name FROM buildings').all() as Array<{ id: number; name: string }>).map((b) => [b.id, b.name]),
  );
  return {
    params,
    items,
    periods,
    standards,
    units,
    parking,
    meters,
    readings,
    existingKeys,
    payers,
    buildingNames,
    deliveryProration: getSettings(app).deliveryProration,
  };
}

/**
 * Who owes a unit's bill for a period: REGISTER's `currentPayer` rule (the latest 付款人 on that
 * date, else the earliest-registered owner) applied in bulk, so a run of 20,000 units needs no
 * per-unit query.
 */
export function payerOn(data: RunData, unitId: number, date: string): number | null {
  const rows = data.payers.get(unitId);
  if (!rows) return null;
  const live = rows.filter((r) => r.start_date <= date && (r.end_date === null || r.end_date >= date));
  const pick = (role: string, later: (a: PayerRow, b: PayerRow) => boolean) =>
    live.filter((r) => r.role === role).reduce<PayerRow | null>((best, r) => (best === null || later(r, best) ? r : best), null);
  const payer = pick('payer', (a, b) => a.start_date > b.start_date || (a.start_date === b.start_date && a.id < b.id));
  const owner = pick('owner', (a, b) => a.start_date < b.start_date || (a.start_date === b.start_date && a.id < b.id));
  return (payer ?? owner)?.customer_id ?? null;
}
