import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditPrepaid, prepaidBalances } from '../../../src-main/accounts/prepaidBalances';
import { applyPrepaidOffsets, offsetLines, returnOffsetsForLines } from '../../../src-main/accounts/prepaidOffsets';
import { executeRefund } from '../../../src-main/accounts/refundExecution';
import { approveRefund, requestRefund } from '../../../src-main/accounts/refundRequests';
import { checkLedgerInvariants } from '../../../src-main/ledger/invariants';
import { addMonths } from '../../../src-shared/domain/dates';
import { accountsLedger, openShift, seedLine, seedRun } from './support';

const item = fc.boolean();
const fen = fc.integer({ min: 1, max: 40000 });
const op = fc.oneof(
  fc.record({ t: fc.constantFrom('deposit' as const, 'opening' as const), earmarked: item, fen }),
  fc.record({ t: fc.constant('bill' as const), earmarked: item, fen }),
  fc.record({ t: fc.constant('desk' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
  fc.record({ t: fc.constant('return' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('refund' as const), earmarked: item, fen }),
);

describe('prepaid balances over any sequence of deposits, offsets, returns and refunds', () => {
  it('equal deposits + openings − offsets + returns − refunds per account and never go negative', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const L = await accountsLedger();
        try {
          const { ctx, unitId, wyf } = L;
          openShift(ctx, L.users.cashier1);
          const tx = <T>(fn: () => T): T => ctx.sqlite.transaction(fn)();
          const feeOf = (earmarked: boolean) => (earmarked ? wyf : null);
          /** The model: money put in and refunded per account (keyed by fee item), known without the ledger. */
          const putIn = new Map<number | null, number>();
          const refunded = new Map<number | null, number>();
          const lines: number[] = [];
          const balanceOf = (feeItemId: number | null) => prepaidBalances(ctx, unitId).find((b) => b.feeItemId === feeItemId)?.balanceFen ?? 0;

          for (const o of ops) {
            if (o.t === 'deposit' || o.t === 'opening') {
              creditPrepaid(ctx, { unitId, feeItemId: feeOf(o.earmarked), amountFen: o.fen, paymentId: null, kind: o.t });
              putIn.set(feeOf(o.earmarked), (putIn.get(feeOf(o.earmarked)) ?? 0) + o.fen);
            } else if (o.t === 'bill') {
              const runId = seedRun(ctx);
              const periodStart = addMonths('2020-01-01', lines.length);
              lines.push(seedLine(ctx, { unitId, feeItemId: o.earmarked ? wyf : L.parking, amountFen: o.fen, periodStart, runId }));
              tx(() => applyPrepaidOffsets(ctx, { unitIds: [unitId], runId, userId: null }));
            } else if (o.t === 'desk') {
              if (lines.length === 0) continue;
              const chosen = [...new Set(o.picks.map((i) => lines[i % lines.length]!))];
              try {
                tx(() => offsetLines(ctx, { unitId, lineIds: chosen, userId: null }));
              } catch (e) {
                // A line already paid in full is refused, and with it the whole offset.
                expect(e).toMatchObject({ code: 'INVALID_STATE' });
              }
            } else if (o.t === 'return') {
              if (lines.length > 0) tx(() => returnOffsetsForLines(ctx, [lines[o.pick % lines.length]!]));
            } else {
              const feeItemId = feeOf(o.earmarked);
              const before = balanceOf(feeItemId);
              try {
                tx(() => {
                  const req = requestRefund(ctx, L.users.cashier1, { source: 'prepaid', unitId, feeItemId, amountFen: o.fen, payout: 'cash', reason: '退预存' });
                  approveRefund(ctx, L.users.supervisor1, req.id);
                  executeRefund(ctx, L.users.cashier1, req.id);
                });
                refunded.set(feeItemId, (refunded.get(feeItemId) ?? 0) + o.fen);
                expect(before).toBeGreaterThanOrEqual(o.fen);
              } catch (e) {
                expect(e).toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
                expect(before).toBeLessThan(o.fen);
              }
            }

            for (const b of prepaidBalances(ctx, unitId)) {
              expect(b.balanceFen).toBeGreaterThanOrEqual(0);
              const drawn = ctx.sqlite
                .prepare(
                  `SELECT COALESCE(SUM(amount_fen), 0) AS offsets,
                          COALESCE(SUM(CASE WHEN status = 'returned' THEN amount_fen END), 0) AS returns
                   FROM allocations WHERE prepaid_account_id = ?`,
                )
                .get(b.accountId) as { offsets: number; returns: number };
              const expected = (putIn.get(b.feeItemId) ?? 0) - drawn.offsets + drawn.returns - (refunded.get(b.feeItemId) ?? 0);
              expect(b.balanceFen).toBe(expected);
            }
            // Conservation: what sits in the accounts plus what pays bills is what came in less what went out.
            const liveOffsets = ctx.sqlite.prepare(`SELECT COALESCE(SUM(amount_fen), 0) FROM allocations WHERE offset_id IS NOT NULL AND status = 'live'`).pluck().get() as number;
            const total = prepaidBalances(ctx, unitId).reduce((s, b) => s + b.balanceFen, 0);
            const sum = (m: Map<number | null, number>) => [...m.values()].reduce((s, v) => s + v, 0);
            expect(total + liveOffsets).toBe(sum(putIn) - sum(refunded));
          }
          expect(checkLedgerInvariants(ctx)).toEqual([]);
        } finally {
          L.app.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
