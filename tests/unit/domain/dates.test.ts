import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, daysBetween, isValidIsoDate } from '../../../src-shared/domain/dates';

// Reference day count without Date at all (H. Hinnant's days_from_civil), so the property
// below checks the implementation against pure integer arithmetic.
function civilDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

const ymdArb = fc
  .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => ({ y, m, d: Math.min(d, monthLength(y, m)) }));
const dateArb = ymdArb.map(({ y, m, d }) => iso(y, m, d));

describe('isValidIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-12-31', '2024-04-30', '0001-01-01', '9999-12-31'])('accepts %s', (s) => {
    expect(isValidIsoDate(s)).toBe(true);
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2024-02-30',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-01-32',
    '2024-1-01',
    '24-01-01',
    '2024-01-01T00:00:00Z',
    ' 2024-01-01',
    '2024/01/01',
    '20240101',
    '',
  ])('rejects %j', (s) => {
    expect(isValidIsoDate(s)).toBe(false);
  });

  it('accepts exactly the real calendar days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const real = m >= 1 && m <= 12 && d >= 1 && d <= monthLength(y, m);
        expect(isValidIsoDate(iso(y, m, d))).toBe(real);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('daysBetween', () => {
  it.each([
    ['2024-03-31', '2024-05-15', 45],
    ['2024-05-15', '2024-03-31', -45],
    ['2024-01-01', '2024-01-01', 0],
    ['2023-12-31', '2024-01-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2023-01-01', '2024-01-01', 365],
    ['2024-01-01', '2025-01-01', 366],
    // daylight-saving changes in zones that have them; irrelevant to calendar days
    ['2024-03-09', '2024-03-11', 2],
    ['2024-10-26', '2024-10-28', 2],
  ])('%s → %s = %i', (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
  });

  it.each([
    ['2024-02-30', '2024-03-01'],
    ['2024-03-01', '2024-13-01'],
    ['2024-3-1', '2024-03-02'],
  ])('rejects %s, %s with RangeError', (a, b) => {
    expect(() => daysBetween(a, b)).toThrow(RangeError);
  });

  it('matches integer calendar arithmetic', () => {
    fc.assert(
      fc.property(ymdArb, ymdArb, (a, b) => {
        expect(daysBetween(iso(a.y, a.m, a.d), iso(b.y, b.m, b.d))).toBe(
          civilDay(b.y, b.m, b.d) - civilDay(a.y, a.m, a.d),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-01', 0, '2024-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2024-03-31', 45, '2024-05-15'],
  ])('%s + %i = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each<[string, number]>([
    ['2024-02-30', 1],
    ['2024-01-01', 1.5],
    ['2024-01-01', Number.NaN],
    ['9999-12-31', 1],
    ['0000-01-01', -1],
    ['2024-01-01', 1e15],
  ])('rejects %s + %s with RangeError', (date, n) => {
    expect(() => addDays(date, n)).toThrow(RangeError);
  });

  it('is the inverse of daysBetween', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -100_000, max: 100_000 }), (date, n) => {
        let later: string;
        try {
          later = addDays(date, n);
        } catch {
          return; // out of the 0000–9999 range
        }
        expect(isValidIsoDate(later)).toBe(true);
        expect(daysBetween(date, later)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-05-31', 1, '2024-06-30'],
    ['2024-01-15', 12, '2025-01-15'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-08-31', -6, '2024-02-29'],
    ['2024-01-31', -13, '2022-12-31'],
    ['2024-12-01', 1, '2025-01-01'],
    ['2024-01-01', 0, '2024-01-01'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each<[string, number]>([
    ['2024-02-30', 1],
    ['2024-01-01', 0.5],
    ['9999-12-01', 1],
  ])('rejects %s + %s months with RangeError', (date, n) => {
    expect(() => addMonths(date, n)).toThrow(RangeError);
  });

  it('lands in the right month, on the same day or the month end', () => {
    fc.assert(
      fc.property(ymdArb.filter(({ y }) => y >= 100 && y <= 9899), fc.integer({ min: -1200, max: 1200 }), (a, n) => {
        const [y, m, d] = addMonths(iso(a.y, a.m, a.d), n).split('-').map(Number) as [number, number, number];
        expect(y * 12 + m - (a.y * 12 + a.m)).toBe(n);
        expect(d).toBe(Math.min(a.d, monthLength(y, m)));
      }),
      { numRuns: 2000 },
    );
  });
});
