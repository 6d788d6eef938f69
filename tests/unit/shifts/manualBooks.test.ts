import { afterEach, describe, expect, it } from 'vitest';
import { setupAdmin, testApp, type TestApp } from '../support/testApp';
import { signInAs } from '../support/users';
import { ensureUnit, userIdOf } from './ledgerRows';

let app: TestApp;
afterEach(() => app?.close());

async function deskWithBook() {
  app = testApp();
  await setupAdmin(app);
  const cashier = await signInAs(app, 'cashier');
  const other = await signInAs(app, 'cashier', 'cashier2');
  const supervisor = await signInAs(app, 'supervisor');
  const book = await app.must(
    'shifts.registerManualBook',
    { code: 'sg2024-01', prefix: 'sg', rangeStart: 1, rangeEnd: 50, cashierId: userIdOf(app, 'cashier1') },
    supervisor,
  );
  return { cashier, other, supervisor, book };
}

const paperReceipt = (number: number, key = `paper-receipt-${number}`) => ({
  bookCode: 'SG2024-01',
  number,
  originalDate: '2024-05-14',
  originalTime: '16:30',
  idempotencyKey: key,
  unitId: ensureUnit(app),
  payerName: '张三',
  tenders: [{ method: 'cash' as const, amountFen: 30_000 }],
  overpayTo: 'prepaid' as const,
});

describe('manual receipt books', () => {
  it('registers a book as its own numbering series held by one cashier', async () => {
    const { book, supervisor } = await deskWithBook();
    expect(book).toMatchObject({ code: 'SG2024-01', prefix: 'SG', firstNo: 'SG00000001', lastNo: 'SG00000050', status: 'active', unusedCount: 50 });
    const overlapping = await app.call(
      'shifts.registerManualBook',
      { code: 'SG2024-02', prefix: 'SG', rangeStart: 50, rangeEnd: 99, cashierId: userIdOf(app, 'cashier2') },
      supervisor,
    );
    expect(overlapping).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
    const same = await app.call(
      'shifts.registerManualBook',
      { code: 'SG2024-01', prefix: 'XG', rangeStart: 1, rangeEnd: 50, cashierId: userIdOf(app, 'cashier2') },
      supervisor,
    );
    expect(same).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
  });

  it('checks a number as it is typed: in range, the right cashier’s book, used once', async () => {
    const { cashier, other } = await deskWithBook();
    const check = async (number: number, session = cashier, code = 'SG2024-01') =>
      (await app.must('shifts.checkManualNumber', { code, number }, session)).verdict;
    expect(await check(7)).toBe('ok');
    expect(await check(51)).toBe('out_of_range');
    expect(await check(7, other)).toBe('not_your_book');
    expect(await check(7, cashier, 'NOPE-1')).toBe('unknown_book');
    await app.must('shifts.open', { floatFen: 0 }, cashier);
    await app.must('shifts.enterManualReceipt', paperReceipt(7), cashier);
    expect(await check(7)).toBe('used');
    const again = await app.call('shifts.enterManualReceipt', paperReceipt(7, 'paper-7-again'), cashier);
    expect(again).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
    const outside = await app.call('shifts.enterManualReceipt', paperReceipt(60), cashier);
    expect(outside).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
  });

  it('lands a 补录 in the current shift, under the paper receipt’s date, flagged for review', async () => {
    const { cashier, supervisor } = await deskWithBook();
    const shift = await app.must('shifts.open', { floatFen: 0 }, cashier);
    const result = await app.must('shifts.enterManualReceipt', paperReceipt(7), cashier);
    expect(result).toMatchObject({ receiptNo: 'SG00000007', businessDate: '2024-05-14', tenderedFen: 30_000 });
    const row = app.context.sqlite.prepare('SELECT shift_id, manual_entry, original_at FROM payments WHERE id = ?').get(result.paymentId);
    expect(row).toEqual({ shift_id: shift.id, manual_entry: 1, original_at: '2024-05-14T08:30:00.000Z' });
    const { shift: now } = await app.must('shifts.current', {}, cashier);
    expect(now!.totals.find((t) => t.method === 'cash')!.systemFen).toBe(30_000);

    const review = await app.must('shifts.reviewList', {}, supervisor);
    expect(review.payments).toEqual([
      expect.objectContaining({ paymentId: result.paymentId, receiptNo: 'SG00000007', manualEntry: true, originalAt: '2024-05-14T08:30:00.000Z' }),
    ]);
    await app.must('shifts.markReviewed', { paymentIds: [result.paymentId] }, supervisor);
    expect((await app.must('shifts.reviewList', {}, supervisor)).payments).toEqual([]);
    expect(await app.call('shifts.markReviewed', { paymentIds: [result.paymentId] }, supervisor)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });

  it('refuses a 补录 with no open shift or dated in the future, and the number stays free', async () => {
    const { cashier } = await deskWithBook();
    expect(await app.call('shifts.enterManualReceipt', paperReceipt(3), cashier)).toMatchObject({ ok: false, error: { code: 'SHIFT_NOT_OPEN' } });
    await app.must('shifts.open', { floatFen: 0 }, cashier);
    const future = { ...paperReceipt(3), originalDate: '2024-05-15', originalTime: '10:01' };
    expect(await app.call('shifts.enterManualReceipt', future, cashier)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await app.must('shifts.checkManualNumber', { code: 'SG2024-01', number: 3 }, cashier)).verdict).toBe('ok');
  });

  it('voids every unused number when the book comes back, and refuses the returned book', async () => {
    const { cashier, supervisor } = await deskWithBook();
    await app.must('shifts.open', { floatFen: 0 }, cashier);
    await app.must('shifts.enterManualReceipt', paperReceipt(2), cashier);
    const returned = await app.must('shifts.returnManualBook', { code: 'SG2024-01', reason: '换新本' }, supervisor);
    expect(returned.book).toMatchObject({ status: 'returned', usedCount: 1, voidedCount: 49, unusedCount: 0 });
    expect(returned.voided).toHaveLength(49);
    expect(returned.voided).not.toContain('SG00000002');
    const rows = app.context.sqlite
      .prepare(
        `SELECT r.status, r.payment_id, r.void_reason FROM receipts r JOIN receipt_series s ON s.id = r.series_id
         WHERE s.code = 'SG2024-01' AND r.number = 3`,
      )
      .get();
    expect(rows).toEqual({ status: 'voided', payment_id: null, void_reason: '收回未用：换新本' });
    expect((await app.must('shifts.checkManualNumber', { code: 'SG2024-01', number: 3 }, cashier)).verdict).toBe('returned');
    expect(await app.call('shifts.enterManualReceipt', paperReceipt(3), cashier)).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(await app.call('shifts.returnManualBook', { code: 'SG2024-01' }, supervisor)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('lists a cashier’s own books only, and lets only a supervisor register and return them', async () => {
    const { cashier, other } = await deskWithBook();
    expect((await app.must('shifts.listManualBooks', {}, cashier)).books.map((b) => b.code)).toEqual(['SG2024-01']);
    expect((await app.must('shifts.listManualBooks', {}, other)).books).toEqual([]);
    expect(await app.call('shifts.returnManualBook', { code: 'SG2024-01' }, cashier)).toMatchObject({ ok: false, error: { code: 'NEEDS_APPROVAL' } });
  });
});
