import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/api';
import { registerCalls } from '../../../src-shared/api/calls/register';
import { registerExamples } from '../../fixtures/contract/register';
import { signInAs } from '../support/users';
import { registerWorld, type RegisterWorld } from './support';

let w: RegisterWorld;
afterEach(() => w?.app.close());

const unitInput = (buildingId: number, extra: Record<string, unknown> = {}) => ({
  buildingId,
  code: '3-2-501',
  buildingArea: '89.5',
  use: 'residential',
  status: 'occupied',
  ...extra,
});

describe('the unit register', () => {
  it('stores areas exactly in 0.0001 ㎡ and answers them as decimal strings', async () => {
    w = await registerWorld();
    const id = await w.unit('3-2-501', { buildingArea: '102.3456', innerArea: '85.1', deliveryDate: '2020-06-30' });
    const row = w.app.context.sqlite.prepare('SELECT building_area_e4, inner_area_e4, sort_key FROM units WHERE id = ?').get(id);
    expect(row).toEqual({ building_area_e4: 1023456, inner_area_e4: 851000, sort_key: '00000003-00000002-00000501' });
    const unit = await w.app.must('register.getUnit', { id }, w.admin);
    expect(unit).toMatchObject({ code: '3-2-501', buildingArea: '102.3456', innerArea: '85.1', communityName: '阳光花园', deliveryDate: '2020-06-30' });
  });

  it.each([
    ['a negative area', { buildingArea: '-89.5' }, '建筑面积须为不小于 0 的数字'],
    ['an area in words', { buildingArea: '八十九' }, '建筑面积须为不小于 0 的数字'],
    ['an area with 5 decimals', { buildingArea: '89.12345' }, '最多 4 位小数'],
    ['a zero area', { buildingArea: '0' }, '建筑面积必须大于 0'],
    ['a bad delivery date', { deliveryDate: '2024-02-30' }, '日期格式应为 YYYY-MM-DD'],
    ['an unknown use', { use: 'factory' }, '用途须为 住宅/商铺/办公/车库 之一'],
    ['a malformed code', { code: '3//501' }, '房号格式应如 3-2-501'],
  ])('refuses %s with a Chinese message and changes nothing', async (_what, extra, message) => {
    w = await registerWorld();
    const before = w.counts();
    const r = await w.app.call('register.createUnit', unitInput(w.buildingId, extra) as never, w.admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!r.ok) expect(r.error.message).toContain(message);
    expect(w.counts()).toEqual(before);
  });

  it('refuses an inner area larger than the building area', async () => {
    w = await registerWorld();
    const before = w.counts();
    const r = await w.app.call('register.createUnit', unitInput(w.buildingId, { innerArea: '90' }) as never, w.admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '套内面积 90㎡ 不能大于建筑面积 89.5㎡' } });
    expect(w.counts()).toEqual(before);
  });

  it('refuses a duplicate unit code in the same community, whatever the case or spacing', async () => {
    w = await registerWorld();
    await w.unit('A-1201');
    const before = w.counts();
    const r = await w.app.call('register.createUnit', unitInput(w.buildingId, { code: 'a - 1201' }) as never, w.admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'DUPLICATE', message: '房号 A-1201 在本项目中已存在' } });
    expect(w.counts()).toEqual(before);
  });

  it('refuses an unknown building', async () => {
    w = await registerWorld();
    const before = w.counts();
    const r = await w.app.call('register.createUnit', unitInput(999) as never, w.admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '楼栋不存在：编号 999' } });
    expect(w.counts()).toEqual(before);
  });

  it('audits an edit of area and status with the values before and after', async () => {
    w = await registerWorld();
    const id = await w.unit('3-2-501', { status: 'vacant' });
    const after = await w.app.must('register.updateUnit', { id, buildingArea: '90.12', status: 'occupied' }, w.admin);
    expect(after).toMatchObject({ buildingArea: '90.12', status: 'occupied', use: 'residential' });
    const audit = w.app.context.sqlite.prepare('SELECT call, entity, summary FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    expect(audit).toEqual({
      call: 'register.updateUnit',
      entity: `unit:${id}`,
      summary: '修改房屋 3-2-501：建筑面积 89.5㎡ → 90.12㎡；状态 空置 → 已入住',
    });
  });

  it('lists units in natural code order, filtered and paged, with the current owner', async () => {
    w = await registerWorld();
    for (const code of ['10-1-101', '3-2-501', '3-10-101', '3-2-1201']) await w.unit(code);
    const owned = await w.unit('3-2-502', { status: 'vacant' });
    await w.app.must('register.addCustomer', { unitId: owned, customer: { name: '张三' }, role: 'owner', startDate: '2020-01-01' }, w.admin);
    const all = await w.app.must('register.listUnits', { communityId: w.communityId }, w.admin);
    expect(all.items.map((u) => u.code)).toEqual(['3-2-501', '3-2-502', '3-2-1201', '3-10-101', '10-1-101']);
    const page2 = await w.app.must('register.listUnits', { codePrefix: '3-', page: 2, pageSize: 2 }, w.admin);
    expect(page2).toMatchObject({ total: 4, items: [{ code: '3-2-1201' }, { code: '3-10-101' }] });
    const vacant = await w.app.must('register.listUnits', { status: 'vacant' }, w.admin);
    expect(vacant.items).toEqual([expect.objectContaining({ code: '3-2-502', ownerName: '张三' })]);
  });

  it('refuses a duplicate community and building code', async () => {
    w = await registerWorld();
    expect(await w.app.call('register.createCommunity', { code: 'YGHY', name: '另一个' }, w.admin)).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE', message: '项目编号 YGHY 已存在' },
    });
    expect(await w.app.call('register.createBuilding', { communityId: w.communityId, code: '3', name: '又一个3号楼' }, w.admin)).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE', message: '阳光花园 已有楼栋编号 3' },
    });
  });

  it('lets a cashier read the register but not write it', async () => {
    w = await registerWorld();
    const cashier = await signInAs(w.app, 'cashier');
    const before = w.counts();
    expect(await w.app.call('register.createUnit', unitInput(w.buildingId) as never, cashier)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '您没有执行此操作的权限' },
    });
    expect(await w.app.call('register.createCommunity', { code: 'X', name: '新项目' }, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(w.counts()).toEqual(before);
    expect((await w.app.must('register.listCommunities', {}, cashier))[0]).toMatchObject({ name: '阳光花园', buildings: [{ code: '3' }] });
  });

  it('asks for a session on every register call and gives each call an example', async () => {
    w = await registerWorld();
    for (const name of Object.keys(registerCalls) as Array<keyof typeof registerCalls>) {
      expect(registerExamples[name], name).toBeDefined();
      const r = await w.app.invoke({ call: name, input: registerExamples[name].input });
      expect(r, name).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
      expect(contract[name].mutates, name).toBe(!/\.(list|get|search)/.test(name));
    }
  });
});
