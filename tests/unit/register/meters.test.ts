import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { computeUsageE4 } from '../../../src-main/register/meters';
import { signInAs } from '../support/users';
import { registerWorld, type RegisterWorld } from './support';

let w: RegisterWorld;
afterEach(() => w?.app.close());

async function meter(w: RegisterWorld, extra: { multiplier?: number; dialMax?: string; startReading?: string } = {}) {
  const unitId = await w.unit('3-2-501');
  const { id } = await w.app.must(
    'register.createMeter',
    { kind: 'power', code: 'E-501', unitId, dialMax: '10000', startReading: '0', ...extra },
    w.admin,
  );
  return id;
}

describe('meters and readings', () => {
  it('usage is (reading − previous) × multiplier, the first reading measured from the start reading', async () => {
    w = await registerWorld();
    const meterId = await meter(w, { multiplier: 40, startReading: '1200.5' });
    const cashier = await signInAs(w.app, 'cashier');
    const april = await w.app.must('register.recordReading', { meterId, period: '2024-04', reading: '1234.75', readDate: '2024-04-28' }, cashier);
    expect(april).toMatchObject({ previousReading: '1200.5', reading: '1234.75', usage: '1370', rollover: false, unitCode: '3-2-501' });
    const may = await w.app.must('register.recordReading', { meterId, period: '2024-05', reading: '1300', readDate: '2024-05-10' }, cashier);
    expect(may).toMatchObject({ previousReading: '1234.75', usage: '2610' });
    const list = await w.app.must('register.listReadings', { meterId }, w.admin);
    expect(list.items.map((r) => [r.period, r.usage])).toEqual([
      ['2024-05', '2610'],
      ['2024-04', '1370'],
    ]);
  });

  it('refuses a reading below the last one unless the reader confirms the dial rolled over', async () => {
    w = await registerWorld();
    const meterId = await meter(w, { multiplier: 2 });
    await w.app.must('register.recordReading', { meterId, period: '2024-04', reading: '9990', readDate: '2024-04-28' }, w.admin);
    const before = w.counts();
    const refused = await w.app.call('register.recordReading', { meterId, period: '2024-05', reading: '15', readDate: '2024-05-10' }, w.admin);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '本次读数 15 小于上次读数 9990，请核对；如果表已走满一圈从 0 重新计数（翻表），请确认翻表后再提交',
      },
    });
    expect(w.counts()).toEqual(before);
    const rolled = await w.app.must(
      'register.recordReading',
      { meterId, period: '2024-05', reading: '15', readDate: '2024-05-10', rollover: true },
      w.admin,
    );
    expect(rolled).toMatchObject({ previousReading: '9990', reading: '15', rollover: true, usage: '50' });
  });

  it('refuses a rollover that is not one, a reading past the dial, a second reading of a period and an earlier period', async () => {
    w = await registerWorld();
    const meterId = await meter(w);
    await w.app.must('register.recordReading', { meterId, period: '2024-04', reading: '100', readDate: '2024-04-28' }, w.admin);
    const before = w.counts();
    const attempt = (input: Record<string, unknown>) =>
      w.app.call('register.recordReading', { meterId, period: '2024-05', reading: '120', readDate: '2024-05-10', ...input } as never, w.admin);
    expect(await attempt({ rollover: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '本次读数 120 不小于上次读数 100，不是翻表，请取消翻表确认' },
    });
    expect(await attempt({ reading: '10000' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '读数 10000 超出表盘最大读数 10000' } });
    expect(await attempt({ reading: '-5' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await attempt({ period: '2024-04' })).toMatchObject({ ok: false, error: { code: 'DUPLICATE', message: '表 E-501 2024-04 的读数已录入' } });
    expect(await attempt({ period: '2024-03' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await attempt({ period: '2024-13' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('期间格式应为 YYYY-MM') } });
    expect(await attempt({ readDate: '2024-05-16' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '抄表日期 2024-05-16 不能晚于今天' } });
    expect(await attempt({ meterId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(w.counts()).toEqual(before);
  });

  it('registers a building common meter and refuses a meter on both or neither', async () => {
    w = await registerWorld();
    const unitId = await w.unit('3-2-501');
    const base = { kind: 'water', code: 'GW-3', dialMax: '100000' } as const;
    expect(await w.app.call('register.createMeter', { ...base }, w.admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('请选择房屋（户表）或楼栋（公共表）中的一个') },
    });
    expect(await w.app.call('register.createMeter', { ...base, unitId, buildingId: w.buildingId }, w.admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const { id } = await w.app.must('register.createMeter', { ...base, buildingId: w.buildingId }, w.admin);
    await w.app.must('register.recordReading', { meterId: id, period: '2024-05', reading: '321', readDate: '2024-05-10' }, w.admin);
    const sheet = await w.app.must('register.listReadings', { communityId: w.communityId, period: '2024-05' }, w.admin);
    expect(sheet.items).toEqual([expect.objectContaining({ meterCode: 'GW-3', buildingName: '3号楼', unitCode: null, usage: '321' })]);
    expect(await w.app.call('register.createMeter', { ...base, buildingId: w.buildingId }, w.admin)).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE', message: '表号 GW-3 在本项目中已存在' },
    });
  });

  it('never computes a negative usage for any reading the service accepts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.nat(),
        fc.nat(),
        (dialMaxE4, multiplier, a, b) => {
          const previousE4 = a % dialMaxE4;
          const readingE4 = b % dialMaxE4;
          const rollover = readingE4 < previousE4;
          const usage = computeUsageE4({ previousE4, readingE4, dialMaxE4, multiplier, rollover });
          expect(usage).toBeGreaterThanOrEqual(0);
          expect(usage % multiplier).toBe(0);
          expect(usage / multiplier).toBeLessThan(dialMaxE4);
        },
      ),
    );
  });
});
