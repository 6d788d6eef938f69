import type { CallInput } from '../../../src-shared/api';
import { lineBalance } from '../../../src-main/ledger/outstanding';
import { setupAdmin, testApp, type TestApp } from '../support/testApp';
import { signInAs } from '../support/users';

/** A desk with one unit, a cashier and a supervisor signed in; bills and shifts are made with SQL. */
export interface Desk {
  app: TestApp;
  cashier: string;
  supervisor: string;
  cashierId: number;
  supervisorId: number;
  unitId: number;
}

let keySeq = 0;
export const newKey = (): string => `desk-key-${String(++keySeq).padStart(6, '0')}`;

function userId(app: TestApp, username: string): number {
  return (app.context.sqlite.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number }).id;
}

export async function desk(): Promise<Desk> {
  const app = testApp();
  await setupAdmin(app);
  const cashier = await signInAs(app, 'cashier');
  const supervisor = await signInAs(app, 'supervisor');
  const db = app.context.sqlite;
  const now = app.clock.now().toISOString();
  const community = db.prepare(`INSERT INTO communities (code, name, created_at) VALUES ('YG', '阳光花园', ?)`).run(now).lastInsertRowid;
  const building = db.prepare(`INSERT INTO buildings (community_id, code, name) VALUES (?, '3', '3号楼')`).run(community).lastInsertRowid;
  const unitId = Number(
    db
      .prepare(
        `INSERT INTO units (community_id, building_id, code, sort_key, building_area_e4, use, status, created_at)
         VALUES (?, ?, '3-2-501', '0003-0002-0501', 895000, 'residential', 'occupied', ?)`,
      )
      .run(community, building, now).lastInsertRowid,
  );
  return { app, cashier, supervisor, cashierId: userId(app, 'cashier1'), supervisorId: userId(app, 'supervisor1'), unitId };
}

export function addUnit(d: Desk, code: string): number {
  const db = d.app.context.sqlite;
  const row = db.prepare('SELECT community_id, building_id FROM units WHERE id = ?').get(d.unitId) as { community_id: number; building_id: number };
  return Number(
    db
      .prepare(
        `INSERT INTO units (community_id, building_id, code, sort_key, use, status, created_at)
         VALUES (?, ?, ?, ?, 'residential', 'occupied', ?)`,
      )
      .run(row.community_id, row.building_id, code, code, d.app.clock.now().toISOString()).lastInsertRowid,
  );
}

/** Stands in for SHIFTS' open call: one open shift for the user. */
export function openShift(d: Desk, cashierId: number = d.cashierId): number {
  return Number(
    d.app.context.sqlite
      .prepare(`INSERT INTO shifts (cashier_id, business_date, float_fen, status, opened_at) VALUES (?, ?, 0, 'open', ?)`)
      .run(cashierId, d.app.context.clock.today(), d.app.clock.now().toISOString()).lastInsertRowid,
  );
}

export function closeShift(d: Desk, shiftId: number): void {
  d.app.context.sqlite.prepare(`UPDATE shifts SET status = 'counted', counted_at = ? WHERE id = ?`).run(d.app.clock.now().toISOString(), shiftId);
}

export function feeItem(
  d: Desk,
  p: { code: string; name?: string; method?: string; rate?: string; grace?: number; cap?: string | null; priority?: number },
): number {
  return Number(
    d.app.context.sqlite
      .prepare(
        `INSERT INTO fee_items (code, name, category, method, price_type, late_daily_rate, late_grace_days, late_cap_ratio, priority, created_at)
         VALUES (?, ?, ?, ?, 'market', ?, ?, ?, ?, ?)`,
      )
      .run(
        p.code,
        p.name ?? p.code,
        p.method === 'ONE_OFF' ? 'one_off' : 'property',
        p.method ?? 'AREA',
        p.rate ?? '0.0005',
        p.grace ?? 0,
        p.cap ?? null,
        p.priority ?? 100,
        d.app.clock.now().toISOString(),
      ).lastInsertRowid,
  );
}

export function billLine(
  d: Desk,
  p: { feeItemId: number; amountFen: number; due: string; periodStart?: string; unitId?: number },
): number {
  const start = p.periodStart ?? p.due;
  return Number(
    d.app.context.sqlite
      .prepare(
        `INSERT INTO bill_lines (unit_id, fee_item_id, object_kind, object_id, kind, source, period_start, period_end,
           quantity, unit_price, amount_fen, basis, due_date, created_at)
         VALUES (?, ?, 'unit', ?, 'charge', 'one_off', ?, ?, '1', '0', ?, '测试账单', ?, ?)`,
      )
      .run(p.unitId ?? d.unitId, p.feeItemId, p.unitId ?? d.unitId, start, start, p.amountFen, p.due, d.app.clock.now().toISOString())
      .lastInsertRowid,
  );
}

export function outstanding(d: Desk, lineId: number): number {
  return lineBalance(d.app.context, lineId)!.outstanding_fen;
}

export function count(d: Desk, table: string): number {
  return (d.app.context.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export function collectInput(d: Desk, over: Partial<CallInput<'collection.collect'>> = {}): CallInput<'collection.collect'> {
  return {
    idempotencyKey: newKey(),
    unitId: d.unitId,
    payerName: '张三',
    lineIds: [],
    tenders: [{ method: 'cash', amountFen: 10_000 }],
    ...over,
  };
}
