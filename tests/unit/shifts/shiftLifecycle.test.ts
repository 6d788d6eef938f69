import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { requireOpenShift } from '../../../src-main/shifts/currentShift';
import { shiftView } from '../../../src-main/shifts/shiftTotals';
import { testApp, setupAdmin, type TestApp } from '../support/testApp';
import { signInAs } from '../support/users';
import { insertPayment, userIdOf } from './ledgerRows';

let app: TestApp;
afterEach(() => app?.close());

async function desk() {
  app = testApp();
  await setupAdmin(app);
  const cashier = await signInAs(app, 'cashier');
  const supervisor = await signInAs(app, 'supervisor');
  return { cashier, supervisor };
}

const total = (shift: { totals: Array<{ method: string; systemFen: number }> }, method: string) =>
  shift.totals.find((t) => t.method === method)!.systemFen;

describe('a shift from open to confirmed', () => {
  it('adds up live tenders per method, counts refunds negative, leaves voided payments out, and holds the float in cash', async () => {
    const { cashier, supervisor } = await desk();
    const opened = await app.must('shifts.open', { floatFen: 50_000 }, cashier);
    expect(opened).toMatchObject({ status: 'open', floatFen: 50_000, businessDate: '2024-05-15' });
    expect(total(opened, 'cash')).toBe(50_000);

    insertPayment(app, { shiftId: opened.id, tenders: [['cash', 32_000], ['wechat', 18_000]] });
    insertPayment(app, { shiftId: opened.id, tenders: [['cash', -5_000]], kind: 'refund' });
    insertPayment(app, { shiftId: opened.id, tenders: [['alipay', 9_900]], status: 'voided' });
    const { shift } = await app.must('shifts.current', {}, cashier);
    expect(shift!.totals).toEqual([
      { method: 'cash', tendersFen: 27_000, systemFen: 77_000 },
      { method: 'wechat', tendersFen: 18_000, systemFen: 18_000 },
      { method: 'alipay', tendersFen: 0, systemFen: 0 },
      { method: 'card', tendersFen: 0, systemFen: 0 },
      { method: 'transfer', tendersFen: 0, systemFen: 0 },
    ]);
    expect(shift!.paymentCount).toBe(2);

    const counted = await app.must(
      'shifts.count',
      { counts: [{ method: 'cash', countedFen: 77_000 }, { method: 'wechat', countedFen: 18_000 }] },
      cashier,
    );
    expect(counted).toMatchObject({ status: 'counted', overFen: 0, shortFen: 0 });
    expect((await app.must('shifts.current', {}, cashier)).shift).toBeNull();

    const { shift: confirmed, backup } = await app.must('shifts.confirm', { shiftId: opened.id }, supervisor);
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedBy: userIdOf(app, 'supervisor1') });
    // An in-memory ledger has no backup folder: the confirmation stands and says the copy was not made.
    expect(backup).toMatchObject({ ok: false, file: null });
  });

  it('keeps system totals equal to the sum of the shift’s tenders per method, for any mix of payments', async () => {
    await desk();
    const ctx = app.context;
    const method = fc.constantFrom('cash' as const, 'wechat' as const, 'alipay' as const, 'card' as const, 'transfer' as const);
    const payment = fc.record({
      tenders: fc.array(fc.tuple(method, fc.integer({ min: -50_000, max: 200_000 }).filter((n) => n !== 0)), { minLength: 1, maxLength: 3 }),
      voided: fc.boolean(),
    });
    let cashierNo = 0;
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), fc.array(payment, { maxLength: 8 }), (floatFen, payments) => {
        const cashierId = Number(
          ctx.sqlite
            .prepare("INSERT INTO users (username, display_name, password_hash, role_code, created_at) VALUES (?, 'c', 'x', 'cashier', 't')")
            .run(`prop${++cashierNo}`).lastInsertRowid,
        );
        const shiftId = Number(
          ctx.sqlite
            .prepare("INSERT INTO shifts (cashier_id, business_date, float_fen, status, opened_at) VALUES (?, '2024-05-15', ?, 'open', 't')")
            .run(cashierId, floatFen).lastInsertRowid,
        );
        for (const p of payments) insertPayment(app, { shiftId, tenders: p.tenders, status: p.voided ? 'voided' : 'posted' });
        const view = shiftView(ctx, shiftId);
        for (const t of view.totals) {
          const expected = payments
            .filter((p) => !p.voided)
            .flatMap((p) => p.tenders)
            .filter(([m]) => m === t.method)
            .reduce((s, [, fen]) => s + fen, 0);
          expect(t.tendersFen).toBe(expected);
          expect(t.systemFen).toBe(expected + (t.method === 'cash' ? floatFen : 0));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('allows one open shift per cashier', async () => {
    const { cashier } = await desk();
    await app.must('shifts.open', { floatFen: 0 }, cashier);
    expect(await app.call('shifts.open', { floatFen: 0 }, cashier)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await app.call('shifts.open', { floatFen: -1 }, cashier)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('the count', () => {
  it('records over and short per method and never nets them', async () => {
    const { cashier } = await desk();
    const { id } = await app.must('shifts.open', { floatFen: 20_000 }, cashier);
    insertPayment(app, { shiftId: id, tenders: [['cash', 10_000], ['wechat', 30_000]] });
    const counted = await app.must(
      'shifts.count',
      {
        counts: [
          { method: 'cash', countedFen: 31_000, note: '多收 10 元未找零' },
          { method: 'wechat', countedFen: 29_000, note: '一笔微信到账延迟' },
        ],
      },
      cashier,
    );
    expect(counted.counts).toEqual([
      { method: 'cash', systemFen: 30_000, countedFen: 31_000, overFen: 1_000, shortFen: 0, note: '多收 10 元未找零' },
      { method: 'wechat', systemFen: 30_000, countedFen: 29_000, overFen: 0, shortFen: 1_000, note: '一笔微信到账延迟' },
    ]);
    expect(counted).toMatchObject({ overFen: 1_000, shortFen: 1_000 });
  });

  it('refuses a difference without a note and a method with money that was not counted, changing nothing', async () => {
    const { cashier } = await desk();
    const { id } = await app.must('shifts.open', { floatFen: 0 }, cashier);
    insertPayment(app, { shiftId: id, tenders: [['cash', 10_000], ['card', 5_000]] });
    const noNote = await app.call('shifts.count', { counts: [{ method: 'cash', countedFen: 9_000 }, { method: 'card', countedFen: 5_000 }] }, cashier);
    expect(noNote).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('短款') } });
    const missing = await app.call('shifts.count', { counts: [{ method: 'cash', countedFen: 10_000 }] }, cashier);
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('银行卡') } });
    expect((await app.must('shifts.current', {}, cashier)).shift).toMatchObject({ id, status: 'open', counts: [] });
  });
});

