import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseDamagedError, startDesk } from '../../../src-main/app/startDesk';
import { listBackupFiles } from '../../../src-main/maintenance/backupFiles';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'feedesk-start-'));
  dirs.push(d);
  return d;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('starting the desk', () => {
  it('opens a new ledger and makes the day\'s backup once', async () => {
    const dir = tempDir();
    const app = startDesk({ dataDir: dir });
    await settle();
    app.close();
    expect(listBackupFiles(path.join(dir, 'backups')).filter((b) => b.kind === 'daily')).toHaveLength(1);
    const again = startDesk({ dataDir: dir });
    await settle();
    again.close();
    expect(listBackupFiles(path.join(dir, 'backups')).filter((b) => b.kind === 'daily')).toHaveLength(1);
  });

  it('refuses a damaged file and names the newest good backup', async () => {
    const dir = tempDir();
    const app = startDesk({ dataDir: dir });
    await settle();
    app.close();
    const file = path.join(dir, 'feedesk.sqlite');
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096, Math.min(bytes.length, 4096 * 6));
    fs.writeFileSync(file, bytes);
    expect(() => startDesk({ dataDir: dir })).toThrow(DatabaseDamagedError);
    expect(() => startDesk({ dataDir: dir })).toThrow(/最近的完好备份/);
  });
});
