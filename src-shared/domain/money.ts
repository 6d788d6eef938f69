// Money is integer fen everywhere (RULES §1). This module turns fen into the two forms people
// read — figures (¥1,234.56) and words (人民币大写) — and parses what a cashier types.
// Digits are taken from the decimal string, so no division of money happens in floating point.

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const IN_GROUP_UNITS = ['', '拾', '佰', '仟'] as const;

function digitWord(ch: string): string {
  const word = DIGITS[Number(ch)];
  if (word === undefined) throw new RangeError(`not a digit: ${ch}`);
  return word;
}

function assertSafeInteger(fen: number, what: string): void {
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError(`${what} must be a safe integer number of fen, got ${fen}`);
  }
}

/** Up to four digits, first one non-zero → e.g. 壹仟零贰拾肆. Always 壹拾, never bare 拾. */
function groupWords(digits: string): string {
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < digits.length; i++) {
    const ch = digits[i] ?? '0';
    if (ch === '0') {
      pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += digitWord(ch) + IN_GROUP_UNITS[digits.length - 1 - i];
  }
  return out;
}

/**
 * A positive integer without leading zeros, in words. It splits on 亿 (8 digits) or 万 (4): the
 * high part is written in full with its unit, and the low part gets one leading 零 when its top
 * digit is 0 — that is both "one 零 per run of zeros" across a group boundary (壹亿零壹) and "a
 * group whose thousands digit is 0 after a higher group gets 零" (壹万零贰拾肆). Trailing zeros of
 * the high part are never written, so a run spanning the boundary still yields one 零.
 */
function integerWords(digits: string): string {
  if (digits.length <= 4) return groupWords(digits);
  const size = digits.length <= 8 ? 4 : 8;
  const unit = size === 4 ? '万' : '亿';
  const low = digits.slice(-size);
  const lowTrimmed = low.replace(/^0+/, '');
  let out = integerWords(digits.slice(0, -size)) + unit;
  if (lowTrimmed !== '') {
    if (low.startsWith('0')) out += '零';
    out += integerWords(lowTrimmed);
  }
  return out;
}

/** 人民币大写 in the canonical form of RULES §1, without the 人民币 prefix. */
export function toChineseUppercase(fen: number): string {
  assertSafeInteger(fen, 'amount');
  if (fen < 0) throw new RangeError(`amount must not be negative, got ${fen}`);
  if (fen === 0) return '零元整';

  const digits = String(fen).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/^0+/, '');
  const jiao = digits.slice(-2, -1);
  const fenDigit = digits.slice(-1);

  let out = '';
  if (yuan !== '') {
    out = integerWords(yuan) + '元';
    // 零 marks a skipped place between 元 and the next written unit: a units digit of 0
    // before 角, or 角 = 0 before 分.
    const skipped = jiao === '0' ? fenDigit !== '0' : yuan.endsWith('0');
    if (skipped) out += '零';
  }
  if (jiao !== '0') out += digitWord(jiao) + '角';
  out += fenDigit === '0' ? '整' : digitWord(fenDigit) + '分';
  return out;
}

/** '¥1,234.56', '-¥1.00', '¥0.00'. */
export function formatYuan(fen: number): string {
  assertSafeInteger(fen, 'amount');
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${fen < 0 ? '-' : ''}¥${whole}.${digits.slice(-2)}`;
}

// A sign on either side of an optional ¥ (half- or full-width, as Chinese IMEs type it), then
// digits with correct thousands separators or none, then an optional fraction.
const YUAN_RE = /^([+-]?)[¥￥]?([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

/** Parses what a cashier types ('1234.5', '1,234.56', '¥12', '-3.10', '-¥1.00') into fen. */
export function parseYuanToFen(text: string): number {
  const m = YUAN_RE.exec(text.trim());
  const [, sign1 = '', sign2 = '', whole = '', decimals = ''] = m ?? [];
  if (!m || (sign1 !== '' && sign2 !== '') || (whole === '' && decimals === '')) {
    throw new RangeError(`not an amount: ${JSON.stringify(text)}`);
  }
  if (decimals.length > 2) throw new RangeError(`more than 2 decimals: ${JSON.stringify(text)}`);

  const fen = BigInt((whole.replace(/,/g, '') || '0') + decimals.padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`amount too large: ${JSON.stringify(text)}`);
  }
  const value = Number(fen);
  return (sign1 || sign2) === '-' && value !== 0 ? -value : value;
}
