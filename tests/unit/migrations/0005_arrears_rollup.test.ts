import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { m0001Init } from '../../../migrations/0001_init';
import { m0002Ledger } from '../../../migrations/0002_ledger';
import { m0003Access } from '../../../migrations/0003_access';
import { m0004Followups } from '../../../migrations/0004_followups';
import { m0005ArrearsRollup } from '../../../migrations/0005_arrears_rollup';

/** A ledger at version 4 with two units, a fee item, an open shift and a payment to allocate from. */
function atVersion4() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of [m0001Init, m0002Ledger, m0003Access, m0004Followups]) m.up(db);
  db.exec(`
    INSERT INTO users (id, username, display_name, password_hash, role_code, created_at) VALUES (1, 'c', 'c', 'h', 'cashier', 't');
    INSERT INTO communities (id, code, name, created_at) VALUES (1, 'YG', '阳光花园', 't');
    INSERT INTO buildings (id, community_id, code, name) VALUES (1, 1, '3', '3号楼');
    INSERT INTO units (id, community_id, building_id, code, sort_key, use, status, created_at) VALUES
      (1, 1, 1, '3-2-501', '0003-0002-0501', 'residential', 'occupied', 't'),
      (2, 1, 1, '3-2-502', '0003-0002-0502', 'residential', 'occupied', 't');
    INSERT INTO fee_items (id, code, name, category, method, price_type, created_at) VALUES (1, 'WYF', '物业费', 'property', 'AREA', 'market', 't');
    INSERT INTO discount_rules (id, fee_item_id, name, min_months, percent_off_bp, start_date) VALUES (1, 1, '预交优惠', 12, 500, '2024-01-01');
    INSERT INTO shifts (id, cashier_id, business_date, float_fen, status, opened_at) VALUES (1, 1, '2024-05-15', 0, 'open', 't');
    INSERT INTO payments (id, idempotency_key, kind, unit_id, payer_name, shift_id, cashier_id, tendered_fen, allocated_fen, business_date, created_at)
      VALUES (1, 'k', 'collection', 1, 'x', 1, 1, 0, 0, '2024-05-15', 't');
  `);
  return db;
}

function migrated() {
  const db = atVersion4();
  m0005ArrearsRollup.up(db);
  return db;
}

/** A line as services post it: outstanding left NULL for the database to set. */
const line = (db: Database.Database, unit: number, due: string, amountFen: number, status = 'posted') =>
  Number(
    db
      .prepare(
        `INSERT INTO bill_lines (unit_id, fee_item_id, object_kind, object_id, kind, source, period_start, period_end,
           quantity, unit_price, amount_fen, basis, due_date, status, created_at)
         VALUES (?, 1, 'unit', ?, 'charge', 'one_off', ?, ?, '1', '1', ?, 'b', ?, ?, 't')`,
      )
      .run(unit, unit, due, due, amountFen, due, status).lastInsertRowid,
  );

const allocate = (db: Database.Database, lineId: number, amountFen: number) =>
  Number(
    db
      .prepare(`INSERT INTO allocations (line_id, payment_id, amount_fen, status, business_date, created_at) VALUES (?, 1, ?, 'live', '2024-05-15', 't')`)
      .run(lineId, amountFen).lastInsertRowid,
  );

const rollup = (db: Database.Database) =>
  db.prepare('SELECT unit_id, due_date, open_fen, open_lines FROM arrears_rollup ORDER BY unit_id, due_date').raw().all();

/** What the rollup must hold: the open lines, summed per unit and due date. */
const expected = (db: Database.Database) =>
  db
    .prepare(
      `SELECT unit_id, due_date, SUM(outstanding_fen), COUNT(*) FROM bill_lines WHERE status = 'posted' AND outstanding_fen > 0
       GROUP BY unit_id, due_date ORDER BY unit_id, due_date`,
    )
    .raw()
    .all();

