import type { Writable } from 'node:stream';
import type { ArrearsDetailRow } from '../../../src-shared/api/calls/reports';
import { arrearsDetailSheet, type SheetHeading } from './reportSheets';
import type { ProgressFn } from './sheetSpec';
import { writeWorkbook } from './writeWorkbook';

/**
 * The 欠费明细 workbook from its rows, to a file path or a stream: what the export writes, callable
 * on its own so the benchmark can time it against bare exceljs streaming of the same rows.
 */
export function writeArrearsDetailWorkbook(
  rows: ArrearsDetailRow[],
  out: Writable | string,
  onProgress?: ProgressFn,
  heading: SheetHeading & { company?: string } = { title: '欠费明细', meta: [] },
): Promise<void> {
  return writeWorkbook({ company: heading.company ?? '', sheets: [arrearsDetailSheet(rows, heading)] }, out, onProgress);
}
