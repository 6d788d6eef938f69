import type { AppContext } from '../../../src-main/app/context';
import { creditPrepaid } from '../../../src-main/accounts/prepaidBalances';
import { takeNextNumber } from '../../../src-main/ledger/series';
import { lineBalance } from '../../../src-main/ledger/outstanding';
import { hashPassword } from '../../../src-main/auth/password';
import { testApp, type TestApp } from '../support/testApp';
import { TEST_PASSWORD } from '../support/users';

/**
 * A small ledger written straight in SQL: units, fee items, bill lines, a cashier's shift and
 * desk payments, so the accounts services can be tested on their own.
 */

export interface AccountsLedger {
  app: TestApp;
  ctx: AppContext;
  /** Signs the user in on first use (password checks are slow; most tests call services directly). */
  session(user: StaffName): Promise<string>;
  users: Record<StaffName, number>;
  unitId: number;
  wyf: number;
  parking: number;
}

const STAFF = { cashier1: 'cashier', cashier2: 'cashier', supervisor1: 'supervisor', supervisor2: 'supervisor', finance1: 'finance' } as const;
export type StaffName = keyof typeof STAFF;

let passwordHash: Promise<string> | null = null;

export function userId(ctx: AppContext, username: string): number {
  return ctx.sqlite.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as number;
}

export async function accountsLedger(): Promise<AccountsLedger> {
  const app = testApp();
  const ctx = app.context;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const insertUser = ctx.sqlite.prepare(
    `INSERT INTO users (username, display_name, password_hash, role_code, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const users = {} as Record<StaffName, number>;
  for (const [name, role] of Object.entries(STAFF) as Array<[StaffName, string]>) {
    users[name] = Number(insertUser.run(name, `${role}-${name}`, hash, role, ctx.clock.nowIso()).lastInsertRowid);
  }
  const sessions = new Map<StaffName, string>();
  const session = async (name: StaffName) => {
    if (!sessions.has(name)) sessions.set(name, (await app.must('auth.login', { username: name, password: TEST_PASSWORD })).sessionId);
    return sessions.get(name)!;
  };
  const unitId = seedUnit(ctx, '3-2-501');
  const wyf = seedFeeItem(ctx, 'WYF', '物业费', { priority: 1 });
  const parking = seedFeeItem(ctx, 'CWF', '车位管理费', { priority: 2, method: 'FIXED' });
  return { app, ctx, session, users, unitId, wyf, parking };
}

export function seedUnit(ctx: AppContext, code: string): number {
  const now = ctx.clock.nowIso();
  ctx.sqlite.prepare(`INSERT OR IGNORE INTO communities (id, code, name, created_at) VALUES (1, 'YG', '阳光花园', ?)`).run(now);
  ctx.sqlite.prepare(`INSERT OR IGNORE INTO buildings (id, community_id, code, name) VALUES (1, 1, '3', '3号楼')`).run();
  return Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO units (community_id, building_id, code, sort_key, building_area_e4, use, status, created_at)
         VALUES (1, 1, ?, ?, 895000, 'residential', 'occupied', ?)`,
      )
      .run(code, code, now).lastInsertRowid,
  );
}

export function seedFeeItem(
  ctx: AppContext,
  code: string,
  name: string,
  opts: { priority?: number; method?: string; cycleMonths?: number } = {},
): number {
  return Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO fee_items (code, name, category, method, price_type, cycle_months, priority, created_at)
         VALUES (?, ?, 'property', ?, 'market', ?, ?, ?)`,
      )
      .run(code, name, opts.method ?? 'AREA', opts.cycleMonths ?? 1, opts.priority ?? 0, ctx.clock.nowIso()).lastInsertRowid,
  );
}

export function seedRun(ctx: AppContext, periodStart = '2024-05-01'): number {
  return Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO billing_runs (period_start, period_end, scope_json, status, line_count, total_fen, created_at)
         VALUES (?, ?, '{}', 'committed', 0, 0, ?)`,
      )
      .run(periodStart, periodStart, ctx.clock.nowIso()).lastInsertRowid,
  );
}

