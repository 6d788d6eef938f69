import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { m0001Init } from '../../../migrations/0001_init';
import { m0002Ledger } from '../../../migrations/0002_ledger';
import { m0003Access } from '../../../migrations/0003_access';

function migrated() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of [m0001Init, m0002Ledger, m0003Access]) m.up(db);
  return db;
}

describe('migration 0003_access', () => {
  it('adds the data scope table, the session lock flag and the recovery code hash', () => {
    const db = migrated();
    const cols = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols('user_communities')).toEqual(['user_id', 'community_id']);
    expect(cols('sessions')).toContain('locked');
    expect(cols('users')).toContain('recovery_code_hash');
  });

  it('keeps existing sessions unlocked and refuses a scope row for an unknown community', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    m0001Init.up(db);
    m0002Ledger.up(db);
    db.prepare("INSERT INTO users (username, display_name, password_hash, role_code, created_at) VALUES ('a', 'A', 'h', 'admin', 't')").run();
    db.prepare("INSERT INTO sessions (id, user_id, created_at, last_seen_at) VALUES ('s', 1, 't', 't')").run();
    m0003Access.up(db);
    expect(db.prepare('SELECT locked FROM sessions').pluck().get()).toBe(0);
    expect(() => db.prepare('INSERT INTO user_communities VALUES (1, 42)').run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE sessions SET locked = 2").run()).toThrow(/CHECK/);
  });
});
