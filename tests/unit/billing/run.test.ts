import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeRunLines } from '../../../src-main/billing/computeRunLines';
import { setSetting } from '../../../src-main/system/settings';
import { setupAdmin, testApp, type TestApp } from '../support/testApp';
import { signInAs } from '../support/users';
import { addMeter, addOwner, addReading, addUnit, createItem, createStandard, seedCommunity } from './estate';

let app: TestApp;
let admin: string;
let estate: ReturnType<typeof seedCommunity>;

beforeEach(async () => {
  app = testApp();
  admin = await setupAdmin(app);
  estate = seedCommunity(app);
});
afterEach(() => app.close());

const db = () => app.context.sqlite;
const count = (sql: string, ...args: unknown[]) => (db().prepare(sql).get(...args) as { n: number }).n;

async function propertyEstate() {
  const units = ['3-2-501', '10-1-101', '3-1-201'].map((code) => addUnit(app, estate, { code }));
  const owner = addOwner(app, units[0]!, '张三');
  const item = await createItem(app, admin);
  await createStandard(app, admin, { feeItemId: item, communityId: estate.communityId });
  return { units, owner, item };
}

describe('billing.preview and billing.commit', () => {
  it('commit posts exactly what the preview showed, in one run with one audit entry', async () => {
    const { units, owner, item } = await propertyEstate();
    const preview = await app.must('billing.preview', { month: '2024-05' }, admin);
    expect(preview.lineCount).toBe(3);
    expect(preview.totalFen).toBe(3 * 21033); // 89.5 × 2.35 = 210.325 → 210.33 each
    expect(preview.lines.map((l) => l.unitCode)).toEqual(['3-1-201', '3-2-501', '10-1-101']);
    const audits = count('SELECT COUNT(*) AS n FROM audit_log');
    const commit = await app.must('billing.commit', { month: '2024-05' }, admin);
    expect(commit).toMatchObject({ lineCount: 3, totalFen: preview.totalFen, skippedCount: 0 });
    expect(commit.byItem).toEqual(preview.byItem);
    expect(count('SELECT COUNT(*) AS n FROM audit_log')).toBe(audits + 1);
    const line = db().prepare('SELECT * FROM bill_lines WHERE unit_id = ?').get(units[0]) as Record<string, unknown>;
    expect(line).toMatchObject({
      run_id: commit.runId,
      fee_item_id: item,
      customer_id: owner,
      period_start: '2024-05-01',
      period_end: '2024-05-31',
      due_date: '2024-05-01',
      amount_fen: 21033,
      basis: '89.50㎡ × ¥2.35 × 1 月',
      source: 'run',
      status: 'posted',
    });
    const run = db().prepare('SELECT line_count, total_fen FROM billing_runs WHERE id = ?').get(commit.runId) as { line_count: number; total_fen: number };
    expect(run).toEqual({ line_count: 3, total_fen: preview.totalFen });
  });

  it('a rerun adds nothing and reports what it skipped', async () => {
    await propertyEstate();
    await app.must('billing.commit', { month: '2024-05' }, admin);
    const again = await app.must('billing.commit', { month: '2024-05' }, admin);
    expect(again).toMatchObject({ runId: null, lineCount: 0, totalFen: 0, skippedCount: 3 });
    expect(count('SELECT COUNT(*) AS n FROM bill_lines')).toBe(3);
    expect(count('SELECT COUNT(*) AS n FROM billing_runs')).toBe(1);
  });

  it('lists the exceptions: no area, missing reading, negative usage, missing standard', async () => {
    const item = await createItem(app, admin);
    await createStandard(app, admin, { feeItemId: item, communityId: estate.communityId, scope: 'use', unitUse: 'residential' });
    const noArea = addUnit(app, estate, { code: '5-1-101', area: null });
    const shop = addUnit(app, estate, { code: '8-1-101', use: 'shop' });
    addUnit(app, estate, { code: '9-1-101', use: 'shop', status: 'undelivered', deliveryDate: null });
    const water = await createItem(app, admin, { code: 'SF', name: '水费', category: 'utility', method: 'METERED', meterKind: 'water' });
    await createStandard(app, admin, { feeItemId: water, communityId: estate.communityId, price: '3.45' });
    const [m1, m2] = ['W1', 'W2', 'W3'].map((code) => addMeter(app, estate, { code, unitId: shop }));
    addReading(app, m1!, '2024-05', 1000_0000, 1012_5000);
    addReading(app, m2!, '2024-05', 500_0000, 400_0000); // lower than before without rollover
    const preview = await app.must('billing.preview', { month: '2024-05' }, admin);
    expect(preview.exceptions.map((e) => `${e.kind}:${e.message}`).sort()).toEqual([
      'negative_usage:8-1-101 表 W2 本期读数小于上期且未标记翻表，用量为负',
      'no_area:5-1-101 没有建筑面积，无法计算「物业费」',
      'no_reading:8-1-101 表 W3 缺少 2024-05 期抄表读数',
      'no_standard:8-1-101 没有适用的面积计费标准（物业费）',
    ]);
    expect(preview.exceptions.find((e) => e.kind === 'no_area')!.unitId).toBe(noArea);
    expect(preview.exceptionCount).toBe(4);
    expect(preview.lines).toEqual([expect.objectContaining({ amountFen: 4313, basis: '表 W1：12.5 吨 × ¥3.45', objectKind: 'meter', objectId: m1 })]);
  });

  it('a price change inside the period splits it into two parts of ONE line', async () => {
    const unit = addUnit(app, estate, { code: '1-1-101' });
    const item = await createItem(app, admin, { cycleMonths: 3 });
    const std = await createStandard(app, admin, { feeItemId: item, communityId: estate.communityId });
    await app.must('fees.changePrice', { standardId: std, price: '2.50', fromDate: '2024-05-01' }, admin);
    const preview = await app.must('billing.preview', { month: '2024-06' }, admin);
    expect(preview.lines).toHaveLength(1);
    // 89.5 × 2.35 × 1 + 89.5 × 2.50 × 2 = 210.325 + 447.5 = 657.825 → 657.83
    expect(preview.lines[0]).toMatchObject({ unitId: unit, periodStart: '2024-04-01', periodEnd: '2024-06-30', amountFen: 65783 });
    expect(preview.lines[0]!.basis).toBe('89.50㎡ × ¥2.35 × 1 月 + 89.50㎡ × ¥2.50 × 2 月');
  });

  it('the most specific standard wins: unit over use over building over community', async () => {
    const a = addUnit(app, estate, { code: '1-1-101' });
    const b = addUnit(app, estate, { code: '1-1-102', use: 'shop' });
    const c = addUnit(app, estate, { code: '2-1-101' });
    const d = addUnit(app, estate, { code: '1-1-103', use: 'shop' });
    const item = await createItem(app, admin);
    await createStandard(app, admin, { feeItemId: item, communityId: estate.communityId, price: '1' });
    await createStandard(app, admin, { feeItemId: item, communityId: estate.communityId, scope: 'building', buildingId: estate.buildingId('1'), price: '2' });
    await createStandard(app, admin, { feeItemId: item, communityId: estate.communityId, scope: 'use', unitUse: 'shop', price: '3' });
    await createStandard(app, admin, { feeItemId: item, communityId: estate.communityId, scope: 'unit', unitId: d, price: '4' });
    const lines = computeRunLines(app.context, { month: '2024-05' }).lines;
    const price = (u: number) => lines.find((l) => l.unitId === u)!.unitPrice;
    expect([price(a), price(b), price(c), price(d)]).toEqual(['2.00', '3.00', '1.00', '4.00']);
  });

  it('delivery: fees start the month after delivery by default, or pro-rated by days', async () => {
    const unit = addUnit(app, estate, { code: '1-1-101', area: '100', deliveryDate: '2024-05-17' });
    addUnit(app, estate, { code: '1-1-102', status: 'undelivered', deliveryDate: null });
    const item = await createItem(app, admin);
    await createStandard(app, admin, { feeItemId: item, communityId: estate.communityId, price: '3.10' });
    expect((await app.must('billing.preview', { month: '2024-05' }, admin)).lineCount).toBe(0);
    expect((await app.must('billing.preview', { month: '2024-06' }, admin)).lines[0]).toMatchObject({ unitId: unit, amountFen: 31000 });
    app.context.sqlite.transaction(() => setSetting(app.context, 'deliveryProration', 'by_days'))();
    const may = await app.must('billing.preview', { month: '2024-05' }, admin);
    // 100 × 3.10 × 15/31 = 150.00
    expect(may.lines[0]).toMatchObject({ unitId: unit, amountFen: 15000, basis: '100.00㎡ × ¥3.10 × 15/31 月' });
  });

  it('FIXED per parking space bills the space under its holder unit', async () => {
    const unit = addUnit(app, estate, { code: '1-1-101' });
    const space = Number(
      db().prepare(`INSERT INTO parking_spaces (community_id, code, type, unit_id) VALUES (?, 'P-001', 'leased', ?)`).run(estate.communityId, unit).lastInsertRowid,
    );
    db().prepare(`INSERT INTO parking_spaces (community_id, code, type) VALUES (?, 'P-002', 'leased')`).run(estate.communityId);
    const item = await createItem(app, admin, { code: 'CWF', name: '车位管理费', category: 'parking', method: 'FIXED', perParkingSpace: true, cycleMonths: 3 });
    await createStandard(app, admin, { feeItemId: item, communityId: estate.communityId, scope: 'parking_type', parkingType: 'leased', price: '150' });
    const preview = await app.must('billing.preview', { month: '2024-04' }, admin);
    expect(preview.lines).toEqual([expect.objectContaining({ unitId: unit, objectKind: 'parking', objectId: space, amountFen: 45000, basis: '车位 P-001：¥150.00/月 × 3 月' })]);
    expect(preview.exceptions.map((e) => e.kind)).toEqual(['no_unit']);
  });
});

