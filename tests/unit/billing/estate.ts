import type { CallInput } from '../../../src-shared/api';
import { unitSortKey } from '../../../src-shared/domain/unitCode';
import type { TestApp } from '../support/testApp';

/** A small estate written straight into the ledger, so billing tests do not depend on REGISTER's calls. */
export function seedCommunity(app: TestApp, code = 'YG', name = '阳光花园'): { communityId: number; buildingId: (code: string) => number } {
  const db = app.context.sqlite;
  const now = app.context.clock.nowIso();
  const communityId = Number(db.prepare('INSERT INTO communities (code, name, created_at) VALUES (?, ?, ?)').run(code, name, now).lastInsertRowid);
  const buildings = new Map<string, number>();
  return {
    communityId,
    buildingId(b: string) {
      let id = buildings.get(b);
      if (id === undefined) {
        id = Number(db.prepare('INSERT INTO buildings (community_id, code, name) VALUES (?, ?, ?)').run(communityId, b, `${b}号楼`).lastInsertRowid);
        buildings.set(b, id);
      }
      return id;
    },
  };
}

export interface UnitSeed {
  code: string;
  area?: string | null;
  innerArea?: string | null;
  use?: 'residential' | 'shop' | 'office' | 'garage';
  status?: 'undelivered' | 'vacant' | 'occupied' | 'renovating';
  deliveryDate?: string | null;
}

const e4 = (area: string | null | undefined) => {
  if (area === null || area === undefined) return null;
  const [w, f = ''] = area.split('.');
  return Number(w) * 10_000 + Number(f.padEnd(4, '0'));
};

export function addUnit(app: TestApp, estate: ReturnType<typeof seedCommunity>, u: UnitSeed): number {
  const building = estate.buildingId(u.code.split('-')[0]!);
  return Number(
    app.context.sqlite
      .prepare(
        `INSERT INTO units (community_id, building_id, code, sort_key, building_area_e4, inner_area_e4, use, status, delivery_date, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        estate.communityId, building, u.code, unitSortKey(u.code), e4(u.area === undefined ? '89.5' : u.area), e4(u.innerArea),
        u.use ?? 'residential', u.status ?? 'occupied', u.deliveryDate === undefined ? '2020-01-01' : u.deliveryDate, app.context.clock.nowIso(),
      ).lastInsertRowid,
  );
}

export function addOwner(app: TestApp, unitId: number, name: string, startDate = '2020-01-01'): number {
  const db = app.context.sqlite;
  const customerId = Number(db.prepare('INSERT INTO customers (name, created_at) VALUES (?, ?)').run(name, app.context.clock.nowIso()).lastInsertRowid);
  db.prepare(`INSERT INTO unit_customers (unit_id, customer_id, role, start_date) VALUES (?, ?, 'owner', ?)`).run(unitId, customerId, startDate);
  return customerId;
}

export function addMeter(app: TestApp, estate: ReturnType<typeof seedCommunity>, p: { code: string; unitId?: number; buildingId?: number; kind?: 'water' | 'power' }): number {
  return Number(
    app.context.sqlite
      .prepare('INSERT INTO meters (community_id, unit_id, building_id, kind, code, max_reading_e4) VALUES (?, ?, ?, ?, ?, ?)')
      .run(estate.communityId, p.unitId ?? null, p.buildingId ?? null, p.kind ?? 'water', p.code, 99_999_0000).lastInsertRowid,
  );
}

export function addReading(app: TestApp, meterId: number, period: string, prevE4: number, readingE4: number, rollover = 0): void {
  app.context.sqlite
    .prepare(
      `INSERT INTO meter_readings (meter_id, period, reading_e4, prev_reading_e4, usage_e4, rollover, read_date, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(meterId, period, readingE4, prevE4, Math.max(0, readingE4 - prevE4), rollover, `${period}-25`, app.context.clock.nowIso());
}

export const PROPERTY_ITEM: CallInput<'fees.createItem'> = {
  code: 'WYF',
  name: '物业费',
  category: 'property',
  method: 'AREA',
  priceType: 'market',
  basisDoc: '《物业服务合同》第五条',
};

export async function createItem(app: TestApp, session: string, input: Partial<CallInput<'fees.createItem'>> = {}): Promise<number> {
  return (await app.must('fees.createItem', { ...PROPERTY_ITEM, ...input }, session)).id;
}

export async function createStandard(
  app: TestApp,
  session: string,
  input: Partial<CallInput<'fees.createStandard'>> & { feeItemId: number; communityId: number },
): Promise<number> {
  return (await app.must('fees.createStandard', { scope: 'community', price: '2.35', startDate: '2020-01-01', ...input }, session)).id;
}
