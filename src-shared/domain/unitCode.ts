// Unit codes are typed by people: 3-2-501 (楼栋-单元-房号), A-1201, 商铺-12. The desk lists and
// apportions in natural order (RULES §1: 3-2-501 before 10-1-101), so every list sorts by
// unitSortKey, which SQLite can also ORDER BY as plain text.

/** Letters, digits and Chinese characters, in segments joined by single hyphens. */
export const UNIT_CODE_PATTERN = /^[0-9A-Za-z\u4e00-\u9fa5]+(?:-[0-9A-Za-z\u4e00-\u9fa5]+)*$/;

export interface ParsedUnitCode {
  segments: string[];
  /** 楼栋 when the code has more than one segment. */
  building: string | null;
  /** 单元 when the code has three segments or more. */
  unit: string | null;
  /** 房号: always the last segment. */
  room: string;
}

/** Trims, upper-cases Latin letters and drops spaces around hyphens: ' a - 1201 ' → 'A-1201'. */
export function normalizeUnitCode(code: string): string {
  return code
    .trim()
    .split('-')
    .map((s) => s.trim())
    .join('-')
    .toUpperCase();
}

/** null for text that is not a unit code (empty segment, punctuation …). */
export function parseUnitCode(code: string): ParsedUnitCode | null {
  const normalized = normalizeUnitCode(code);
  if (!UNIT_CODE_PATTERN.test(normalized)) return null;
  const segments = normalized.split('-');
  const room = segments[segments.length - 1]!;
  return {
    segments,
    building: segments.length > 1 ? segments[0]! : null,
    unit: segments.length > 2 ? segments.slice(1, -1).join('-') : null,
    room,
  };
}

/** Wide enough for any building, unit or room number people write (up to 99,999,999). */
const NUMBER_WIDTH = 8;

/**
 * A text key whose plain (binary) order is the natural order of codes: each run of digits is
 * zero-padded so 3 sorts before 10, and '-' sorts below every digit and letter so building 3's
 * units come before building 3A's.
 */
export function unitSortKey(code: string): string {
  return normalizeUnitCode(code)
    .split('-')
    .map((segment) =>
      segment.replace(/\d+/g, (digits) => {
        const n = digits.replace(/^0+(?=\d)/, '');
        return n.padStart(NUMBER_WIDTH, '0');
      }),
    )
    .join('-');
}
