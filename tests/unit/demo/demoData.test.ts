import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../../src-main/app/openLedger';
import { verifyAuditChain } from '../../../src-main/audit/auditLog';
import { verifyPassword } from '../../../src-main/auth/password';
import { generateDemoLedger, TRAINING_PASSWORD, type DemoOptions } from '../../../src-main/demo/generate';
import type { DemoSummary } from '../../../src-main/demo/summary';
import { checkLedgerInvariants } from '../../../src-main/ledger/invariants';
import { lineBalance, openLineBalances } from '../../../src-main/ledger/outstanding';
import { currentPayer } from '../../../src-main/register/occupants';
import { namePinyin } from '../../../src-main/register/pinyin';
import { systemTotals } from '../../../src-main/shifts/shiftTotals';
import { addMonths } from '../../../src-shared/domain/dates';

const SMALL: DemoOptions = { units: 60, months: 6, end: '2024-05', seed: 7 };

async function demo(options: DemoOptions): Promise<{ ledger: Ledger; summary: DemoSummary }> {
  const ledger = openLedger({ dataDir: ':memory:' });
  const summary = await generateDemoLedger(ledger.context.sqlite, options);
  return { ledger, summary };
}

/** One hash per table over every row in key order; password hashes are salted, so left out. */
function checksums(ledger: Ledger): Record<string, string> {
  const db = ledger.context.sqlite;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const cols = (db.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string; pk: number }>);
    const keep = cols.filter((c) => !(t === 'users' && c.name === 'password_hash')).map((c) => c.name);
    const order = cols.filter((c) => c.pk > 0).map((c) => c.name).join(', ') || 'rowid';
    const h = createHash('sha256');
    for (const row of db.prepare(`SELECT ${keep.join(', ')} FROM ${t} ORDER BY ${order}`).raw().iterate()) h.update(JSON.stringify(row));
    out[t] = h.digest('hex');
  }
  return out;
}

