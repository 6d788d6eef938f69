/** Small display helpers of the fee desk; amounts themselves always go through <Money>. */

/** 13385974871 → 133****4871: the desk shows who lives there without exposing the number. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return digits.length > 0 ? `${digits.slice(0, 1)}****` : '';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** A bill's period: one month as 2024-04, a span as 2024-01 ～ 2024-03, other dates in full. */
export function periodText(start: string, end: string): string {
  const monthStart = start.endsWith('-01');
  const monthEnd = isMonthEnd(end);
  if (monthStart && monthEnd) {
    const a = start.slice(0, 7);
    const b = end.slice(0, 7);
    return a === b ? a : `${a} ～ ${b}`;
  }
  return start === end ? start : `${start} ～ ${end}`;
}

function isMonthEnd(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate() === d;
}

/** Decimal area text as the register keeps it (up to 4 decimals) → 89.50 ㎡ with two decimals at least. */
export function areaText(area: string | null): string | null {
  if (area === null) return null;
  const [int, frac = ''] = area.split('.');
  return `${int}.${frac.padEnd(2, '0')}㎡`;
}

/** A request key for one payment form: a retry or a double Enter reuses it, a new form gets a new one. */
export function newRequestKey(): string {
  return crypto.randomUUID();
}

/** True while a dialog has the focus: page shortcuts then leave the keys to the dialog. */
export function inDialog(event: KeyboardEvent): boolean {
  const target = event.target;
  return target instanceof Element && target.closest('[role="dialog"]') !== null;
}
