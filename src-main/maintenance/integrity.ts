import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listBackupFiles } from './backupFiles';

export type FileVerdict = { ok: true; schemaVersion: number } | { ok: false; problems: string[] };

export type IntegrityReport =
  | { ok: true; file: string }
  | { ok: false; file: string; problems: string[]; newestGoodBackup: string | null; message: string };

/**
 * SQLite's full integrity check and the foreign-key check on one schema of a connection. A file too
 * damaged to read is reported the same way, never thrown.
 */
function inspect(db: Database.Database, schema: string): FileVerdict {
  try {
    const integrity = db.pragma(`${schema}.integrity_check`) as Array<{ integrity_check: string }>;
    const problems = integrity.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    const fk = db.pragma(`${schema}.foreign_key_check`) as Array<{ table: string; rowid: number; parent: string }>;
    for (const r of fk.slice(0, 20)) problems.push(`${r.table} 第 ${r.rowid} 行引用的 ${r.parent} 记录不存在`);
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, schemaVersion: db.pragma(`${schema}.user_version`, { simple: true }) as number };
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
}

/** Checks a file on a connection of its own, read-only (before the ledger is opened). */
export function verifyDatabaseFile(file: string, options: { nativeBinding?: string } = {}): FileVerdict {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    return inspect(db, 'main');
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  } finally {
    db?.close();
  }
}

/**
 * Checks a file through the running ledger's connection (ATTACH), so the running app needs no
 * second native build of SQLite. Must run outside any transaction.
 */
export function verifyAttached(sqlite: Database.Database, file: string, schema = 'chk'): FileVerdict {
  if (!fs.existsSync(file)) return { ok: false, problems: ['文件不存在'] };
  try {
    sqlite.prepare('ATTACH DATABASE ? AS ' + schema).run(file);
  } catch (error) {
    // A file damaged in its header or schema pages cannot even be attached: that is the verdict.
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
  try {
    return inspect(sqlite, schema);
  } finally {
    sqlite.exec(`DETACH DATABASE ${schema}`);
  }
}

/**
 * The start-up check the shell runs before opening the ledger. A damaged file is refused and the
 * newest backup that itself passes the check is named, so the admin knows what to restore.
 * The backup folder is the one the file's own settings name, if it can still be read there.
 */
export function checkIntegrity(dbFile: string, options: { backupDir?: string; nativeBinding?: string } = {}): IntegrityReport {
  const verdict = verifyDatabaseFile(dbFile, options);
  if (verdict.ok) return { ok: true, file: dbFile };
  const dir = options.backupDir ?? configuredBackupDir(dbFile, options.nativeBinding) ?? path.join(path.dirname(dbFile), 'backups');
  const good = listBackupFiles(dir).find((b) => verifyDatabaseFile(b.file, options).ok);
  return {
    ok: false,
    file: dbFile,
    problems: verdict.problems,
    newestGoodBackup: good?.file ?? null,
    message: good
      ? `数据文件已损坏，不能打开。最近的完好备份：${good.name}（${good.createdAt}），请由管理员从该备份恢复`
      : '数据文件已损坏，不能打开，且未找到完好的备份，请联系技术支持',
  };
}

function configuredBackupDir(dbFile: string, nativeBinding: string | undefined): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(dbFile, { readonly: true, fileMustExist: true, nativeBinding });
    const row = db.prepare("SELECT value FROM meta WHERE key = 'setting.backupDir'").get() as { value: string } | undefined;
    const dir = row ? (JSON.parse(row.value) as unknown) : null;
    return typeof dir === 'string' && dir !== '' ? dir : null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
