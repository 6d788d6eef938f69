import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { m0001Init } from '../../../migrations/0001_init';
import { m0002Ledger } from '../../../migrations/0002_ledger';

function migrated() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  m0001Init.up(db);
  m0002Ledger.up(db);
  db.exec(`
    INSERT INTO users (id, username, display_name, password_hash, role_code, created_at) VALUES (1, 'c', 'c', 'h', 'cashier', 't');
    INSERT INTO communities (id, code, name, created_at) VALUES (1, 'YG', '阳光花园', 't');
    INSERT INTO buildings (id, community_id, code, name) VALUES (1, 1, '3', '3号楼');
    INSERT INTO units (id, community_id, building_id, code, sort_key, building_area_e4, use, status, created_at)
      VALUES (1, 1, 1, '3-2-501', '0003-0002-0501', 895000, 'residential', 'occupied', 't');
    INSERT INTO fee_items (id, code, name, category, method, price_type, created_at)
      VALUES (1, 'WYF', '物业费', 'property', 'AREA', 'government_guided', 't');
    INSERT INTO shifts (id, cashier_id, business_date, float_fen, status, opened_at) VALUES (1, 1, '2024-05-15', 50000, 'open', 't');
  `);
  return db;
}

const line = (db: Database.Database, source: string, status = 'posted') =>
  db
    .prepare(
      `INSERT INTO bill_lines (unit_id, fee_item_id, object_kind, object_id, kind, source, period_start, period_end,
         quantity, unit_price, amount_fen, basis, due_date, status, created_at)
       VALUES (1, 1, 'unit', 1, 'charge', ?, '2024-05-01', '2024-05-31', '89.5', '2.35', 21033, 'b', '2024-05-01', ?, 't')`,
    )
    .run(source, status);

describe('migration 0002_ledger', () => {
  it('keeps a billing rerun from posting the same period twice, but allows one-off charges', () => {
    const db = migrated();
    line(db, 'run');
    expect(() => line(db, 'run')).toThrow(/UNIQUE/);
    expect(() => line(db, 'prepay_ahead')).toThrow(/UNIQUE/);
    line(db, 'one_off');
    line(db, 'one_off');
  });

  it('lets a cancelled line be billed again', () => {
    const db = migrated();
    line(db, 'run', 'cancelled');
    line(db, 'run');
  });

  it('refuses a payment whose tenders do not equal what it allocated and put aside', () => {
    const db = migrated();
    const pay = db.prepare(
      `INSERT INTO payments (idempotency_key, kind, unit_id, payer_name, shift_id, cashier_id, tendered_fen, allocated_fen,
         to_prepaid_fen, business_date, created_at) VALUES (?, 'collection', 1, '张三', 1, 1, ?, ?, ?, '2024-05-15', 't')`,
    );
    expect(() => pay.run('k1', 100, 90, 0)).toThrow(/CHECK/);
    pay.run('k2', 100, 90, 10);
    expect(() => pay.run('k2', 100, 90, 10)).toThrow(/UNIQUE/);
  });

  it('allows one open shift per cashier', () => {
    const db = migrated();
    expect(() =>
      db.prepare("INSERT INTO shifts (cashier_id, business_date, float_fen, status, opened_at) VALUES (1, 'd', 0, 'open', 't')").run(),
    ).toThrow(/UNIQUE/);
  });

  it('seeds the desk, refund and offset series and grants the cashier collection but not void', () => {
    const db = migrated();
    expect(db.prepare('SELECT code FROM receipt_series ORDER BY code').pluck().all()).toEqual(['DESK', 'OFFSET', 'REFUND']);
    const cashier = db.prepare("SELECT permission FROM role_permissions WHERE role_code = 'cashier'").pluck().all();
    expect(cashier).toContain('payment.collect');
    expect(cashier).not.toContain('payment.void');
  });

  it('refuses negative amounts and areas at the database level too', () => {
    const db = migrated();
    expect(() =>
      db
        .prepare(
          `INSERT INTO units (community_id, building_id, code, sort_key, building_area_e4, use, status, created_at)
           VALUES (1, 1, '3-2-502', 'x', -1, 'residential', 'vacant', 't')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('keeps each line\'s outstanding in step with allocations, waivers and adjustments, and refuses over-allocation', () => {
    const db = migrated();
    const lineId = Number(line(db, 'run').lastInsertRowid);
    const outstanding = () => db.prepare('SELECT outstanding_fen FROM bill_lines WHERE id = ?').pluck().get(lineId);
    expect(outstanding()).toBe(21033);
    db.exec(`INSERT INTO payments (id, idempotency_key, kind, unit_id, payer_name, shift_id, cashier_id, tendered_fen, allocated_fen,
               business_date, created_at) VALUES (1, 'k', 'collection', 1, '张三', 1, 1, 20000, 20000, '2024-05-15', 't')`);
    const alloc = db
      .prepare("INSERT INTO allocations (line_id, payment_id, amount_fen, status, business_date, created_at) VALUES (?, 1, ?, 'live', 'd', 't')")
      .run(lineId, 20000);
    expect(outstanding()).toBe(1033);
    expect(() =>
      db.prepare("INSERT INTO allocations (line_id, payment_id, amount_fen, status, business_date, created_at) VALUES (?, 1, 1034, 'live', 'd', 't')").run(lineId),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO waivers (line_id, amount_fen, reason, status, requested_by, created_at, business_date) VALUES (?, 33, '困难户', 'live', 1, 't', 'd')").run(lineId);
    db.prepare("INSERT INTO adjustments (line_id, amount_fen, reason, status, requested_by, created_at) VALUES (?, -1000, '面积更正', 'approved', 1, 't')").run(lineId);
    expect(outstanding()).toBe(0);
    db.prepare("UPDATE allocations SET status = 'voided' WHERE id = ?").run(alloc.lastInsertRowid);
    expect(outstanding()).toBe(20000);
    expect(() => db.prepare('UPDATE bill_lines SET amount_fen = 1 WHERE id = ?').run(lineId)).toThrow(/never edited/);
    expect(() => db.prepare('UPDATE allocations SET amount_fen = 1').run()).toThrow(/never edited/);
  });
  it('makes an offset allocation name the prepaid account it drew from, and only an offset', () => {
    const db = migrated();
    const lineId = Number(line(db, 'run').lastInsertRowid);
    db.exec(`INSERT INTO prepaid_accounts (id, unit_id, fee_item_id, created_at) VALUES (1, 1, NULL, 't');
             INSERT INTO prepaid_offsets (id, voucher_no, unit_id, amount_fen, status, business_date, created_at)
               VALUES (1, 'DK00000001', 1, 100, 'live', 'd', 't');`);
    const alloc = db.prepare(
      `INSERT INTO allocations (line_id, offset_id, prepaid_account_id, amount_fen, status, business_date, created_at)
       VALUES (?, ?, ?, 100, 'live', 'd', 't')`,
    );
    expect(() => alloc.run(lineId, 1, null)).toThrow(/CHECK/);
    alloc.run(lineId, 1, 1);
  });
});
