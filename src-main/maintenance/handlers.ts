import type { maintenanceCalls } from '../../src-shared/api/calls/maintenance';
import { auditHead, verifyAuditChain } from '../audit/auditLog';
import type { DomainHandlers } from '../ipc/types';
import { getSettings } from '../system/settings';
import { backupDir, backupNow } from './backup';
import { listBackupFiles, type BackupFile } from './backupFiles';
import { restoreBackup } from './restore';

const view = (b: BackupFile) => ({ name: b.name, kind: b.kind, createdAt: b.createdAt, sizeBytes: b.sizeBytes });

export const maintenanceHandlers = {
  'maintenance.listBackups': (_input, { app }) => {
    const dir = backupDir(app);
    return { dir, keep: getSettings(app).backupKeep, backups: listBackupFiles(dir).map(view) };
  },
  'maintenance.backupNow': async (_input, ctx) => {
    const { backup, removed } = await backupNow(ctx.app, 'manual');
    const rotated = removed.length > 0 ? `，轮换删除 ${removed.length} 个旧备份` : '';
    ctx.write({ entity: 'ledger', summary: `手动备份：${backup.name}${rotated}` }, () => undefined);
    return { backup: view(backup), removed };
  },
  'maintenance.restore': (input, ctx) => restoreBackup(ctx.app, ctx.session!.userId, input.name),
  'maintenance.verifyAuditChain': (_input, { app }) => {
    const verdict = verifyAuditChain(app);
    const head = auditHead(app);
    return verdict.ok
      ? { ok: true, count: verdict.count, firstBadSeq: null, reason: null, head }
      : { ok: false, count: null, firstBadSeq: verdict.firstBadSeq, reason: verdict.reason, head };
  },
} satisfies DomainHandlers<typeof maintenanceCalls>;