export function seedLine(
  ctx: AppContext,
  p: { unitId: number; feeItemId: number; amountFen: number; periodStart: string; dueDate?: string; runId?: number | null; objectId?: number },
): number {
  return Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO bill_lines (run_id, unit_id, fee_item_id, object_kind, object_id, kind, source, period_start, period_end,
           quantity, unit_price, amount_fen, basis, due_date, created_at)
         VALUES (?, ?, ?, 'unit', ?, 'charge', ?, ?, ?, '1', '0', ?, '测试', ?, ?)`,
      )
      .run(
        p.runId ?? null,
        p.unitId,
        p.feeItemId,
        p.objectId ?? p.unitId,
        p.runId ? 'run' : 'one_off',
        p.periodStart,
        p.periodStart,
        p.amountFen,
        p.dueDate ?? p.periodStart,
        ctx.clock.nowIso(),
      ).lastInsertRowid,
  );
}

export function openShift(ctx: AppContext, cashierId: number): number {
  return Number(
    ctx.sqlite
      .prepare(`INSERT INTO shifts (cashier_id, business_date, float_fen, status, opened_at) VALUES (?, ?, 50000, 'open', ?)`)
      .run(cashierId, ctx.clock.today(), ctx.clock.nowIso()).lastInsertRowid,
  );
}

type Method = 'cash' | 'wechat' | 'alipay' | 'card' | 'transfer';

let keySeq = 0;

/** A posted desk payment with its receipt, written as COLLECTION would; the cashier needs an open shift. */
export function seedPayment(
  ctx: AppContext,
  p: {
    unitId: number;
    cashierId: number;
    tenders: Array<{ method: Method; amountFen: number; reference?: string }>;
    allocations?: Array<{ lineId: number; amountFen: number }>;
    toPrepaid?: { feeItemId: number | null; amountFen: number };
    depositFen?: number;
    payerName?: string;
  },
): { paymentId: number; allocationIds: number[]; depositId: number | null } {
  const shiftId = ctx.sqlite.prepare(`SELECT id FROM shifts WHERE cashier_id = ? AND status = 'open'`).pluck().get(p.cashierId) as number;
  const allocations = p.allocations ?? [];
  const allocated = allocations.reduce((s, a) => s + a.amountFen, 0);
  const toPrepaid = p.toPrepaid?.amountFen ?? 0;
  const toDeposit = p.depositFen ?? 0;
  const now = ctx.clock.nowIso();
  const today = ctx.clock.today();
  keySeq += 1;
  const paymentId = Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO payments (idempotency_key, kind, unit_id, payer_name, shift_id, cashier_id, tendered_fen, allocated_fen,
           to_prepaid_fen, to_deposit_fen, business_date, created_at)
         VALUES (?, 'collection', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(`seed-${keySeq}-${now}`, p.unitId, p.payerName ?? '张三', shiftId, p.cashierId, allocated + toPrepaid + toDeposit, allocated, toPrepaid, toDeposit, today, now)
      .lastInsertRowid,
  );
  for (const t of p.tenders) {
    ctx.sqlite
      .prepare(`INSERT INTO payment_tenders (payment_id, method, amount_fen, reference) VALUES (?, ?, ?, ?)`)
      .run(paymentId, t.method, t.amountFen, t.reference ?? '');
  }
  const allocationIds = allocations.map((a) =>
    Number(
      ctx.sqlite
        .prepare(`INSERT INTO allocations (line_id, payment_id, amount_fen, status, business_date, created_at) VALUES (?, ?, ?, 'live', ?, ?)`)
        .run(a.lineId, paymentId, a.amountFen, today, now).lastInsertRowid,
    ),
  );
  if (p.toPrepaid) creditPrepaid(ctx, { unitId: p.unitId, feeItemId: p.toPrepaid.feeItemId, amountFen: toPrepaid, paymentId, kind: 'deposit' });
  const depositId = toDeposit > 0
    ? Number(
        ctx.sqlite
          .prepare(`INSERT INTO deposits (unit_id, payment_id, kind, amount_fen, status, created_at) VALUES (?, ?, '装修押金', ?, 'held', ?)`)
          .run(p.unitId, paymentId, toDeposit, now).lastInsertRowid,
      )
    : null;
  const receipt = takeNextNumber(ctx, 'DESK');
  ctx.sqlite
    .prepare(`INSERT INTO receipts (series_id, number, payment_id, status, business_date, issued_at) VALUES (?, ?, ?, 'issued', ?, ?)`)
    .run(receipt.seriesId, receipt.number, paymentId, today, now);
  return { paymentId, allocationIds, depositId };
}

export const outstanding = (ctx: AppContext, lineId: number): number => lineBalance(ctx, lineId)!.outstanding_fen;

/** Shift system totals per tender method, as SHIFTS will compute them. */
export function shiftTotals(ctx: AppContext, shiftId: number): Record<string, number> {
  const rows = ctx.sqlite
    .prepare(
      `SELECT t.method, SUM(t.amount_fen) AS fen FROM payment_tenders t JOIN payments p ON p.id = t.payment_id
       WHERE p.shift_id = ? AND p.status = 'posted' GROUP BY t.method`,
    )
    .all(shiftId) as Array<{ method: string; fen: number }>;
  return Object.fromEntries(rows.map((r) => [r.method, r.fen]));
}
