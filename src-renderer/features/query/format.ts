import type { CallOutput } from '../../../src-shared/api';

export type ReceiptRow = CallOutput<'collection.listReceipts'>['rows'][number];
export type ReceiptDetail = CallOutput<'collection.receipt'>;
export type TenderMethod = ReceiptRow['methods'][number];

/** The contract's tender methods, in the desk's order (kept here so no zod schema is bundled). */
export const METHODS: readonly TenderMethod[] = ['cash', 'wechat', 'alipay', 'card', 'transfer'];

/** A unit picked from the register search. */
export interface PickedUnit {
  unitId: number;
  unitCode: string;
  communityName: string;
  ownerName: string | null;
}

export type ReceiptState = 'normal' | 'voided' | 'reversal' | 'refund' | 'reversed';

/** The ledger's own word for a collection that a 红冲 has cancelled (receipts.ts statusText). */
const REVERSED_TEXT = '已红冲';

export function rowState(row: Pick<ReceiptRow, 'status' | 'kind'>): ReceiptState {
  if (row.status === 'voided') return 'voided';
  if (row.kind === 'reversal') return 'reversal';
  if (row.kind === 'refund') return 'refund';
  return 'normal';
}

export function detailState(d: ReceiptDetail): ReceiptState {
  const state = rowState(d);
  return state === 'normal' && d.statusText === REVERSED_TEXT ? 'reversed' : state;
}

export const STATE_COLOR: Record<ReceiptState, string> = {
  normal: 'teal',
  voided: 'red',
  reversal: 'orange',
  refund: 'grape',
  reversed: 'gray',
};

/** '2024-05-06T02:31:00.000Z' → '2024-05-06 10:31' in the desk's zone (the browser runs in it). */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The first day of the year of an ISO date: where an owner's statement starts by default. */
export function startOfYear(isoDate: string): string {
  return `${isoDate.slice(0, 4)}-01-01`;
}

/**
 * '2024-05-06', '2024/5/6', '2024.5.6' or '20240506' → '2024-05-06'; null when it is not a real
 * calendar date. The browser's own date picker shows the PC's locale (mm/dd/yyyy on an English
 * Windows), so dates are typed the way the ledger and every printout write them.
 */
export function parseIsoDate(text: string): string | null {
  const t = text.trim();
  // With separators the month and day may have one digit; without, all eight digits are needed.
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
