import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaCharge, fixedCharge, meteredCharge } from '../../../src-main/billing/lineDrafts';
import { apportion } from '../../../src-shared/domain/apportion';
import { mulRoundHalfUpToFen } from '../../../src-shared/domain/decimal';
import { sumTermsToFen } from '../../../src-shared/domain/lineAmount';
import { cycleContaining, formatMonths, monthsCovered } from '../../../src-shared/domain/periods';
import { tierBands, tierProblem } from '../../../src-shared/domain/tiers';

const whole = (from: string, to: string, price: string) => [{ from, to, price }];

describe('AREA 物业费', () => {
  it('89.5㎡ × 2.35 × 3 months = 630.98, rounded half up once per line', () => {
    const c = areaCharge(895_000, whole('2024-04-01', '2024-06-30', '2.35'));
    expect(c.amountFen).toBe(63098); // 630.975 → 630.98; rounding per month (210.33 × 3) would give 630.99
    expect(c.basis).toBe('89.50㎡ × ¥2.35 × 3 月');
    expect(c.quantity).toBe('268.50');
    expect(c.unitPrice).toBe('2.35');
  });

  it('a price change inside the period is one line summing both parts, described in its basis', () => {
    const c = areaCharge(895_000, [
      { from: '2024-06-01', to: '2024-06-15', price: '2.35' },
      { from: '2024-06-16', to: '2024-06-30', price: '2.50' },
    ]);
    // 89.5 × 2.35 × 0.5 + 89.5 × 2.50 × 0.5 = 105.1625 + 111.875 = 217.0375 → 217.04
    expect(c.amountFen).toBe(21704);
    expect(c.basis).toBe('89.50㎡ × ¥2.35 × 0.5 月 + 89.50㎡ × ¥2.50 × 0.5 月');
    expect(c.unitPrice).toBe('2.425');
  });

  it('pro-rates a partial month by its own days, exactly (no rounded fraction)', () => {
    const c = areaCharge(1_000_000, whole('2024-03-17', '2024-03-31', '3.10'));
    // 100 × 3.10 × 15/31 = 150.00 exactly
    expect(c.amountFen).toBe(15000);
    expect(c.basis).toBe('100.00㎡ × ¥3.10 × 15/31 月');
  });
});

describe('FIXED and METERED', () => {
  it('FIXED is price per month × months', () => {
    expect(fixedCharge(whole('2024-04-01', '2024-06-30', '150')).amountFen).toBe(45000);
    expect(fixedCharge(whole('2024-04-01', '2024-06-30', '150')).basis).toBe('¥150.00/月 × 3 月');
  });

  it('METERED is usage × price, usage already multiplied', () => {
    const c = meteredCharge(125_000, '吨', whole('2024-04-01', '2024-04-30', '3.45'), cycleContaining('2024-04', 1), null);
    expect(c.amountFen).toBe(4313); // 12.5 × 3.45 = 43.125 → 43.13
    expect(c.basis).toBe('12.5 吨 × ¥3.45');
  });

  it('tiers charge each band at its own price', () => {
    const tiers = [
      { upTo: '10', price: '3.50' },
      { upTo: '20', price: '4.50' },
      { upTo: null, price: '6.00' },
    ];
    expect(tierBands(250_000, tiers)).toEqual([
      { quantity: '10.0000', price: '3.50' },
      { quantity: '10.0000', price: '4.50' },
      { quantity: '5.0000', price: '6.00' },
    ]);
    const c = meteredCharge(250_000, '吨', whole('2024-04-01', '2024-04-30', '3.50'), cycleContaining('2024-04', 1), tiers);
    expect(c.amountFen).toBe(11000); // 35 + 45 + 30
    expect(c.basis).toBe('25 吨（阶梯）：10 吨 × ¥3.50 + 10 吨 × ¥4.50 + 5 吨 × ¥6.00');
    expect(tierBands(80_000, tiers)).toEqual([{ quantity: '8.0000', price: '3.50' }]);
  });

  it('refuses tier lists that are not increasing or not open-ended', () => {
    expect(tierProblem([{ upTo: '10', price: '1' }])).toMatch(/最后一档/);
    expect(tierProblem([{ upTo: '10', price: '1' }, { upTo: '5', price: '2' }, { upTo: null, price: '3' }])).toMatch(/递增/);
    expect(tierProblem([{ upTo: '10', price: '1' }, { upTo: null, price: '3' }])).toBeNull();
  });
});

