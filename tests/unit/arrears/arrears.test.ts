import { describe, expect, it } from 'vitest';
import { arrearsList, arrearsSummary } from '../../../src-main/arrears/arrearsQuery';
import { agingBucket } from '../../../src-shared/domain/aging';
import { testApp, type TestApp } from '../support/testApp';

/** Two buildings, three units; unit 1 owes across every bucket, unit 2 a little, unit 3 nothing. */
function seeded(): TestApp {
  const app = testApp();
  app.context.sqlite.exec(`
    INSERT INTO users (id, username, display_name, password_hash, role_code, created_at) VALUES (9, 'c', 'c', 'h', 'cashier', 't');
    INSERT INTO communities (id, code, name, created_at) VALUES (1, 'YG', '阳光花园', 't');
    INSERT INTO buildings (id, community_id, code, name) VALUES (1, 1, '3', '3号楼'), (2, 1, '10', '10号楼');
    INSERT INTO units (id, community_id, building_id, code, sort_key, building_area_e4, use, status, created_at) VALUES
      (1, 1, 1, '3-2-501', 'a', 895000, 'residential', 'occupied', 't'),
      (2, 1, 2, '10-1-101', 'b', 1000000, 'residential', 'occupied', 't'),
      (3, 1, 1, '3-2-502', 'c', 895000, 'residential', 'occupied', 't');
    INSERT INTO customers (id, name, phone, created_at) VALUES (1, '张三', '13812345678', 't'), (2, '单丽', '13900001111', 't');
    INSERT INTO unit_customers (unit_id, customer_id, role, start_date) VALUES (1, 1, 'owner', '2015-01-01'), (2, 2, 'owner', '2015-01-01');
    INSERT INTO fee_items (id, code, name, category, method, price_type, created_at) VALUES (1, 'WYF', '物业费', 'property', 'AREA', 'market', 't');
    INSERT INTO shifts (id, cashier_id, business_date, float_fen, status, opened_at) VALUES (1, 9, '2024-05-15', 0, 'open', 't');
  `);
  const line = app.context.sqlite.prepare(
    `INSERT INTO bill_lines (unit_id, fee_item_id, object_kind, object_id, kind, source, period_start, period_end, quantity,
       unit_price, amount_fen, basis, due_date, created_at) VALUES (?, 1, 'unit', ?, 'charge', 'run', ?, ?, '1', '1', ?, 'b', ?, 't')`,
  );
  // asOf 2024-05-15: due dates 10, 60, 120, 300, 500, 900 and 1200 days before.
  const dues = ['2024-05-05', '2024-03-16', '2024-01-16', '2023-07-20', '2023-01-02', '2021-11-28', '2021-01-31'];
  dues.forEach((due, i) => line.run(1, 1, due, due, 1000 * (i + 1), due));
  line.run(2, 2, '2024-04-01', '2024-04-30', 5000, '2024-04-01');
  line.run(2, 2, '2024-05-20', '2024-05-31', 5000, '2024-05-20'); // not yet due
  const paid = line.run(3, 3, '2024-04-01', '2024-04-30', 5000, '2024-04-01').lastInsertRowid;
  app.context.sqlite.exec(`
    INSERT INTO payments (id, idempotency_key, kind, unit_id, payer_name, shift_id, cashier_id, tendered_fen, allocated_fen, business_date, created_at)
      VALUES (1, 'k', 'collection', 3, 'x', 1, 9, 5000, 5000, '2024-04-02', 't');
    INSERT INTO allocations (line_id, payment_id, amount_fen, status, business_date, created_at) VALUES (${paid}, 1, 5000, 'live', '2024-04-02', 't');
    INSERT INTO allocations (line_id, payment_id, amount_fen, status, business_date, created_at) VALUES (2, 1, 500, 'live', '2024-04-02', 't');
  `);
  return app;
}

const base = { asOf: '2024-05-15', sort: 'amount_desc' as const, offset: 0, limit: 100 };

describe('the arrears list', () => {
  it('groups open overdue lines per unit into the aging buckets, not yet due and paid lines excluded', () => {
    const app = seeded();
    const r = arrearsList(app.context, base);
    expect(r.rows.map((x) => x.unitCode)).toEqual(['3-2-501', '10-1-101']);
    const first = r.rows[0]!;
    expect(first.buckets).toEqual({ d30: 1000, d90: 1500, d180: 3000, d365: 4000, y2: 5000, y3: 6000, over3y: 7000 });
    expect(first.outstandingFen).toBe(27500);
    expect(first.beyondLimitation).toBe(true);
    expect(first.ownerName).toBe('张三');
    expect(first.phoneMasked).toBe('138****5678');
    expect(r.rows[1]).toMatchObject({ outstandingFen: 5000, monthsOverdue: 1, beyondLimitation: false });
    expect(r.total).toMatchObject({ units: 2, outstandingFen: 32500 });
    expect(r.total.buckets.d90).toBe(1500 + 5000);
  });

  it('filters by building, minimum amount, aging bucket and months overdue', () => {
    const app = seeded();
    expect(arrearsList(app.context, { ...base, buildingId: 2 }).rows.map((x) => x.unitCode)).toEqual(['10-1-101']);
    expect(arrearsList(app.context, { ...base, minAmountFen: 10000 }).rows.map((x) => x.unitCode)).toEqual(['3-2-501']);
    expect(arrearsList(app.context, { ...base, minBucket: 'y2' }).total.units).toBe(1);
    expect(arrearsList(app.context, { ...base, minMonthsOverdue: 2 }).total.units).toBe(1);
    expect(arrearsList(app.context, { ...base, minBucket: 'd30' }).total.units).toBe(2);
  });

  it('pages and sorts without changing the totals', () => {
    const app = seeded();
    const page2 = arrearsList(app.context, { ...base, sort: 'oldest_first', offset: 1, limit: 1 });
    expect(page2.rows.map((x) => x.unitCode)).toEqual(['10-1-101']);
    expect(page2.total.units).toBe(2);
  });

  it('the company summary adds up to the list', () => {
    const app = seeded();
    const s = arrearsSummary(app.context, '2024-05-15');
    expect(s.total).toEqual(arrearsList(app.context, base).total);
    expect(s.communities).toHaveLength(1);
  });

  it('puts a day into the right bucket at every edge', () => {
    expect([1, 30, 31, 90, 91, 180, 181, 365, 366, 730, 731, 1095, 1096].map(agingBucket)).toEqual([
      'd30', 'd30', 'd90', 'd90', 'd180', 'd180', 'd365', 'd365', 'y2', 'y2', 'y3', 'y3', 'over3y',
    ]);
    expect(() => agingBucket(0)).toThrow(RangeError);
  });
});
