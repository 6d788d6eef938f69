import { describe, expect, it } from 'vitest';
import { collectionRates } from '../../../src-main/reports/periodReports';
import { testApp } from '../support/testApp';

/**
 * Report period 2024-04 … 2024-05, report date 2024-06-10, one unit, one fee item:
 *   L0 2024-03  10000: 3000 paid 03-20 (before), 4000 paid 04-10 (within)    → opening 7000, cleared 4000
 *   L1 2024-02   5000: waived in full 02-20                                   → opening 0
 *   L2 2024-04  20000: waiver 2000 04-05, 10000 paid 04-15, 3000 paid 06-05 (after the period, before the report date)
 *   L3 2024-05  20000: 5000 by a prepaid offset 05-01, 1000 paid then voided
 *   L4 2024-07   8000: paid ahead 05-20 (a later period: in no rate)
 *   L5 2024-04 late fee 500 paid 04-15 (late fees are not 应收)
 *   L6 2024-04  9999: cancelled
 * 当期 = (10000 + 3000 + 5000) / (40000 − 2000) · 清欠 = 4000 / 7000 · 综合 = (4000 + 10000 + 5000) / (40000 − 2000 + 7000)
 */
function ledger() {
  const app = testApp();
  const db = app.context.sqlite;
  db.exec(`
    INSERT INTO users (id, username, display_name, password_hash, role_code, created_at) VALUES (9, 'c', 'c', 'h', 'cashier', 't');
    INSERT INTO communities (id, code, name, created_at) VALUES (1, 'YG', '阳光花园', 't');
    INSERT INTO buildings (id, community_id, code, name) VALUES (1, 1, '3', '3号楼');
    INSERT INTO units (id, community_id, building_id, code, sort_key, use, status, created_at) VALUES (1, 1, 1, '3-2-501', 'a', 'residential', 'occupied', 't');
    INSERT INTO fee_items (id, code, name, category, method, price_type, created_at) VALUES (1, 'WYF', '物业费', 'property', 'AREA', 'market', 't');
    INSERT INTO shifts (id, cashier_id, business_date, float_fen, status, opened_at) VALUES (1, 9, '2024-06-10', 0, 'open', 't');
    INSERT INTO payments (id, idempotency_key, kind, unit_id, payer_name, shift_id, cashier_id, tendered_fen, allocated_fen, business_date, created_at, status)
      VALUES (1, 'k1', 'collection', 1, 'x', 1, 9, 40500, 40500, '2024-04-10', 't', 'posted'),
             (2, 'k2', 'collection', 1, 'x', 1, 9, 1000, 1000, '2024-05-02', 't', 'voided');
    INSERT INTO prepaid_accounts (id, unit_id, fee_item_id, created_at) VALUES (1, 1, NULL, 't');
    INSERT INTO prepaid_offsets (id, voucher_no, unit_id, amount_fen, status, business_date, created_at) VALUES (1, 'DK1', 1, 5000, 'live', '2024-05-01', 't');
  `);
  const line = db.prepare(
    `INSERT INTO bill_lines (id, unit_id, fee_item_id, object_kind, object_id, kind, source, period_start, period_end, quantity, unit_price,
       amount_fen, basis, due_date, status, created_at) VALUES (?, 1, 1, 'unit', 1, ?, ?, ?, ?, '1', '1', ?, 'b', ?, ?, 't')`,
  );
  const month = (id: number, ym: string, fen: number, kind = 'charge', status = 'posted') =>
    line.run(id, kind, kind === 'late_fee' ? 'late_fee' : id === 6 ? 'one_off' : 'run', `${ym}-01`, `${ym}-28`, fen, `${ym}-01`, status);
  month(10, '2024-03', 10000);
  month(11, '2024-02', 5000);
  month(12, '2024-04', 20000);
  month(13, '2024-05', 20000);
  month(14, '2024-07', 8000);
  month(15, '2024-04', 500, 'late_fee');
  month(16, '2024-04', 9999, 'charge', 'cancelled');
  const pay = db.prepare(`INSERT INTO allocations (line_id, payment_id, offset_id, prepaid_account_id, amount_fen, status, business_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 't')`);
  pay.run(10, 1, null, null, 3000, 'live', '2024-03-20');
  pay.run(10, 1, null, null, 4000, 'live', '2024-04-10');
  pay.run(12, 1, null, null, 10000, 'live', '2024-04-15');
  pay.run(12, 1, null, null, 3000, 'live', '2024-06-05');
  pay.run(13, null, 1, 1, 5000, 'live', '2024-05-01');
  pay.run(13, 2, null, null, 1000, 'voided', '2024-05-02');
  pay.run(14, 1, null, null, 8000, 'live', '2024-05-20');
  pay.run(15, 1, null, null, 500, 'live', '2024-04-15');
  db.exec(`INSERT INTO waivers (line_id, amount_fen, reason, status, requested_by, created_at, business_date) VALUES
    (11, 5000, '困难户', 'live', 9, 't', '2024-02-20'), (12, 2000, '空置优惠', 'live', 9, 't', '2024-04-05')`);
  return app;
}

describe('收缴率 as RULES §9 defines it', () => {
  it('computes 当期收缴率, 清欠率 and 综合收缴率 from a ledger with known numbers', () => {
    const app = ledger();
    const r = collectionRates(app.context, { monthFrom: '2024-04', monthTo: '2024-05', asOf: '2024-06-10' }, null);
    expect(r).toMatchObject({ periodStart: '2024-04-01', periodEnd: '2024-05-31', asOf: '2024-06-10' });
    expect(r.total).toMatchObject({
      receivableFen: 40000,
      waivedFen: 2000,
      currentReceivedFen: 18000,
      openingArrearsFen: 7000,
      clearedFen: 4000,
      periodReceivedFen: 19000,
    });
    expect(r.total.currentRate).toBeCloseTo(18000 / 38000, 15);
    expect(r.total.clearanceRate).toBeCloseTo(4000 / 7000, 15);
    expect(r.total.overallRate).toBeCloseTo(19000 / 45000, 15);
    app.close();
  });

  it('counts only money up to the report date for 当期, and nothing for a scope without the unit', () => {
    const app = ledger();
    const early = collectionRates(app.context, { monthFrom: '2024-04', monthTo: '2024-05', asOf: '2024-05-31' }, null);
    expect(early.total.currentReceivedFen).toBe(15000);
    const none = collectionRates(app.context, { monthFrom: '2024-04', monthTo: '2024-05', asOf: '2024-06-10' }, [2]);
    expect(none.rows).toEqual([]);
    expect(none.total.currentRate).toBeNull();
    app.close();
  });
});
