import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrearsList, arrearsSummary } from '../../../src-main/arrears/arrearsQuery';
import { AGING_BUCKET_KEYS, agingBucket, type AgingBucketKey } from '../../../src-shared/domain/aging';
import { daysBetween } from '../../../src-shared/domain/dates';
import { testApp, type TestApp } from '../support/testApp';

/**
 * arrearsList and arrearsSummary work in SQL over the maintained rollup (migration 0005); here
 * they are held to the plain definition, worked out line by line in JavaScript: every posted line
 * with something owed and due before the report date, summed per unit, aged by days overdue,
 * filtered per unit, sorted (ties by community code, natural unit order, unit id) and paged.
 */
let app: TestApp;
beforeAll(() => {
  app = testApp();
  app.context.sqlite.exec(`
    INSERT INTO users (id, username, display_name, password_hash, role_code, created_at) VALUES (9, 'c', 'c', 'h', 'cashier', 't');
    INSERT INTO communities (id, code, name, created_at) VALUES (1, 'YG', '阳光花园', 't'), (2, 'BS', '碧水湾', 't'), (3, '翠苑', '翠苑', 't');
    INSERT INTO buildings (id, community_id, code, name) VALUES (1, 1, '3', '3号楼'), (2, 1, '10', '10号楼'), (3, 2, '1', '1号楼'), (4, 3, '2', '2号楼');
    INSERT INTO units (id, community_id, building_id, code, sort_key, use, status, created_at) VALUES
      (1, 1, 1, '3-2-501', '00000003-00000002-00000501', 'residential', 'occupied', 't'),
      (2, 1, 2, '10-1-101', '00000010-00000001-00000101', 'residential', 'occupied', 't'),
      (3, 1, 1, '03-2-501', '00000003-00000002-00000501', 'residential', 'occupied', 't'),
      (4, 2, 3, '1-1-101', '00000001-00000001-00000101', 'residential', 'occupied', 't'),
      (5, 2, 3, '1-1-102', '00000001-00000001-00000102', 'shop', 'occupied', 't'),
      (6, 3, 4, '2-1-101', '00000002-00000001-00000101', 'residential', 'occupied', 't'),
      (7, 3, 4, '2-1-102', '00000002-00000001-00000102', 'residential', 'vacant', 't');
    INSERT INTO fee_items (id, code, name, category, method, price_type, created_at) VALUES
      (1, 'WYF', '物业费', 'property', 'AREA', 'market', 't'), (2, 'CWF', '车位费', 'parking', 'FIXED', 'market', 't');
    INSERT INTO shifts (id, cashier_id, business_date, float_fen, status, opened_at) VALUES (1, 9, '2024-05-15', 0, 'open', 't');
    INSERT INTO payments (id, idempotency_key, kind, unit_id, payer_name, shift_id, cashier_id, tendered_fen, allocated_fen, business_date, created_at)
      VALUES (1, 'k', 'collection', 1, 'x', 1, 9, 0, 0, '2024-05-15', 't');
  `);
});
afterAll(() => app.close());

const UNITS = [1, 2, 3, 4, 5, 6, 7];
const COMMUNITY_CODES: Record<number, string> = { 1: 'YG', 2: 'BS', 3: '翠苑' };
// Both sides of every bucket edge for the first report date below, and lines not yet due.
const DUES = [
  '2020-12-31', '2021-05-14', '2021-05-15', '2022-05-14', '2022-05-15', '2023-05-15', '2023-05-16', '2023-11-16', '2023-11-17',
  '2024-02-14', '2024-02-15', '2024-04-14', '2024-04-15', '2024-05-14', '2024-05-15', '2024-06-01',
];
const AS_OFS = ['2024-05-15', '2024-05-16', '2023-12-31'];

const arbLine = fc.record({
  unit: fc.constantFrom(...UNITS),
  item: fc.constantFrom(1, 2),
  due: fc.constantFrom(...DUES),
  amountFen: fc.constantFrom(1000, 2500, 5000),
  paidFen: fc.constantFrom(0, 0, 500, 1000, 5000),
  cancelled: fc.boolean(),
});
const arbFilter = fc.record(
  {
    asOf: fc.constantFrom(...AS_OFS),
    communityId: fc.constantFrom(1, 2, 3),
    buildingId: fc.constantFrom(1, 2, 3),
    feeItemId: fc.constantFrom(1, 2),
    minBucket: fc.constantFrom(...AGING_BUCKET_KEYS),
    // Amounts and month counts the lines above can reach exactly, so the edges are tried.
    minAmountFen: fc.constantFrom(0, 1000, 2500, 4000, 5000, 6000),
    minMonthsOverdue: fc.constantFrom(0, 1, 2, 3, 5, 6, 7, 12, 18, 24, 36, 41),
  },
  { requiredKeys: ['asOf'] },
);
const arbPage = fc.record({ sort: fc.constantFrom('amount_desc' as const, 'oldest_first' as const, 'code' as const), offset: fc.integer({ min: 0, max: 5 }), limit: fc.integer({ min: 1, max: 8 }) });
const arbScope = fc.option(fc.subarray([1, 2, 3]), { nil: null });

