import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { m0001Init } from '../../../migrations/0001_init';
import { m0002Ledger } from '../../../migrations/0002_ledger';
import { m0003Access } from '../../../migrations/0003_access';
import { m0004Followups } from '../../../migrations/0004_followups';

function migrated() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of [m0001Init, m0002Ledger, m0003Access, m0004Followups]) m.up(db);
  db.exec(`
    INSERT INTO users (id, username, display_name, password_hash, role_code, created_at) VALUES (1, 'c', 'c', 'h', 'cashier', 't');
    INSERT INTO communities (id, code, name, created_at) VALUES (1, 'YG', '阳光花园', 't');
    INSERT INTO buildings (id, community_id, code, name) VALUES (1, 1, '3', '3号楼');
    INSERT INTO units (id, community_id, building_id, code, sort_key, building_area_e4, use, status, created_at)
      VALUES (1, 1, 1, '3-2-501', '0003-0002-0501', 895000, 'residential', 'occupied', 't');
  `);
  return db;
}

let keys = 0;
const insert = (db: Database.Database, values: { key?: string; unit?: number; method?: string; outcome?: string; promised?: string | null; outstanding?: number }) =>
  db
    .prepare(
      `INSERT INTO arrears_followups (idempotency_key, unit_id, method, outcome, promised_date, contact_date, note, outstanding_fen, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, '2024-05-15', '', ?, 1, 't')`,
    )
    .run(values.key ?? `k${++keys}`, values.unit ?? 1, values.method ?? 'phone', values.outcome ?? 'promised', values.promised === undefined ? '2024-05-31' : values.promised, values.outstanding ?? 100);

describe('migration 0004_followups', () => {
  it('records a follow-up with its method, outcome and promised date', () => {
    const db = migrated();
    insert(db, {});
    insert(db, { method: 'visit', outcome: 'no_contact', promised: null });
    expect(db.prepare('SELECT method, outcome, promised_date FROM arrears_followups ORDER BY id').raw().all()).toEqual([
      ['phone', 'promised', '2024-05-31'],
      ['visit', 'no_contact', null],
    ]);
  });

  it('refuses unknown methods and outcomes, a promise without a date, a negative amount and an unknown unit', () => {
    const db = migrated();
    expect(() => insert(db, { method: 'email' })).toThrow(/CHECK/);
    expect(() => insert(db, { outcome: 'maybe' })).toThrow(/CHECK/);
    expect(() => insert(db, { outcome: 'promised', promised: null })).toThrow(/CHECK/);
    expect(() => insert(db, { outstanding: -1 })).toThrow(/CHECK/);
    expect(() => insert(db, { unit: 42 })).toThrow(/FOREIGN KEY/);
    insert(db, { key: 'same' });
    expect(() => insert(db, { key: 'same' })).toThrow(/UNIQUE/);
  });

  it('keeps the history append-only', () => {
    const db = migrated();
    insert(db, {});
    expect(() => db.prepare("UPDATE arrears_followups SET note = 'x'").run()).toThrow(/never edited/);
    expect(() => db.prepare('DELETE FROM arrears_followups').run()).toThrow(/never deleted/);
  });
});
