import { z } from 'zod';
import { call } from '../define';

const backupFile = z.object({
  name: z.string(),
  kind: z.enum(['daily', 'shift', 'manual', 'pre_migration']),
  createdAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
});

const auditHead = z.object({ seq: z.number().int().nonnegative(), hash: z.string() });

export const maintenanceCalls = {
  'maintenance.listBackups': call({
    input: z.object({}).strict(),
    output: z.object({ dir: z.string(), keep: z.number().int().positive(), backups: z.array(backupFile) }),
    access: 'backup.manage',
    mutates: false,
  }),
  'maintenance.backupNow': call({
    input: z.object({}).strict(),
    output: z.object({ backup: backupFile, removed: z.array(z.string()) }),
    access: 'backup.manage',
    mutates: true,
  }),
  'maintenance.restore': call({
    input: z
      .object({
        name: z
          .string()
          .trim()
          .min(1, '请选择要恢复的备份')
          .regex(/^[\w.-]+\.sqlite$/, '请从备份列表中选择'),
      })
      .strict(),
    output: z.object({
      restoredFrom: z.string(),
      /** The previous ledger file, renamed with a timestamp beside the new one. */
      keptAside: z.string().nullable(),
      replaced: z.boolean(),
      /** The connection is closed after a restore: the shell must restart the app. */
      restartRequired: z.boolean(),
      message: z.string(),
    }),
    access: 'backup.manage',
    mutates: true,
  }),
  'maintenance.verifyAuditChain': call({
    input: z.object({}).strict(),
    output: z.object({
      ok: z.boolean(),
      count: z.number().int().nonnegative().nullable(),
      firstBadSeq: z.number().int().positive().nullable(),
      reason: z.enum(['edited', 'gap', 'broken-link']).nullable(),
      /** The last entry as stored; printed on the daily report to compare against paper. */
      head: auditHead,
    }),
    access: 'audit.read',
    mutates: false,
  }),
};
