import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPayment } from '../../../src-main/collection/collectService';
import { AppFailure } from '../../../src-main/ipc/failure';
import { addUnit, billLine, count, desk, feeItem, newKey, openShift, type Desk } from './support';

let d: Desk;
let items: number[];
beforeAll(async () => {
  d = await desk();
  openShift(d);
  items = [feeItem(d, { code: 'P1', rate: '0.0005' }), feeItem(d, { code: 'P2', rate: '0.003', cap: '0.1', priority: 5 })];
});
afterAll(() => d.app.close());

const dues = ['2024-01-31', '2024-03-31', '2024-05-05', '2024-05-15', '2024-06-30'];
const arbLine = fc.record({ item: fc.integer({ min: 0, max: 1 }), amountFen: fc.integer({ min: 1, max: 500_000 }), due: fc.constantFrom(...dues) });
const arbTender = fc.record({ method: fc.constantFrom('cash', 'wechat', 'card', 'transfer'), amountFen: fc.integer({ min: 1, max: 600_000 }) });

describe('collectPayment, for random bills and tenders', () => {
  it('balances: tenders = allocations + to prepaid + to deposit, and no line goes below zero', () => {
    let unitSeq = 0;
    let posted = 0;
    fc.assert(
      fc.property(
        fc.array(arbLine, { minLength: 0, maxLength: 5 }),
        fc.array(arbTender, { minLength: 1, maxLength: 3 }),
        fc.option(fc.integer({ min: 1, max: 300_000 }), { nil: undefined }),
        fc.boolean(),
        fc.boolean(),
        (lines, tenders, depositFen, toPrepaid, waive) => {
          const unitId = addUnit(d, `9-9-${++unitSeq}`);
          const lineIds = lines.map((l) => billLine(d, { feeItemId: items[l.item]!, amountFen: l.amountFen, due: l.due, unitId }));
          const before = count(d, 'payments');
          const input = {
            idempotencyKey: newKey(),
            unitId,
            payerName: '测试',
            lineIds,
            tenders: tenders.map((t) => ({ ...t, reference: t.method === 'cash' ? '' : 'REF' })) as Array<{ method: 'cash'; amountFen: number; reference: string }>,
            ...(depositFen ? { deposit: { kind: '押金', amountFen: depositFen } } : {}),
            ...(toPrepaid ? { overpayTo: 'prepaid' as const } : {}),
            ...(waive ? { waiveLateFees: true, waiveReason: '测试减免' } : {}),
          };
          let result: ReturnType<typeof collectPayment> | null = null;
          try {
            result = d.app.context.sqlite.transaction(() => collectPayment(d.app.context, d.cashierId, input))();
          } catch (e) {
            expect(e).toBeInstanceOf(AppFailure);
            expect(count(d, 'payments')).toBe(before);
          }
          const tendered = tenders.reduce((s, t) => s + t.amountFen, 0);
          if (result) {
            posted++;
            expect(result.tenderedFen).toBe(tendered);
            expect(result.allocatedFen + result.toPrepaidFen + result.toDepositFen).toBe(tendered);
            const allocated = d.app.context.sqlite.prepare('SELECT COALESCE(SUM(amount_fen), 0) AS s FROM allocations WHERE payment_id = ?').get(result.paymentId) as { s: number };
            expect(allocated.s).toBe(result.allocatedFen);
            if (!toPrepaid) expect(result.toPrepaidFen).toBe(0);
          }
          const negative = d.app.context.sqlite
            .prepare(
              `SELECT COUNT(*) AS n FROM bill_lines bl WHERE bl.unit_id = ? AND bl.amount_fen
                 - COALESCE((SELECT SUM(al.amount_fen) FROM allocations al WHERE al.line_id = bl.id AND al.status = 'live'), 0)
                 - COALESCE((SELECT SUM(w.amount_fen) FROM waivers w WHERE w.line_id = bl.id AND w.status = 'live'), 0) < 0`,
            )
            .get(unitId) as { n: number };
          expect(negative.n).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
    // Refusals are checked too, but a run where nothing posts would prove nothing about balances.
    expect(posted).toBeGreaterThan(30);
  });
});