interface Reference {
  unitId: number;
  communityId: number;
  code: string;
  sortKey: string;
  outstandingFen: number;
  lineCount: number;
  oldestDueDate: string;
  monthsOverdue: number;
  buckets: Record<AgingBucketKey, number>;
}

const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));

function reference(f: { asOf: string; communityId?: number; buildingId?: number; feeItemId?: number; minBucket?: AgingBucketKey; minAmountFen?: number; minMonthsOverdue?: number }, scope: number[] | null) {
  const lines = app.context.sqlite
    .prepare(
      `SELECT bl.unit_id, bl.fee_item_id, bl.due_date, bl.outstanding_fen, u.community_id, u.building_id, u.sort_key, c.code
       FROM bill_lines bl JOIN units u ON u.id = bl.unit_id JOIN communities c ON c.id = u.community_id
       WHERE bl.status = 'posted' AND bl.outstanding_fen > 0`,
    )
    .all() as Array<{ unit_id: number; fee_item_id: number; due_date: string; outstanding_fen: number; community_id: number; building_id: number; sort_key: string; code: string }>;
  const units = new Map<number, Reference>();
  for (const l of lines) {
    if (l.due_date >= f.asOf) continue;
    if (f.feeItemId !== undefined && l.fee_item_id !== f.feeItemId) continue;
    if (f.communityId !== undefined && l.community_id !== f.communityId) continue;
    if (f.buildingId !== undefined && l.building_id !== f.buildingId) continue;
    if (scope !== null && !scope.includes(l.community_id)) continue;
    const u = units.get(l.unit_id) ?? {
      unitId: l.unit_id, communityId: l.community_id, code: l.code, sortKey: l.sort_key, outstandingFen: 0, lineCount: 0,
      oldestDueDate: l.due_date, monthsOverdue: 0, buckets: Object.fromEntries(AGING_BUCKET_KEYS.map((k) => [k, 0])) as Record<AgingBucketKey, number>,
    };
    u.outstandingFen += l.outstanding_fen;
    u.lineCount += 1;
    if (l.due_date < u.oldestDueDate) u.oldestDueDate = l.due_date;
    u.buckets[agingBucket(daysBetween(l.due_date, f.asOf))] += l.outstanding_fen;
    units.set(l.unit_id, u);
  }
  const minDays = f.minBucket === undefined ? 0 : [1, 31, 91, 181, 366, 731, 1096][AGING_BUCKET_KEYS.indexOf(f.minBucket)]!;
  return [...units.values()]
    .map((u) => ({ ...u, monthsOverdue: monthIndex(f.asOf) - monthIndex(u.oldestDueDate) }))
    .filter((u) => u.outstandingFen >= (f.minAmountFen ?? 0) && daysBetween(u.oldestDueDate, f.asOf) >= minDays && u.monthsOverdue >= (f.minMonthsOverdue ?? 0));
}

const byCode = (a: Reference, b: Reference) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.unitId - b.unitId);
const ORDER = {
  amount_desc: (a: Reference, b: Reference) => b.outstandingFen - a.outstandingFen || byCode(a, b),
  oldest_first: (a: Reference, b: Reference) => (a.oldestDueDate < b.oldestDueDate ? -1 : a.oldestDueDate > b.oldestDueDate ? 1 : byCode(a, b)),
  code: byCode,
};

function totals(units: Reference[]) {
  const buckets = Object.fromEntries(AGING_BUCKET_KEYS.map((k) => [k, units.reduce((s, u) => s + u.buckets[k], 0)]));
  return { units: units.length, outstandingFen: units.reduce((s, u) => s + u.outstandingFen, 0), buckets };
}

