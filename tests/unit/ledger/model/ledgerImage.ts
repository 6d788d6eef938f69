import Database from 'better-sqlite3';
import { businessClock, fixedClock } from '../../../../src-main/app/clock';
import type { AppContext } from '../../../../src-main/app/context';
import { createQueryBuilder, createQueryRunner } from '../../../../src-main/db/query';
import { FileStore } from '../../../../src-main/files/fileStore';
import { handlers } from '../../../../src-main/ipc/handlers';
import { createRouter } from '../../../../src-main/ipc/router';
import { getSettings } from '../../../../src-main/system/settings';
import { unitSortKey } from '../../../../src-shared/domain/unitCode';
import type { CallInput, CallName, CallOutput, Result } from '../../../../src-shared/api';
import { setupAdmin, testApp, type TestApp } from '../../support/testApp';
import { installChangeLog } from './changeLog';
import { cachePreparedStatements } from './statements';
import { signInAs } from '../../support/users';

/**
 * A small estate billed for three months, built ONCE through the real calls and kept as a
 * serialized SQLite image, so a test never migrates, hashes passwords and bills again: it opens
 * a private copy (`openImage`), and the property test then starts every sequence from the very
 * same state (`inFreshLedger`).
 */

export const STAFF = ['cashier1', 'cashier2', 'supervisor1', 'supervisor2'] as const;
export type Staff = (typeof STAFF)[number];
export const SUPERVISORS = ['supervisor1', 'supervisor2'] as const;

export const START = '2024-05-15T02:00:00.000Z';
export const BILLED_MONTHS = ['2024-02', '2024-03', '2024-04'] as const;
export const UNITS = [
  { code: '3-1-101', area: 895_000, owner: '张三' },
  { code: '3-1-102', area: 1_203_500, owner: '李四' },
  { code: '3-2-501', area: 650_800, owner: '王五' },
  { code: '3-2-502', area: 1_432_000, owner: '赵六' },
] as const;

export interface Estate {
  sessions: Record<Staff | 'admin', string>;
  userIds: Record<Staff | 'admin', number>;
  communityId: number;
  unitIds: number[];
  /** 物业费 AREA 2.35 元/㎡·月, and 车位费 FIXED 150.00 元/月 with 5 grace days and a 10% cap. */
  wyf: number;
  cwf: number;
}

export interface LedgerImage {
  bytes: Buffer;
  estate: Estate;
}

