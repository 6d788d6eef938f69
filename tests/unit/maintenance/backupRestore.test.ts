import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupNow, maybeDailyBackup } from '../../../src-main/maintenance/backup';
import { checkIntegrity, verifyDatabaseFile } from '../../../src-main/maintenance/integrity';
import { setSetting } from '../../../src-main/system/settings';
import { setupAdmin, testApp, type TestApp } from '../support/testApp';
import { signInAs } from '../support/users';

const HOUR = 3_600_000;
let app: TestApp | undefined;
let dir: string;
afterEach(() => {
  app?.close();
  app = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function fileLedger() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedesk-maint-'));
  app = testApp({ dataDir: dir });
  const admin = await setupAdmin(app);
  return { admin, dbFile: app.context.dbFile, backups: path.join(dir, 'backups') };
}

/** Overwrites 16 KiB in the middle of the file, as a failing disk sector would. */
function corrupt(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(16_384, 0xab), 0, 16_384, Math.floor(size / 2 / 4096) * 4096);
  fs.closeSync(fd);
}

const communities = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT name FROM communities ORDER BY id').pluck().all();
  } finally {
    db.close();
  }
};
const addCommunity = (a: TestApp, code: string) =>
  a.context.sqlite.prepare("INSERT INTO communities (code, name, created_at) VALUES (?, ?, 't')").run(code, `小区${code}`);

