import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditPrepaid } from '../../../src-main/accounts/prepaidBalances';
import { billLine, collectInput, count, desk, feeItem, openShift, outstanding, type Desk } from './support';

let d: Desk;
let property: number;
let water: number;
beforeEach(async () => {
  d = await desk();
  property = feeItem(d, { code: 'WY', name: '物业费' });
  water = feeItem(d, { code: 'SF', name: '水费' });
});
afterEach(() => d.app.close());

function credit(feeItemId: number | null, amountFen: number) {
  d.app.context.sqlite.transaction(() => creditPrepaid(d.app.context, { unitId: d.unitId, feeItemId, amountFen, paymentId: null, kind: 'opening' }))();
}

describe('collection.quote', () => {
  it('adds today’s late fee, or leaves it out when waived', async () => {
    // 100.00 due 2024-04-30, today 2024-05-15: 15 days × 0.0005 = 0.75.
    const a = billLine(d, { feeItemId: property, amountFen: 10_000, due: '2024-04-30' });
    const b = billLine(d, { feeItemId: water, amountFen: 5_000, due: '2024-05-20' });
    const q = await d.app.must('collection.quote', { unitId: d.unitId, lineIds: [b, a] }, d.cashier);
    expect(q).toEqual({ principalFen: 15_000, lateFeeFen: 75, dueFen: 15_075, prepaidUsableFen: 0, prepaidBalanceFen: 0 });
    const waived = await d.app.must('collection.quote', { unitId: d.unitId, lineIds: [a, b], waiveLateFees: true }, d.cashier);
    expect(waived).toMatchObject({ lateFeeFen: 75, dueFen: 15_000 });
    expect(count(d, 'bill_lines')).toBe(2);
  });

  it('offers exactly the prepaid the desk offset takes, and collect accepts it', async () => {
    openShift(d);
    const a = billLine(d, { feeItemId: property, amountFen: 10_000, due: '2024-04-30' });
    const b = billLine(d, { feeItemId: water, amountFen: 5_000, due: '2024-05-20' });
    credit(property, 6_000);
    credit(null, 5_000);
    // Late fee 0.75 and line a from the earmarked 60.00 then general; line b gets the 9.25 left.
    const q = await d.app.must('collection.quote', { unitId: d.unitId, lineIds: [a, b] }, d.cashier);
    expect(q).toMatchObject({ dueFen: 15_075, prepaidUsableFen: 11_000, prepaidBalanceFen: 11_000 });
    const r = await d.app.must(
      'collection.collect',
      collectInput(d, { lineIds: [a, b], usePrepaidFen: q.prepaidUsableFen, tenders: [{ method: 'cash', amountFen: q.dueFen - q.prepaidUsableFen }] }),
      d.cashier,
    );
    expect(r).toMatchObject({ prepaidUsedFen: 11_000, tenderedFen: 4_075 });
    expect([outstanding(d, a), outstanding(d, b)]).toEqual([0, 0]);
  });

  it('stops at the first line the balance cannot cover, like the offset', async () => {
    const a = billLine(d, { feeItemId: property, amountFen: 10_000, due: '2024-05-20' });
    const b = billLine(d, { feeItemId: water, amountFen: 5_000, due: '2024-05-25' });
    credit(water, 5_000);
    credit(null, 2_000);
    // a (物业费) may only use the general 20.00 and is not covered: the offset ends there.
    const q = await d.app.must('collection.quote', { unitId: d.unitId, lineIds: [a, b] }, d.cashier);
    expect(q).toMatchObject({ dueFen: 15_000, prepaidUsableFen: 2_000, prepaidBalanceFen: 7_000 });
  });

  it('refuses lines of another unit or already paid', async () => {
    const a = billLine(d, { feeItemId: property, amountFen: 10_000, due: '2024-05-20' });
    const r = await d.app.call('collection.quote', { unitId: d.unitId, lineIds: [a + 99] }, d.cashier);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });
});

describe('collection.account for the desk', () => {
  it('names each allocation and its payment (for a refund request) and each line’s discount', async () => {
    openShift(d);
    const a = billLine(d, { feeItemId: property, amountFen: 10_000, due: '2024-05-20' });
    const b = billLine(d, { feeItemId: property, amountFen: 8_000, due: '2024-06-20' });
    const db = d.app.context.sqlite;
    const rule = db
      .prepare(`INSERT INTO discount_rules (fee_item_id, name, min_months, percent_off_bp, start_date) VALUES (?, '预交 12 个月九折', 12, 1000, '2024-01-01')`)
      .run(property).lastInsertRowid;
    db.prepare(`INSERT INTO discounts (line_id, rule_id, amount_fen, status, created_at) VALUES (?, ?, 800, 'live', ?)`).run(b, rule, d.app.clock.now().toISOString());
    const paid = await d.app.must('collection.collect', collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen: 10_000 }] }), d.cashier);
    const account = await d.app.must('collection.account', { unitId: d.unitId }, d.cashier);
    const allocationId = (d.app.context.sqlite.prepare('SELECT id FROM allocations WHERE line_id = ?').get(a) as { id: number }).id;
    expect(account.history).toEqual([expect.objectContaining({ lineId: a, allocationId, paymentId: paid.paymentId })]);
    expect(account.groups[0]!.lines).toEqual([expect.objectContaining({ lineId: b, amountFen: 8_000, discountFen: 800, outstandingFen: 7_200 })]);
  });
});
