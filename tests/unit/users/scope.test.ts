import { describe, expect, it } from 'vitest';
import { billLine, collectInput, desk, feeItem, openShift, type Desk } from '../collection/support';
import { TEST_PASSWORD } from '../support/users';

const OUT = { ok: false, error: { code: 'FORBIDDEN', message: '不在您的管辖小区范围内' } };

/** Community A (the desk's 阳光花园) and B (翠湖苑), each with a unit, an unpaid bill and a paid receipt. */
async function twoCommunities() {
  const d = await desk();
  const db = d.app.context.sqlite;
  const now = d.app.clock.now().toISOString();
  const a = db.prepare('SELECT community_id FROM units WHERE id = ?').pluck().get(d.unitId) as number;
  const b = Number(db.prepare("INSERT INTO communities (code, name, created_at) VALUES ('CH', '翠湖苑', ?)").run(now).lastInsertRowid);
  const buildingB = Number(db.prepare("INSERT INTO buildings (community_id, code, name) VALUES (?, '1', '1号楼')").run(b).lastInsertRowid);
  const unitB = Number(
    db
      .prepare(`INSERT INTO units (community_id, building_id, code, sort_key, use, status, created_at) VALUES (?, ?, '1-1-501', '0001-0001-0501', 'residential', 'occupied', ?)`)
      .run(b, buildingB, now).lastInsertRowid,
  );
  const item = feeItem(d, { code: 'WYF', name: '物业费' });
  const unpaidA = billLine(d, { feeItemId: item, amountFen: 12_000, due: '2024-03-01' });
  const unpaidB = billLine(d, { feeItemId: item, amountFen: 34_000, due: '2024-03-01', unitId: unitB });
  const paidA = billLine(d, { feeItemId: item, amountFen: 5_000, due: '2024-05-20', periodStart: '2024-05-01' });
  const paidB = billLine(d, { feeItemId: item, amountFen: 6_000, due: '2024-05-20', periodStart: '2024-05-01', unitId: unitB });
  openShift(d);
  const payA = await d.app.must('collection.collect', collectInput(d, { lineIds: [paidA], tenders: [{ method: 'cash', amountFen: 5_000 }] }), d.cashier);
  const payB = await d.app.must(
    'collection.collect',
    collectInput(d, { unitId: unitB, lineIds: [paidB], tenders: [{ method: 'cash', amountFen: 6_000 }] }),
    d.cashier,
  );
  return { d, a, b, unitB, item, unpaidA, unpaidB, payA, payB };
}

async function scopedCashier(d: Desk, communityId: number): Promise<string> {
  const admin = (await d.app.must('auth.login', { username: 'admin', password: 'Desk2024ok' })).sessionId;
  await d.app.must('users.create', { username: 'scoped', displayName: '甲区收银', role: 'cashier', communityIds: [communityId], password: 'Jiaqu2024a' }, admin);
  const s = (await d.app.must('auth.login', { username: 'scoped', password: 'Jiaqu2024a' })).sessionId;
  await d.app.must('auth.changePassword', { oldPassword: 'Jiaqu2024a', newPassword: 'Jiaqu2024b' }, s);
  return s;
}

