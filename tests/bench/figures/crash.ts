import fs from 'node:fs';
import path from 'node:path';
import { buildCrashChild, checkAfterCrash, crashRound, removeDir, seedCrashBills } from '../../support/crashHarness';
import { setupAdmin, testApp } from '../../unit/support/testApp';
import { signInAs } from '../../unit/support/users';
import { CACHE_DIR } from '../dataset';
import { msSince } from '../stats';

export interface CrashFigure {
  rounds: number;
  committed: number;
  lost: number;
  violations: number;
  chainFailures: number;
  integrityFailures: number;
  childErrors: number;
  totalMs: number;
  firstProblems: string[];
}

/**
 * Kill -9 rounds with the harness the unit test uses: a child posts desk payments until killed at a
 * random moment; after each round the ledger is reopened and every payment the child reported as
 * committed must be there, whole, with the invariants, the audit chain and the file intact.
 */
export async function measureCrash(rounds: number, log: (m: string) => void): Promise<CrashFigure> {
  const dataDir = path.join(CACHE_DIR, 'work', 'crash');
  removeDir(dataDir);
  // Inside the project so the child resolves better-sqlite3 from node_modules (and ESLint skips it).
  const childDir = path.resolve('node_modules/.cache/feedesk-bench');
  fs.mkdirSync(childDir, { recursive: true });
  const started = process.hrtime.bigint();
  try {
    // The shared build path is rebuilt by any crash test run at the same time (from whatever the
    // source is then); a private copy keeps every round on the child built from this checkout.
    const childJs = path.join(childDir, 'crashChild.cjs');
    fs.copyFileSync(buildCrashChild(), childJs);
    const app = testApp({ dataDir });
    await setupAdmin(app);
    const session = await signInAs(app, 'cashier');
    await app.must('shifts.open', { floatFen: 50_000 }, session);
    const cashierId = (await app.must('auth.me', {}, session)).user.id;
    app.close();
    seedCrashBills(dataDir);
    const ledger = { dataDir, cashierId, unitId: 1 };

    const f: CrashFigure = { rounds: 0, committed: 0, lost: 0, violations: 0, chainFailures: 0, integrityFailures: 0, childErrors: 0, totalMs: 0, firstProblems: [] };
    const problem = (round: number, what: string) => {
      if (f.firstProblems.length < 5) f.firstProblems.push(`round ${round}: ${what}`);
    };
    const reported = new Set<string>();
    for (let round = 0; round < rounds; round++) {
      const { committed, childErrors } = await crashRound(childJs, ledger, round);
      committed.forEach((k) => reported.add(k));
      f.childErrors += childErrors.length;
      childErrors.forEach((e) => problem(round, e.slice(0, 200)));
      const check = checkAfterCrash(dataDir, reported);
      f.rounds += 1;
      f.lost += check.lost.length;
      f.violations += check.violations.length;
      if (!check.chainOk) f.chainFailures += 1;
      if (check.quickCheck !== 'ok') f.integrityFailures += 1;
      if (check.lost.length > 0) problem(round, `lost ${check.lost.slice(0, 3).join(', ')}`);
      if (check.violations.length > 0) problem(round, JSON.stringify(check.violations[0]).slice(0, 200));
      if ((round + 1) % 100 === 0 || round + 1 === rounds) {
        log(`  断电轮次 ${round + 1}/${rounds}：已提交 ${reported.size} 笔，丢失 ${f.lost}，不变量违例 ${f.violations}，子进程错误 ${f.childErrors}（${(msSince(started) / 1000).toFixed(0)}s）`);
      }
    }
    f.committed = reported.size;
    f.totalMs = msSince(started);
    return f;
  } finally {
    removeDir(dataDir);
    removeDir(childDir);
  }
}
