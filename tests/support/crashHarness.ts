import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { openLedger } from '../../src-main/app/openLedger';
import { verifyAuditChain } from '../../src-main/audit/auditLog';
import { checkLedgerInvariants, type InvariantViolation } from '../../src-main/ledger/invariants';

/**
 * Kill -9 at random moments while desk payments are being posted (issue 3 item 10), shared by
 * the unit test (200 rounds) and the benchmark (1,000). A child process posts payments and reports
 * each one only after its commit returned; the parent kills it, reopens the file and checks that
 * every reported payment is there and nothing is half-posted.
 */
export interface CrashLedger {
  dataDir: string;
  cashierId: number;
  unitId: number;
}

export interface RoundResult {
  committed: string[];
  childErrors: string[];
}

export interface RoundCheck {
  lost: string[];
  violations: InvariantViolation[];
  chainOk: boolean;
  quickCheck: string;
}

/** Bundled inside the project so the child resolves better-sqlite3 from node_modules. */
export function buildCrashChild(): string {
  const outfile = path.resolve('node_modules/.cache/feedesk-tests/crashChild.cjs');
  buildSync({
    entryPoints: [path.join(import.meta.dirname, 'crashChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    external: ['better-sqlite3'],
    // The ESM builds tree-shake zod and kysely: the child starts in a fraction of the time.
    mainFields: ['module', 'main'],
    minify: true,
    logLevel: 'error',
  });
  return outfile;
}

/** Many open bill lines on one unit, so the child has something to pay for a long time. */
export function seedCrashBills(dataDir: string): void {
  const ledger = openLedger({ dataDir });
  const db = ledger.context.sqlite;
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
    for (let m = 0; m < 300; m++) {
      const y = 2024 + Math.floor(m / 12);
      const start = `${y}-${String((m % 12) + 1).padStart(2, '0')}-01`;
      line.run(start, start, start);
    }
  })();
  ledger.close();
}

export function crashRound(childJs: string, ledger: CrashLedger, round: number): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childJs, ledger.dataDir, String(ledger.cashierId), String(ledger.unitId), String(round)], {
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
        childErrors: [...lines.filter((l) => l.startsWith('E ')), ...(killed ? [] : [`child died before READY: ${err}`])],
      });
    });
  });
}

export function checkAfterCrash(dataDir: string, reported: ReadonlySet<string>): RoundCheck {
  const ledger = openLedger({ dataDir });
  try {
    const db = ledger.context.sqlite;
    const quickCheck = String(db.pragma('quick_check', { simple: true }));
    const keys = new Set(db.prepare("SELECT idempotency_key FROM payments WHERE idempotency_key LIKE 'crash-%'").pluck().all() as string[]);
    return {
      lost: [...reported].filter((k) => !keys.has(k)),
      violations: checkLedgerInvariants(ledger.context),
      chainOk: verifyAuditChain(ledger.context).ok,
      quickCheck,
    };
  } finally {
    ledger.close();
  }
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