describe('APPORTION 公摊', () => {
  it('an entered total shared equally: 100.00 → 33.34/33.33/33.33 in natural unit order', async () => {
    const [u1, u2, u3] = ['10-1-101', '3-2-501', '3-1-201'].map((code) => addUnit(app, estate, { code }));
    const item = await createItem(app, admin, { code: 'GT', name: '公共照明公摊', category: 'shared', method: 'APPORTION', apportionBasis: 'equal' });
    await createStandard(app, admin, { feeItemId: item, communityId: estate.communityId, price: '0' });
    const none = await app.must('billing.preview', { month: '2024-05' }, admin);
    expect(none.exceptions.map((e) => e.kind)).toEqual(['no_apportion_total']);
    const preview = await app.must('billing.preview', { month: '2024-05', apportionTotals: [{ feeItemId: item, communityId: estate.communityId, totalFen: 10000 }] }, admin);
    const share = Object.fromEntries(preview.lines.map((l) => [l.unitId, l.amountFen]));
    expect([share[u3!], share[u2!], share[u1!]]).toEqual([3334, 3333, 3333]);
  });

  it("a building's common meter usage × price shared by building area", async () => {
    const a = addUnit(app, estate, { code: '1-1-101', area: '100' });
    const b = addUnit(app, estate, { code: '1-1-102', area: '50' });
    const meter = addMeter(app, estate, { code: 'G1', buildingId: estate.buildingId('1') });
    addReading(app, meter, '2024-05', 0, 100_0000);
    const item = await createItem(app, admin, { code: 'GTSF', name: '公摊水费', category: 'shared', method: 'APPORTION', meterKind: 'water', apportionBasis: 'area' });
    await createStandard(app, admin, { feeItemId: item, communityId: estate.communityId, price: '3.45' });
    const preview = await app.must('billing.preview', { month: '2024-05' }, admin);
    const share = Object.fromEntries(preview.lines.map((l) => [l.unitId, l.amountFen]));
    expect(share).toEqual({ [a]: 23000, [b]: 11500 }); // 345.00 split 2:1
    expect(preview.lines[0]!.basis).toBe('1号楼公摊合计 ¥345.00（公共表 G1 100 吨 × ¥3.45），按面积 100.00/150.00 ㎡ 分摊');
  });
});

