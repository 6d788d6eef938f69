// Business dates are plain 'YYYY-MM-DD' strings (RULES §1: the company's calendar, not the
// machine's). Arithmetic works on the parsed year, month and day through Date.UTC, so neither
// the machine's time zone nor daylight saving can shift a day.

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

interface Ymd {
  y: number;
  m: number; // 1..12
  d: number;
}

function daysInMonth(y: number, m: number): number {
  // Day 0 of the next month is the last day of this one.
  return utcDate(y, m + 1, 0).getUTCDate();
}

/** Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not. */
function utcDate(y: number, m: number, d: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date;
}

function parse(s: string): Ymd | null {
  const match = ISO_DATE_RE.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

function parseOrThrow(s: string): Ymd {
  const ymd = parse(s);
  if (!ymd) throw new RangeError(`not a valid YYYY-MM-DD date: ${JSON.stringify(s)}`);
  return ymd;
}

function format(date: Date): string {
  const y = date.getUTCFullYear();
  // Also catches an Invalid Date (NaN) from an absurd offset.
  if (!(y >= 0 && y <= 9999)) throw new RangeError(`date out of range: year ${y}`);
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(y, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

function epochDay({ y, m, d }: Ymd): number {
  return utcDate(y, m, d).getTime() / MS_PER_DAY;
}

export function isValidIsoDate(s: string): boolean {
  return parse(s) !== null;
}

/** Calendar days from a to b: positive when b is later. daysBetween('2024-03-31', '2024-05-15') = 45. */
export function daysBetween(a: string, b: string): number {
  return epochDay(parseOrThrow(b)) - epochDay(parseOrThrow(a));
}

export function addDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`days must be an integer, got ${n}`);
  const { y, m, d } = parseOrThrow(date);
  return format(utcDate(y, m, d + n));
}

/** Adds whole months, clamping to the month's end: 2024-01-31 + 1 month = 2024-02-29. */
export function addMonths(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`months must be an integer, got ${n}`);
  const { y, m, d } = parseOrThrow(date);
  const monthIndex = y * 12 + (m - 1) + n;
  const ty = Math.floor(monthIndex / 12);
  const tm = monthIndex - ty * 12 + 1;
  return format(utcDate(ty, tm, Math.min(d, daysInMonth(ty, tm))));
}
