import { afterEach, describe, expect, it } from 'vitest';
import { arrearsEstate, type ArrearsEstate } from './estate';

let e: ArrearsEstate | undefined;
afterEach(() => {
  e?.app.close();
  e = undefined;
});

const auditCount = (x: ArrearsEstate) => x.app.context.sqlite.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
const rowCount = (x: ArrearsEstate) => x.app.context.sqlite.prepare('SELECT COUNT(*) FROM arrears_followups').pluck().get() as number;

describe('催缴跟进 (arrears follow-ups)', () => {
  it('records a contact with the overdue amount of the day and shows it newest first', async () => {
    e = await arrearsEstate();
    const first = await e.app.must(
      'arrears.addFollowUp',
      { idempotencyKey: 'fu-000001', unitId: e.units.a, method: 'phone', outcome: 'no_contact', contactDate: '2024-05-14', note: '无人接听' },
      e.cashier,
    );
    expect(first).toMatchObject({ outcome: 'no_contact', promisedDate: null, contactDate: '2024-05-14', outstandingFen: 100_000, replayed: false });
    expect(first.createdByName).toBe('cashier-cashier1');
    await e.app.must(
      'arrears.addFollowUp',
      { idempotencyKey: 'fu-000002', unitId: e.units.a, method: 'visit', outcome: 'promised', promisedDate: '2024-05-31', note: '月底前缴清' },
      e.supervisor,
    );
    const history = await e.app.must('arrears.followUps', { unitId: e.units.a }, e.finance);
    expect(history.unitCode).toBe('3-2-501');
    expect(history.followUps.map((f) => [f.method, f.outcome, f.promisedDate, f.contactDate])).toEqual([
      ['visit', 'promised', '2024-05-31', '2024-05-15'],
      ['phone', 'no_contact', null, '2024-05-14'],
    ]);
  });

  it('posts once for a double click: the same key answers the first record and writes no second audit entry', async () => {
    e = await arrearsEstate();
    const input = { idempotencyKey: 'fu-dup-0001', unitId: e.units.b, method: 'sms' as const, outcome: 'refused' as const };
    const audits = auditCount(e);
    const a = await e.app.must('arrears.addFollowUp', input, e.cashier);
    const b = await e.app.must('arrears.addFollowUp', input, e.cashier);
    expect(b).toMatchObject({ id: a.id, replayed: true });
    expect(rowCount(e)).toBe(1);
    expect(auditCount(e)).toBe(audits + 1);
    expect(await e.app.call('arrears.addFollowUp', { ...input, unitId: e.units.c }, e.cashier)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses a promise without a date, dates in the wrong order and unknown units, in Chinese', async () => {
    e = await arrearsEstate();
    const base = { unitId: e.units.a, method: 'phone' as const, outcome: 'promised' as const };
    const noDate = await e.app.call('arrears.addFollowUp', { ...base, idempotencyKey: 'fu-bad-0001' }, e.cashier);
    expect(noDate).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!noDate.ok && noDate.error.message).toContain('承诺日期');
    expect(await e.app.call('arrears.addFollowUp', { ...base, idempotencyKey: 'fu-bad-0002', promisedDate: '2024-05-10' }, e.cashier)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '承诺缴费日期不能早于跟进日期' },
    });
    expect(await e.app.call('arrears.addFollowUp', { ...base, idempotencyKey: 'fu-bad-0003', promisedDate: '2024-06-10', contactDate: '2024-05-16' }, e.cashier)).toMatchObject({
      ok: false,
      error: { message: '跟进日期不能晚于今天' },
    });
    expect(await e.app.call('arrears.addFollowUp', { ...base, idempotencyKey: 'fu-bad-0004', promisedDate: '2024-06-10', unitId: 999 }, e.cashier)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(rowCount(e)).toBe(0);
  });

  it('lets finance read the history but not write it; a promised date is dropped for other outcomes', async () => {
    e = await arrearsEstate();
    expect(
      await e.app.call('arrears.addFollowUp', { idempotencyKey: 'fu-fin-0001', unitId: e.units.a, method: 'letter', outcome: 'other' }, e.finance),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const r = await e.app.must(
      'arrears.addFollowUp',
      { idempotencyKey: 'fu-oth-0001', unitId: e.units.a, method: 'letter', outcome: 'disputed', promisedDate: '2024-06-01' },
      e.cashier,
    );
    expect(r.promisedDate).toBeNull();
  });

  it('gives the newest follow-up of each listed unit for a page of the list', async () => {
    e = await arrearsEstate();
    const add = (key: string, unitId: number, outcome: 'refused' | 'hardship') =>
      e!.app.must('arrears.addFollowUp', { idempotencyKey: key, unitId, method: 'phone', outcome }, e!.cashier);
    await add('fu-lat-0001', e.units.a, 'refused');
    await add('fu-lat-0002', e.units.a, 'hardship');
    await add('fu-lat-0003', e.units.c, 'refused');
    const latest = await e.app.must('arrears.latestFollowUps', { unitIds: [e.units.a, e.units.b, e.units.c] }, e.cashier);
    expect(latest.followUps.map((f) => [f.unitId, f.outcome])).toEqual([
      [e.units.a, 'hardship'],
      [e.units.c, 'refused'],
    ]);
    expect((await e.app.must('arrears.latestFollowUps', { unitIds: [] }, e.cashier)).followUps).toEqual([]);
  });
});