/** Runs `fn` on the fixture plus some lines, then takes the lines away again. */
function withLines(lines: Array<{ unit: number; item: number; due: string; amountFen: number; paidFen: number; cancelled: boolean }>, fn: () => void): void {
  const db = app.context.sqlite;
  const line = db.prepare(
    `INSERT INTO bill_lines (unit_id, fee_item_id, object_kind, object_id, kind, source, period_start, period_end, quantity,
       unit_price, amount_fen, basis, due_date, status, created_at) VALUES (?, ?, 'unit', ?, 'charge', 'one_off', ?, ?, '1', '1', ?, 'b', ?, ?, 't')`,
  );
  const pay = db.prepare(`INSERT INTO allocations (line_id, payment_id, amount_fen, status, business_date, created_at) VALUES (?, 1, ?, 'live', '2024-05-15', 't')`);
  db.exec('SAVEPOINT ledger');
  try {
    for (const l of lines) {
      const id = line.run(l.unit, l.item, l.unit, l.due, l.due, l.amountFen, l.due, l.cancelled ? 'cancelled' : 'posted').lastInsertRowid;
      if (l.paidFen > 0 && !l.cancelled) pay.run(id, Math.min(l.paidFen, l.amountFen));
    }
    fn();
  } finally {
    db.exec('ROLLBACK TO ledger; RELEASE ledger');
  }
}

const listed = (filter: Parameters<typeof reference>[0], scope: number[] | null = null) =>
  arrearsList(app.context, { ...filter, sort: 'code', offset: 0, limit: 100 }, scope).rows.map((r) => [r.unitId, r.buckets]);
const expectedRows = (filter: Parameters<typeof reference>[0], scope: number[] | null = null) =>
  reference(filter, scope).sort(byCode).map((u) => [u.unitId, u.buckets]);

describe('arrears list and summary over the rollup', () => {
  it('put a single debt on the right side of every bucket, month and amount edge', () => {
    for (const due of DUES) {
      withLines([{ unit: 1, item: 1, due, amountFen: 2500, paidFen: 0, cancelled: false }], () => {
        for (const asOf of AS_OFS) {
          for (const minBucket of [undefined, ...AGING_BUCKET_KEYS]) expect(listed({ asOf, minBucket })).toEqual(expectedRows({ asOf, minBucket }));
          for (const minMonthsOverdue of [0, 1, 2, 3, 5, 6, 7, 12, 24, 36, 41]) {
            expect(listed({ asOf, minMonthsOverdue })).toEqual(expectedRows({ asOf, minMonthsOverdue }));
          }
          for (const minAmountFen of [2499, 2500, 2501]) expect(listed({ asOf, minAmountFen })).toEqual(expectedRows({ asOf, minAmountFen }));
        }
      });
    }
  });

  it('equal the line-by-line definition for any ledger, filter, order, page and scope', () => {
    fc.assert(
      fc.property(fc.array(arbLine, { maxLength: 16 }), arbFilter, arbPage, arbScope, (lines, filter, page, scope) =>
        withLines(lines, () => {
          const expected = reference(filter, scope);
          const got = arrearsList(app.context, { ...filter, ...page }, scope);
          expect(got.total).toEqual(totals(expected));
          const rows = [...expected].sort(ORDER[page.sort]).slice(page.offset, page.offset + page.limit);
          expect(got.rows.map((r) => ({ unitId: r.unitId, outstandingFen: r.outstandingFen, lineCount: r.lineCount, oldestDueDate: r.oldestDueDate, monthsOverdue: r.monthsOverdue, buckets: r.buckets, beyondLimitation: r.beyondLimitation }))).toEqual(
            rows.map((u) => ({ unitId: u.unitId, outstandingFen: u.outstandingFen, lineCount: u.lineCount, oldestDueDate: u.oldestDueDate, monthsOverdue: u.monthsOverdue, buckets: u.buckets, beyondLimitation: u.buckets.over3y > 0 })),
          );

          const all = reference({ asOf: filter.asOf }, scope);
          const summary = arrearsSummary(app.context, filter.asOf, scope);
          expect(summary.total).toEqual(totals(all));
          expect(summary.communities.map((c) => ({ id: c.communityId, units: c.units, outstandingFen: c.outstandingFen, buckets: c.buckets }))).toEqual(
            [...new Set(all.map((u) => u.communityId))]
              .sort((a, b) => (COMMUNITY_CODES[a]! < COMMUNITY_CODES[b]! ? -1 : 1))
              .map((id) => ({ id, ...totals(all.filter((u) => u.communityId === id)) })),
          );
        }),
      ),
      { numRuns: 300 },
    );
  });
});
