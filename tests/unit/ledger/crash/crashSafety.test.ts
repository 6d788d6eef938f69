import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../src-main/app/createApp';
import { verifyAuditChain } from '../../../../src-main/audit/auditLog';
import { checkLedgerInvariants } from '../../../../src-main/ledger/invariants';
import { setupAdmin, testApp } from '../../support/testApp';
import { signInAs } from '../../support/users';

/**
 * Kill -9 at random moments while payments are being posted (issue 3 item 10). Every payment the
 * child reported as committed must survive; nothing may be half-posted. CRASH_ROUNDS raises the
 * count (the benchmark runs 1,000).
 */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 200);
let workDir: string;
let childJs: string;
let cashierId: number;
let unitId: number;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedesk-crash-'));
  // Bundled inside the project so the child resolves better-sqlite3 from node_modules.
  childJs = path.resolve('node_modules/.cache/feedesk-tests/crashChild.cjs');
  buildSync({
    entryPoints: [path.join(import.meta.dirname, 'crashChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: childJs,
    external: ['better-sqlite3'],
    // The ESM builds tree-shake zod and kysely: the child starts in a fraction of the time.
    mainFields: ['module', 'main'],
    minify: true,
    logLevel: 'error',
  });
  const dataDir = path.join(workDir, 'data');
  const app = testApp({ dataDir });
  await setupAdmin(app);
  const sessionId = await signInAs(app, 'cashier');
  await app.must('shifts.open', { floatFen: 50_000 }, sessionId);
  cashierId = (await app.must('auth.me', {}, sessionId)).user.id;
  const db = app.context.sqlite;
  db.exec(`
    INSERT INTO communities (id, code, name, created_at) VALUES (1, 'YG', '阳光花园', 't');
    INSERT INTO buildings (id, community_id, code, name) VALUES (1, 1, '3', '3号楼');
    INSERT INTO units (id, community_id, building_id, code, sort_key, building_area_e4, use, status, created_at)
      VALUES (1, 1, 1, '3-2-501', '0003-0002-0501', 895000, 'residential', 'occupied', 't');
    INSERT INTO fee_items (id, code, name, category, method, price_type, created_at) VALUES (1, 'WYF', '物业费', 'property', 'AREA', 'market', 't');
  `);
  const line = db.prepare(
    `INSERT INTO bill_lines (unit_id, fee_item_id, object_kind, object_id, kind, source, period_start, period_end, quantity,
       unit_price, amount_fen, basis, due_date, created_at) VALUES (1, 1, 'unit', 1, 'charge', 'run', ?, ?, '89.5', '2.35', 21033, 'b', ?, 't')`,
  );
  db.transaction(() => {
    for (let m = 0; m < 240; m++) {
      const y = 2024 + Math.floor(m / 12);
      const start = `${y}-${String((m % 12) + 1).padStart(2, '0')}-01`;
      line.run(start, start, start);
    }
  })();
  unitId = 1;
  app.close();
}, 60_000);

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

function runUntilKilled(round: number): Promise<{ committed: string[]; errors: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childJs, path.join(workDir, 'data'), String(cashierId), String(unitId), String(round)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // Most rounds die while payments stream in; every tenth dies as the ledger has just opened.
      const trigger = round % 10 === 0 ? 'READY\n' : '\nC ';
      if (!killed && ('\n' + out).includes(trigger)) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 30));
      }
    });
    child.on('error', reject);
    child.on('exit', () => {
      const lines = out.split('\n');
      resolve({
        committed: lines.filter((l) => l.startsWith('C ')).map((l) => l.split(' ')[1]!),
        errors: [...lines.filter((l) => l.startsWith('E ')), ...(killed ? [] : [`child died before READY: ${err}`])],
      });
    });
  });
}

describe('crash safety', () => {
  it(`loses no committed payment and half-posts nothing across ${ROUNDS} kill -9 rounds`, async () => {
    const reported = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const { committed, errors } = await runUntilKilled(round);
      expect(errors).toEqual([]);
      committed.forEach((k) => reported.add(k));

      const app = createApp({ dataDir: path.join(workDir, 'data') });
      try {
        const db = app.context.sqlite;
        expect(db.pragma('quick_check', { simple: true })).toBe('ok');
        const keys = new Set(db.prepare("SELECT idempotency_key FROM payments WHERE idempotency_key LIKE 'crash-%'").pluck().all() as string[]);
        const lost = [...reported].filter((k) => !keys.has(k));
        expect(lost, `round ${round}: committed but missing`).toEqual([]);
        expect(checkLedgerInvariants(app.context), `round ${round}`).toEqual([]);
        expect(verifyAuditChain(app.context).ok, `round ${round}: audit chain`).toBe(true);
      } finally {
        app.close();
      }
    }
    expect(reported.size).toBeGreaterThan(0);
  }, 600_000);
});
