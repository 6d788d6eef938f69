import type { TestApp } from '../support/testApp';

type Method = 'cash' | 'wechat' | 'alipay' | 'card' | 'transfer';

/** One unit (3-2-501 in 阳光花园) to hang payments on, created on first use. */
export function ensureUnit(app: TestApp): number {
  const db = app.context.sqlite;
  const existing = db.prepare("SELECT id FROM units WHERE code = '3-2-501'").pluck().get() as number | undefined;
  if (existing) return existing;
  const now = app.clock.now().toISOString();
  const community = db.prepare("INSERT INTO communities (code, name, created_at) VALUES ('YGHY', '阳光花园', ?)").run(now);
  const building = db.prepare("INSERT INTO buildings (community_id, code, name) VALUES (?, '3', '3号楼')").run(community.lastInsertRowid);
  return Number(
    db
      .prepare(
        `INSERT INTO units (community_id, building_id, code, sort_key, building_area_e4, use, status, created_at)
         VALUES (?, ?, '3-2-501', '0003-0002-0501', 895000, 'residential', 'occupied', ?)`,
      )
      .run(community.lastInsertRowid, building.lastInsertRowid, now).lastInsertRowid,
  );
}

let seq = 0;

/**
 * A payment straight into the ledger (its money put to prepaid, so no bill lines are needed), the
 * way COLLECTION and ACCOUNTS write them: negative tenders for refunds and reversals.
 */
export function insertPayment(
  app: TestApp,
  p: {
    shiftId: number;
    tenders: Array<[Method, number]>;
    kind?: 'collection' | 'reversal' | 'refund';
    status?: 'posted' | 'voided';
    fallback?: boolean;
    manualEntry?: boolean;
  },
): number {
  const db = app.context.sqlite;
  const cashierId = db.prepare('SELECT cashier_id FROM shifts WHERE id = ?').pluck().get(p.shiftId) as number;
  const total = p.tenders.reduce((s, [, fen]) => s + fen, 0);
  const payment = db
    .prepare(
      `INSERT INTO payments (idempotency_key, kind, unit_id, payer_name, shift_id, cashier_id, tendered_fen, allocated_fen,
         to_prepaid_fen, status, fallback, manual_entry, business_date, created_at)
       VALUES (?, ?, ?, '张三', ?, ?, ?, 0, ?, 'posted', ?, ?, ?, ?)`,
    )
    .run(
      `test-${++seq}-${Date.now()}`,
      p.kind ?? 'collection',
      ensureUnit(app),
      p.shiftId,
      cashierId,
      total,
      total,
      p.fallback ? 1 : 0,
      p.manualEntry ? 1 : 0,
      app.context.clock.today(),
      app.clock.now().toISOString(),
    );
  const id = Number(payment.lastInsertRowid);
  const tender = db.prepare('INSERT INTO payment_tenders (payment_id, method, amount_fen) VALUES (?, ?, ?)');
  for (const [method, fen] of p.tenders) tender.run(id, method, fen);
  if (p.status === 'voided') db.prepare("UPDATE payments SET status = 'voided' WHERE id = ?").run(id);
  return id;
}

export function userIdOf(app: TestApp, username: string): number {
  return app.context.sqlite.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as number;
}
