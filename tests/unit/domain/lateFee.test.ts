import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lateFee, type LateFeeParams } from '../../../src-shared/domain/lateFee';
import { addDays, daysBetween } from '../../../src-shared/domain/dates';

const base = { dueDate: '2024-01-31', graceDays: 0, dailyRate: '0.0005' } as const;

/** n / 10^scale as a decimal string. */
function rateString(n: number, scale: number): string {
  const digits = String(n).padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** fee is num/den rounded half up (non-negative operands), stated without division. */
function isHalfUp(fee: number, num: bigint, den: bigint): boolean {
  const twiceErr = 2n * (BigInt(fee) * den - num);
  return twiceErr <= den && twiceErr > -den;
}

// Up to 10.000 per day (or ×10 000 principal as a cap): far beyond any contract, yet every
// fee stays a safe number of fen for the principals below.
const rateArb = fc
  .tuple(fc.nat({ max: 10_000 }), fc.integer({ min: 3, max: 7 }))
  .map(([n, scale]) => ({ n, scale, text: rateString(n, scale) }));
const paramsArb = fc.record({
  principalFen: fc.oneof(fc.nat({ max: 10_000 }), fc.nat({ max: 1_000_000_000 })),
  dueDate: fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2020-01-01', n)),
  days: fc.integer({ min: -60, max: 2000 }),
  graceDays: fc.nat({ max: 30 }),
  rate: rateArb,
});

describe('lateFee — RULES §5 vectors', () => {
  it('2,000.00 × 0.003 × 10 days = 60.00', () => {
    expect(lateFee({ principalFen: 200000, dueDate: '2024-01-01', asOf: '2024-01-11', dailyRate: '0.003', graceDays: 0 })).toBe(6000);
  });

  it('1,234.56 × 0.0005, due 2024-03-31, paid 2024-05-15 (45 days) = 27.78', () => {
    expect(daysBetween('2024-03-31', '2024-05-15')).toBe(45);
    expect(lateFee({ principalFen: 123456, dueDate: '2024-03-31', asOf: '2024-05-15', dailyRate: '0.0005', graceDays: 0 })).toBe(2778);
  });
});

describe('lateFee — edge cases', () => {
  it.each<[string, Partial<LateFeeParams>, number]>([
    ['paid on the due date', { principalFen: 100000, asOf: '2024-01-31' }, 0],
    ['paid before the due date', { principalFen: 100000, asOf: '2024-01-01' }, 0],
    ['one day late', { principalFen: 100000, asOf: '2024-02-01' }, 50],
    ['leap day counts', { principalFen: 100000, dueDate: '2024-02-28', asOf: '2024-03-01' }, 100],
    ['within grace', { principalFen: 100000, asOf: '2024-02-05', graceDays: 5 }, 0],
    ['one day past grace', { principalFen: 100000, asOf: '2024-02-06', graceDays: 5 }, 50],
    ['half a fen rounds up', { principalFen: 1, asOf: '2024-02-01', dailyRate: '0.5' }, 1],
    ['just under half rounds down', { principalFen: 1, asOf: '2024-02-01', dailyRate: '0.4999' }, 0],
    ['zero principal', { principalFen: 0, asOf: '2025-01-31' }, 0],
    ['zero rate', { principalFen: 100000, asOf: '2025-01-31', dailyRate: '0' }, 0],
    ['cap binds', { principalFen: 200000, asOf: '2024-05-10', dailyRate: '0.003', capRatio: '0.1' }, 20000],
    ['cap not reached', { principalFen: 200000, asOf: '2024-02-10', dailyRate: '0.003', capRatio: '0.1' }, 6000],
    ['cap itself rounded half up', { principalFen: 5, asOf: '2025-01-31', dailyRate: '1', capRatio: '0.1' }, 1],
    ['zero cap', { principalFen: 100000, asOf: '2025-01-31', capRatio: '0' }, 0],
  ])('%s', (_, overrides, fee) => {
    expect(lateFee({ ...base, principalFen: 0, asOf: base.dueDate, ...overrides })).toBe(fee);
  });

  it.each<[string, Partial<LateFeeParams>]>([
    ['impossible due date', { dueDate: '2024-02-30' }],
    ['impossible as-of date', { asOf: '2023-02-29' }],
    ['month 13', { asOf: '2024-13-01' }],
    ['unpadded date', { asOf: '2024-2-1' }],
    ['date with time', { asOf: '2024-02-01T00:00:00+08:00' }],
    ['negative principal', { principalFen: -1 }],
    ['fractional principal', { principalFen: 1.5 }],
    ['negative rate', { dailyRate: '-0.0005' }],
    ['rate not a decimal', { dailyRate: '5‱' }],
    ['negative grace', { graceDays: -1 }],
    ['fractional grace', { graceDays: 1.5 }],
    ['negative cap', { capRatio: '-0.1' }],
    ['cap not a decimal', { capRatio: '10%' }],
  ])('rejects %s with RangeError', (_, overrides) => {
    expect(() => lateFee({ ...base, principalFen: 100000, asOf: '2024-03-01', ...overrides })).toThrow(RangeError);
  });
});

describe('lateFee — properties', () => {
  it('equals principal × rate × overdue days, exactly, rounded half up', () => {
    fc.assert(
      fc.property(paramsArb, ({ principalFen, dueDate, days, graceDays, rate }) => {
        const fee = lateFee({ principalFen, dueDate, asOf: addDays(dueDate, days), dailyRate: rate.text, graceDays });
        const overdue = BigInt(Math.max(0, days - graceDays));
        expect(isHalfUp(fee, BigInt(principalFen) * BigInt(rate.n) * overdue, 10n ** BigInt(rate.scale))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is zero while as-of ≤ due date + grace days', () => {
    fc.assert(
      fc.property(paramsArb, ({ principalFen, dueDate, days, graceDays, rate }) => {
        const asOf = addDays(dueDate, Math.min(days, graceDays));
        expect(lateFee({ principalFen, dueDate, asOf, dailyRate: rate.text, graceDays })).toBe(0);
      }),
    );
  });

  it('never decreases as days pass', () => {
    fc.assert(
      fc.property(paramsArb, fc.nat({ max: 400 }), ({ principalFen, dueDate, days, graceDays, rate }, more) => {
        const p = { principalFen, dueDate, dailyRate: rate.text, graceDays };
        const earlier = lateFee({ ...p, asOf: addDays(dueDate, days) });
        const later = lateFee({ ...p, asOf: addDays(dueDate, days + more) });
        expect(later).toBeGreaterThanOrEqual(earlier);
      }),
      { numRuns: 1000 },
    );
  });

  it('respects the cap, and equals the uncapped fee below it', () => {
    fc.assert(
      fc.property(paramsArb, rateArb, ({ principalFen, dueDate, days, graceDays, rate }, cap) => {
        const p = { principalFen, dueDate, asOf: addDays(dueDate, days), dailyRate: rate.text, graceDays };
        const uncapped = lateFee(p);
        const capped = lateFee({ ...p, capRatio: cap.text });
        const capNum = BigInt(principalFen) * BigInt(cap.n);
        const capDen = 10n ** BigInt(cap.scale);
        expect(capped).toBeLessThanOrEqual(uncapped);
        if (capped < uncapped) expect(isHalfUp(capped, capNum, capDen)).toBe(true);
        else expect(2n * BigInt(capped) * capDen).toBeLessThanOrEqual(2n * capNum + capDen);
      }),
      { numRuns: 2000 },
    );
  });
});
