import type { RoleCode } from '../../../../src-shared/api';
import { generateDemoLedger } from '../../../../src-main/demo/generate';
import { testApp, type TestApp } from '../../support/testApp';
import { signInAs } from '../../support/users';
import { rolesOf } from './ledgerCopies';

export interface SeededEstate {
  app: TestApp;
  roles: RoleCode[];
  sessions: Map<RoleCode, string>;
  /** A session that existed and was logged out. */
  endedSession: string;
}

/**
 * A small but real estate: the demo generator's 20 units × 3 billed months (payments in confirmed
 * shifts, prepaid offsets, a waiver), then through the calls themselves a manual receipt book, an
 * open shift with a desk payment, a requested adjustment and a waiver — so that ids in malformed
 * payloads point at rows of every kind.
 */
export async function seededEstate(): Promise<SeededEstate> {
  const app = testApp();
  await generateDemoLedger(app.context.sqlite, { units: 20, months: 3, end: '2024-04', seed: 20240515 });
  const roles = rolesOf(app);
  const sessions = new Map<RoleCode, string>();
  const [endedSession] = await Promise.all([
    signInAs(app, 'cashier', 'cashier-gone'),
    ...roles.map(async (role) => sessions.set(role, await signInAs(app, role))),
  ]);
  await app.must('auth.logout', {}, endedSession);

  const db = app.context.sqlite;
  const cashier = sessions.get('cashier')!;
  const supervisor = sessions.get('supervisor')!;
  const cashierId = db.prepare("SELECT id FROM users WHERE username = 'cashier1'").pluck().get() as number;
  await app.must('shifts.registerManualBook', { code: 'SG2024-09', prefix: 'SG', rangeStart: 1, rangeEnd: 50, cashierId }, supervisor);
  await app.must('shifts.open', { floatFen: 50_000 }, cashier);

  const open = db
    .prepare("SELECT id, unit_id AS unitId, outstanding_fen AS fen FROM bill_lines WHERE kind = 'charge' AND status = 'posted' AND outstanding_fen > 200 ORDER BY id LIMIT 3")
    .all() as Array<{ id: number; unitId: number; fen: number }>;
  if (open.length < 3) throw new Error('the demo estate has fewer than three open bill lines');
  const [paid, adjusted, waived] = open as [(typeof open)[0], (typeof open)[0], (typeof open)[0]];
  await app.must(
    'collection.collect',
    { idempotencyKey: 'security-seed-0001', unitId: paid.unitId, payerName: '张三', lineIds: [paid.id], tenders: [{ method: 'cash', amountFen: paid.fen }] },
    cashier,
  );
  await app.must('accounts.requestAdjustment', { lineId: adjusted.id, amountFen: -100, reason: '面积测绘更正' }, cashier);
  await app.must('collection.waive', { lineId: waived.id, amountFen: 100, reason: '困难户减免' }, cashier);
  return { app, roles, sessions, endedSession };
}
