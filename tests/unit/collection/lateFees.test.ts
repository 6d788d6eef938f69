import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lateFeeAsOf } from '../../../src-main/collection/lateFeeSettlement';
import { setSetting } from '../../../src-main/system/settings';
import { billLine, collectInput, desk, feeItem, openShift, outstanding, type Desk } from './support';

let d: Desk;
beforeEach(async () => {
  d = await desk();
  openShift(d);
});
afterEach(() => d.app.close());

const DAY = 86_400_000;
function lineRow(lineId: number) {
  return d.app.context.sqlite.prepare('SELECT late_settled_through, late_charged_fen FROM bill_lines WHERE id = ?').get(lineId);
}
function lateLines(parent: number) {
  return d.app.context.sqlite
    .prepare(`SELECT id, kind, source, amount_fen, due_date, period_start, period_end FROM bill_lines WHERE parent_line_id = ? ORDER BY id`)
    .all(parent) as Array<{ id: number; kind: string; source: string; amount_fen: number; due_date: string; period_start: string; period_end: string }>;
}

describe('late fees at the desk (RULES §5)', () => {
  it('shows the RULES vectors live: 2,000.00 × 0.003 × 10 days = 60.00; 1,234.56 × 0.0005 × 45 days = 27.78', () => {
    const a = billLine(d, { feeItemId: feeItem(d, { code: 'A', rate: '0.003' }), amountFen: 200_000, due: '2024-05-05' });
    const b = billLine(d, { feeItemId: feeItem(d, { code: 'B', rate: '0.0005' }), amountFen: 123_456, due: '2024-03-31' });
    expect(lateFeeAsOf(d.app.context, a, '2024-05-15')).toMatchObject({ feeFen: 6_000, days: 10 });
    expect(lateFeeAsOf(d.app.context, b, '2024-05-15')).toMatchObject({ feeFen: 2_778, days: 45 });
    expect(lateFeeAsOf(d.app.context, a, '2024-05-05')).toMatchObject({ feeFen: 0, days: 0 });
  });

  it('counts grace days before accrual starts', () => {
    const a = billLine(d, { feeItemId: feeItem(d, { code: 'G', rate: '0.003', grace: 5 }), amountFen: 200_000, due: '2024-05-05' });
    expect(lateFeeAsOf(d.app.context, a, '2024-05-15')).toMatchObject({ feeFen: 3_000, days: 5, fromDate: '2024-05-11' });
  });

  it('charges the late fee as its own line and pays it before the principal from the same money', async () => {
    const item = feeItem(d, { code: 'B', rate: '0.0005' });
    const b = billLine(d, { feeItemId: item, amountFen: 123_456, due: '2024-03-31' });
    const r = await d.app.must('collection.collect', collectInput(d, { lineIds: [b], tenders: [{ method: 'cash', amountFen: 126_234 }] }), d.cashier);
    const [fee] = lateLines(b);
    expect(fee).toMatchObject({ kind: 'late_fee', source: 'late_fee', amount_fen: 2_778, due_date: '2024-05-15', period_start: '2024-04-01', period_end: '2024-05-15' });
    expect(r.allocations.map((a) => [a.lineId, a.amountFen, a.kind])).toEqual([
      [fee!.id, 2_778, 'late_fee'],
      [b, 123_456, 'charge'],
    ]);
    expect(outstanding(d, b)).toBe(0);
    expect(lineRow(b)).toEqual({ late_settled_through: '2024-05-15', late_charged_fen: 2_778 });
  });

  it('restarts accrual from the settled date on what is still owed', async () => {
    const a = billLine(d, { feeItemId: feeItem(d, { code: 'A', rate: '0.003' }), amountFen: 200_000, due: '2024-05-05' });
    await d.app.must('collection.collect', collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen: 100_000 }] }), d.cashier);
    expect(outstanding(d, a)).toBe(106_000); // 60.00 late fee first, then 940.00 of the principal
    d.app.clock.advance(10 * DAY);
    expect(lateFeeAsOf(d.app.context, a, '2024-05-25')).toMatchObject({ feeFen: 3_180, days: 10, fromDate: '2024-05-16' });
    await d.app.must('collection.collect', collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen: 109_180 }] }), d.cashier);
    expect(lateLines(a).map((l) => l.amount_fen)).toEqual([6_000, 3_180]);
    expect(outstanding(d, a)).toBe(0);
    expect(lineRow(a)).toEqual({ late_settled_through: '2024-05-25', late_charged_fen: 9_180 });
  });

  it('caps the total ever charged on a line at the ratio of its original principal', async () => {
    const a = billLine(d, { feeItemId: feeItem(d, { code: 'C', rate: '0.003', cap: '0.04' }), amountFen: 200_000, due: '2024-05-05' });
    await d.app.must('collection.collect', collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen: 100_000 }] }), d.cashier);
    d.app.clock.advance(10 * DAY);
    expect(lateFeeAsOf(d.app.context, a, '2024-05-25').feeFen).toBe(2_000); // 3,180 accrued, 8,000 cap − 6,000 charged
    await d.app.must('collection.collect', collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen: 1_000 }] }), d.cashier);
    d.app.clock.advance(30 * DAY);
    expect(lateFeeAsOf(d.app.context, a, '2024-06-24').feeFen).toBe(0);
    expect(lateLines(a).map((l) => l.amount_fen)).toEqual([6_000, 2_000]);
    expect(lineRow(a)).toMatchObject({ late_charged_fen: 8_000 });
  });

  it('waives the late fee on request, sending the money to the principal', async () => {
    const a = billLine(d, { feeItemId: feeItem(d, { code: 'A', rate: '0.003' }), amountFen: 200_000, due: '2024-05-05' });
    const refused = await d.app.call('collection.collect', collectInput(d, { lineIds: [a], waiveLateFees: true, tenders: [{ method: 'cash', amountFen: 200_000 }] }), d.cashier);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await d.app.must(
      'collection.collect',
      collectInput(d, { lineIds: [a], waiveLateFees: true, waiveReason: '业主首次逾期', tenders: [{ method: 'cash', amountFen: 200_000 }] }),
      d.cashier,
    );
    const [fee] = lateLines(a);
    expect(outstanding(d, a)).toBe(0);
    expect(outstanding(d, fee!.id)).toBe(0);
    expect(d.app.context.sqlite.prepare('SELECT amount_fen, status, reason FROM waivers').all()).toEqual([{ amount_fen: 6_000, status: 'live', reason: '业主首次逾期' }]);
  });

  it('leaves a waiver above the threshold awaiting approval, the late fee still owed', async () => {
    d.app.context.sqlite.transaction(() => setSetting(d.app.context, 'waiverApprovalThresholdFen', 5_000))();
    const a = billLine(d, { feeItemId: feeItem(d, { code: 'A', rate: '0.003' }), amountFen: 200_000, due: '2024-05-05' });
    await d.app.must(
      'collection.collect',
      collectInput(d, { lineIds: [a], waiveLateFees: true, waiveReason: '业主首次逾期', tenders: [{ method: 'cash', amountFen: 200_000 }] }),
      d.cashier,
    );
    const [fee] = lateLines(a);
    expect(outstanding(d, a)).toBe(0);
    expect(outstanding(d, fee!.id)).toBe(6_000);
    const waiver = d.app.context.sqlite.prepare('SELECT id, status FROM waivers').get() as { id: number; status: string };
    expect(waiver.status).toBe('requested');
    await d.app.must('collection.approveWaiver', { waiverId: waiver.id }, d.supervisor);
    expect(outstanding(d, fee!.id)).toBe(0);
  });

  it('charges nothing on a line that is not overdue', async () => {
    const a = billLine(d, { feeItemId: feeItem(d, { code: 'A', rate: '0.003' }), amountFen: 200_000, due: '2024-05-15' });
    await d.app.must('collection.collect', collectInput(d, { lineIds: [a], tenders: [{ method: 'cash', amountFen: 200_000 }] }), d.cashier);
    expect(lateLines(a)).toEqual([]);
    expect(lineRow(a)).toEqual({ late_settled_through: null, late_charged_fen: 0 });
  });
});
