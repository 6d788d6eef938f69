import { afterEach, describe, expect, it } from 'vitest';
import { currentPayer } from '../../../src-main/register/occupants';
import { registerWorld, type RegisterWorld } from './support';

let w: RegisterWorld;
afterEach(() => w?.app.close());

/** A posted bill line of 210.33 on the unit, owed by the given customer (the billing module's job, faked here). */
function postBill(w: RegisterWorld, unitId: number, customerId: number, amountFen = 21033): number {
  const db = w.app.context.sqlite;
  db.prepare(
    `INSERT OR IGNORE INTO fee_items (id, code, name, category, method, price_type, created_at)
     VALUES (1, 'WYF', '物业费', 'property', 'AREA', 'government_guided', 't')`,
  ).run();
  return Number(
    db
      .prepare(
        `INSERT INTO bill_lines (unit_id, fee_item_id, object_kind, object_id, kind, source, customer_id, period_start, period_end,
           quantity, unit_price, amount_fen, basis, due_date, created_at)
         VALUES (?, 1, 'unit', ?, 'charge', 'run', ?, '2024-03-01', '2024-03-31', '89.5', '2.35', ?, 'b', '2024-03-01', 't')`,
      )
      .run(unitId, unitId, customerId, amountFen).lastInsertRowid,
  );
}

async function unitWithOwner(w: RegisterWorld) {
  const unitId = await w.unit('3-2-501');
  const { customerId } = await w.app.must(
    'register.addCustomer',
    { unitId, customer: { name: '张三', phone: '13812345678' }, role: 'owner', startDate: '2020-07-01' },
    w.admin,
  );
  return { unitId, ownerId: customerId };
}