describe('demo ledger (60 units × 6 months)', () => {
  let a: Awaited<ReturnType<typeof demo>>;
  let db: Ledger['context']['sqlite'];
  const all = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];
  const value = (sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;

  beforeAll(async () => {
    a = await demo(SMALL);
    db = a.ledger.context.sqlite;
  });
  afterAll(() => a.ledger.close());

  it('is the same ledger for the same seed and another for another seed', async () => {
    const again = await demo(SMALL);
    const other = await demo({ ...SMALL, seed: 8 });
    expect(checksums(again.ledger)).toEqual(checksums(a.ledger));
    expect(checksums(other.ledger).bill_lines).not.toBe(checksums(a.ledger).bill_lines);
    again.ledger.close();
    other.ledger.close();
  });

  it('passes the ledger invariant checks and every foreign key resolves', () => {
    expect(checkLedgerInvariants(a.ledger.context)).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('owes on each posted line exactly its amount less live allocations and live waivers, never below zero', () => {
    const lines = all<{ id: number; amount_fen: number; outstanding_fen: number }>("SELECT id, amount_fen, outstanding_fen FROM bill_lines WHERE status = 'posted'");
    expect(lines.length).toBeGreaterThan(1000);
    for (const l of lines) {
      const b = lineBalance(a.ledger.context, l.id)!;
      expect(b.outstanding_fen).toBeGreaterThanOrEqual(0);
      expect(b.outstanding_fen).toBe(l.amount_fen - b.allocated_fen - b.waived_fen);
      expect(l.outstanding_fen).toBe(b.outstanding_fen);
    }
    const units = db.prepare('SELECT id FROM units').pluck().all() as number[];
    const open = units.reduce((s, id) => s + openLineBalances(a.ledger.context, id).reduce((t, l) => t + l.outstanding_fen, 0), 0);
    expect(open).toBe(a.summary.outstandingFen);
  });

  it('bills every month in one committed run whose count and total match its lines, due on the period start, to the payer of the day', () => {
    const runs = all<{ id: number; period_start: string; line_count: number; total_fen: number; n: number; total: number }>(
      `SELECT r.*, COUNT(l.id) AS n, SUM(l.amount_fen) AS total FROM billing_runs r JOIN bill_lines l ON l.run_id = r.id GROUP BY r.id`,
    );
    expect(runs.map((r) => r.period_start)).toEqual(['2023-12-01', '2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01']);
    for (const r of runs) expect([r.n, r.total]).toEqual([r.line_count, r.total_fen]);
    expect(value("SELECT COUNT(*) FROM bill_lines WHERE source = 'run' AND due_date <> period_start")).toBe(0);
    const sample = all<{ unit_id: number; customer_id: number; period_start: string }>("SELECT unit_id, customer_id, period_start FROM bill_lines WHERE source = 'run' AND id % 7 = 0");
    for (const l of sample) expect(currentPayer(a.ledger.context, l.unit_id, l.period_start)?.customerId).toBe(l.customer_id);
    const property = all<{ basis: string; quantity: string; unit_price: string; amount_fen: number }>(
      "SELECT basis, quantity, unit_price, amount_fen FROM bill_lines l JOIN fee_items f ON f.id = l.fee_item_id WHERE f.code = 'WYF' LIMIT 1",
    )[0]!;
    expect(property.basis).toBe(`${property.quantity}㎡ × ¥2.35 × 1 月`);
  });

  it('balances every payment: tendered = allocated + to prepaid + to deposit = its tenders, one receipt each', () => {
    const bad = all(`SELECT p.id FROM payments p WHERE p.tendered_fen <> p.allocated_fen + p.to_prepaid_fen + p.to_deposit_fen
      OR p.tendered_fen <> (SELECT SUM(amount_fen) FROM payment_tenders t WHERE t.payment_id = p.id)
      OR p.allocated_fen <> COALESCE((SELECT SUM(amount_fen) FROM allocations x WHERE x.payment_id = p.id), 0)
      OR (SELECT COUNT(*) FROM receipts r WHERE r.payment_id = p.id) <> 1`);
    expect(bad).toEqual([]);
    expect(value('SELECT COUNT(*) FROM payments')).toBeGreaterThan(150);
    expect(value("SELECT COUNT(DISTINCT method) FROM payment_tenders")).toBe(5);
  });

  it('numbers receipts 1…n without gaps in the DESK series and voids keep their number', () => {
    const numbers = db.prepare("SELECT r.number FROM receipts r JOIN receipt_series s ON s.id = r.series_id WHERE s.code = 'DESK' ORDER BY r.number").pluck().all() as number[];
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(value("SELECT next_no FROM receipt_series WHERE code = 'DESK'")).toBe(numbers.length + 1);
    const voided = all<{ p: string; n: number }>(`SELECT p.status AS p, (SELECT COUNT(*) FROM allocations x WHERE x.payment_id = p.id AND x.status <> 'voided') AS n
      FROM receipts r JOIN payments p ON p.id = r.payment_id WHERE r.status = 'voided'`);
    for (const v of voided) expect(v).toEqual({ p: 'voided', n: 0 });
  });

  it('keeps prepaid balances as the sum of their entries, never negative, with offsets on DK vouchers', () => {
    const balances = db.prepare('SELECT SUM(amount_fen) FROM prepaid_entries GROUP BY account_id').pluck().all() as number[];
    expect(balances.length).toBeGreaterThan(0);
    for (const b of balances) expect(b).toBeGreaterThanOrEqual(0);
    const vouchers = db.prepare('SELECT voucher_no FROM prepaid_offsets ORDER BY id').pluck().all() as string[];
    expect(vouchers.length).toBeGreaterThan(0);
    expect(vouchers).toEqual(vouchers.map((_, i) => `DK${String(i + 1).padStart(8, '0')}`));
    expect(value("SELECT next_no FROM receipt_series WHERE code = 'OFFSET'")).toBe(vouchers.length + 1);
    expect(value("SELECT COUNT(*) FROM prepaid_entries WHERE kind = 'offset' AND amount_fen >= 0")).toBe(0);
  });

  it('confirms every shift with counts equal to the shift module’s system totals, over and short never netted', () => {
    const shifts = all<{ id: number; float_fen: number; status: string }>('SELECT id, float_fen, status FROM shifts');
    expect(shifts.length).toBeGreaterThan(100);
    for (const s of shifts) {
      expect(s.status).toBe('confirmed');
      const counts = all<{ method: string; system_fen: number; counted_fen: number; over_fen: number; short_fen: number }>('SELECT * FROM shift_counts WHERE shift_id = ?', s.id);
      const system = systemTotals(a.ledger.context, s.id, s.float_fen);
      expect(Object.fromEntries(counts.map((c) => [c.method, c.system_fen]))).toEqual(Object.fromEntries(system.map((t) => [t.method, t.systemFen])));
      for (const c of counts) {
        expect(c.over_fen * c.short_fen).toBe(0);
        expect(c.counted_fen).toBe(c.system_fen + c.over_fen - c.short_fen);
      }
    }
    expect(value('SELECT COUNT(*) FROM shift_counts WHERE over_fen > 0 OR short_fen > 0')).toBeGreaterThan(0);
  });

  it('has about 8 % of billed households more than three months in arrears, and late fees only on late lines', () => {
    const cutoff = addMonths(a.summary.asOf, -3);
    const arrears = value("SELECT COUNT(DISTINCT unit_id) FROM bill_lines WHERE status = 'posted' AND outstanding_fen > 0 AND due_date < ?", cutoff);
    expect(arrears).toBe(a.summary.arrearsUnits);
    expect(arrears / a.summary.billedUnits).toBeGreaterThanOrEqual(0.05);
    expect(arrears / a.summary.billedUnits).toBeLessThanOrEqual(0.15);
    const late = all<{ parent: number | null; through: string | null; kind: string }>(
      `SELECT l.parent_line_id AS parent, p.late_settled_through AS through, p.kind FROM bill_lines l LEFT JOIN bill_lines p ON p.id = l.parent_line_id WHERE l.kind = 'late_fee'`,
    );
    for (const l of late) expect(l).toMatchObject({ kind: 'charge', through: expect.any(String) });
  });

  it('chains one audit entry per run, payment and shift step, in time order', () => {
    const verdict = verifyAuditChain(a.ledger.context);
    expect(verdict).toMatchObject({ ok: true, count: value('SELECT COUNT(*) FROM audit_log') });
    expect(value("SELECT COUNT(*) FROM audit_log WHERE call = 'billing.commitRun'")).toBe(value('SELECT COUNT(*) FROM billing_runs'));
    expect(value("SELECT COUNT(*) FROM audit_log WHERE call = 'collection.collect'")).toBe(value('SELECT COUNT(*) FROM payments'));
    expect(value("SELECT COUNT(*) FROM audit_log WHERE call = 'shifts.confirm'")).toBe(value('SELECT COUNT(*) FROM shifts'));
    expect(value('SELECT COUNT(*) FROM audit_log a JOIN audit_log b ON b.seq = a.seq + 1 WHERE b.at < a.at')).toBe(0);
  });

  it('registers customers a cashier can find: pinyin by surname reading, 11-digit mobiles, plates as the desk stores them', async () => {
    const customers = all<{ name: string; phone: string; pinyin_initials: string; pinyin_full: string }>('SELECT * FROM customers');
    for (const c of customers) {
      const py = namePinyin(c.name);
      expect([c.pinyin_initials, c.pinyin_full]).toEqual([py.initials, py.full]);
      expect(c.pinyin_initials.length).toBeGreaterThanOrEqual(2);
      expect(c.phone).toMatch(/^1[358]\d{9}$/);
    }
    expect(namePinyin('单伟').initials).toBe('sw');
    for (const p of db.prepare('SELECT plates FROM parking_spaces').pluck().all() as string[]) {
      for (const plate of p.split(',')) expect(plate).toMatch(/^[\u4e00-\u9fa5][A-Z][0-9A-Z]{5,6}$/);
    }
    const units = all<{ code: string; use: string; building_area_e4: number; inner_area_e4: number }>('SELECT * FROM units');
    for (const u of units.filter((x) => x.use === 'residential')) {
      expect(u.code).toMatch(/^\d+-\d+-\d{3,4}$/);
      expect(u.building_area_e4 % 100).toBe(0);
      expect(u.building_area_e4).toBeGreaterThanOrEqual(450_000);
      expect(u.building_area_e4).toBeLessThanOrEqual(1_800_000);
      expect(u.inner_area_e4 / u.building_area_e4).toBeCloseTo(0.8, 1);
    }
    expect(db.prepare("SELECT value FROM meta WHERE key = 'company_name'").pluck().get()).toBe('阳光物业服务有限公司');
    const cashier = db.prepare("SELECT password_hash FROM users WHERE username = 'shouyin1'").pluck().get() as string;
    expect(await verifyPassword(TRAINING_PASSWORD, cashier)).toBe(true);
  });
});
