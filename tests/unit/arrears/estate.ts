import { setupAdmin, testApp, type TestApp } from '../support/testApp';
import { signInAs } from '../support/users';

export interface ArrearsEstate {
  app: TestApp;
  cashier: string;
  supervisor: string;
  finance: string;
  communityId: number;
  /** 3-2-501 owes across many buckets, 3-2-502 a little, 10-1-101 one month, 10-1-102 nothing. */
  units: Record<'a' | 'b' | 'c' | 'paid', number>;
}

/**
 * A small estate seen on 2024-05-15 (the test clock): two buildings, four units with arrears of
 * different ages, signed-in cashier, supervisor and finance sessions.
 */
export async function arrearsEstate(): Promise<ArrearsEstate> {
  const app = testApp();
  await setupAdmin(app);
  const [cashier, supervisor, finance] = [await signInAs(app, 'cashier'), await signInAs(app, 'supervisor'), await signInAs(app, 'finance')];
  app.context.sqlite.exec(`
    INSERT INTO communities (id, code, name, created_at) VALUES (1, 'YG', '阳光花园', 't');
    INSERT INTO buildings (id, community_id, code, name) VALUES (1, 1, '3', '3号楼'), (2, 1, '10', '10号楼');
    INSERT INTO units (id, community_id, building_id, code, sort_key, building_area_e4, use, status, created_at) VALUES
      (1, 1, 1, '3-2-501', '0003-0002-0501', 895000, 'residential', 'occupied', 't'),
      (2, 1, 1, '3-2-502', '0003-0002-0502', 895000, 'residential', 'occupied', 't'),
      (3, 1, 2, '10-1-101', '0010-0001-0101', 1000000, 'residential', 'occupied', 't'),
      (4, 1, 2, '10-1-102', '0010-0001-0102', 1000000, 'residential', 'occupied', 't');
    INSERT INTO customers (id, name, phone, created_at) VALUES (1, '张三', '13812345678', 't'), (2, '单丽', '13900001111', 't');
    INSERT INTO unit_customers (unit_id, customer_id, role, start_date) VALUES (1, 1, 'owner', '2015-01-01'), (3, 2, 'owner', '2015-01-01');
    INSERT INTO fee_items (id, code, name, category, method, price_type, created_at) VALUES (1, 'WYF', '物业费', 'property', 'AREA', 'market', 't');
  `);
  const line = app.context.sqlite.prepare(
    `INSERT INTO bill_lines (unit_id, fee_item_id, object_kind, object_id, kind, source, period_start, period_end, quantity,
       unit_price, amount_fen, basis, due_date, created_at) VALUES (?, 1, 'unit', ?, 'charge', 'opening', ?, ?, '1', '1', ?, 'b', ?, 't')`,
  );
  // Due 10, 60, 120 and 300 days before 2024-05-15.
  ['2024-05-05', '2024-03-16', '2024-01-16', '2023-07-20'].forEach((due, i) => line.run(1, 1, due, due, 10_000 * (i + 1), due));
  line.run(2, 2, '2024-04-01', '2024-04-30', 2_000, '2024-04-01');
  line.run(3, 3, '2024-04-01', '2024-04-30', 5_000, '2024-04-01');
  line.run(4, 4, '2024-06-01', '2024-06-30', 5_000, '2024-06-01'); // not yet due
  return { app, cashier, supervisor, finance, communityId: 1, units: { a: 1, b: 2, c: 3, paid: 4 } };
}
