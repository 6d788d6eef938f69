import type ExcelJS from 'exceljs';
import type { CellFormat } from './kind';

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell as the calendar day Excel shows (exceljs gives the day at 00:00 UTC). */
function dayOf(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** What a cell shows, as text: formulas by their result, rich text joined, numbers exactly as stored. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return dayOf(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return '';
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/** 2024/5/1, 2024.5.1 and 2024年5月1日 as 2024-05-01; anything else unchanged, for the schema to refuse. */
export function normalizeDate(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  return m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : text;
}

/**
 * 2024/5 and 2024年5月 as 2024-05. Excel turns a typed 2024-05 into the date 2024-05-01, so a
 * first-of-month date is read as its month.
 */
export function normalizeMonth(text: string): string {
  const day = /^(\d{4})-(\d{2})-01$/.exec(normalizeDate(text));
  if (day) return `${day[1]}-${day[2]}`;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(text);
  return m ? `${m[1]}-${pad(Number(m[2]))}` : text;
}

export function readCell(value: ExcelJS.CellValue, format: CellFormat): string {
  const text = cellText(value);
  if (format === 'date') return normalizeDate(text);
  if (format === 'month') return normalizeMonth(text);
  return text;
}
