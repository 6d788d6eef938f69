import { describe, expect, it } from 'vitest';
import { countLines, lineProblem, sheetTotals, toCountInput, type ShiftView } from '../../../src-renderer/features/dayClose/countMath';
import { parseIsoDate } from '../../../src-renderer/features/query/format';

const shift = {
  floatFen: 50_000,
  totals: [
    { method: 'cash', tendersFen: 22_184, systemFen: 72_184 },
    { method: 'wechat', tendersFen: 12_000, systemFen: 12_000 },
    { method: 'alipay', tendersFen: 0, systemFen: 0 },
    { method: 'card', tendersFen: 0, systemFen: 0 },
    { method: 'transfer', tendersFen: 0, systemFen: 0 },
  ],
} as unknown as ShiftView;

describe('the day-close count sheet', () => {
  it('asks for cash and every method that moved money, and a note wherever the count differs', () => {
    const lines = countLines(shift);
    expect(lines.map(lineProblem)).toEqual(['missing', 'missing', null, null, null]);
    lines[0] = { ...lines[0]!, countedFen: 72_084 };
    lines[1] = { ...lines[1]!, countedFen: 12_050 };
    expect(lines.map(lineProblem)).toEqual(['noteNeeded', 'noteNeeded', null, null, null]);
    // Over and short are summed apart, never netted (RULES §8).
    expect(sheetTotals(lines)).toEqual({ overFen: 50, shortFen: 100 });
    lines[0] = { ...lines[0]!, note: ' 找零多付 1 元 ' };
    lines[1] = { ...lines[1]!, note: '顾客多转' };
    expect(lines.map(lineProblem)).toEqual([null, null, null, null, null]);
    expect(toCountInput(lines, '  ')).toEqual({
      counts: [
        { method: 'cash', countedFen: 72_084, note: '找零多付 1 元' },
        { method: 'wechat', countedFen: 12_050, note: '顾客多转' },
      ],
      note: '',
    });
  });
});

describe('typed dates', () => {
  it('takes the ways a cashier types a date and refuses impossible ones', () => {
    expect(parseIsoDate('2024-05-06')).toBe('2024-05-06');
    expect(parseIsoDate('2024/5/6')).toBe('2024-05-06');
    expect(parseIsoDate('20240506')).toBe('2024-05-06');
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-13-01')).toBeNull();
    expect(parseIsoDate('202456')).toBeNull();
    expect(parseIsoDate('')).toBeNull();
  });
});