describe('a closed shift', () => {
  it('takes no payment once counted, and nothing at all once confirmed', async () => {
    const { cashier, supervisor } = await desk();
    const { id } = await app.must('shifts.open', { floatFen: 10_000 }, cashier);
    insertPayment(app, { shiftId: id, tenders: [['cash', 5_000]] });
    const paymentId = insertPayment(app, { shiftId: id, tenders: [['wechat', 7_000]] });
    await app.must('shifts.count', { counts: [{ method: 'cash', countedFen: 15_000 }, { method: 'wechat', countedFen: 7_000 }] }, cashier);

    expect(() => requireOpenShift(app.context, userIdOf(app, 'cashier1'))).toThrow(/开班/);
    expect(() => insertPayment(app, { shiftId: id, tenders: [['cash', 100]] })).toThrow(/open shift/);
    expect(await app.call('shifts.count', { counts: [{ method: 'cash', countedFen: 15_000 }] }, cashier)).toMatchObject({
      ok: false,
      error: { code: 'SHIFT_NOT_OPEN' },
    });

    await app.must('shifts.confirm', { shiftId: id }, supervisor);
    expect(await app.call('shifts.confirm', { shiftId: id }, supervisor)).toMatchObject({ ok: false, error: { code: 'SHIFT_CLOSED' } });
    const db = app.context.sqlite;
    expect(() => db.prepare("UPDATE payments SET status = 'voided' WHERE id = ?").run(paymentId)).toThrow(/closed shift/);
    expect(() => db.prepare('UPDATE shifts SET float_fen = 0 WHERE id = ?').run(id)).toThrow(/immutable/);
    expect(() => db.prepare('UPDATE shift_counts SET counted_fen = 0 WHERE shift_id = ?').run(id)).toThrow(/never edited/);
    expect(() => db.prepare('DELETE FROM shift_counts WHERE shift_id = ?').run(id)).toThrow(/never deleted/);
    const detail = await app.must('shifts.detail', { shiftId: id }, cashier);
    expect(detail.shift.totals.find((t) => t.method === 'cash')!.systemFen).toBe(15_000);
    expect(detail.payments.map((p) => p.status)).toEqual(['posted', 'posted']);
  });

  it('is confirmed by a supervisor who is not its cashier, and only after the count', async () => {
    const { cashier, supervisor } = await desk();
    const other = await signInAs(app, 'supervisor', 'supervisor2');
    const own = await app.must('shifts.open', { floatFen: 0 }, supervisor);
    const theirs = await app.must('shifts.open', { floatFen: 0 }, cashier);
    expect(await app.call('shifts.confirm', { shiftId: theirs.id }, supervisor)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    await app.must('shifts.count', { counts: [{ method: 'cash', countedFen: 0 }] }, supervisor);
    await app.must('shifts.count', { counts: [{ method: 'cash', countedFen: 0 }] }, cashier);
    expect(await app.call('shifts.confirm', { shiftId: theirs.id }, cashier)).toMatchObject({ ok: false, error: { code: 'NEEDS_APPROVAL' } });
    expect(await app.call('shifts.confirm', { shiftId: own.id }, supervisor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await app.must('shifts.confirm', { shiftId: own.id }, other)).shift.status).toBe('confirmed');
  });
});

describe('who sees which shifts', () => {
  it('shows a cashier only their own shifts and a supervisor everyone’s', async () => {
    const { cashier, supervisor } = await desk();
    const other = await signInAs(app, 'cashier', 'cashier2');
    const mine = await app.must('shifts.open', { floatFen: 0 }, cashier);
    const theirs = await app.must('shifts.open', { floatFen: 0 }, other);
    expect((await app.must('shifts.list', {}, cashier)).shifts.map((s) => s.id)).toEqual([mine.id]);
    expect((await app.must('shifts.list', { cashierId: userIdOf(app, 'cashier2') }, cashier)).shifts.map((s) => s.id)).toEqual([mine.id]);
    expect((await app.must('shifts.list', {}, supervisor)).shifts.map((s) => s.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(await app.call('shifts.detail', { shiftId: theirs.id }, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await app.must('shifts.detail', { shiftId: theirs.id }, supervisor)).shift.cashierId).toBe(userIdOf(app, 'cashier2'));
  });
});
