import fs from 'node:fs';
import path from 'node:path';

export type BackupKind = 'daily' | 'shift' | 'manual' | 'pre_migration';

export interface BackupFile {
  name: string;
  file: string;
  kind: BackupKind;
  /** ISO instant the backup was taken, read from its name. */
  createdAt: string;
  sizeBytes: number;
}

// The migrator names its copies pre-migration-v<N>-<stamp>.sqlite with the same stamp shape.
const STAMP = '(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)';
const ROTATED = new RegExp(`^feedesk-${STAMP}-(daily|shift|manual)(?:-\\d+)?\\.sqlite$`);
const PRE_MIGRATION = new RegExp(`^pre-migration-v\\d+-${STAMP}\\.sqlite$`);

/** '2024-05-15T02:00:00.000Z' ↔ '2024-05-15T02-00-00-000Z': sortable and safe in any file system. */
export function fileStamp(instant: Date): string {
  return instant.toISOString().replace(/[:.]/g, '-');
}

function stampToIso(stamp: string): string {
  return stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3}Z)$/, '$1:$2:$3.$4');
}

export function rotatedName(instant: Date, kind: Exclude<BackupKind, 'pre_migration'>, n = 0): string {
  return `feedesk-${fileStamp(instant)}-${kind}${n > 0 ? `-${n}` : ''}.sqlite`;
}

function parseName(name: string): { kind: BackupKind; createdAt: string } | null {
  const rotated = ROTATED.exec(name);
  if (rotated) return { kind: rotated[2] as BackupKind, createdAt: stampToIso(rotated[1]!) };
  const pre = PRE_MIGRATION.exec(name);
  if (pre) return { kind: 'pre_migration', createdAt: stampToIso(pre[1]!) };
  return null;
}

/** The backups in a folder, newest first; other files (partial copies, notes) are ignored. */
export function listBackupFiles(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    out.push({ name, file, ...parsed, sizeBytes: stat.size });
  }
  return out.sort((a, b) => (a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt)));
}
