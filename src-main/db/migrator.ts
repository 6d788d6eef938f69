import fs from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import type { Migration } from '../../migrations/types';

export class DatabaseTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(`数据库版本 ${fileVersion} 高于本程序支持的版本 ${appVersion}，请升级 FeeDesk 后再打开`);
  }
}

export function schemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

export interface MigrateResult {
  from: number;
  to: number;
  applied: string[];
  backupFile: string | null;
}

/**
 * Brings the file up to the app's schema. A file that already holds data is first copied aside
 * with VACUUM INTO (a consistent snapshot, synchronous, unlike the async online-backup API).
 * Each step commits on its own, so a failure leaves the file at the last good version.
 */
export function migrate(
  db: BetterSqlite3.Database,
  migrations: readonly Migration[],
  options: { backupDir?: string; stamp?: string } = {},
): MigrateResult {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration versions must be 1..n without gaps (found ${m.version})`);
  });
  const target = latestVersion(ordered);
  const from = schemaVersion(db);
  if (from > target) throw new DatabaseTooNewError(from, target);
  const pending = ordered.filter((m) => m.version > from);
  let backupFile: string | null = null;
  if (pending.length > 0 && from > 0 && options.backupDir) {
    backupFile = backupBeforeMigration(db, options.backupDir, from, options.stamp);
  }
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: target, applied: pending.map((m) => `${m.version}_${m.name}`), backupFile };
}

function backupBeforeMigration(
  db: BetterSqlite3.Database,
  backupDir: string,
  version: number,
  stamp = new Date().toISOString().replace(/[:.]/g, '-'),
): string {
  fs.mkdirSync(backupDir, { recursive: true });
  const target = `${backupDir}/pre-migration-v${version}-${stamp}.sqlite`;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec(`VACUUM INTO '${target.replace(/'/g, "''")}'`);
  return target;
}