describe('periods', () => {
  it('cycles are calendar aligned and contain the month', () => {
    expect(cycleContaining('2024-05', 3)).toEqual({ start: '2024-04-01', end: '2024-06-30', months: 3 });
    expect(cycleContaining('2024-02', 1)).toEqual({ start: '2024-02-01', end: '2024-02-29', months: 1 });
    expect(cycleContaining('2024-11', 12)).toEqual({ start: '2024-01-01', end: '2024-12-31', months: 12 });
  });

  it('months covered count each month over its own days', () => {
    expect(formatMonths(monthsCovered('2024-01-01', '2024-03-31'))).toBe('3');
    expect(formatMonths(monthsCovered('2024-02-16', '2024-03-31'))).toBe('1+14/29');
    expect(formatMonths(monthsCovered('2024-06-16', '2024-06-30'))).toBe('0.5');
  });
});

describe('apportion vectors', () => {
  it('100.00 over three equal weights → 33.34/33.33/33.33, the extra fen to the earlier unit', () => {
    expect(apportion(10000, [1, 1, 1])).toEqual([3334, 3333, 3333]);
  });
  it('a tie in remainders goes to the larger weight', () => {
    expect(apportion(100, [1, 2, 1, 2])).toEqual([17, 33, 17, 33]);
  });
});

describe('property: each line is the exact product rounded once', () => {
  const price = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 })).map(([w, f]) => `${w}.${String(f).padStart(4, '0')}`);
  it('AREA over whole months equals mulRoundHalfUpToFen(price, area, months)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), price, fc.constantFrom(1, 3, 6, 12), (areaE4, p, months) => {
        const period = cycleContaining('2024-01', months);
        const c = areaCharge(areaE4, whole(period.start, period.end, p));
        const area = `${Math.floor(areaE4 / 10_000)}.${String(areaE4 % 10_000).padStart(4, '0')}`;
        expect(c.amountFen).toBe(mulRoundHalfUpToFen(p, area, String(months)));
      }),
    );
  });

  it('a split line never differs from the exact sum by more than half a fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), price, price, fc.integer({ min: 2, max: 30 }), (areaE4, p1, p2, day) => {
        const change = `2024-06-${String(day).padStart(2, '0')}`;
        const c = areaCharge(areaE4, [
          { from: '2024-06-01', to: `2024-06-${String(day - 1).padStart(2, '0')}`, price: p1 },
          { from: change, to: '2024-06-30', price: p2 },
        ]);
        // exact value × 30 × 10^10 in integer arithmetic: area(e4) × (p1(e4) × (day−1) + p2(e4) × (31 − day))
        const toE4 = (s: string) => BigInt(s.replace('.', ''));
        const exact = BigInt(areaE4) * (toE4(p1) * BigInt(day - 1) + toE4(p2) * BigInt(31 - day)); // yuan × 30 × 10^8
        const fenTimes = exact * 100n; // fen × 30 × 10^8
        const diff = BigInt(c.amountFen) * 30n * 10n ** 8n - fenTimes;
        expect(2n * (diff < 0n ? -diff : diff) <= 30n * 10n ** 8n).toBe(true);
        expect(c.amountFen).toBe(sumTermsToFen([{ factors: [String(areaE4), p1], ratio: { num: BigInt(day - 1), den: 300_000n } }, { factors: [String(areaE4), p2], ratio: { num: BigInt(31 - day), den: 300_000n } }]));
      }),
    );
  });
});