export async function buildLedgerImage(): Promise<LedgerImage> {
  const app = testApp({ now: START });
  try {
    const admin = await setupAdmin(app);
    const sessions = { admin } as Record<Staff | 'admin', string>;
    for (const s of STAFF) sessions[s] = await signInAs(app, s.startsWith('cashier') ? 'cashier' : 'supervisor', s);
    const db = app.context.sqlite;
    const userIds = Object.fromEntries(
      (db.prepare('SELECT username, id FROM users').all() as Array<{ username: string; id: number }>).map((u) => [u.username, u.id]),
    ) as Record<Staff | 'admin', number>;

    const now = app.context.clock.nowIso();
    const communityId = Number(db.prepare(`INSERT INTO communities (code, name, created_at) VALUES ('YG', '阳光花园', ?)`).run(now).lastInsertRowid);
    const buildingId = Number(db.prepare(`INSERT INTO buildings (community_id, code, name) VALUES (?, '3', '3号楼')`).run(communityId).lastInsertRowid);
    const unitIds = UNITS.map((u) => {
      const unitId = Number(
        db
          .prepare(
            `INSERT INTO units (community_id, building_id, code, sort_key, building_area_e4, use, status, delivery_date, created_at)
             VALUES (?, ?, ?, ?, ?, 'residential', 'occupied', '2020-01-01', ?)`,
          )
          .run(communityId, buildingId, u.code, unitSortKey(u.code), u.area, now).lastInsertRowid,
      );
      const customerId = db.prepare('INSERT INTO customers (name, created_at) VALUES (?, ?)').run(u.owner, now).lastInsertRowid;
      db.prepare(`INSERT INTO unit_customers (unit_id, customer_id, role, start_date) VALUES (?, ?, 'owner', '2020-01-01')`).run(unitId, customerId);
      return unitId;
    });

    const base = { priceType: 'market', basisDoc: '《物业服务合同》' } as const;
    const wyf = (await app.must('fees.createItem', { ...base, code: 'WYF', name: '物业费', category: 'property', method: 'AREA', priority: 1 }, admin)).id;
    const cwf = (
      await app.must(
        'fees.createItem',
        { ...base, code: 'CWF', name: '车位费', category: 'parking', method: 'FIXED', priority: 2, lateGraceDays: 5, lateCapRatio: '0.1' },
        admin,
      )
    ).id;
    await app.must('fees.createStandard', { feeItemId: wyf, scope: 'community', communityId, price: '2.35', startDate: '2020-01-01' }, admin);
    await app.must('fees.createStandard', { feeItemId: cwf, scope: 'community', communityId, price: '150', startDate: '2020-01-01' }, admin);
    await app.must('fees.createDiscountRule', { feeItemId: wyf, name: '预交半年九五折', minMonths: 6, percentOffBp: 500, startDate: '2024-01-01' }, admin);
    for (const month of BILLED_MONTHS) await app.must('billing.commit', { month }, admin);
    await app.must('shifts.open', { floatFen: 50_000 }, sessions.cashier1);
    await app.must('shifts.open', { floatFen: 0 }, sessions.cashier2);
    await app.must('shifts.open', { floatFen: 0 }, sessions.supervisor1);
    await app.must('shifts.open', { floatFen: 0 }, sessions.supervisor2);
    // Days pass between operations; the desk in this test never locks an idle session.
    db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('setting.idleLockMinutes', '5256000')`).run();
    installChangeLog(db);
    db.exec('VACUUM');
    return { bytes: db.serialize(), estate: { sessions, userIds, communityId, unitIds, wyf, cwf } };
  } finally {
    app.close();
  }
}

/**
 * A live desk on a private copy of the image (which also carries the change log's triggers): the real router and handlers, outputs checked
 * against their schemas, internal errors collected, the clock fixed at the image's instant.
 */
export function openImage(image: LedgerImage): TestApp {
  const sqlite = new Database(image.bytes);
  sqlite.pragma('foreign_keys = ON');
  cachePreparedStatements(sqlite);
  const clock = fixedClock(START);
  const db = createQueryBuilder();
  const q = createQueryRunner(sqlite);
  const context: AppContext = {
    sqlite,
    db,
    q,
    clock: businessClock(clock, getSettings({ sqlite, db, q } as AppContext).timeZone),
    dbFile: ':memory:',
    dataDir: ':memory:',
    appVersion: 'test',
    files: new FileStore(),
    emit: () => undefined,
  };
  const internalErrors: unknown[] = [];
  const router = createRouter(context, handlers, { checkOutputs: true, onInternalError: (_call, error) => internalErrors.push(error) });
  const call = async <N extends CallName>(name: N, input: CallInput<N>, sessionId?: string) =>
    (await router.invoke({ call: name, input, sessionId })) as Result<CallOutput<N>>;
  return {
    context,
    clock,
    internalErrors,
    invoke: (request) => router.invoke(request),
    on: () => () => undefined,
    close: () => sqlite.close(),
    call,
    async must(name, input, sessionId) {
      const r = await call(name, input, sessionId);
      if (!r.ok) throw new Error(`${name} refused: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
  };
}

/**
 * Runs one sequence on `app` and puts the ledger back exactly as it was: the sequence runs inside
 * one outer transaction that is rolled back at the end. The app's own transactions nest inside
 * it as savepoints, which commit and roll back exactly as at the top level (the schema has only
 * RAISE(ABORT) triggers and no deferred constraints), and the connection keeps its compiled
 * statements from one sequence to the next — 1,000 fresh copies would spend most of the time
 * budget compiling the same SQL again.
 */
export async function inFreshLedger<T>(app: TestApp, fn: () => Promise<T>): Promise<T> {
  app.clock.set(START);
  app.internalErrors.length = 0;
  app.context.sqlite.exec('BEGIN');
  try {
    return await fn();
  } finally {
    if (app.context.sqlite.inTransaction) app.context.sqlite.exec('ROLLBACK');
  }
}
