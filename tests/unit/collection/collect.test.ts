import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditPrepaid } from '../../../src-main/accounts/prepaidBalances';
import { collectPayment } from '../../../src-main/collection/collectService';
import { setSetting } from '../../../src-main/system/settings';
import { billLine, collectInput, count, desk, feeItem, openShift, outstanding, type Desk } from './support';

let d: Desk;
let item: number;
beforeEach(async () => {
  d = await desk();
  item = feeItem(d, { code: 'WY', name: '物业费' });
});
afterEach(() => d.app.close());

describe('collection.collect', () => {
  it('takes a split tender and gives change from cash only', async () => {
    openShift(d);
    const a = billLine(d, { feeItemId: item, amountFen: 30_000, due: '2024-05-20' });
    const r = await d.app.must(
      'collection.collect',
      collectInput(d, {
        lineIds: [a],
        tenders: [
          { method: 'cash', amountFen: 20_000 },
          { method: 'wechat', amountFen: 10_000, reference: 'WX4200001' },
        ],
        cashGivenFen: 25_000,
      }),
      d.cashier,
    );
    expect(r).toMatchObject({ tenderedFen: 30_000, allocatedFen: 30_000, changeFen: 5_000, cashGivenFen: 25_000, receiptNo: 'SJ00000001' });
    expect(outstanding(d, a)).toBe(0);
    const tenders = d.app.context.sqlite.prepare('SELECT method, amount_fen FROM payment_tenders ORDER BY id').all();
    expect(tenders).toEqual([
      { method: 'cash', amount_fen: 20_000 },
      { method: 'wechat', amount_fen: 10_000 },
    ]);
  });

  it('refuses cash given below the cash tender, change without cash, and e-payments without a reference', async () => {
    openShift(d);
    const a = billLine(d, { feeItemId: item, amountFen: 30_000, due: '2024-05-20' });
    const short = await d.app.call('collection.collect', collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen: 30_000 }], cashGivenFen: 29_999 }), d.cashier);
    expect(short).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } });
    const noCash = await d.app.call(
      'collection.collect',
      collectInput(d, { lineIds: [a], tenders: [{ method: 'card', amountFen: 30_000, reference: 'POS1' }], cashGivenFen: 100 }),
      d.cashier,
    );
    expect(noCash).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } });
    const noRef = await d.app.call('collection.collect', collectInput(d, { lineIds: [a], tenders: [{ method: 'alipay', amountFen: 30_000 }] }), d.cashier);
    expect(noRef).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(count(d, 'payments')).toBe(0);
  });

  it('pays in part: the last line keeps the right outstanding', async () => {
    openShift(d);
    const a = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-05-20' });
    const b = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-06-20' });
    await d.app.must('collection.collect', collectInput(d, { lineIds: [a, b], tenders: [{ method: 'cash', amountFen: 13_456 }] }), d.cashier);
    expect(outstanding(d, a)).toBe(0);
    expect(outstanding(d, b)).toBe(6_544);
  });

  it('allocates by due date, period start, fee item priority and line id, whatever order the desk sends', async () => {
    openShift(d);
    const water = feeItem(d, { code: 'SF', priority: 10 });
    const late = billLine(d, { feeItemId: item, amountFen: 1_000, due: '2024-06-30' });
    const samePeriodLowPriority = billLine(d, { feeItemId: item, amountFen: 1_000, due: '2024-05-31', periodStart: '2024-05-01' });
    const samePeriodHighPriority = billLine(d, { feeItemId: water, amountFen: 1_000, due: '2024-05-31', periodStart: '2024-05-01' });
    const earlierPeriod = billLine(d, { feeItemId: item, amountFen: 1_000, due: '2024-05-31', periodStart: '2024-04-01' });
    const sameAll = billLine(d, { feeItemId: item, amountFen: 1_000, due: '2024-05-31', periodStart: '2024-05-01' });
    const r = await d.app.must(
      'collection.collect',
      collectInput(d, { lineIds: [late, sameAll, samePeriodLowPriority, samePeriodHighPriority, earlierPeriod], tenders: [{ method: 'cash', amountFen: 4_500 }] }),
      d.cashier,
    );
    expect(r.allocations.map((a) => [a.lineId, a.amountFen])).toEqual([
      [earlierPeriod, 1_000],
      [samePeriodHighPriority, 1_000],
      [samePeriodLowPriority, 1_000],
      [sameAll, 1_000],
      [late, 500],
    ]);
  });

  it('posts once per idempotency key: a repeat returns the first result, another payload is refused', async () => {
    openShift(d);
    const a = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-05-20' });
    const input = collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen: 6_000 }] });
    const first = await d.app.must('collection.collect', input, d.cashier);
    const again = await d.app.must('collection.collect', input, d.cashier);
    expect(again).toEqual({ ...first, replayed: true });
    expect(first.replayed).toBe(false);
    expect(count(d, 'payments')).toBe(1);
    expect(outstanding(d, a)).toBe(4_000);
    const other = await d.app.call('collection.collect', { ...input, tenders: [{ method: 'cash', amountFen: 7_000 }] }, d.cashier);
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(count(d, 'payments')).toBe(1);
    const audits = d.app.context.sqlite.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE call = 'collection.collect'`).get() as { n: number };
    expect(audits.n).toBe(1);
  });

  it('refuses without an open shift', async () => {
    const a = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-05-20' });
    const r = await d.app.call('collection.collect', collectInput(d, { lineIds: [a] }), d.cashier);
    expect(r).toMatchObject({ ok: false, error: { code: 'SHIFT_NOT_OPEN' } });
    expect(count(d, 'payments')).toBe(0);
  });

  it.each([
    ['negative', -100],
    ['zero', 0],
    ['fractional', 100.5],
  ])('refuses a %s tender amount and writes nothing', async (_name, amountFen) => {
    openShift(d);
    const a = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-05-20' });
    const before = d.app.context.sqlite.prepare('SELECT next_no FROM receipt_series WHERE code = ?').get('DESK');
    const r = await d.app.call('collection.collect', collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen }] }), d.cashier);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(() => collectPayment(d.app.context, d.cashierId, collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen }] }))).toThrow(/金额/);
    expect(count(d, 'payments') + count(d, 'allocations') + count(d, 'receipts')).toBe(0);
    expect(d.app.context.sqlite.prepare('SELECT next_no FROM receipt_series WHERE code = ?').get('DESK')).toEqual(before);
    expect(outstanding(d, a)).toBe(10_000);
  });

  it('refuses overpayment unless asked to put it into prepaid (earmarked if wished)', async () => {
    openShift(d);
    const a = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-05-20' });
    const refused = await d.app.call('collection.collect', collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen: 12_000 }] }), d.cashier);
    expect(refused).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } });
    const r = await d.app.must(
      'collection.collect',
      collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen: 12_000 }], overpayTo: 'prepaid', prepaidFeeItemId: item }),
      d.cashier,
    );
    expect(r).toMatchObject({ allocatedFen: 10_000, toPrepaidFen: 2_000 });
    const account = await d.app.must('collection.account', { unitId: d.unitId }, d.cashier);
    expect(account.prepaid).toEqual([expect.objectContaining({ feeItemId: item, balanceFen: 2_000, feeItemName: '物业费' })]);
  });

  it('holds a deposit apart: never allocated to bills', async () => {
    openShift(d);
    const a = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-05-20' });
    const r = await d.app.must(
      'collection.collect',
      collectInput(d, { lineIds: [a], tenders: [{ method: 'transfer', amountFen: 210_000, reference: 'ZZ20240515' }], deposit: { kind: '装修押金', amountFen: 200_000 } }),
      d.cashier,
    );
    expect(r).toMatchObject({ tenderedFen: 210_000, allocatedFen: 10_000, toDepositFen: 200_000 });
    expect(d.app.context.sqlite.prepare('SELECT kind, amount_fen, status FROM deposits').all()).toEqual([{ kind: '装修押金', amount_fen: 200_000, status: 'held' }]);
    const depositOnly = await d.app.must(
      'collection.collect',
      collectInput(d, { tenders: [{ method: 'cash', amountFen: 50_000 }], deposit: { kind: '装修押金', amountFen: 50_000 } }),
      d.cashier,
    );
    expect(depositOnly).toMatchObject({ allocatedFen: 0, toDepositFen: 50_000 });
    const short = await d.app.call('collection.collect', collectInput(d, { tenders: [{ method: 'cash', amountFen: 100 }], deposit: { kind: '装修押金', amountFen: 200 } }), d.cashier);
    expect(short).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } });
  });

  it('uses the prepaid balance through an offset, with tenders paying the rest', async () => {
    openShift(d);
    const a = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-05-20' });
    const b = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-06-20' });
    d.app.context.sqlite.transaction(() =>
      creditPrepaid(d.app.context, { unitId: d.unitId, feeItemId: null, amountFen: 10_000, paymentId: null, kind: 'opening' }),
    )();
    const r = await d.app.must(
      'collection.collect',
      collectInput(d, { lineIds: [a, b], usePrepaidFen: 10_000, tenders: [{ method: 'cash', amountFen: 10_000 }] }),
      d.cashier,
    );
    expect(r).toMatchObject({ prepaidUsedFen: 10_000, allocatedFen: 10_000, tenderedFen: 10_000 });
    expect(r.prepaidOffsetId).not.toBeNull();
    expect(outstanding(d, a) + outstanding(d, b)).toBe(0);
    const c = billLine(d, { feeItemId: item, amountFen: 600, due: '2024-07-20' });
    const empty = await d.app.call(
      'collection.collect',
      collectInput(d, { lineIds: [c], usePrepaidFen: 500, tenders: [{ method: 'cash', amountFen: 100 }] }),
      d.cashier,
    );
    expect(empty).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } });
    expect(outstanding(d, c)).toBe(600);
    expect(count(d, 'prepaid_offsets')).toBe(1);
  });

  it('in fallback mode flags the payment and takes only offline tenders', async () => {
    openShift(d);
    d.app.context.sqlite.transaction(() => setSetting(d.app.context, 'fallbackMode', true))();
    const a = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-05-20' });
    const wechat = await d.app.call('collection.collect', collectInput(d, { lineIds: [a], tenders: [{ method: 'wechat', amountFen: 10_000, reference: 'WX1' }] }), d.cashier);
    expect(wechat).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    const card = await d.app.must('collection.collect', collectInput(d, { lineIds: [a], tenders: [{ method: 'card', amountFen: 10_000, reference: 'POS-889' }] }), d.cashier);
    expect(d.app.context.sqlite.prepare('SELECT fallback FROM payments WHERE id = ?').get(card.paymentId)).toEqual({ fallback: 1 });
  });

  it('enters a paper receipt afterwards (补录) under its book number and original date, in the current shift', () => {
    const shiftId = openShift(d);
    const db = d.app.context.sqlite;
    db.prepare(
      `INSERT INTO receipt_series (code, kind, prefix, next_no, range_start, range_end, cashier_id, created_at)
       VALUES ('B01', 'manual_book', 'SG', 1, 1, 50, ?, ?)`,
    ).run(d.cashierId, d.app.clock.now().toISOString());
    const a = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-05-20' });
    const r = db.transaction(() =>
      collectPayment(d.app.context, d.cashierId, collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen: 10_000 }] }), {
        manual: { seriesCode: 'B01', number: 7, originalAt: '2024-05-13T06:30:00.000Z' },
      }),
    )();
    expect(r).toMatchObject({ receiptNo: 'SG00000007', businessDate: '2024-05-13' });
    expect(db.prepare('SELECT manual_entry, shift_id, original_at FROM payments').get()).toEqual({ manual_entry: 1, shift_id: shiftId, original_at: '2024-05-13T06:30:00.000Z' });
    expect(db.prepare(`SELECT next_no FROM receipt_series WHERE code = 'DESK'`).get()).toEqual({ next_no: 1 });
  });
});
