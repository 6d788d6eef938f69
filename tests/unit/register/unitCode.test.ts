import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeUnitCode, parseUnitCode, unitSortKey } from '../../../src-shared/domain/unitCode';

const sorted = (codes: string[]) => [...codes].sort((a, b) => (unitSortKey(a) < unitSortKey(b) ? -1 : unitSortKey(a) > unitSortKey(b) ? 1 : 0));

describe('unit codes', () => {
  it('reads 楼栋-单元-房号 and shorter codes', () => {
    expect(parseUnitCode('3-2-501')).toEqual({ segments: ['3', '2', '501'], building: '3', unit: '2', room: '501' });
    expect(parseUnitCode('A-1201')).toEqual({ segments: ['A', '1201'], building: 'A', unit: null, room: '1201' });
    expect(parseUnitCode('商铺-12')).toMatchObject({ building: '商铺', room: '12' });
    expect(parseUnitCode(' a - 1201 ')).toMatchObject({ building: 'A', room: '1201' });
    expect(parseUnitCode('1201')).toMatchObject({ building: null, unit: null, room: '1201' });
  });

  it('refuses text that is not a code', () => {
    for (const bad of ['', '3--501', '-501', '3-2-', '3/2/501', '3 2 501']) expect(parseUnitCode(bad), bad).toBeNull();
  });

  it('sorts in natural order: 3-2-501 before 10-1-101, numbers before letters before Chinese', () => {
    expect(sorted(['10-1-101', '3-2-501', '3-10-101', '3-2-1201', 'A-1201', '商铺-12', '3A-1-101', '3-2-0502', '商铺-2']))
      .toEqual(['3-2-501', '3-2-0502', '3-2-1201', '3-10-101', '3A-1-101', '10-1-101', 'A-1201', '商铺-2', '商铺-12']);
    expect(unitSortKey('a-1201')).toBe(unitSortKey('A-1201'));
  });

  it('orders any two numeric codes as their numbers compare, segment by segment', () => {
    const seg = fc.integer({ min: 0, max: 99_999_999 });
    fc.assert(
      fc.property(fc.tuple(seg, seg, seg), fc.tuple(seg, seg, seg), (a, b) => {
        const ka = unitSortKey(a.join('-'));
        const kb = unitSortKey(b.join('-'));
        const byNumber = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
        expect(Math.sign(ka < kb ? -1 : ka > kb ? 1 : 0)).toBe(Math.sign(byNumber));
      }),
    );
  });

  it('normalises case and spaces around hyphens', () => {
    expect(normalizeUnitCode(' b - 12 ')).toBe('B-12');
  });
});
