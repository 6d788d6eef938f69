import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { apportion } from '../../../src-shared/domain/apportion';

const MAX = Number.MAX_SAFE_INTEGER;

const sumOf = (xs: bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

// Small weights make ties common; large ones (area in 0.0001 ㎡) exercise the BigInt path.
const weightsArb = fc.oneof(
  fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 12 }),
  fc.array(fc.nat({ max: 2_000_000_000 }), { minLength: 1, maxLength: 30 }),
  fc.array(fc.maxSafeNat(), { minLength: 1, maxLength: 5 }),
).filter((ws) => ws.some((w) => w > 0));
const totalArb = fc.oneof(fc.nat({ max: 100 }), fc.nat({ max: 100_000_000 }), fc.maxSafeNat());

describe('apportion', () => {
  it('RULES §1: 100.00 over three equal weights → 33.34, 33.33, 33.33', () => {
    expect(apportion(10000, [1, 1, 1])).toEqual([3334, 3333, 3333]);
  });

  it.each<[number, number[], number[]]>([
    [0, [1, 2], [0, 0]],
    [5, [1], [5]],
    [100, [0, 1], [0, 100]],
    [10, [1, 1, 1], [4, 3, 3]],
    [11, [1, 1, 1], [4, 4, 3]],
    [100, [1, 2, 3, 4], [10, 20, 30, 40]],
    // exact 3.5, 1.75, 1.75: the two larger remainders win
    [7, [2, 1, 1], [3, 2, 2]],
    [1, [2, 1, 1], [1, 0, 0]],
    // remainder ties: larger weight first, then earlier index
    [2, [1, 3], [0, 2]],
    [2, [3, 1], [2, 0]],
    [1, [1, 1], [1, 0]],
    [2, [5, 5, 5], [1, 1, 0]],
    [2, [5, 0, 5, 5], [1, 0, 1, 0]],
  ])('apportion(%i, %j) → %j', (total, weights, shares) => {
    expect(apportion(total, weights)).toEqual(shares);
  });

  it('stays exact where total × weight exceeds 2^53', () => {
    // 公摊 of 9,876,543.21 yuan over areas of 123456.7891 ㎡ etc., in 0.0001 ㎡
    const weights = [1234567891, 2345678912, 3456789123];
    const shares = apportion(987654321, weights);
    const sum = BigInt(weights.reduce((a, b) => a + b, 0));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(987654321);
    shares.forEach((share, i) => {
      const exact = 987654321n * BigInt(weights[i] ?? 0);
      expect(BigInt(share) * sum - exact).toBeLessThan(sum);
      expect(exact - BigInt(share) * sum).toBeLessThan(sum);
    });
    expect(shares).toEqual([173272714, 329218145, 485163462]);
  });

  it.each<[number, number[]]>([
    [100, []],
    [100, [0, 0]],
    [100, [-1, 2]],
    [100, [1.5, 1]],
    [100, [Number.NaN]],
    [100, [Infinity, 1]],
    [100, [MAX + 1]],
    [-1, [1, 1]],
    [1.5, [1, 1]],
    [Number.NaN, [1]],
    [MAX + 1, [1]],
  ])('apportion(%s, %j) throws RangeError', (total, weights) => {
    expect(() => apportion(total, weights)).toThrow(RangeError);
  });

  it('sums to the total, each share within one fen of the exact share, zero weight gets 0', () => {
    fc.assert(
      fc.property(totalArb, weightsArb, (total, weights) => {
        const shares = apportion(total, weights);
        expect(shares).toHaveLength(weights.length);
        expect(sumOf(shares.map(BigInt))).toBe(BigInt(total));
        const sum = sumOf(weights.map(BigInt));
        shares.forEach((share, i) => {
          const w = weights[i] ?? 0;
          expect(Number.isSafeInteger(share)).toBe(true);
          // |share − total·w/sum| < 1, kept in integers
          const diff = BigInt(share) * sum - BigInt(total) * BigInt(w);
          expect(diff < sum && -diff < sum).toBe(true);
          if (w === 0) expect(share).toBe(0);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('hands out the extra fen by remainder, then larger weight, then earlier index', () => {
    fc.assert(
      fc.property(totalArb, weightsArb, (total, weights) => {
        const shares = apportion(total, weights);
        const sum = sumOf(weights.map(BigInt));
        const key = (i: number): [bigint, bigint, number] => {
          const w = BigInt(weights[i] ?? 0);
          return [(BigInt(total) * w) % sum, w, -i];
        };
        const gotExtra = (i: number): boolean =>
          BigInt(shares[i] ?? 0) * sum > BigInt(total) * BigInt(weights[i] ?? 0);
        const ranksAbove = (a: [bigint, bigint, number], b: [bigint, bigint, number]): boolean =>
          a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2];
        for (let i = 0; i < weights.length; i++) {
          for (let j = 0; j < weights.length; j++) {
            if (gotExtra(i) && !gotExtra(j)) expect(ranksAbove(key(i), key(j))).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is consistent under permutation of the units', () => {
    const withPermutation = weightsArb.chain((weights) =>
      fc
        .shuffledSubarray(
          weights.map((_, i) => i),
          { minLength: weights.length, maxLength: weights.length },
        )
        .map((perm) => ({ weights, perm })),
    );
    fc.assert(
      fc.property(totalArb, withPermutation, (total, { weights, perm }) => {
        const shares = apportion(total, weights);
        const permuted = apportion(total, perm.map((i) => weights[i] ?? 0));
        // Units with different weights keep their share exactly; among equal weights the
        // earlier position gets the extra fen, so compare (weight, share) pairs as multisets.
        const pairs = (ws: number[], ss: number[]): string[] => ws.map((w, i) => `${w}:${ss[i]}`).sort();
        expect(pairs(perm.map((i) => weights[i] ?? 0), permuted)).toEqual(pairs(weights, shares));
        perm.forEach((from, to) => {
          const w = weights[from] ?? 0;
          if (weights.filter((x) => x === w).length === 1) expect(permuted[to]).toBe(shares[from]);
        });
      }),
      { numRuns: 1000 },
    );
  });
});
