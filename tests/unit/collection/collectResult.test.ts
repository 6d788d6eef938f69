import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditPrepaid } from '../../../src-main/accounts/prepaidBalances';
import { collectPayment } from '../../../src-main/collection/collectService';
import { paymentResult } from '../../../src-main/collection/paymentResult';
import { AppFailure } from '../../../src-main/ipc/failure';
import { addUnit, billLine, count, desk, feeItem, newKey, openShift, type Desk } from './support';

// collectPayment answers from what it has just written instead of reading the payment back; a
// replay reads it back (paymentResult). Both must say exactly the same, whatever the payment did.
let d: Desk;
let items: number[];
beforeAll(async () => {
  d = await desk();
  openShift(d, d.supervisorId);
  items = [feeItem(d, { code: 'P1', rate: '0.0005' }), feeItem(d, { code: 'P2', rate: '0.003', cap: '0.1', priority: 5, grace: 10 })];
});
afterAll(() => d.app.close());

// The desk clock is 2024-05-15: overdue beyond grace, overdue within it, due today, not yet due.
const dues = ['2023-11-30', '2024-03-31', '2024-05-10', '2024-05-15', '2024-06-30'];
const arbLine = fc.record({ item: fc.integer({ min: 0, max: 1 }), amountFen: fc.integer({ min: 1, max: 300_000 }), due: fc.constantFrom(...dues) });
const arbTender = fc.record({ method: fc.constantFrom('cash', 'wechat', 'card'), amountFen: fc.integer({ min: 1, max: 400_000 }) });

describe('the result of a desk payment', () => {
  it('is what a replay reads back: late fees, prepaid used, deposit and surplus to prepaid included', () => {
    let unitSeq = 0;
    let posted = 0;
    fc.assert(
      fc.property(
        fc.array(arbLine, { minLength: 1, maxLength: 4 }),
        fc.array(arbTender, { minLength: 1, maxLength: 2 }),
        fc.record({
          prepaidFen: fc.integer({ min: 0, max: 200_000 }),
          useFen: fc.integer({ min: 0, max: 200_000 }),
          depositFen: fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: undefined }),
          toPrepaid: fc.boolean(),
          waive: fc.boolean(),
          shuffled: fc.boolean(),
        }),
        (lines, tenders, o) => {
          const unitId = addUnit(d, `8-8-${++unitSeq}`);
          const lineIds = lines.map((l) => billLine(d, { feeItemId: items[l.item]!, amountFen: l.amountFen, due: l.due, unitId }));
          if (o.prepaidFen > 0) {
            d.app.context.sqlite.transaction(() =>
              creditPrepaid(d.app.context, { unitId, feeItemId: null, amountFen: o.prepaidFen, paymentId: null, kind: 'opening' }),
            )();
          }
          const input = {
            idempotencyKey: newKey(),
            unitId,
            payerName: '测试',
            lineIds: o.shuffled ? [...lineIds].reverse() : lineIds,
            tenders: tenders.map((t) => ({ ...t, reference: t.method === 'cash' ? '' : 'REF' })) as Array<{ method: 'cash'; amountFen: number; reference: string }>,
            usePrepaidFen: Math.min(o.useFen, o.prepaidFen),
            ...(o.depositFen ? { deposit: { kind: '押金', amountFen: o.depositFen } } : {}),
            ...(o.toPrepaid ? { overpayTo: 'prepaid' as const } : {}),
            ...(o.waive ? { waiveLateFees: true, waiveReason: '测试减免' } : {}),
          };
          const before = count(d, 'payments');
          try {
            const result = d.app.context.sqlite.transaction(() => collectPayment(d.app.context, d.supervisorId, input))();
            expect(result).toEqual(paymentResult(d.app.context, result.paymentId, false));
            posted += 1;
          } catch (e) {
            expect(e).toBeInstanceOf(AppFailure);
            expect(count(d, 'payments')).toBe(before);
          }
        },
      ),
      { numRuns: 150 },
    );
    // The generator must reach the posting path often enough for the comparison to mean something.
    expect(posted).toBeGreaterThan(20);
  });

  it('pays the selected lines in the RULES order whatever order the desk sent them in, and no others', () => {
    const unitId = addUnit(d, '7-7-701');
    const [late, early, other] = [
      billLine(d, { feeItemId: items[0]!, amountFen: 3000, due: '2024-04-30', unitId }),
      billLine(d, { feeItemId: items[0]!, amountFen: 2000, due: '2024-03-31', unitId }),
      billLine(d, { feeItemId: items[0]!, amountFen: 1000, due: '2024-01-31', unitId }),
    ];
    const result = d.app.context.sqlite.transaction(() =>
      collectPayment(d.app.context, d.supervisorId, {
        idempotencyKey: newKey(),
        unitId,
        payerName: '测试',
        lineIds: [late!, early!],
        tenders: [{ method: 'cash', amountFen: 4000 }],
      }),
    )();
    const principal = result.allocations.filter((a) => a.kind === 'charge');
    expect(principal).toEqual([
      { lineId: early, kind: 'charge', parentLineId: null, amountFen: 2000, source: 'tender' },
      { lineId: late, kind: 'charge', parentLineId: null, amountFen: expect.any(Number), source: 'tender' },
    ]);
    expect(result.allocations.some((a) => a.lineId === other || a.parentLineId === other)).toBe(false);
  });
});