describe('billing.undo', () => {
  it('cancels the run’s lines with a cancellation record each, never deleting', async () => {
    await propertyEstate();
    const { runId } = await app.must('billing.commit', { month: '2024-05' }, admin);
    const supervisor = await signInAs(app, 'supervisor');
    const undo = await app.must('billing.undo', { runId: runId!, reason: '单价录错' }, supervisor);
    expect(undo).toMatchObject({ cancelledCount: 3, cancelledFen: 3 * 21033, returnedOffsetFen: 0 });
    expect(count(`SELECT COUNT(*) AS n FROM bill_lines WHERE status = 'cancelled'`)).toBe(3);
    expect(count(`SELECT COUNT(*) AS n FROM bill_cancellations WHERE run_id = ? AND reason = '单价录错'`, runId)).toBe(3);
    expect(await app.call('billing.undo', { runId: runId!, reason: '再撤一次' }, supervisor)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    // the period can be billed again afterwards
    expect((await app.must('billing.commit', { month: '2024-05' }, admin)).lineCount).toBe(3);
  });

  it('is refused once a payment allocation touched a line, and changes nothing', async () => {
    const { units } = await propertyEstate();
    const { runId } = await app.must('billing.commit', { month: '2024-05' }, admin);
    const line = db().prepare('SELECT id FROM bill_lines WHERE unit_id = ?').get(units[0]) as { id: number };
    const now = app.context.clock.nowIso();
    const shift = db().prepare(`INSERT INTO shifts (cashier_id, business_date, float_fen, status, opened_at) VALUES (1, '2024-05-15', 0, 'open', ?)`).run(now).lastInsertRowid;
    const payment = db()
      .prepare(
        `INSERT INTO payments (idempotency_key, kind, unit_id, payer_name, shift_id, cashier_id, tendered_fen, allocated_fen, business_date, created_at)
         VALUES ('k1', 'collection', ?, '张三', ?, 1, 10000, 10000, '2024-05-15', ?)`,
      )
      .run(units[0], shift, now).lastInsertRowid;
    db().prepare(`INSERT INTO allocations (line_id, payment_id, amount_fen, status, business_date, created_at) VALUES (?, ?, 10000, 'live', '2024-05-15', ?)`).run(line.id, payment, now);
    const r = await app.call('billing.undo', { runId: runId!, reason: '单价录错' }, admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    if (!r.ok) expect(r.error.message).toContain('1 笔收款');
    expect(count(`SELECT COUNT(*) AS n FROM bill_lines WHERE status = 'posted'`)).toBe(3);
    expect(count('SELECT COUNT(*) AS n FROM bill_cancellations')).toBe(0);
  });

  it('returns the prepaid offsets the run made', async () => {
    const { units } = await propertyEstate();
    const { creditPrepaid, prepaidBalances } = await import('../../../src-main/accounts/prepaidBalances');
    app.context.sqlite.transaction(() => creditPrepaid(app.context, { unitId: units[0]!, feeItemId: null, amountFen: 50000, paymentId: null, kind: 'opening' }))();
    const commit = await app.must('billing.commit', { month: '2024-05' }, admin);
    expect(commit).toMatchObject({ offsetCount: 1, offsetFen: 21033 });
    expect(prepaidBalances(app.context, units[0]!)[0]!.balanceFen).toBe(50000 - 21033);
    const undo = await app.must('billing.undo', { runId: commit.runId!, reason: '重新出账' }, admin);
    expect(undo.returnedOffsetFen).toBe(21033);
    expect(prepaidBalances(app.context, units[0]!)[0]!.balanceFen).toBe(50000);
  });
});
