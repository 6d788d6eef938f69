import fs from 'node:fs';
import path from 'node:path';
import { businessDate } from '../../src-shared/domain/businessTime';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import { getSettings } from '../system/settings';
import { listBackupFiles, rotatedName, type BackupFile, type BackupKind } from './backupFiles';
import { verifyAttached } from './integrity';

type RotatedKind = Exclude<BackupKind, 'pre_migration'>;

/** The folder from settings, else `<dataDir>/backups` (where the migrator puts its copies too). */
export function backupDir(app: AppContext): string {
  const configured = getSettings(app).backupDir.trim();
  if (configured !== '') return path.resolve(configured);
  if (app.dataDir === ':memory:') throw new AppFailure('INVALID_STATE', '未设置备份文件夹，无法备份');
  return path.join(app.dataDir, 'backups');
}

/**
 * A consistent copy of the running ledger through SQLite's online backup API (it reads
 * page by page and restarts if a write lands meanwhile, so the desk keeps working). The copy is
 * made under a temporary name, turned into a single self-contained file, checked, and only then
 * given its backup name; then the rotation keeps the `backupKeep` newest.
 * Must be called outside any write transaction.
 */
export async function backupNow(app: AppContext, kind: RotatedKind): Promise<{ backup: BackupFile; removed: string[] }> {
  const dir = backupDir(app);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new AppFailure('STORAGE_FULL', `无法创建备份文件夹 ${dir}：${(error as Error).message}`);
  }
  const now = app.clock.now();
  let name = rotatedName(now, kind);
  for (let n = 1; fs.existsSync(path.join(dir, name)); n++) name = rotatedName(now, kind, n);
  const target = path.join(dir, name);
  const partial = path.join(dir, `.partial-${name}`);
  try {
    await app.sqlite.backup(partial);
    singleFile(app, partial);
    const verdict = verifyAttached(app.sqlite, partial, 'fresh_backup');
    if (!verdict.ok) throw new Error(`备份校验失败：${verdict.problems[0]}`);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (error instanceof AppFailure) throw error;
    const full = (error as NodeJS.ErrnoException).code === 'ENOSPC';
    throw new AppFailure(full ? 'STORAGE_FULL' : 'INTERNAL', `备份失败：${(error as Error).message}`);
  }
  const removed = rotate(dir, getSettings(app).backupKeep);
  const backup = listBackupFiles(dir).find((b) => b.name === name)!;
  return { backup, removed };
}

/**
 * Called by the shell at start and every hour: one daily backup per business day. Whether today
 * already has one is read from the folder itself, so nothing is written to the ledger for it.
 */
export async function maybeDailyBackup(app: AppContext): Promise<BackupFile | null> {
  const today = app.clock.today();
  const done = listBackupFiles(backupDir(app)).some(
    (b) => b.kind === 'daily' && businessDate(new Date(b.createdAt), app.clock.timeZone) === today,
  );
  return done ? null : (await backupNow(app, 'daily')).backup;
}

/** The online backup copies the WAL flag; a backup should open on its own, without -wal/-shm. */
function singleFile(app: AppContext, file: string): void {
  app.sqlite.prepare('ATTACH DATABASE ? AS new_backup').run(file);
  try {
    app.sqlite.pragma('new_backup.journal_mode = DELETE');
  } finally {
    app.sqlite.exec('DETACH DATABASE new_backup');
  }
}

/** Keeps the `keep` newest rotated backups; the migrator's pre-migration copies are left alone. */
function rotate(dir: string, keep: number): string[] {
  const rotated = listBackupFiles(dir).filter((b) => b.kind !== 'pre_migration');
  const removed = rotated.slice(keep);
  for (const b of removed) fs.rmSync(b.file, { force: true });
  return removed.map((b) => b.name);
}
