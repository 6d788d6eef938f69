import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditPrepaid, postEntry, prepaidBalances } from '../../../src-main/accounts/prepaidBalances';
import { applyPrepaidOffsets, offsetLines, returnOffsetsForLines } from '../../../src-main/accounts/prepaidOffsets';
import { checkLedgerInvariants } from '../../../src-main/ledger/invariants';
import { accountsLedger, outstanding, seedLine, seedRun, seedUnit, type AccountsLedger } from './support';

let L: AccountsLedger;
beforeEach(async () => {
  L = await accountsLedger();
});
afterEach(() => L.app.close());

const balances = (unitId = L.unitId) =>
  Object.fromEntries(prepaidBalances(L.ctx, unitId).map((b) => [b.feeItemId === null ? 'general' : `item${b.feeItemId}`, b.balanceFen]));
const credit = (amountFen: number, feeItemId: number | null = null, unitId = L.unitId) =>
  creditPrepaid(L.ctx, { unitId, feeItemId, amountFen, paymentId: null, kind: 'opening' });
const inTx = <T>(fn: () => T): T => L.ctx.sqlite.transaction(fn)();

describe('offsets after a billing run (RULES §6)', () => {
  it('takes the earmarked balance of the line’s fee item first, then the general balance, on one OFFSET voucher', () => {
    credit(50000);
    credit(30000, L.wyf);
    const runId = seedRun(L.ctx);
    const wyfLine = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 40000, periodStart: '2024-05-01', runId });
    const parkLine = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.parking, amountFen: 10000, periodStart: '2024-05-01', runId });

    const r = inTx(() => applyPrepaidOffsets(L.ctx, { unitIds: [L.unitId], runId, userId: null }));

    expect(r).toEqual({ offsetCount: 1, totalFen: 50000 });
    expect(outstanding(L.ctx, wyfLine)).toBe(0);
    expect(outstanding(L.ctx, parkLine)).toBe(0);
    expect(balances()).toEqual({ general: 30000, [`item${L.wyf}`]: 0 });
    const draws = L.ctx.sqlite
      .prepare(
        `SELECT al.line_id AS lineId, pa.fee_item_id AS feeItemId, al.amount_fen AS fen
         FROM allocations al JOIN prepaid_accounts pa ON pa.id = al.prepaid_account_id ORDER BY al.id`,
      )
      .all();
    expect(draws).toEqual([
      { lineId: wyfLine, feeItemId: L.wyf, fen: 30000 },
      { lineId: wyfLine, feeItemId: null, fen: 10000 },
      { lineId: parkLine, feeItemId: null, fen: 10000 },
    ]);
    const offset = L.ctx.sqlite.prepare('SELECT voucher_no, run_id, amount_fen, status FROM prepaid_offsets').all();
    expect(offset).toEqual([{ voucher_no: 'DK00000001', run_id: runId, amount_fen: 50000, status: 'live' }]);
    // No receipt, no tender, no shift: nothing lands in a cashier's drawer.
    expect(L.ctx.sqlite.prepare('SELECT COUNT(*) FROM payments').pluck().get()).toBe(0);
    expect(checkLedgerInvariants(L.ctx)).toEqual([]);
  });

  it('offsets whole lines only, oldest first, and leaves the rest fully open', () => {
    credit(25000);
    const runId = seedRun(L.ctx);
    const lines = ['2024-03-01', '2024-04-01', '2024-05-01'].map((d) =>
      seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 10000, periodStart: d, runId }),
    );

    const r = inTx(() => applyPrepaidOffsets(L.ctx, { unitIds: [L.unitId], runId, userId: null }));

    expect(r.totalFen).toBe(20000);
    expect(lines.map((id) => outstanding(L.ctx, id))).toEqual([0, 0, 10000]);
    expect(balances()).toEqual({ general: 5000 });
  });

  it('never lets a newer line jump ahead of an older one the balance could not cover', () => {
    credit(16000);
    const runId = seedRun(L.ctx);
    const older = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 10000, periodStart: '2024-03-01', runId });
    const big = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 20000, periodStart: '2024-04-01', runId });
    const small = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 5000, periodStart: '2024-05-01', runId });

    inTx(() => applyPrepaidOffsets(L.ctx, { unitIds: [L.unitId], runId, userId: null }));

    expect([older, big, small].map((id) => outstanding(L.ctx, id))).toEqual([0, 20000, 5000]);
    expect(balances()).toEqual({ general: 6000 });
  });

  it('offsets only the run’s lines, skips lines already partly paid, and numbers one voucher per unit', () => {
    const other = seedUnit(L.ctx, '3-2-502');
    credit(100000);
    credit(100000, null, other);
    const oldLine = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 10000, periodStart: '2024-04-01' });
    const runId = seedRun(L.ctx);
    const a = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 10000, periodStart: '2024-05-01', runId });
    const b = seedLine(L.ctx, { unitId: other, feeItemId: L.wyf, amountFen: 7000, periodStart: '2024-05-01', runId });
    const waived = seedLine(L.ctx, { unitId: other, feeItemId: L.parking, amountFen: 3000, periodStart: '2024-05-01', runId });
    L.ctx.sqlite
      .prepare(`INSERT INTO waivers (line_id, amount_fen, reason, status, requested_by, created_at, business_date) VALUES (?, 1000, '困难', 'live', ?, 't', '2024-05-15')`)
      .run(waived, L.users.supervisor1);

    const r = inTx(() => applyPrepaidOffsets(L.ctx, { unitIds: [L.unitId, other, L.unitId], runId, userId: L.users.supervisor1 }));

    expect(r).toEqual({ offsetCount: 2, totalFen: 17000 });
    expect([oldLine, a, b, waived].map((id) => outstanding(L.ctx, id))).toEqual([10000, 0, 0, 2000]);
    expect(L.ctx.sqlite.prepare('SELECT voucher_no FROM prepaid_offsets ORDER BY id').pluck().all()).toEqual(['DK00000001', 'DK00000002']);
  });

  it('does nothing for a unit without prepaid money', () => {
    const runId = seedRun(L.ctx);
    const line = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 10000, periodStart: '2024-05-01', runId });
    expect(inTx(() => applyPrepaidOffsets(L.ctx, { unitIds: [L.unitId], runId, userId: null }))).toEqual({ offsetCount: 0, totalFen: 0 });
    expect(outstanding(L.ctx, line)).toBe(10000);
    expect(L.ctx.sqlite.prepare(`SELECT next_no FROM receipt_series WHERE code = 'OFFSET'`).pluck().get()).toBe(1);
  });
});

