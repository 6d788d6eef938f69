/**
 * A report workbook described as plain data, so the same description is written in-process or
 * handed to a worker thread (structured clone) unchanged.
 *
 * Money columns hold integer fen and become yuan only when the cell is written: fen / 100 is the
 * nearest double to the exact yuan amount for every |fen| < 2^53, and with two decimals shown
 * ('¥#,##0.00') it displays exactly; the integer fen never pass through a float on their way
 * here, and totals are summed in fen before the one division.
 */
export type ColumnKind = 'text' | 'money' | 'int' | 'rate';

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  /** Characters; CJK text counts about two per character. */
  width: number;
  /** Money and integer columns are summed in the totals row unless this is false. */
  sum?: boolean;
}

export type CellValue = string | number | null;

/** A totals-row ratio: numerator column ÷ (signed sum of denominator columns), 0-based indexes. */
export interface RateTotal {
  column: number;
  numerator: number;
  denominator: Array<{ column: number; sign: 1 | -1 }>;
}

export interface SheetSpec {
  /** Worksheet tab name, at most 31 characters. */
  name: string;
  title: string;
  /** Lines under the title: filters, period, who made it and when. */
  meta: string[];
  columns: ColumnSpec[];
  rows: CellValue[][];
  /** A totals row under the data; absent for lists that must not be added up. */
  totals?: { label: string; rates?: RateTotal[] };
  /** Printed under the table (RULES §9 definitions). */
  notes?: string[];
  /** Rows whose cell in this column is not empty are highlighted (e.g. beyond the 3-year limitation). */
  flagColumn?: number;
}

export interface WorkbookSpec {
  company: string;
  sheets: SheetSpec[];
}

export type ProgressFn = (done: number, total: number) => void;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const YUAN_FORMAT = '¥#,##0.00';
export const RATE_FORMAT = '0.00%';

/** Excel column letters of a 1-based index: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
