import type ExcelJS from 'exceljs';
import type { ImportKind } from './kind';
import { ERROR_HEADER, type Upload } from './readUpload';

export interface RowError {
  row: number;
  /** A column key of the kind, or null for the row as a whole. */
  column: string | null;
  message: string;
}

const RED = 'FFFFC7CE';
const DARK_RED = 'FF9C0006';
const RED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: RED } };
const NO_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'none' };
/** Marks the notes this report writes, so a corrected report uploaded again is cleaned first. */
const NOTE_PREFIX = '错误：';

const noteText = (note: ExcelJS.Cell['note']): string =>
  typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');

/**
 * Cells read from a file share style objects (one per style id), so setting `cell.fill` on one
 * would repaint every cell of the same style: each marked cell gets a style of its own.
 */
function restyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...patch };
}

/**
 * exceljs 4 has no call that removes a note, and a loaded cell also keeps it in its value's model:
 * the value is set again (a fresh model) and the note field cleared, as its own Row.splice does.
 */
function removeNote(cell: ExcelJS.Cell): void {
  const value = cell.value;
  cell.value = value;
  (cell as unknown as { _comment?: unknown })._comment = undefined;
}

/** A re-uploaded report: its old error texts, red cells and notes go before the new ones are marked. */
function clearEarlierMarks(upload: Upload, errorColumn: number): void {
  const columns = [...upload.columnOf.values(), errorColumn];
  upload.sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    row.getCell(errorColumn).value = null;
    for (const col of columns) {
      const cell = row.getCell(col);
      if (noteText(cell.note).startsWith(NOTE_PREFIX)) removeNote(cell);
      const fill = cell.fill;
      if (fill?.type === 'pattern' && fill.fgColor?.argb === RED) restyle(cell, { fill: NO_FILL });
    }
  });
}

export function labelOf(kind: ImportKind, column: string | null): string | null {
  return column === null ? null : (kind.columns.find((c) => c.key === column)?.header ?? column);
}

/**
 * The uploaded workbook itself, with an error column after the data (or the earlier report's
 * one) and each bad cell filled red with a note saying what is wrong; a row-level error marks
 * the error cell. The clerk fixes the cells in this copy and uploads it again.
 */
export async function errorReport(upload: Upload, kind: ImportKind, errors: RowError[]): Promise<Buffer> {
  const { sheet } = upload;
  const errorColumn = upload.errorColumn ?? Math.max(sheet.columnCount, ...upload.columnOf.values()) + 1;
  if (upload.errorColumn !== null) clearEarlierMarks(upload, errorColumn);

  const header = sheet.getRow(1).getCell(errorColumn);
  header.value = ERROR_HEADER;
  restyle(header, { font: { bold: true, color: { argb: DARK_RED } }, fill: RED_FILL });
  sheet.getColumn(errorColumn).width = 60;

  const byRow = new Map<number, RowError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  for (const [rowNumber, list] of byRow) {
    const row = sheet.getRow(rowNumber);
    const summary = row.getCell(errorColumn);
    summary.value = list.map((e) => (e.column === null ? e.message : `${labelOf(kind, e.column)}：${e.message}`)).join('；');
    restyle(summary, { font: { color: { argb: DARK_RED } } });
    const notes = new Map<ExcelJS.Cell, string[]>();
    for (const e of list) {
      const col = e.column === null ? undefined : upload.columnOf.get(e.column);
      const cell = col === undefined ? summary : row.getCell(col);
      notes.set(cell, [...(notes.get(cell) ?? []), e.message]);
    }
    for (const [cell, messages] of notes) {
      restyle(cell, { fill: RED_FILL });
      if (cell !== summary) cell.note = `${NOTE_PREFIX}${messages.join('；')}`;
    }
  }
  return Buffer.from(await upload.workbook.xlsx.writeBuffer());
}