describe('returning offsets when a run is undone', () => {
  it('restores every balance exactly and marks the voucher returned', () => {
    credit(50000);
    credit(30000, L.wyf);
    const before = balances();
    const runId = seedRun(L.ctx);
    const lines = [
      seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 40000, periodStart: '2024-05-01', runId }),
      seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.parking, amountFen: 10000, periodStart: '2024-05-01', runId }),
    ];
    inTx(() => applyPrepaidOffsets(L.ctx, { unitIds: [L.unitId], runId, userId: null }));

    expect(inTx(() => returnOffsetsForLines(L.ctx, lines))).toBe(50000);

    expect(balances()).toEqual(before);
    expect(lines.map((id) => outstanding(L.ctx, id))).toEqual([40000, 10000]);
    expect(L.ctx.sqlite.prepare('SELECT status FROM prepaid_offsets').pluck().all()).toEqual(['returned']);
    expect(L.ctx.sqlite.prepare('SELECT DISTINCT status FROM allocations').pluck().all()).toEqual(['returned']);
    expect(inTx(() => returnOffsetsForLines(L.ctx, lines))).toBe(0);
    expect(checkLedgerInvariants(L.ctx)).toEqual([]);
  });

  it('keeps a voucher live while some of its lines are still offset', () => {
    credit(30000);
    const runId = seedRun(L.ctx);
    const a = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 10000, periodStart: '2024-04-01', runId });
    const b = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 10000, periodStart: '2024-05-01', runId });
    inTx(() => applyPrepaidOffsets(L.ctx, { unitIds: [L.unitId], runId, userId: null }));

    expect(inTx(() => returnOffsetsForLines(L.ctx, [b]))).toBe(10000);

    expect(balances()).toEqual({ general: 20000 });
    expect([a, b].map((id) => outstanding(L.ctx, id))).toEqual([0, 10000]);
    expect(L.ctx.sqlite.prepare('SELECT status FROM prepaid_offsets').pluck().all()).toEqual(['live']);
  });
});

describe('offsets at the desk', () => {
  it('pays the chosen lines in the given order, whole, the last one in part', () => {
    credit(20000);
    credit(5000, L.parking);
    const a = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 10000, periodStart: '2024-05-01' });
    const p = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.parking, amountFen: 8000, periodStart: '2024-05-01' });
    const c = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 20000, periodStart: '2024-03-01' });
    const d = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 1000, periodStart: '2024-06-01' });

    const r = inTx(() => offsetLines(L.ctx, { unitId: L.unitId, lineIds: [a, p, c, d], userId: L.users.cashier1 }));

    expect(r.totalFen).toBe(25000);
    expect(r.offsetId).not.toBeNull();
    expect([a, p, c, d].map((id) => outstanding(L.ctx, id))).toEqual([0, 0, 13000, 1000]);
    expect(balances()).toEqual({ general: 0, [`item${L.parking}`]: 0 });
  });

  it('answers nothing taken when the unit has no balance, and refuses lines of another unit', () => {
    const line = seedLine(L.ctx, { unitId: L.unitId, feeItemId: L.wyf, amountFen: 10000, periodStart: '2024-05-01' });
    expect(inTx(() => offsetLines(L.ctx, { unitId: L.unitId, lineIds: [line], userId: null }))).toEqual({ offsetId: null, totalFen: 0 });
    const other = seedUnit(L.ctx, '3-2-502');
    expect(() => inTx(() => offsetLines(L.ctx, { unitId: other, lineIds: [line], userId: null }))).toThrow(/不属于该房屋/);
  });
});

describe('a prepaid balance never goes negative', () => {
  it('refuses a withdrawal beyond the balance with INSUFFICIENT_BALANCE', () => {
    credit(1000);
    const accountId = prepaidBalances(L.ctx, L.unitId)[0]!.accountId;
    expect(() => inTx(() => postEntry(L.ctx, { accountId, kind: 'refund', amountFen: -1001 }))).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_BALANCE' }),
    );
    expect(balances()).toEqual({ general: 1000 });
  });

  it('refuses to credit nothing or a negative amount', () => {
    expect(() => credit(0)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => credit(-5)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
