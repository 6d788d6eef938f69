import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/testApp';
import { buildLedgerImage, openImage, type LedgerImage } from './model/ledgerImage';
import { ledgerViolations } from './model/ledgerChecks';
import { expectOk, openWorld, step, type World } from './model/world';

/**
 * One hand-written day at the desk that uses every operation of the property test once, with the
 * amounts a cashier would see, the whole ledger checked after every step. The estate (model/
 * ledgerImage.ts): four units in 阳光花园 3号楼, 物业费 2.35 元/㎡·月 and 车位费 150.00 元/月
 * (5 grace days, late fee capped at 10%), billed for 2024-02 … 2024-04, due the 1st; today is
 * 2024-05-15, late fee 0.05% a day. 3-1-101 (89.50 ㎡) owes 210.33 a month of 物业费.
 */

let image: LedgerImage;
let app: TestApp;
let w: World;
// Building the estate hashes five passwords and bills three months: seconds on a busy machine.
beforeAll(async () => {
  image = await buildLedgerImage();
}, 60_000);
afterAll(() => app?.close());

const db = () => w.app.context.sqlite;
const one = (sql: string, ...params: unknown[]) => db().prepare(sql).pluck().get(...params) as number;
const unit = (i: number) => image.estate.unitIds[i]!;
/** The run's line of a unit, fee item and month. */
const line = (u: number, item: 'wyf' | 'cwf', month: string) =>
  one(`SELECT id FROM bill_lines WHERE unit_id = ? AND fee_item_id = ? AND period_start = ? AND kind = 'charge'`, unit(u), image.estate[item], `${month}-01`);
const owed = (lineId: number) => one('SELECT outstanding_fen FROM bill_lines WHERE id = ?', lineId);
const lateFeeLine = (lineId: number) => one(`SELECT id FROM bill_lines WHERE parent_line_id = ? ORDER BY id DESC LIMIT 1`, lineId);
const balance = (u: number) => one(`SELECT COALESCE(SUM(e.amount_fen), 0) FROM prepaid_entries e JOIN prepaid_accounts a ON a.id = e.account_id WHERE a.unit_id = ?`, unit(u));