describe('backups', () => {
  it('writes a self-contained copy that passes the integrity check, and rotates to the newest backupKeep', async () => {
    const { admin, backups } = await fileLedger();
    const ctx = app!.context;
    ctx.sqlite.transaction(() => setSetting(ctx, 'backupKeep', 3))();
    fs.mkdirSync(backups, { recursive: true });
    fs.writeFileSync(path.join(backups, 'pre-migration-v1-2024-01-01T00-00-00-000Z.sqlite'), 'kept');
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      names.push((await backupNow(ctx, 'manual')).backup.name);
      app!.clock.advance(HOUR);
    }
    const listed = await app!.must('maintenance.listBackups', {}, admin);
    expect(listed.backups.map((b) => b.name)).toEqual([names[4], names[3], names[2], 'pre-migration-v1-2024-01-01T00-00-00-000Z.sqlite']);
    const newest = path.join(backups, names[4]!);
    expect(verifyDatabaseFile(newest)).toMatchObject({ ok: true });
    expect(fs.existsSync(`${newest}-wal`)).toBe(false);
    expect(fs.readdirSync(backups).filter((n) => n.startsWith('.partial'))).toEqual([]);
  });

  it('takes one daily backup per business day', async () => {
    await fileLedger();
    const ctx = app!.context;
    expect(await maybeDailyBackup(ctx)).not.toBeNull();
    app!.clock.advance(HOUR);
    expect(await maybeDailyBackup(ctx)).toBeNull();
    app!.clock.set('2024-05-15T16:30:00.000Z'); // 00:30 on the 16th in Shanghai
    expect((await maybeDailyBackup(ctx))?.kind).toBe('daily');
  });

  it('backs up on each shift confirmation and by hand, recording the manual one in the audit log', async () => {
    const { admin, backups } = await fileLedger();
    const cashier = await signInAs(app!, 'cashier');
    const supervisor = await signInAs(app!, 'supervisor');
    const shift = await app!.must('shifts.open', { floatFen: 0 }, cashier);
    await app!.must('shifts.count', { counts: [{ method: 'cash', countedFen: 0 }] }, cashier);
    const { backup } = await app!.must('shifts.confirm', { shiftId: shift.id }, supervisor);
    expect(backup).toMatchObject({ ok: true, file: expect.stringMatching(/-shift\.sqlite$/) });
    expect(fs.existsSync(path.join(backups, backup.file!))).toBe(true);
    const manual = await app!.must('maintenance.backupNow', {}, admin);
    const last = app!.context.sqlite.prepare('SELECT call, summary FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    expect(last).toEqual({ call: 'maintenance.backupNow', summary: `手动备份：${manual.backup.name}` });
    expect(await app!.call('maintenance.backupNow', {}, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the integrity check at start', () => {
  it('passes a sound file and refuses a damaged one, naming the newest backup that is itself sound', async () => {
    const { dbFile, backups } = await fileLedger();
    const ctx = app!.context;
    for (let i = 0; i < 40; i++) addCommunity(app!, `C${i}`);
    const older = (await backupNow(ctx, 'daily')).backup;
    app!.clock.advance(HOUR);
    const good = (await backupNow(ctx, 'manual')).backup;
    app!.clock.advance(HOUR);
    const bad = (await backupNow(ctx, 'shift')).backup;
    corrupt(bad.file);
    app!.close();
    app = undefined;

    expect(checkIntegrity(dbFile)).toEqual({ ok: true, file: dbFile });
    const damaged = path.join(dir, 'damaged.sqlite');
    fs.copyFileSync(dbFile, damaged);
    corrupt(damaged);
    const report = checkIntegrity(damaged, { backupDir: backups });
    expect(report).toMatchObject({ ok: false, newestGoodBackup: good.file });
    expect(report.ok ? '' : report.message).toContain(good.name);
    expect(older.createdAt < good.createdAt).toBe(true);
  });
});

describe('restore', () => {
  it('refuses a damaged backup and changes nothing', async () => {
    const { admin, dbFile } = await fileLedger();
    const { backup } = await app!.must('maintenance.backupNow', {}, admin);
    corrupt(path.join(dir, 'backups', backup.name));
    expect(await app!.call('maintenance.restore', { name: backup.name }, admin)).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_DAMAGED' },
    });
    expect(await app!.call('maintenance.restore', { name: '../feedesk.sqlite' }, admin)).toMatchObject({ ok: false });
    expect(fs.readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
    expect(app!.context.sqlite.open).toBe(true);
    expect(fs.existsSync(dbFile)).toBe(true);
  });

  it('puts a verified backup in place, keeps the current file aside and records the restore in the restored chain', async () => {
    const { admin, dbFile } = await fileLedger();
    addCommunity(app!, 'BEFORE');
    const { backup } = await app!.must('maintenance.backupNow', {}, admin);
    app!.clock.advance(HOUR);
    addCommunity(app!, 'AFTER');
    const restored = await app!.must('maintenance.restore', { name: backup.name }, admin);
    expect(restored).toMatchObject({ restoredFrom: backup.name, replaced: true, restartRequired: true });
    expect(restored.keptAside).toBe(`${dbFile}.before-restore-2024-05-15T03-00-00-000Z`);
    expect(communities(restored.keptAside!)).toEqual(['小区BEFORE', '小区AFTER']);
    app!.close();

    app = testApp({ dataDir: dir, now: '2024-05-15T04:00:00.000Z' });
    expect(app.context.sqlite.prepare('SELECT name FROM communities').pluck().all()).toEqual(['小区BEFORE']);
    const auditor = await signInAs(app, 'auditor');
    const chain = await app.must('maintenance.verifyAuditChain', {}, auditor);
    expect(chain).toMatchObject({ ok: true, firstBadSeq: null, reason: null });
    const restoreEntry = app.context.sqlite.prepare("SELECT summary FROM audit_log WHERE call = 'maintenance.restore'").pluck().get();
    expect(restoreEntry).toContain(backup.name);
  });
});

describe('the audit chain call', () => {
  it('reports a broken chain with the first bad entry and the stored head', async () => {
    app = testApp();
    const admin = await setupAdmin(app);
    const cashier = await signInAs(app, 'cashier');
    expect(await app.call('maintenance.verifyAuditChain', {}, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const db = app.context.sqlite;
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET summary = '改过' WHERE seq = 1");
    const verdict = await app.must('maintenance.verifyAuditChain', {}, admin);
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    expect(verdict).toEqual({ ok: false, count: null, firstBadSeq: 1, reason: 'edited', head });
  });
});
