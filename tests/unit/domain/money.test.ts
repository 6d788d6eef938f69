import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import Nzh from 'nzh';
import { formatYuan, parseYuanToFen, toChineseUppercase } from '../../../src-shared/domain/money';

const MAX = Number.MAX_SAFE_INTEGER;

/** Integer fen → 'Y.JF' without floats, the form nzh takes as a string. */
function yuanString(fen: number): string {
  const digits = String(fen).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

// Amounts full of zeros are where 大写 goes wrong, so bias towards them.
const zeroHeavyFen = fc
  .array(fc.constantFrom(0, 0, 0, 0, 1, 2, 5, 9), { minLength: 1, maxLength: 16 })
  .map((ds) => Number(BigInt(ds.join(''))))
  .filter((n) => n <= MAX);
const fenArb = fc.oneof(fc.nat({ max: 1_000_000 }), fc.maxSafeNat(), zeroHeavyFen);

describe('toChineseUppercase — RULES §1 examples', () => {
  it.each([
    [0, '零元整'],
    [1200, '壹拾贰元整'],
    [102400, '壹仟零贰拾肆元整'],
    [140950, '壹仟肆佰零玖元伍角整'],
    [600714, '陆仟零柒元壹角肆分'],
    [32504, '叁佰贰拾伍元零肆分'],
    [1640902, '壹万陆仟肆佰零玖元零贰分'],
    [6755632, '陆万柒仟伍佰伍拾陆元叁角贰分'],
    [400000000, '肆佰万元整'],
    [20000000000, '贰亿元整'],
    [345678900, '叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    [50, '伍角整'],
    [5, '伍分'],
  ])('%i fen → %s', (fen, words) => {
    expect(toChineseUppercase(fen)).toBe(words);
  });
});

describe('toChineseUppercase — edge cases', () => {
  it.each([
    // below one yuan: start at 角/分
    [1, '壹分'],
    [10, '壹角整'],
    [11, '壹角壹分'],
    [20, '贰角整'],
    [99, '玖角玖分'],
    // 元 followed by 角/分: 零 only where a place is skipped
    [100, '壹元整'],
    [101, '壹元零壹分'],
    [110, '壹元壹角整'],
    [111, '壹元壹角壹分'],
    [1010, '壹拾元零壹角整'],
    [1011, '壹拾元零壹角壹分'],
    [10001, '壹佰元零壹分'],
    [1000000010, '壹仟万元零壹角整'],
    // 10–19 always 壹拾
    [1000, '壹拾元整'],
    [1500, '壹拾伍元整'],
    [1900, '壹拾玖元整'],
    [2000, '贰拾元整'],
    [11000, '壹佰壹拾元整'],
    [1001200, '壹万零壹拾贰元整'],
    [10000000, '壹拾万元整'],
    // zeros inside and across groups
    [10000, '壹佰元整'],
    [100100, '壹仟零壹元整'],
    [1000000, '壹万元整'],
    [1000100, '壹万零壹元整'],
    [1001000, '壹万零壹拾元整'],
    [1002400, '壹万零贰拾肆元整'],
    [1010100, '壹万零壹佰零壹元整'],
    [1100000, '壹万壹仟元整'],
    [100000000, '壹佰万元整'],
    [10000000000, '壹亿元整'],
    [10000000100, '壹亿零壹元整'],
    [10000100000, '壹亿零壹仟元整'],
    [10001000000, '壹亿零壹万元整'],
    [10100000000, '壹亿零壹佰万元整'],
    [100000000000, '壹拾亿元整'],
    [101000000000, '壹拾亿壹仟万元整'],
    [12345678901, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元零壹分'],
    // 万亿 and the largest safe amount
    [100000000000000, '壹万亿元整'],
    [100000000000100, '壹万亿零壹元整'],
    [100010000000000, '壹万零壹亿元整'],
    [MAX, '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'],
  ])('%i fen → %s', (fen, words) => {
    expect(toChineseUppercase(fen)).toBe(words);
  });

  it.each([-1, -100, 0.5, 100.5, Number.NaN, Infinity, -Infinity, MAX + 1, 1e20])(
    'rejects %s with RangeError',
    (fen) => {
      expect(() => toChineseUppercase(fen)).toThrow(RangeError);
    },
  );
});

describe('toChineseUppercase — properties', () => {
  it('uses only the canonical characters, never 一二三十毛另, never 零零', () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        const words = toChineseUppercase(fen);
        expect(words).toMatch(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
        expect(words).not.toMatch(/[一二三十毛另]/);
        expect(words).not.toContain('零零');
      }),
      { numRuns: 2000 },
    );
  });

  it('ends with 整 exactly when there are no 分', () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        expect(toChineseUppercase(fen).endsWith('整')).toBe(fen % 10 === 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('never writes 零 before a unit, except 零元整 for zero', () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        const words = toChineseUppercase(fen);
        if (fen === 0) return;
        expect(words).not.toMatch(/零[拾佰仟万亿元角分整]/);
        expect(words.startsWith('零')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  // nzh (Nzh.cn.toMoney) differs from RULES §1 in two ways, both checked before writing this:
  //  1. It adds 整 only when the input string has no decimal point ('12.00' → 壹拾贰元, '1409.50'
  //     → …伍角). forceZheng makes it add 整 whenever the output stops before 分, which is the
  //     RULES behaviour, so we pass it.
  //  2. With a units digit of 0 and 角 non-zero it omits the 零 (1680.32 → 壹仟陆佰捌拾元叁角贰分).
  //     The PBOC rules accept both spellings; RULES §1 mandates 元零X角. On that subset we compare
  //     against nzh's output with the 零 inserted after 元, everywhere else verbatim.
  // Amounts are passed as exact 'Y.JF' strings so nzh never sees a float.
  it('agrees with nzh where the rules allow its spelling', () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        const theirs = Nzh.cn.toMoney(yuanString(fen), { outSymbol: false, forceZheng: true });
        const digits = String(fen).padStart(3, '0');
        const [units, jiao] = [digits.slice(-3, -2), digits.slice(-2, -1)];
        const yuanEndsInZeroBeforeJiao = fen >= 1000 && units === '0' && jiao !== '0';
        const expected = yuanEndsInZeroBeforeJiao ? theirs.replace('元', '元零') : theirs;
        expect(toChineseUppercase(fen)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('formatYuan', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [10, '¥0.10'],
    [100, '¥1.00'],
    [99999, '¥999.99'],
    [100000, '¥1,000.00'],
    [123456, '¥1,234.56'],
    [100000000, '¥1,000,000.00'],
    [-1, '-¥0.01'],
    [-100, '-¥1.00'],
    [-123456789, '-¥1,234,567.89'],
    [-0, '¥0.00'],
    [MAX, '¥90,071,992,547,409.91'],
    [-MAX, '-¥90,071,992,547,409.91'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it.each([0.5, -1.25, Number.NaN, Infinity, MAX + 1])('rejects %s with RangeError', (fen) => {
    expect(() => formatYuan(fen)).toThrow(RangeError);
  });
});

describe('parseYuanToFen', () => {
  it.each([
    ['1234.5', 123450],
    ['1,234.56', 123456],
    ['¥12', 1200],
    ['￥12', 1200],
    ['-3.10', -310],
    ['-¥1.00', -100],
    ['¥-1.00', -100],
    ['+5', 500],
    ['0', 0],
    ['0.07', 7],
    ['.5', 50],
    ['12.', 1200],
    ['007', 700],
    [' 12.30 ', 1230],
    ['1,234,567.89', 123456789],
    ['90071992547409.91', MAX],
  ])('%s → %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it('never returns negative zero', () => {
    expect(Object.is(parseYuanToFen('-0.00'), 0)).toBe(true);
  });

  it.each([
    '',
    ' ',
    '¥',
    '.',
    '-',
    '1.234',
    '0.001',
    'abc',
    '1,23',
    '12,34.5',
    '1,2345',
    '1e3',
    '--1',
    '-¥-1',
    '1.2.3',
    '1 234',
    'NaN',
    'Infinity',
    '0x10',
    '90071992547409.92',
  ])('rejects %j with RangeError', (text) => {
    expect(() => parseYuanToFen(text)).toThrow(RangeError);
  });

  it('round-trips formatYuan', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), (fen) => {
        expect(parseYuanToFen(formatYuan(fen))).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses plain decimals exactly', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 12 }), fc.nat({ max: 99 }), (yuan, cents) => {
        const text = `${yuan}.${String(cents).padStart(2, '0')}`;
        expect(parseYuanToFen(text)).toBe(yuan * 100 + cents);
      }),
    );
  });
});
