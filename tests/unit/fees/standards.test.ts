import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupAdmin, testApp, type TestApp } from '../support/testApp';
import { signInAs } from '../support/users';
import { addUnit, createItem, createStandard, PROPERTY_ITEM, seedCommunity } from '../billing/estate';

let app: TestApp;
let admin: string;
let estate: ReturnType<typeof seedCommunity>;

beforeEach(async () => {
  app = testApp();
  admin = await setupAdmin(app);
  estate = seedCommunity(app);
});
afterEach(() => app.close());

describe('fee items and standards', () => {
  it('refuses a 政府指导价 standard outside the float band, and accepts its edges', async () => {
    const item = await createItem(app, admin, { priceType: 'government_guided', basePrice: '2.00', floatBand: '0.1' });
    const std = (price: string) => app.call('fees.createStandard', { feeItemId: item, scope: 'community', communityId: estate.communityId, price, startDate: '2024-01-01', endDate: '2024-01-31' }, admin);
    const high = await std('2.2001');
    expect(high).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    if (!high.ok) expect(high.error.message).toBe('单价 ¥2.2001 超出政府指导价范围（基准价 ¥2.00，上下浮动 10%）');
    expect(await std('1.7999')).toMatchObject({ ok: false });
    expect((await std('2.20')).ok).toBe(true);
    expect(await app.call('fees.createItem', { ...PROPERTY_ITEM, code: 'X', priceType: 'government_guided' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', message: '政府指导价须填写基准价和浮动幅度' },
    });
  });

  it('refuses overlapping standards for the same target; a price change ends one and starts the next', async () => {
    const item = await createItem(app, admin);
    const std = await createStandard(app, admin, { feeItemId: item, communityId: estate.communityId });
    expect(await app.call('fees.createStandard', { feeItemId: item, scope: 'community', communityId: estate.communityId, price: '3', startDate: '2024-06-01' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const change = await app.must('fees.changePrice', { standardId: std, price: '2.5', fromDate: '2024-06-01' }, admin);
    expect(change.ended).toMatchObject({ endDate: '2024-05-31', price: '2.35' });
    expect(change.created).toMatchObject({ startDate: '2024-06-01', endDate: null, price: '2.50', target: '阳光花园（全小区）' });
    const asOfJuly = await app.must('fees.listStandards', { feeItemId: item, asOf: '2024-07-01' }, admin);
    expect(asOfJuly.map((s) => s.price)).toEqual(['2.50']);
  });

  it('checks scope targets and permissions', async () => {
    const item = await createItem(app, admin);
    const other = seedCommunity(app, 'HY', '海韵小区');
    const unit = addUnit(app, other, { code: '1-1-101' });
    expect(await app.call('fees.createStandard', { feeItemId: item, scope: 'unit', communityId: estate.communityId, unitId: unit, price: '2', startDate: '2024-01-01' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.call('fees.createStandard', { feeItemId: item, scope: 'parking_type', communityId: estate.communityId, parkingType: 'leased', price: '2', startDate: '2024-01-01' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION' },
    });
    const cashier = await signInAs(app, 'cashier');
    expect(await app.call('fees.createItem', { ...PROPERTY_ITEM, code: 'Y' }, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await app.must('fees.listItems', {}, cashier)).map((i) => i.code)).toEqual(['WYF']);
    expect(await app.call('fees.createItem', PROPERTY_ITEM, admin)).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
  });

  it('a discount rule is a percentage or free months, never both', async () => {
    const item = await createItem(app, admin);
    expect(await app.call('fees.createDiscountRule', { feeItemId: item, name: '乱填', minMonths: 12, percentOffBp: 500, freeMonths: 1, startDate: '2024-01-01' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