describe('data scope: a user limited to community A', () => {
  it('cannot read or change community B’s units, bills, payments or receipts', async () => {
    const { d, a, b, unitB, item, unpaidB, payB, payA } = await twoCommunities();
    const s = await scopedCashier(d, a);
    expect((await d.app.must('auth.me', {}, s)).user.communityIds).toEqual([a]);
    await d.app.must('shifts.open', { floatFen: 0 }, s);

    expect(await d.app.call('register.getUnit', { id: unitB }, s)).toMatchObject(OUT);
    expect(await d.app.call('register.getUnit', { id: d.unitId }, s)).toMatchObject({ ok: true });
    expect(await d.app.call('collection.account', { unitId: unitB }, s)).toMatchObject(OUT);
    expect(await d.app.call('accounts.balances', { unitId: unitB }, s)).toMatchObject(OUT);
    expect(await d.app.call('collection.receipt', { receiptId: payB.receiptId }, s)).toMatchObject(OUT);
    expect(await d.app.call('collection.receipt', { receiptId: payA.receiptId }, s)).toMatchObject({ ok: true });
    expect(await d.app.call('collection.reprint', { receiptId: payB.receiptId }, s)).toMatchObject(OUT);
    // B's bill smuggled in with A's unit is refused as a whole.
    expect(await d.app.call('collection.collect', collectInput(d, { lineIds: [unpaidB] }), s)).toMatchObject(OUT);
    expect(await d.app.call('collection.collect', collectInput(d, { unitId: unitB, lineIds: [unpaidB] }), s)).toMatchObject(OUT);
    expect(await d.app.call('collection.waive', { lineId: unpaidB, amountFen: 100, reason: '困难户' }, s)).toMatchObject(OUT);
    expect(await d.app.call('accounts.requestAdjustment', { lineId: unpaidB, amountFen: -100, reason: '面积更正' }, s)).toMatchObject(OUT);
    expect(await d.app.call('collection.addOneOffCharge', { unitId: unitB, feeItemId: item, amountFen: 100, note: '门禁卡' }, s)).toMatchObject(OUT);
    const approval = { username: 'supervisor1', password: TEST_PASSWORD };
    expect(await d.app.invoke({ call: 'collection.void', input: { paymentId: payB.paymentId, reason: '收错' }, sessionId: s, approval })).toMatchObject(OUT);
    expect(await d.app.call('register.createBuilding', { communityId: b, code: '9', name: '9号楼' }, s)).toMatchObject({ ok: false });
    expect(await d.app.call('billing.preview', { month: '2024-05' }, s)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const outstandingB = d.app.context.sqlite.prepare('SELECT outstanding_fen FROM bill_lines WHERE id = ?').pluck().get(unpaidB);
    expect(outstandingB).toBe(34_000);
    expect(await d.app.call('collection.collect', collectInput(d, { lineIds: [] , tenders: [{ method: 'cash', amountFen: 100 }], overpayTo: 'prepaid' }), s)).toMatchObject({ ok: true });
  });

  it('sees only community A in lists, search, arrears and receipts', async () => {
    const { d, a, b, unitB } = await twoCommunities();
    const s = await scopedCashier(d, a);

    const communities = await d.app.must('register.listCommunities', {}, s);
    expect(communities.map((c) => c.id)).toEqual([a]);
    const units = await d.app.must('register.listUnits', {}, s);
    expect(units.items.map((u) => u.id)).toEqual([d.unitId]);
    expect(await d.app.call('register.listUnits', { communityId: b }, s)).toMatchObject(OUT);

    expect((await d.app.must('register.search', { query: '3-2-501' }, s)).map((h) => h.unitId)).toEqual([d.unitId]);
    expect(await d.app.must('register.search', { query: '1-1-501' }, s)).toEqual([]);
    expect((await d.app.must('register.search', { query: '1-1-501' }, d.cashier)).map((h) => h.unitId)).toEqual([unitB]);

    const arrears = await d.app.must('arrears.list', {}, s);
    expect(arrears.rows.map((r) => r.unitId)).toEqual([d.unitId]);
    expect(arrears.total.outstandingFen).toBe(12_000);
    const summary = await d.app.must('arrears.summary', {}, s);
    expect(summary.communities.map((c) => c.communityId)).toEqual([a]);
    expect(summary.total.outstandingFen).toBe(12_000);
    expect((await d.app.must('arrears.summary', {}, d.cashier)).total.outstandingFen).toBe(46_000);

    const receipts = await d.app.must('collection.listReceipts', {}, s);
    expect(receipts.rows.map((r) => r.unitId)).toEqual([d.unitId]);
    expect((await d.app.must('collection.listReceipts', {}, d.cashier)).total).toBe(2);
  });
});
