import type BetterSqlite3 from 'better-sqlite3';
import { addDays } from '../../../src-shared/domain/dates';
import { periodStarting } from '../../../src-shared/domain/periods';
import { computeRunLines } from '../../../src-main/billing/computeRunLines';
import { openLedger } from '../../../src-main/app/openLedger';
import { fixedClock } from '../../../src-main/app/clock';
import { login, must, openBenchApp, WorkCopy } from '../dataset';
import { timeAsync, timeOnce } from '../stats';

export interface BillingFigure {
  lineCount: number;
  offsetCount: number;
  exceptionCount: number;
  readings: number;
  commitMs: number;
  baselineLines: number;
  baselineMs: number;
}

interface CommitOut {
  lineCount: number;
  offsetCount: number;
  exceptionCount: number;
}

/**
 * The month's meter readings, entered before the run as the desk does (untimed, on both copies):
 * the same usage as the month before, so water and the apportioned common power bill as usual.
 */
function enterReadings(db: BetterSqlite3.Database, month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const period = periodStarting(`${month}-01`, 1);
  const readOn = addDays(period.start, -1);
  return db
    .prepare(
      `INSERT INTO meter_readings (meter_id, period, reading_e4, prev_reading_e4, usage_e4, rollover, read_date, created_by, created_at)
       SELECT meter_id, ?, reading_e4 + usage_e4, reading_e4, usage_e4, 0, ?, created_by, ? FROM meter_readings r
       WHERE period = ? AND rollover = 0 AND reading_e4 + usage_e4 < (SELECT max_reading_e4 FROM meters WHERE id = r.meter_id)
         AND (SELECT multiplier FROM meters WHERE id = r.meter_id) = 1`,
    )
    .run(month, readOn, `${readOn}T08:30:00.000Z`, previous).changes;
}

/**
 * One month's 出账 for every unit through the real router — recompute, insert, prepaid offsets and
 * the audit entry in one fsync'd transaction — against the floor: the same rows, computed
 * beforehand, inserted by one prepared statement in one transaction on another copy.
 */
export async function measureBilling(source: string, month: string, nowIso: string, log: (m: string) => void): Promise<BillingFigure> {
  const appCopy = new WorkCopy(source, 'billing');
  let commit: { ms: number; value: CommitOut };
  let readings = 0;
  try {
    const app = openBenchApp(appCopy, nowIso);
    try {
      readings = enterReadings(app.context.sqlite, month);
      const session = await login(app, 'admin');
      // Warm the statement and page caches the way a clerk's preview would, without timing it.
      await must(app, 'billing.preview', { month, sampleSize: 0 }, session);
      log(`  出账 ${month}：通过 billing.commit…`);
      commit = await timeAsync(() => must<CommitOut>(app, 'billing.commit', { month }, session));
    } finally {
      app.close();
    }
  } finally {
    appCopy.remove();
  }

  const baseCopy = new WorkCopy(source, 'billing-baseline');
  try {
    const ledger = openLedger({ dataDir: baseCopy.dataDir, clock: fixedClock(nowIso) });
    try {
      const app = ledger.context;
      enterReadings(app.sqlite, month);
      const lines = computeRunLines(app, { month, apportionTotals: [] }).lines;
      const admin = app.sqlite.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get() as number;
      const now = app.clock.nowIso();
      const period = periodStarting(`${month}-01`, 1);
      log(`  基线：${lines.length} 行预编译 INSERT，单个事务…`);
      const { ms } = timeOnce(() =>
        app.sqlite.transaction(() => {
          const runId = app.sqlite
            .prepare(`INSERT INTO billing_runs (period_start, period_end, scope_json, status, line_count, total_fen, created_by, created_at)
                      VALUES (?, ?, '{}', 'committed', ?, 0, ?, ?)`)
            .run(period.start, period.end, lines.length, admin, now).lastInsertRowid;
          const insert = app.sqlite.prepare(
            `INSERT INTO bill_lines (run_id, unit_id, fee_item_id, object_kind, object_id, kind, source, customer_id,
               period_start, period_end, quantity, unit_price, amount_fen, basis, due_date, created_by, created_at)
             VALUES (?, ?, ?, ?, ?, 'charge', 'run', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          );
          for (const l of lines) {
            insert.run(runId, l.unitId, l.feeItemId, l.objectKind, l.objectId, l.customerId, l.periodStart, l.periodEnd,
              l.quantity, l.unitPrice, l.amountFen, l.basis, l.dueDate, admin, now);
          }
        }).immediate(),
      );
      return { lineCount: commit.value.lineCount, offsetCount: commit.value.offsetCount, exceptionCount: commit.value.exceptionCount, readings, commitMs: commit.ms, baselineLines: lines.length, baselineMs: ms };
    } finally {
      ledger.close();
    }
  } finally {
    baseCopy.remove();
  }
}