describe('customers and 过户', () => {
  it('过户 ends the old owner the day before, starts the new one, keeps history and old bills, and warns of arrears', async () => {
    w = await registerWorld();
    const { unitId, ownerId } = await unitWithOwner(w);
    const lineId = postBill(w, unitId, ownerId);
    const r = await w.app.must(
      'register.transferOwnership',
      { unitId, newOwner: { name: '王五', phone: '13600002222' }, date: '2024-05-01' },
      w.admin,
    );
    expect(r).toMatchObject({
      previousOwners: [{ customerId: ownerId, name: '张三' }],
      outstandingFen: 21033,
      openLineCount: 1,
      warning: '3-2-501 尚有欠费 ¥210.33（1 笔），请与新旧业主确认结清或交接，并打印对账单',
    });
    const detail = await w.app.must('register.getUnit', { id: unitId }, w.admin);
    expect(detail.occupants).toEqual([expect.objectContaining({ name: '王五', role: 'owner', startDate: '2024-05-01', endDate: null })]);
    expect(detail.history.map((h) => [h.name, h.startDate, h.endDate])).toEqual([
      ['王五', '2024-05-01', null],
      ['张三', '2020-07-01', '2024-04-30'],
    ]);
    expect(detail.payer).toEqual({ customerId: r.newOwnerId, name: '王五' });
    expect(currentPayer(w.app.context, unitId, '2024-04-30')).toEqual({ customerId: ownerId, name: '张三' });
    const line = w.app.context.sqlite.prepare('SELECT customer_id, amount_fen, status FROM bill_lines WHERE id = ?').get(lineId);
    expect(line).toEqual({ customer_id: ownerId, amount_fen: 21033, status: 'posted' });
  });

  it('过户 of a unit without arrears gives no warning', async () => {
    w = await registerWorld();
    const { unitId } = await unitWithOwner(w);
    const r = await w.app.must('register.transferOwnership', { unitId, newOwner: { name: '王五' }, date: '2024-05-15' }, w.admin);
    expect(r).toMatchObject({ outstandingFen: 0, openLineCount: 0, warning: null });
  });

  it.each([
    ['in the future', '2024-05-16', 'INVALID_INPUT', '过户日期 2024-05-16 不能晚于今天'],
    ['on the day the current owner started', '2020-07-01', 'INVALID_INPUT', '过户日期须晚于现业主 张三 的登记日期 2020-07-01'],
    ['on an impossible date', '2024-13-01', 'INVALID_INPUT', '日期格式应为 YYYY-MM-DD'],
  ])('refuses a 过户 dated %s and changes nothing', async (_what, date, code, message) => {
    w = await registerWorld();
    const { unitId } = await unitWithOwner(w);
    const before = w.counts();
    const r = await w.app.call('register.transferOwnership', { unitId, newOwner: { name: '王五' }, date }, w.admin);
    expect(r).toMatchObject({ ok: false, error: { code } });
    if (!r.ok) expect(r.error.message).toContain(message);
    expect(w.counts()).toEqual(before);
  });

  it('refuses a 过户 to the current owner', async () => {
    w = await registerWorld();
    const { unitId, ownerId } = await unitWithOwner(w);
    expect(await w.app.call('register.transferOwnership', { unitId, newOwner: { customerId: ownerId }, date: '2024-05-01' }, w.admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '张三 已是 3-2-501 的业主，无需过户' },
    });
  });

  it('a tenant who pays is the payer until the tenancy ends, then the owner again', async () => {
    w = await registerWorld();
    const { unitId, ownerId } = await unitWithOwner(w);
    const { customerId: tenantId, linkIds } = await w.app.must(
      'register.addCustomer',
      { unitId, customer: { name: '李四', phone: '13900001111' }, role: 'tenant', pays: true, startDate: '2024-01-01' },
      w.admin,
    );
    expect(linkIds).toHaveLength(2);
    expect(currentPayer(w.app.context, unitId, '2024-05-15')).toEqual({ customerId: tenantId, name: '李四' });
    expect(currentPayer(w.app.context, unitId, '2023-12-31')).toEqual({ customerId: ownerId, name: '张三' });
    const ended = await w.app.must('register.endTenancy', { unitId, customerId: tenantId, endDate: '2024-05-31' }, w.admin);
    expect(ended.endedLinkIds.sort()).toEqual([...linkIds].sort());
    expect(currentPayer(w.app.context, unitId, '2024-05-31')).toEqual({ customerId: tenantId, name: '李四' });
    expect(currentPayer(w.app.context, unitId, '2024-06-01')).toEqual({ customerId: ownerId, name: '张三' });
    expect(await w.app.call('register.endTenancy', { unitId, customerId: tenantId, endDate: '2024-06-30' }, w.admin)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '李四 不是 3-2-501 的在租租户' },
    });
  });

  it('a unit with nobody registered has no payer', async () => {
    w = await registerWorld();
    expect(currentPayer(w.app.context, await w.unit('3-2-502'), '2024-05-15')).toBeNull();
  });

  it('refuses the same customer twice in the same role over overlapping dates, an end before the start, and an unknown unit', async () => {
    w = await registerWorld();
    const { unitId, ownerId } = await unitWithOwner(w);
    const before = w.counts();
    expect(
      await w.app.call('register.addCustomer', { unitId, customer: { customerId: ownerId }, role: 'owner', startDate: '2024-01-01' }, w.admin),
    ).toMatchObject({ ok: false, error: { code: 'DUPLICATE', message: '张三 在该期间已是 3-2-501 的业主' } });
    expect(
      await w.app.call(
        'register.addCustomer',
        { unitId, customer: { name: '李四' }, role: 'tenant', startDate: '2024-05-01', endDate: '2024-04-30' },
        w.admin,
      ),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '结束日期 2024-04-30 不能早于开始日期 2024-05-01' } });
    expect(
      await w.app.call('register.addCustomer', { unitId: 999, customer: { name: '李四' }, role: 'tenant', startDate: '2024-05-01' }, w.admin),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '房屋不存在：编号 999' } });
    expect(await w.app.call('register.addCustomer', { unitId, customer: {}, role: 'tenant', startDate: '2024-05-01' }, w.admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(w.counts()).toEqual(before);
  });

  it('stores the phone without spaces and the pinyin keys with the surname read as a surname', async () => {
    w = await registerWorld();
    const unitId = await w.unit('3-2-501');
    const { customerId } = await w.app.must(
      'register.addCustomer',
      { unitId, customer: { name: '单田芳', phone: '138 1234 5678' }, role: 'owner', startDate: '2020-01-01' },
      w.admin,
    );
    const row = w.app.context.sqlite.prepare('SELECT phone, pinyin_initials, pinyin_full FROM customers WHERE id = ?').get(customerId);
    expect(row).toEqual({ phone: '13812345678', pinyin_initials: 'stf', pinyin_full: 'shantianfang' });
    const renamed = await w.app.must('register.updateCustomer', { id: customerId, name: '曾国藩' }, w.admin);
    expect(renamed).toMatchObject({ name: '曾国藩', pinyinInitials: 'zgf' });
  });

  it('registers parking with plates in upper case and refuses a lease that ends before it starts', async () => {
    w = await registerWorld();
    const { unitId, ownerId } = await unitWithOwner(w);
    const base = { communityId: w.communityId, code: 'B1-023', type: 'leased', unitId, customerId: ownerId, cycleMonths: 3 } as const;
    const before = w.counts();
    expect(
      await w.app.call('register.createParking', { ...base, leaseStart: '2024-06-01', leaseEnd: '2024-05-31' }, w.admin),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '租期结束日期不能早于起租日期' } });
    expect(await w.app.call('register.createParking', { ...base }, w.admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '租赁车位须填写起租日期和缴费周期' },
    });
    expect(await w.app.call('register.createParking', { ...base, plates: ['粤B1'], leaseStart: '2024-01-01' }, w.admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(w.counts()).toEqual(before);
    await w.app.must('register.createParking', { ...base, plates: ['粤b 12345'], leaseStart: '2024-01-01', leaseEnd: '2024-12-31' }, w.admin);
    const detail = await w.app.must('register.getUnit', { id: unitId }, w.admin);
    expect(detail.parking).toEqual([expect.objectContaining({ code: 'B1-023', type: 'leased', plates: ['粤B12345'], cycleMonths: 3 })]);
  });
});
