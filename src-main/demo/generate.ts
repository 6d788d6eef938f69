import type BetterSqlite3 from 'better-sqlite3';
import { addDays } from '../../src-shared/domain/dates';
import { hashPassword } from '../auth/password';
import { MonthlyBilling } from './billing';
import { instant, monthsEnding } from './calendar';
import { Desk } from './collection';
import { DeskDays } from './desk';
import { writeFees } from './fees';
import type { StaffIds } from './model';
import { yuan } from './model';
import { writePeople } from './people';
import { PrepaidBook, type SeriesCounters } from './prepaid';
import { Rng } from './random';
import { writeRegister } from './register';
import { assignProfiles, planVisits } from './schedule';
import { summarize, type DemoSummary } from './summary';
import { COMPANY_NAME, STAFF } from './vocabulary';
import { BulkWriter } from './writer';

/** The one password of every demo account, printed by the script; never a default of the app. */
export const TRAINING_PASSWORD = 'Train2024';

const BULK_TABLES = ['bill_lines', 'allocations', 'payments', 'payment_tenders', 'receipts', 'meter_readings', 'prepaid_entries', 'shift_counts'];

export interface DemoOptions {
  units: number;
  months: number;
  /** Last billed month, 'YYYY-MM'; the ledger's "now" is that month's last day, 20:00. */
  end: string;
  seed: number;
  onProgress?: (message: string) => void;
}

export function checkOptions(o: DemoOptions): void {
  if (!Number.isInteger(o.units) || o.units < 20 || o.units > 200_000) throw new RangeError('--units 须为 20 到 200000 之间的整数');
  if (!Number.isInteger(o.months) || o.months < 1 || o.months > 120) throw new RangeError('--months 须为 1 到 120 之间的整数');
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) throw new RangeError('--seed 须为 0 到 4294967295 之间的整数');
  monthsEnding(o.end, 1);
}

/**
 * Writes a complete demo ledger into a freshly migrated, empty database: staff, register, fee
 * standards, `months` monthly billing runs, prepaid offsets, desk payments in confirmed shifts
 * and the audit chain. Deterministic for a seed (password hashes aside: they are salted).
 * Runs with synchronous=OFF, a memory journal and a large page cache while writing, then restores
 * WAL/FULL and the cache size.
 */
