import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { m0001Init } from '../../../migrations/0001_init';

function migrated() {
  const db = new Database(':memory:');
  m0001Init.up(db);
  return db;
}

describe('migration 0001_init', () => {
  it('creates the foundation tables', () => {
    const db = migrated();
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type='table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['audit_log', 'meta', 'role_permissions', 'roles', 'sessions', 'users']);
  });

  it('seeds the five default roles and no user at all (there is no default account)', () => {
    const db = migrated();
    expect(db.prepare('SELECT code FROM roles ORDER BY code').pluck().all()).toEqual([
      'admin',
      'auditor',
      'cashier',
      'finance',
      'supervisor',
    ]);
    expect(db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(0);
  });

  it('makes the audit log append-only in the database itself', () => {
    const db = migrated();
    db.prepare("INSERT INTO audit_log VALUES (1, 't', NULL, 'c', 'e', 's', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE audit_log SET summary = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('rejects a username that differs only in case', () => {
    const db = migrated();
    const add = db.prepare(
      "INSERT INTO users (username, display_name, password_hash, role_code, created_at) VALUES (?, 'n', 'h', 'cashier', 't')",
    );
    add.run('Zhang');
    expect(() => add.run('zhang')).toThrow(/UNIQUE/);
  });
});
