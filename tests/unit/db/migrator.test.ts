import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations';
import type { Migration } from '../../../migrations/types';
import { openDatabase } from '../../../src-main/db/connection';
import { DatabaseTooNewError, latestVersion, migrate, schemaVersion } from '../../../src-main/db/migrator';
import { createApp } from '../../../src-main/app/createApp';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedesk-mig-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const step = (version: number, sql: string): Migration => ({ version, name: `s${version}`, up: (db) => db.exec(sql) });

describe('the migrator', () => {
  it('brings a new file to the latest version with the ledger pragmas on', () => {
    const db = openDatabase(path.join(tempDir(), 'a.sqlite'));
    const r = migrate(db, migrations);
    expect(r.from).toBe(0);
    expect(schemaVersion(db)).toBe(latestVersion(migrations));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(migrate(db, migrations).applied).toEqual([]);
  });

  it('copies an existing file aside before migrating it', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'a.sqlite'));
    migrate(db, [step(1, 'CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (42);')]);
    const r = migrate(db, [step(1, ''), step(2, 'ALTER TABLE t ADD COLUMN y INTEGER')], {
      backupDir: path.join(dir, 'backups'),
      stamp: 'now',
    });
    expect(r.applied).toEqual(['2_s2']);
    expect(r.backupFile).not.toBeNull();
    const copy = new Database(r.backupFile!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT x FROM t').pluck().get()).toBe(42);
  });

  it('leaves the file at the last good version when a step fails', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [step(1, 'CREATE TABLE a (x)'), step(2, 'CREATE TABLE b (x); SELECT * FROM nope')])).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'b'").pluck().get()).toBe(0);
  });

  it('refuses a database newer than the app', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${latestVersion(migrations) + 1}`);
    expect(() => migrate(db, migrations)).toThrow(DatabaseTooNewError);
  });

  it('refuses to open a newer file at start-up, naming both versions in Chinese', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'feedesk.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    expect(() => createApp({ dataDir: dir })).toThrow(/数据库版本 999 高于/);
  });

  it('rejects a gap in the version numbers', () => {
    expect(() => migrate(new Database(':memory:'), [step(1, ''), step(3, '')])).toThrow(/without gaps/);
  });
});
