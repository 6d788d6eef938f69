import fs from 'node:fs';
import { migrations } from '../../migrations';
import type { CallOutput } from '../../src-shared/api';
import type { AppContext } from '../app/context';
import { appendAudit } from '../audit/auditLog';
import { latestVersion } from '../db/migrator';
import { AppFailure } from '../ipc/failure';
import { backupDir } from './backup';
import { fileStamp, listBackupFiles } from './backupFiles';
import { verifyAttached } from './integrity';

/**
 * Puts a backup in place of the ledger file. The backup is checked first; the current file is
 * kept aside under a timestamped name, never deleted. The running connection is closed, so the
 * app must restart (the shell does it). The restore is recorded in the restored ledger's own
 * audit chain, which is the one that goes on (the call does not go through ctx.write: the
 * ledger it would write to is the one being put aside).
 *
 * An in-memory ledger (tests, demos) has no file to replace: there the backup is only checked.
 */
export function restoreBackup(app: AppContext, userId: number, name: string): CallOutput<'maintenance.restore'> {
  // Only a name from the listing is accepted, so no path from the renderer reaches the file system.
  const backup = listBackupFiles(backupDir(app)).find((b) => b.name === name);
  if (!backup) throw new AppFailure('NOT_FOUND', `备份 ${name} 不存在`);
  const verdict = verifyAttached(app.sqlite, backup.file, 'restore_candidate');
  if (!verdict.ok) throw new AppFailure('DATABASE_DAMAGED', `备份 ${name} 已损坏，不能用于恢复：${verdict.problems[0]}`);
  if (verdict.schemaVersion > latestVersion(migrations)) {
    throw new AppFailure('INVALID_STATE', `备份 ${name} 来自更新版本的 FeeDesk，请先升级程序`);
  }
  if (app.dbFile === ':memory:') {
    return { restoredFrom: name, keptAside: null, replaced: false, restartRequired: false, message: `备份 ${name} 校验完好；内存账本没有数据文件可替换` };
  }

  const aside = `${app.dbFile}.before-restore-${fileStamp(app.clock.now())}`;
  const incoming = `${app.dbFile}.restoring`;
  const moved: Array<[from: string, to: string]> = [];
  try {
    fs.copyFileSync(backup.file, incoming);
    recordRestore(app, userId, name, aside, incoming);
    app.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    app.sqlite.close();
    for (const suffix of ['', '-wal', '-shm']) {
      if (!fs.existsSync(app.dbFile + suffix)) continue;
      fs.renameSync(app.dbFile + suffix, aside + suffix);
      moved.push([app.dbFile + suffix, aside + suffix]);
    }
    fs.renameSync(incoming, app.dbFile);
  } catch (error) {
    fs.rmSync(incoming, { force: true });
    for (const [from, to] of moved.reverse()) fs.renameSync(to, from);
    const note = app.sqlite.open ? '' : '，请重启程序';
    throw new AppFailure('STORAGE_FULL', `恢复失败，原数据文件未改动${note}：${(error as Error).message}`);
  }
  return {
    restoredFrom: name,
    keptAside: aside,
    replaced: true,
    restartRequired: true,
    message: `已从备份 ${name} 恢复，原数据文件另存为 ${aside}。请重新启动程序后再登录`,
  };
}

/**
 * Appends the restore to the incoming file's own chain before it is put in place, through the
 * running connection (ATTACH), so no second native build of SQLite is needed.
 */
function recordRestore(app: AppContext, userId: number, name: string, aside: string, incoming: string): void {
  app.sqlite.prepare('ATTACH DATABASE ? AS incoming').run(incoming);
  try {
    const ctx: AppContext = { ...app, db: app.db.withSchema('incoming') };
    // The user may have been created after the backup was taken; the summary still names them.
    const known = app.sqlite.prepare('SELECT 1 FROM incoming.users WHERE id = ?').get(userId) !== undefined;
    app.sqlite.transaction(() =>
      appendAudit(ctx, {
        call: 'maintenance.restore',
        entity: 'ledger',
        userId: known ? userId : null,
        summary: `从备份 ${name} 恢复数据文件（操作人 #${userId}），原文件另存为 ${aside}`,
      }),
    )();
  } finally {
    app.sqlite.exec('DETACH DATABASE incoming');
  }
}
