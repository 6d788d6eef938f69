import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mulRoundHalfUpToFen, parseDecimal, roundHalfUpDiv } from '../../../src-shared/domain/decimal';

/** int / 10^scale as a plain decimal string, e.g. (-5n, 4) → '-0.0005'. */
function decimalString(int: bigint, scale: number): string {
  const digits = (int < 0n ? -int : int).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return int < 0n ? `-${body}` : body;
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** q is num/den rounded half up (ties away from zero) — stated without using division. */
function isHalfUpQuotient(q: bigint, num: bigint, den: bigint): boolean {
  const err = 2n * abs(q * den - num); // twice the distance, in units of 1/den
  if (err > abs(den)) return false;
  if (err < abs(den)) return true;
  return abs(q * den) > abs(num); // exactly half: the result is the one further from zero
}

describe('parseDecimal', () => {
  it.each([
    ['2.3500', 23500n, 4],
    ['0.0005', 5n, 4],
    ['89.5', 895n, 1],
    ['12', 12n, 0],
    ['-3.10', -310n, 2],
    ['+1.5', 15n, 1],
    ['0', 0n, 0],
    ['-0', 0n, 0],
    ['007.50', 750n, 2],
  ])('%s → %s × 10^-%i', (text, int, scale) => {
    expect(parseDecimal(text)).toEqual({ int, scale });
  });

  it.each(['', '.5', '5.', '1e3', ' 1', '1 ', '1,000', 'abc', '--1', '0x10', 'Infinity', 'NaN', '1.2.3'])(
    'rejects %j with RangeError',
    (text) => {
      expect(() => parseDecimal(text)).toThrow(RangeError);
    },
  );

  it('round-trips any integer and scale', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat({ max: 8 }), (int, scale) => {
        expect(parseDecimal(decimalString(int, scale))).toEqual({ int, scale });
      }),
    );
  });
});

describe('roundHalfUpDiv', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [-5n, -2n, 3n],
    [4n, 3n, 1n],
    [5n, 3n, 2n],
    [-4n, 3n, -1n],
    [-5n, 3n, -2n],
    [7n, 2n, 4n],
    [0n, 7n, 0n],
    [6n, 3n, 2n],
  ])('%s / %s → %s', (num, den, q) => {
    expect(roundHalfUpDiv(num, den)).toBe(q);
  });

  it('rejects division by zero', () => {
    expect(() => roundHalfUpDiv(1n, 0n)).toThrow(RangeError);
  });

  it('is the nearest integer, ties away from zero', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((d) => d !== 0n),
        (num, den) => {
          expect(isHalfUpQuotient(roundHalfUpDiv(num, den), num, den)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('mulRoundHalfUpToFen', () => {
  it.each<[string, string[], number]>([
    // 630.975 yuan: floating point gives 630.97499…, exact arithmetic gives 630.98.
    ['2.35', ['89.5', '3'], 63098],
    ['2.3500', ['120.0000'], 28200],
    ['1.2345', ['1'], 123],
    ['1.2350', ['1'], 124],
    ['0.005', [], 1],
    ['0.0049', [], 0],
    ['-0.005', [], -1],
    ['-2.35', ['89.5', '3'], -63098],
    ['12.34', [], 1234],
    ['3.5', ['0'], 0],
    ['1.1', ['1.1', '1.1', '1.1'], 146],
  ])('%s × %j → %i fen', (price, quantities, fen) => {
    expect(mulRoundHalfUpToFen(price, ...quantities)).toBe(fen);
  });

  it.each<[string, string[]]>([
    ['1.23456', ['1']],
    ['1', ['0.00001']],
    ['abc', []],
    ['1', ['1e2']],
    ['99999999999', ['99999999999']],
  ])('rejects %s × %j with RangeError', (price, quantities) => {
    expect(() => mulRoundHalfUpToFen(price, ...quantities)).toThrow(RangeError);
  });

  it('equals the exact product rounded half up once', () => {
    const scaled = fc.tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.nat({ max: 4 }));
    fc.assert(
      fc.property(scaled, fc.array(scaled.map(([i, s]) => [abs(i), s] as const), { maxLength: 2 }), (price, qs) => {
        const factors = [price, ...qs];
        const num = factors.reduce((acc, [i]) => acc * i, 1n) * 100n;
        const den = 10n ** BigInt(factors.reduce((acc, [, s]) => acc + s, 0));
        let result: number;
        try {
          result = mulRoundHalfUpToFen(decimalString(...price), ...qs.map(([i, s]) => decimalString(i, s)));
        } catch (e) {
          // Only an amount a number cannot hold may be refused.
          expect(e).toBeInstanceOf(RangeError);
          expect(abs(num / den)).toBeGreaterThanOrEqual(BigInt(Number.MAX_SAFE_INTEGER));
          return;
        }
        expect(isHalfUpQuotient(BigInt(result), num, den)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