describe('a day at the desk, step by step', () => {
  it('keeps every amount where the rules put it', async () => {
    app = openImage(image);
    w = openWorld(app, image.estate);
    const feb101 = line(0, 'wyf', '2024-02');
    const febCar101 = line(0, 'cwf', '2024-02');
    const feb102 = line(1, 'wyf', '2024-02');
    let fullPayment = 0;
    let partPayment = 0;
    let offsetPayment = 0;

    await step(w, 'pay in full with change', async () => {
      // 210.33 + late fee 210.33 × 0.0005 × 104 days = 10.94 (due 02-01, today 05-15).
      const r = await expectOk(w, 'cashier1', 'collection.collect', {
        idempotencyKey: 'scenario-0001', unitId: unit(0), payerName: '张三', lineIds: [feb101],
        tenders: [{ method: 'cash', amountFen: 22_127 }], cashGivenFen: 23_000,
      }, 'pay');
      expect(r).toMatchObject({ receiptNo: 'SJ00000001', tenderedFen: 22_127, allocatedFen: 22_127, changeFen: 873 });
      expect(r.allocations.map((a) => [a.kind, a.amountFen])).toEqual([['late_fee', 1_094], ['charge', 21_033]]);
      expect(owed(feb101)).toBe(0);
      fullPayment = r.paymentId;
    });

    await step(w, 'part-pay, late fee first', async () => {
      // 车位费 150.00: 5 grace days, so 99 days × 7.5 fen = 7.43; the rest of 100.00 goes to the principal.
      const r = await expectOk(w, 'cashier1', 'collection.collect', {
        idempotencyKey: 'scenario-0002', unitId: unit(0), payerName: '张三', lineIds: [febCar101],
        tenders: [{ method: 'wechat', amountFen: 10_000, reference: 'WX-889' }],
      }, 'part-pay');
      expect(r.allocations.map((a) => a.amountFen)).toEqual([743, 9_257]);
      expect(owed(febCar101)).toBe(5_743);
      partPayment = r.paymentId;
    });

    await step(w, 'deposit to prepaid', async () => {
      const r = await expectOk(w, 'cashier2', 'accounts.depositPrepaid', {
        idempotencyKey: 'scenario-0003', unitId: unit(1), payerName: '李四', tenders: [{ method: 'alipay', amountFen: 20_000, reference: 'ALI-1' }], feeItemId: null,
      }, 'deposit');
      expect(r).toMatchObject({ receiptNo: 'SJ00000003', balanceFen: 20_000 });
    });

    await step(w, 'pay using prepaid (a desk offset)', async () => {
      // 120.35 ㎡ × 2.35 = 282.82, late fee 282.82 × 0.0005 × 104 = 14.71: the whole 200.00 of
      // prepaid (late fee first), 97.53 by card. Prepaid is used as far as it goes, never in part.
      const r = await expectOk(w, 'cashier2', 'collection.collect', {
        idempotencyKey: 'scenario-0004', unitId: unit(1), payerName: '李四', lineIds: [feb102],
        tenders: [{ method: 'card', amountFen: 9_753, reference: 'POS-77' }], usePrepaidFen: 20_000,
      }, 'offset');
      expect(r).toMatchObject({ receiptNo: 'SJ00000004', prepaidUsedFen: 20_000, allocatedFen: 9_753 });
      expect(r.allocations.map((a) => [a.source, a.amountFen])).toEqual([['prepaid', 1_471], ['prepaid', 18_529], ['tender', 9_753]]);
      expect(owed(feb102)).toBe(0);
      expect(balance(1)).toBe(0);
      offsetPayment = r.paymentId;
    });

    await step(w, 'bill May: new lines offset from prepaid earmarked for 物业费', async () => {
      await expectOk(w, 'cashier2', 'accounts.depositPrepaid', {
        idempotencyKey: 'scenario-0005', unitId: unit(1), payerName: '李四', tenders: [{ method: 'cash', amountFen: 30_000 }], feeItemId: image.estate.wyf,
      }, 'deposit');
      // 物业费 210.33 + 282.82 + 152.94 (65.08 ㎡) + 336.52 (143.2 ㎡), 车位费 4 × 150.00. Only
      // 3-1-102 has prepaid: its May 物业费 is offset whole; 车位费 cannot use money set aside for 物业费.
      const r = await expectOk(w, 'admin', 'billing.commit', { month: '2024-05' }, 'bill');
      expect(r).toMatchObject({ lineCount: 8, totalFen: 98_261 + 60_000, offsetCount: 1, offsetFen: 28_282 });
      expect(owed(line(1, 'wyf', '2024-05'))).toBe(0);
      expect(owed(line(1, 'cwf', '2024-05'))).toBe(15_000);
      expect(balance(1)).toBe(1_718);
    });

    await step(w, 'waive: 50% at the desk, a large one approved', async () => {
      const small = await expectOk(w, 'cashier1', 'collection.waive', { lineId: febCar101, percent: '50', reason: '困难户减免' }, 'waive');
      expect(small).toMatchObject({ amountFen: 2_872, status: 'live', outstandingFen: 2_871 });
      const large = await expectOk(w, 'cashier1', 'collection.waive', { lineId: line(2, 'wyf', '2024-02'), amountFen: 15_294, reason: '困难户减免' }, 'waive');
      expect(large.status).toBe('requested');
      await expectOk(w, 'supervisor1', 'collection.approveWaiver', { waiverId: large.waiverId, approve: true }, 'approve');
      expect(owed(line(2, 'wyf', '2024-02'))).toBe(0);
    });

    await step(w, 'adjust by −10.00 with approval', async () => {
      const a = await expectOk(w, 'cashier1', 'accounts.requestAdjustment', { lineId: line(3, 'wyf', '2024-03'), amountFen: -1_000, reason: '面积复核' }, 'adjust');
      await expectOk(w, 'supervisor1', 'accounts.approveAdjustment', { adjustmentId: a.id }, 'approve');
      expect(owed(line(3, 'wyf', '2024-03'))).toBe(33_652 - 1_000);
    });

    await step(w, 'void the part payment while its shift is open', async () => {
      await expectOk(w, 'supervisor1', 'collection.void', { paymentId: partPayment, reason: '收款方式录错' }, 'void');
      // The principal reopens less the waiver that stays; the settled late fee reopens as its own line.
      expect(owed(febCar101)).toBe(15_000 - 2_872);
      expect(owed(lateFeeLine(febCar101))).toBe(743);
    });

    await step(w, 'close the shift: count, confirm, open the next', async () => {
      const { shift } = await expectOk(w, 'cashier1', 'shifts.current', {}, 'current');
      // The float 500.00 and 221.27 cash; the voided WeChat payment counts nowhere.
      expect(shift!.totals.filter((t) => t.systemFen !== 0)).toEqual([{ method: 'cash', tendersFen: 22_127, systemFen: 72_127 }]);
      await expectOk(w, 'cashier1', 'shifts.count', { counts: [{ method: 'cash', countedFen: 72_127 }] }, 'count');
      await expectOk(w, 'supervisor1', 'shifts.confirm', { shiftId: shift!.id }, 'confirm');
      await expectOk(w, 'cashier1', 'shifts.open', { floatFen: 0 }, 'open');
    });

    await step(w, 'reverse the full payment after the day close', async () => {
      const r = await expectOk(w, 'supervisor2', 'collection.reverse', { paymentId: fullPayment, reason: '交班后发现收错房屋' }, 'reverse');
      expect(r).toMatchObject({ receiptNo: 'SJ00000006', tenderedFen: -22_127 });
      expect(owed(feb101)).toBe(21_033);
    });

    await step(w, 'refund the card part of a payment, then the rest of the prepaid', async () => {
      // The refund takes back what the card paid; the part paid from prepaid is not a tender.
      const allocationIds = db().prepare(`SELECT id FROM allocations WHERE payment_id = ?`).pluck().all(offsetPayment) as number[];
      const req = await expectOk(w, 'cashier2', 'accounts.requestRefund', { source: 'payment', paymentId: offsetPayment, allocationIds, payout: 'original', reason: '重复缴费' }, 'refund');
      await expectOk(w, 'supervisor1', 'accounts.approveRefund', { refundId: req.id }, 'approve');
      const done = await expectOk(w, 'cashier2', 'accounts.executeRefund', { refundId: req.id }, 'execute');
      expect(done).toMatchObject({ voucherNo: 'TK00000001', tenders: [{ method: 'card', amountFen: -9_753 }] });
      expect(owed(feb102)).toBe(9_753);
      const rest = await expectOk(w, 'cashier2', 'accounts.requestRefund', { source: 'prepaid', unitId: unit(1), feeItemId: image.estate.wyf, amountFen: 1_718, reason: '业主搬离' }, 'refund');
      await expectOk(w, 'supervisor2', 'accounts.approveRefund', { refundId: rest.id }, 'approve');
      expect(await expectOk(w, 'cashier2', 'accounts.executeRefund', { refundId: rest.id }, 'execute')).toMatchObject({ voucherNo: 'TK00000002' });
      expect(balance(1)).toBe(0);
    });

    await step(w, 'undo May: its lines cancelled, its offset back to prepaid', async () => {
      const runId = one(`SELECT id FROM billing_runs WHERE period_start = '2024-05-01'`);
      const r = await expectOk(w, 'admin', 'billing.undo', { runId, reason: '五月单价有误' }, 'undo');
      expect(r).toMatchObject({ cancelledCount: 8, returnedOffsetFen: 28_282 });
      expect(balance(1)).toBe(28_282);
    });

    await step(w, 'pay ahead three months of 车位费', async () => {
      const plan = await expectOk(w, 'cashier1', 'billing.prepayAhead', { unitId: unit(3), feeItemId: image.estate.cwf, months: 3, startMonth: '2024-06' }, 'prepay');
      expect(plan).toMatchObject({ totalFen: 45_000, payableFen: 45_000 });
    });

    await step(w, 'a month later the reopened line has accrued again from its settled date', async () => {
      w.app.clock.advance(31 * 86_400_000);
      const account = await expectOk(w, 'cashier1', 'collection.account', { unitId: unit(0) }, 'account');
      // Settled through 05-15, so 31 days on 210.33: 3.26.
      expect(account.groups.flatMap((g) => g.lines).find((l) => l.lineId === feb101)).toMatchObject({ outstandingFen: 21_033, lateFeeFen: 326 });
    });

    expect(ledgerViolations(w.app.context)).toEqual([]);
    const desk = db().prepare(`SELECT number, status FROM receipts ORDER BY number`).all();
    expect(desk).toEqual([
      { number: 1, status: 'issued' },
      { number: 2, status: 'voided' },
      { number: 3, status: 'issued' },
      { number: 4, status: 'issued' },
      { number: 5, status: 'issued' },
      { number: 6, status: 'issued' },
    ]);
  });

  it('voiding a payment that used prepaid gives the prepaid back and reopens what it paid', async () => {
    // Regression: the void (and the reversal) reopened only what the tenders paid and left the
    // desk offset live, so the owner's prepaid stayed spent on a receipt marked 作废.
    app?.close();
    app = openImage(image);
    w = openWorld(app, image.estate);
    const feb101 = line(0, 'wyf', '2024-02');
    await expectOk(w, 'cashier1', 'accounts.depositPrepaid', { idempotencyKey: 'regress-0001', unitId: unit(0), payerName: '张三', tenders: [{ method: 'cash', amountFen: 10_000 }], feeItemId: null }, 'deposit');
    const paid = await expectOk(w, 'cashier1', 'collection.collect', {
      idempotencyKey: 'regress-0002', unitId: unit(0), payerName: '张三', lineIds: [feb101], tenders: [{ method: 'cash', amountFen: 12_127 }], usePrepaidFen: 10_000,
    }, 'pay');
    expect(balance(0)).toBe(0);
    await step(w, 'void', async () => {
      await expectOk(w, 'supervisor1', 'collection.void', { paymentId: paid.paymentId, reason: '收错房屋' }, 'void');
    });
    expect(balance(0)).toBe(10_000);
    expect(owed(feb101)).toBe(21_033);
    expect(one(`SELECT status FROM prepaid_offsets WHERE id = ?`, paid.prepaidOffsetId) as unknown).toBe('returned');
  });
});