export async function generateDemoLedger(db: BetterSqlite3.Database, o: DemoOptions): Promise<DemoSummary> {
  checkOptions(o);
  if ((db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n > 0) {
    throw new Error('目标账本已有用户和数据：演示数据只能写入新建的空账本');
  }
  const hashes = await Promise.all(STAFF.map(() => hashPassword(TRAINING_PASSWORD)));
  const progress = o.onProgress ?? (() => undefined);
  const months = monthsEnding(o.end, o.months);
  const windowStart = months[0]!.start;
  const setupDate = addDays(windowStart, -10);
  const setupAt = instant(setupDate, 9, 0);
  const rng = new Rng(o.seed);
  const fileBacked = db.name !== ':memory:' && db.name !== '';

  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('journal_mode = MEMORY');
  // Random-order index inserts (hashes, keys) thrash the default 2 MB page cache on a big ledger.
  db.pragma('cache_size = -1048576');
  try {
    const w = new BulkWriter(db);
    const rebuildIndexes = w.suspendIndexes(BULK_TABLES);
    const { staff, reg, fees, series } = db.transaction(() => {
      const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
      setMeta.run('company_name', COMPANY_NAME);
      // Demo data is training data: documents printed from it carry 培训 and the shell says so.
      setMeta.run('training', '1');
      setMeta.run('demo_data', JSON.stringify({ units: o.units, months: o.months, end: o.end, seed: o.seed }));
      const staff = writeStaff(w, hashes, setupAt);
      const reg = writeRegister(w, rng.fork(1), o.units, months, setupAt, staff.cashiers[0]!);
      const people = writePeople(w, rng.fork(2), reg, months, setupAt);
      const fees = writeFees(w, reg.communities.map((c) => c.id), '2015-01-01', staff.admin, setupAt);
      w.audit(instant(setupDate, 10, 0), staff.admin, 'register.import', 'register',
        `导入档案：${reg.communities.length} 个项目、${reg.buildings.length} 栋、${reg.units.length} 户、${people.customers} 位客户、${w.counts.get('parking_spaces')} 个车位、${w.counts.get('meters')} 块表`);
      w.audit(instant(setupDate, 10, 30), staff.admin, 'fees.setup', 'fee_items', `建立收费项目 ${w.counts.get('fee_items')} 项、收费标准 ${w.counts.get('fee_standards')} 条（${COMPANY_NAME}收费公示表）`);
      db.prepare('UPDATE receipt_series SET created_at = ?').run(setupAt);
      const seriesRow = (code: string) => (db.prepare('SELECT id, next_no FROM receipt_series WHERE code = ?').get(code) as { id: number; next_no: number });
      const desk = seriesRow('DESK');
      const offset = seriesRow('OFFSET');
      const series: SeriesCounters = { deskId: desk.id, offsetId: offset.id, receiptNo: desk.next_no, offsetNo: offset.next_no };
      assignProfiles(rng.fork(3), reg.units, months.length);
      return { staff, reg, fees, series };
    })();
    progress(`档案：${reg.communities.length} 个项目，${reg.buildings.length} 栋，${reg.units.length} 户`);

    const billing = new MonthlyBilling(w, rng.fork(4), reg, fees, staff.supervisors[0]!);
    const prepaid = new PrepaidBook(w, series);
    const desk = new Desk(w, rng.fork(5), fees, staff, series, prepaid, o.seed);
    const days = new DeskDays(w, rng.fork(6), desk, staff);
    const planRng = rng.fork(7);
    for (const month of months) {
      db.transaction(() => {
        const run = billing.run(month);
        const off = prepaid.offsetAfterRun(run.runId, month.start, run.at, staff.supervisors[0]!);
        w.audit(instant(month.start, 8, 31), staff.supervisors[0]!, 'billing.commitRun', `billing_run:${run.runId}`,
          `出账 ${month.ym}（${month.start} 至 ${month.end}）：${run.lineCount} 条，合计 ${yuan(run.totalFen)}；预存抵扣 ${off.units} 户 ${yuan(off.totalFen)}`);
        days.runMonth(month, planVisits(planRng, reg.units, month, months.length));
        progress(`${month.ym}：出账 ${run.lineCount} 条 ${yuan(run.totalFen)}，累计收款 ${w.counts.get('payments') ?? 0} 笔`);
      })();
    }
    progress('重建索引…');
    db.transaction(rebuildIndexes)();
    db.transaction(() => {
      const setNext = db.prepare('UPDATE receipt_series SET next_no = ? WHERE id = ?');
      setNext.run(series.receiptNo, series.deskId);
      setNext.run(series.offsetNo, series.offsetId);
      const status = db.prepare('UPDATE units SET status = ? WHERE id = ?');
      for (const u of reg.units) {
        const state = u.deliveryDate === null ? 'undelivered' : u.vacant ? 'vacant' : u.deposited && (u.depositMonth ?? 0) >= months.length - 4 ? 'renovating' : 'occupied';
        if (state !== 'occupied') status.run(state, u.id);
      }
    })();
    return summarize(db, months[months.length - 1]!.end, w.counts);
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma('foreign_keys = ON');
    if (fileBacked) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
}

function writeStaff(w: BulkWriter, hashes: string[], at: string): StaffIds {
  const insUser = w.inserter('users', ['username', 'display_name', 'password_hash', 'role_code', 'must_change_password', 'failed_logins', 'disabled', 'created_at']);
  const staff: StaffIds = { admin: 0, supervisors: [], cashiers: [] };
  const roleNames = { admin: '管理员', supervisor: '收费主管', cashier: '收银员' } as const;
  STAFF.forEach(([username, displayName, role], i) => {
    const id = insUser(username, displayName, hashes[i]!, role, 0, 0, 0, at);
    if (role === 'admin') {
      staff.admin = id;
      w.audit(at, null, 'auth.setup', 'system', `首次设置：公司「${COMPANY_NAME}」，管理员 ${username}`);
    } else {
      (role === 'supervisor' ? staff.supervisors : staff.cashiers).push(id);
      w.audit(at, staff.admin, 'users.create', `user:${id}`, `新建用户 ${username}（${displayName}，${roleNames[role]}）`);
    }
  });
  return staff;
}
