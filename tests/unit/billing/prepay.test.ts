import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeRunLines } from '../../../src-main/billing/computeRunLines';
import { mulRoundHalfUpToFen } from '../../../src-shared/domain/decimal';
import { setupAdmin, testApp, type TestApp } from '../support/testApp';
import { signInAs } from '../support/users';
import { addUnit, createItem, createStandard, seedCommunity } from './estate';

let app: TestApp;
let admin: string;
let estate: ReturnType<typeof seedCommunity>;
let unit: number;
let item: number;

beforeEach(async () => {
  app = testApp();
  admin = await setupAdmin(app);
  estate = seedCommunity(app);
  unit = addUnit(app, estate, { code: '3-2-501', area: '100' });
  item = await createItem(app, admin);
  await createStandard(app, admin, { feeItemId: item, communityId: estate.communityId, price: '2.00' }); // ¥200.00 a month
});
afterEach(() => app.close());

const db = () => app.context.sqlite;

describe('billing.prepayAhead (预交)', () => {
  it('creates the future periods under the run key, so a later run skips them', async () => {
    const cashier = await signInAs(app, 'cashier');
    await app.must('billing.commit', { month: '2024-05' }, admin);
    const plan = await app.must('billing.prepayAhead', { unitId: unit, feeItemId: item, months: 3 }, cashier);
    expect(plan.lines.map((l) => l.periodStart)).toEqual(['2024-06-01', '2024-07-01', '2024-08-01']);
    expect(plan).toMatchObject({ totalFen: 60000, discountFen: 0, payableFen: 60000, warning: null, skippedCount: 0 });
    expect(db().prepare(`SELECT COUNT(*) AS n FROM bill_lines WHERE source = 'prepay_ahead' AND run_id IS NULL`).get()).toEqual({ n: 3 });
    const june = await app.must('billing.commit', { month: '2024-06' }, admin);
    expect(june).toMatchObject({ lineCount: 0, skippedCount: 1 });
  });

  it('applies the best discount rule as a live discount per line, only without arrears', async () => {
    await app.must('fees.createDiscountRule', { feeItemId: item, name: '预交半年九五折', minMonths: 6, percentOffBp: 500, startDate: '2024-01-01' }, admin);
    await app.must('fees.createDiscountRule', { feeItemId: item, name: '交十二送一', minMonths: 12, freeMonths: 1, startDate: '2024-01-01' }, admin);
    const desk = await signInAs(app, 'supervisor');
    const six = await app.must('billing.prepayQuote', { unitId: unit, feeItemId: item, months: 6 }, desk);
    expect(six).toMatchObject({ totalFen: 120000, discountFen: 6000, payableFen: 114000, discountRule: { name: '预交半年九五折' } });
    // 13 months: 5% of 2,600.00 = 130.00 beats one free month (200.00)? No: 200.00 > 130.00, so 交十二送一 wins.
    const thirteen = await app.must('billing.prepayAhead', { unitId: unit, feeItemId: item, months: 13 }, desk);
    expect(thirteen).toMatchObject({ discountFen: 20000, discountRule: { name: '交十二送一' } });
    expect(thirteen.lines.at(-1)).toMatchObject({ periodStart: '2025-05-01', discountFen: 20000 });
    expect(thirteen.warning).toMatch(/超过 12 个月/);
    expect(db().prepare(`SELECT COUNT(*) AS n, SUM(amount_fen) AS fen FROM discounts WHERE status = 'live'`).get()).toEqual({ n: 1, fen: 20000 });

    const other = addUnit(app, estate, { code: '3-2-502', area: '100' });
    await app.must('billing.commit', { month: '2024-04' }, admin); // April is overdue on 2024-05-15
    const inArrears = await app.must('billing.prepayQuote', { unitId: other, feeItemId: item, months: 6, startMonth: '2024-06' }, desk);
    expect(inArrears).toMatchObject({ discountFen: 0, discountRule: null });
    expect(inArrears.discountNote).toMatch(/逾期欠费/);
  });

  it('refuses past periods and items that cannot be paid ahead', async () => {
    const desk = await signInAs(app, 'cashier');
    expect(await app.call('billing.prepayAhead', { unitId: unit, feeItemId: item, months: 1, startMonth: '2024-03' }, desk)).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION' },
    });
    const water = await createItem(app, admin, { code: 'SF', name: '水费', category: 'utility', method: 'METERED', meterKind: 'water' });
    expect(await app.call('billing.prepayAhead', { unitId: unit, feeItemId: water, months: 1 }, desk)).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(db().prepare('SELECT COUNT(*) AS n FROM bill_lines').get()).toEqual({ n: 0 });
  });
});

describe('property: a run is the sum of its lines, each the exact product rounded once', () => {
  it('holds for random areas and prices', async () => {
    const price = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 9999 })).map(([w, f]) => `${w}.${String(f).padStart(4, '0')}`);
    const area = fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 9999 })).map(([w, f]) => `${w}.${String(f).padStart(4, '0')}`);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(area, price), { minLength: 1, maxLength: 8 }), async (units) => {
        const estateN = seedCommunity(app, `P${n++}`, `小区${n}`);
        const ids = units.map(([a], i) => addUnit(app, estateN, { code: `1-1-${101 + i}`, area: a }));
        units.forEach(([, p], i) =>
          db().prepare(`INSERT INTO fee_standards (fee_item_id, scope, community_id, unit_id, price, start_date, created_at) VALUES (?, 'unit', ?, ?, ?, '2020-01-01', '')`).run(item, estateN.communityId, ids[i], p),
        );
        const preview = await app.must('billing.preview', { month: '2024-05', communityId: estateN.communityId, sampleSize: 500 }, admin);
        const lines = computeRunLines(app.context, { month: '2024-05', communityId: estateN.communityId }).lines;
        expect(preview.totalFen).toBe(lines.reduce((s, l) => s + l.amountFen, 0));
        units.forEach(([a, p], i) => expect(lines.find((l) => l.unitId === ids[i])?.amountFen ?? 0).toBe(mulRoundHalfUpToFen(p, a, '1')));
      }),
      { numRuns: 25 },
    );
  });
});
