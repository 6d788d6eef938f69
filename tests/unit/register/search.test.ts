import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchUnits } from '../../../src-main/register/searchIndex';
import { signInAs } from '../support/users';
import { seedLargeRegister } from './seedRegister';
import { registerWorld, type RegisterWorld } from './support';

let w: RegisterWorld;
const ids: Record<string, number> = {};

/** 20,000 seeded units plus a few known ones added through the calls after the index was built. */
beforeAll(async () => {
  w = await registerWorld();
  seedLargeRegister(w.app.context, 20_000);
  expect(searchUnits(w.app.context, '1-1-101').length).toBeGreaterThan(0);
  const add = async (code: string, people: Array<{ name: string; phone?: string; role: 'owner' | 'tenant' }>, plate?: string) => {
    const unitId = await w.unit(code);
    for (const p of people) {
      await w.app.must('register.addCustomer', { unitId, customer: { name: p.name, phone: p.phone ?? '' }, role: p.role, startDate: '2020-01-01' }, w.admin);
    }
    if (plate) await w.app.must('register.createParking', { communityId: w.communityId, code: `P-${code}`, type: 'owned', unitId, plates: [plate] }, w.admin);
    ids[code] = unitId;
  };
  await add('3-2-501', [{ name: '张三', phone: '13812345678', role: 'owner' }, { name: '单田芳', phone: '13511112222', role: 'tenant' }], '粤BD6789F');
  await add('LI-1', [{ name: '解缙', role: 'owner' }]);
  await add('A-1201', [{ name: 'Lily王', role: 'owner' }]);
  await add('商铺-12', [{ name: '仇英', role: 'owner' }], '粤BLI123');
}, 60_000);
afterAll(() => w?.app.close());

const search = (query: string, limit = 20) => searchUnits(w.app.context, query, limit);

describe('the desk search box over 20,000 units', () => {
  it('finds an exact code first, then the codes it prefixes, in natural order', () => {
    const exact = search('3-2-501');
    expect(exact.slice(0, 3).map((h) => [h.unitCode, h.communityName])).toEqual([
      ['3-2-501', '翠湖苑'],
      ['3-2-501', '锦绣园'],
      ['3-2-501', '阳光花园'],
    ]);
    expect(exact[2]).toMatchObject({ unitId: ids['3-2-501'], matchedBy: 'code', ownerName: '张三' });
    expect(exact).toHaveLength(3);
    const prefix = search('3-2-5');
    expect(prefix.every((h) => h.unitCode.startsWith('3-2-5'))).toBe(true);
    expect(prefix.map((h) => h.unitCode).slice(0, 6)).toEqual(['3-2-501', '3-2-501', '3-2-501', '3-2-502', '3-2-502', '3-2-503']);
  });

  it('finds by owner or tenant name, showing the owner and a masked phone', () => {
    expect(search('张三')[0]).toMatchObject({ unitCode: '3-2-501', ownerName: '张三', maskedPhone: '138****5678', matchedBy: 'name', matchedText: '张三' });
    expect(search('田芳')).toEqual([expect.objectContaining({ unitCode: '3-2-501', ownerName: '张三', matchedBy: 'name', matchedText: '单田芳' })]);
  });

  it('finds by the tail of a phone number, 4 digits or more', () => {
    expect(search('345678')).toEqual([expect.objectContaining({ unitId: ids['3-2-501'], matchedBy: 'phone', matchedText: '张三 138****5678' })]);
    const tail4 = search('5678');
    expect(tail4.every((h) => h.matchedBy === 'phone')).toBe(true);
    expect(tail4.map((h) => h.unitId)).toContain(ids['3-2-501']);
    expect(search('2222')).toEqual(expect.arrayContaining([expect.objectContaining({ unitId: ids['3-2-501'], matchedText: '单田芳 135****2222' })]));
    expect(search('678').some((h) => h.matchedBy === 'phone')).toBe(false);
  });

  it('finds by any part of a plate, whatever the case', () => {
    expect(search('d6789')).toEqual([expect.objectContaining({ unitId: ids['3-2-501'], matchedBy: 'plate', matchedText: '粤BD6789F' })]);
  });

  it('finds by pinyin initials and full pinyin, surnames read as surnames', () => {
    expect(search('zs')).toEqual([expect.objectContaining({ unitId: ids['3-2-501'], matchedBy: 'initials', matchedText: '张三' })]);
    expect(search('zhangs')[0]).toMatchObject({ unitId: ids['3-2-501'], matchedText: '张三' });
    expect(search('stf')).toEqual([expect.objectContaining({ unitId: ids['3-2-501'], matchedText: '单田芳' })]);
    expect(search('shantianfang')).toHaveLength(1);
    expect(search('dtf')).toEqual([]);
    expect(search('xj')).toEqual([expect.objectContaining({ unitId: ids['LI-1'], matchedText: '解缙' })]);
    expect(search('qy')).toEqual([expect.objectContaining({ unitId: ids['商铺-12'], matchedText: '仇英' })]);
  });

  it('ranks code > name > plate > initials and stops at the limit', () => {
    const hits = search('li');
    expect(hits).toHaveLength(20);
    expect(hits.slice(0, 4).map((h) => [h.unitId, h.matchedBy])).toEqual([
      [ids['LI-1'], 'code'],
      [ids['A-1201'], 'name'],
      [ids['商铺-12'], 'plate'],
      [expect.any(Number), 'initials'],
    ]);
    expect(search('li', 5)).toHaveLength(5);
    expect(search('   ')).toEqual([]);
  });

  it('follows 过户, renames and plate changes made after the index was built', async () => {
    await w.app.must('register.transferOwnership', { unitId: ids['LI-1']!, newOwner: { name: '欧阳修', phone: '13300009999' }, date: '2024-05-01' }, w.admin);
    expect(search('解缙')).toEqual([]);
    expect(search('oyx')).toEqual([expect.objectContaining({ unitId: ids['LI-1'], ownerName: '欧阳修', maskedPhone: '133****9999' })]);
    const [space] = (await w.app.must('register.getUnit', { id: ids['商铺-12']! }, w.admin)).parking;
    await w.app.must('register.updateParking', { id: space!.id, type: 'owned', unitId: ids['商铺-12']!, plates: ['京A99999'] }, w.admin);
    expect(search('A99999')).toEqual([expect.objectContaining({ unitId: ids['商铺-12'], matchedBy: 'plate' })]);
    expect(search('BLI123')).toEqual([]);
  });

  it('answers through the call with the account.read permission', async () => {
    const cashier = await signInAs(w.app, 'cashier');
    const hits = await w.app.must('register.search', { query: 'zs' }, cashier);
    expect(hits).toEqual([expect.objectContaining({ unitCode: '3-2-501', ownerName: '张三', maskedPhone: '138****5678' })]);
  });
});