describe('migration 0005_arrears_rollup', () => {
  it('fills the rollup from the open lines already in the file', () => {
    const db = atVersion4();
    const a = line(db, 1, '2024-03-01', 10_000);
    line(db, 1, '2024-03-01', 2_500);
    line(db, 1, '2024-04-01', 10_000);
    allocate(db, line(db, 1, '2024-02-01', 7_000), 7_000);
    line(db, 2, '2024-03-01', 4_000, 'cancelled');
    line(db, 2, '2024-06-01', 0);
    allocate(db, a, 1_000);
    m0005ArrearsRollup.up(db);
    expect(rollup(db)).toEqual([
      [1, '2024-03-01', 11_500, 2],
      [1, '2024-04-01', 10_000, 1],
    ]);
  });

  it('follows every write that opens, pays down, reopens, cancels or removes a line', () => {
    const db = migrated();
    const a = line(db, 1, '2024-03-01', 10_000);
    const b = line(db, 1, '2024-03-01', 5_000);
    expect(rollup(db)).toEqual([[1, '2024-03-01', 15_000, 2]]);

    const part = allocate(db, a, 4_000);
    expect(rollup(db)).toEqual([[1, '2024-03-01', 11_000, 2]]);
    allocate(db, a, 6_000);
    expect(rollup(db)).toEqual([[1, '2024-03-01', 5_000, 1]]);
    db.prepare("UPDATE allocations SET status = 'voided' WHERE id = ?").run(part);
    expect(rollup(db)).toEqual([[1, '2024-03-01', 9_000, 2]]);

    db.prepare("INSERT INTO waivers (line_id, amount_fen, reason, status, requested_by, created_at, business_date) VALUES (?, 5000, 'r', 'live', 1, 't', 't')").run(b);
    db.prepare("INSERT INTO discounts (line_id, rule_id, amount_fen, status, created_at) VALUES (?, 1, 1000, 'live', 't')").run(a);
    expect(rollup(db)).toEqual([[1, '2024-03-01', 3_000, 1]]);
    db.prepare("INSERT INTO adjustments (line_id, amount_fen, reason, status, requested_by, created_at) VALUES (?, 2000, 'r', 'approved', 1, 't')").run(b);
    expect(rollup(db)).toEqual([[1, '2024-03-01', 5_000, 2]]);

    db.prepare("UPDATE bill_lines SET status = 'cancelled' WHERE id = ?").run(b);
    expect(rollup(db)).toEqual([[1, '2024-03-01', 3_000, 1]]);
    const c = line(db, 2, '2024-07-01', 800);
    db.prepare('DELETE FROM bill_lines WHERE id = ?').run(c);
    expect(rollup(db)).toEqual([[1, '2024-03-01', 3_000, 1]]);
    allocate(db, a, 3_000);
    expect(rollup(db)).toEqual([]);
  });

  it('takes a line inserted with its outstanding already set, and never keeps a line that owes nothing', () => {
    const db = migrated();
    db.prepare(
      `INSERT INTO bill_lines (unit_id, fee_item_id, object_kind, object_id, kind, source, period_start, period_end,
         quantity, unit_price, amount_fen, basis, due_date, outstanding_fen, created_at)
       VALUES (2, 1, 'unit', 2, 'charge', 'opening', '2023-01-01', '2023-01-31', '1', '1', 3300, 'b', '2023-01-01', 3300, 't')`,
    ).run();
    line(db, 2, '2023-01-01', 0);
    expect(rollup(db)).toEqual([[2, '2023-01-01', 3_300, 1]]);
  });

  it('equals the sum of the open lines after any sequence of writes', () => {
    const dues = ['2023-12-01', '2024-01-01', '2024-02-01'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('line' as const), unit: fc.integer({ min: 1, max: 2 }), due: fc.constantFrom(...dues), amountFen: fc.integer({ min: 0, max: 5_000 }) }),
      fc.record({ kind: fc.constantFrom('pay' as const, 'waive' as const, 'adjust' as const, 'cancel' as const), pick: fc.nat(), amountFen: fc.integer({ min: 1, max: 5_000 }) }),
      fc.record({ kind: fc.constantFrom('void' as const, 'revoke' as const, 'reject' as const), pick: fc.nat(), amountFen: fc.constant(0) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const db = migrated();
        const pick = (sql: string, n: number): number | undefined => {
          const ids = db.prepare(sql).pluck().all() as number[];
          return ids.length === 0 ? undefined : ids[n % ids.length];
        };
        const openLine = (n: number) => pick("SELECT id FROM bill_lines WHERE status = 'posted' AND outstanding_fen > 0 ORDER BY id", n);
        for (const o of ops) {
          if (o.kind === 'line') {
            line(db, o.unit, o.due, o.amountFen);
          } else if (o.kind === 'void' || o.kind === 'revoke' || o.kind === 'reject') {
            const [table, from, to] = { void: ['allocations', 'live', 'voided'], revoke: ['waivers', 'live', 'revoked'], reject: ['adjustments', 'approved', 'rejected'] }[o.kind];
            const id = pick(`SELECT id FROM ${table} WHERE status = '${from}' ORDER BY id`, o.pick);
            // Rejecting an adjustment a payment has since relied on would owe less than nothing:
            // the line's CHECK refuses the statement, and the rollup must not move either.
            if (id !== undefined) {
              try {
                db.prepare(`UPDATE ${table} SET status = '${to}' WHERE id = ?`).run(id);
              } catch (e) {
                expect(String(e)).toMatch(/CHECK/);
              }
            }
          } else {
            const id = openLine(o.pick);
            if (id === undefined) continue;
            const owed = db.prepare('SELECT outstanding_fen FROM bill_lines WHERE id = ?').pluck().get(id) as number;
            const amount = Math.min(o.amountFen, owed);
            if (o.kind === 'pay') allocate(db, id, amount);
            if (o.kind === 'waive') {
              db.prepare("INSERT INTO waivers (line_id, amount_fen, reason, status, requested_by, created_at, business_date) VALUES (?, ?, 'r', 'live', 1, 't', 't')").run(id, amount);
            }
            if (o.kind === 'adjust') {
              db.prepare("INSERT INTO adjustments (line_id, amount_fen, reason, status, requested_by, created_at) VALUES (?, ?, 'r', 'approved', 1, 't')").run(id, o.amountFen);
            }
            if (o.kind === 'cancel') db.prepare("UPDATE bill_lines SET status = 'cancelled' WHERE id = ?").run(id);
          }
          expect(rollup(db)).toEqual(expected(db));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('migration 0005: the reversal lookup', () => {
  it('finds the reversal of a payment through an index instead of walking every payment', () => {
    const db = migrated();
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM payments WHERE reverses_payment_id = ?').all(1) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX payments_reversal/);
  });
});
