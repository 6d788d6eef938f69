import ExcelJS from 'exceljs';
import { AppFailure } from '../ipc/failure';
import { readCell } from './cells';
import type { ImportKind, ImportRow } from './kind';

/** The column an error report adds; found again when a corrected report is uploaded. */
export const ERROR_HEADER = '错误说明';
/** Far beyond any community's register; keeps one upload's memory bounded. */
export const MAX_ROWS = 50_000;

export interface Upload {
  workbook: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  /** Worksheet column number of each kind column present. */
  columnOf: Map<string, number>;
  /** The error column of an earlier report, if this is one. */
  errorColumn: number | null;
  rows: ImportRow[];
}

/** '*房号 ' → '房号': the template marks required headers with an asterisk. */
const headerText = (value: ExcelJS.CellValue) => readCell(value, 'text').replace(/^[*＊]+/, '').replace(/\s+/g, '');

function headersOf(sheet: ExcelJS.Worksheet): Map<string, number> {
  const found = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = headerText(cell.value);
    if (text !== '' && !found.has(text)) found.set(text, col);
  });
  return found;
}

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  // Every .xlsx is a zip archive; anything else (an old .xls, a CSV, a PDF) is refused up front.
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    throw new AppFailure('INVALID_INPUT', '不是 Excel 工作簿（.xlsx）文件，请用下载的模板填写后另存为 .xlsx');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types a pre-generic Buffer; the bytes are the same.
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppFailure('INVALID_INPUT', '无法读取该 Excel 文件，文件可能已损坏，请重新保存为 .xlsx 后上传');
  }
  return workbook;
}

/** The sheet whose first row has the kind's headers, and its non-empty data rows. */
export async function readUpload(data: Buffer, kind: ImportKind): Promise<Upload> {
  const workbook = await load(data);
  const required = kind.columns.filter((c) => c.required).map((c) => c.header);
  const candidates = workbook.worksheets.map((sheet) => ({ sheet, headers: headersOf(sheet) }));
  const match = candidates.find((c) => required.every((h) => c.headers.has(h)));
  if (!match) {
    const best = candidates.find((c) => c.sheet.name === kind.title) ?? candidates[0];
    const missing = required.filter((h) => !best?.headers.has(h));
    throw new AppFailure('INVALID_INPUT', `没有找到${kind.title}导入的表头，缺少列：${missing.join('、')}。请使用下载的「${kind.title}」导入模板`);
  }
  const { sheet, headers } = match;
  const columnOf = new Map<string, number>();
  for (const c of kind.columns) {
    const col = headers.get(c.header);
    if (col !== undefined) columnOf.set(c.key, col);
  }
  const rows: ImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    let any = false;
    for (const c of kind.columns) {
      const col = columnOf.get(c.key);
      values[c.key] = col === undefined ? '' : readCell(row.getCell(col).value, c.format);
      if (values[c.key] !== '') any = true;
    }
    if (any) rows.push({ row: rowNumber, values });
  });
  if (rows.length > MAX_ROWS) throw new AppFailure('INVALID_INPUT', `一次最多导入 ${MAX_ROWS} 行，本文件有 ${rows.length} 行，请分批导入`);
  return { workbook, sheet, columnOf, errorColumn: headers.get(ERROR_HEADER) ?? null, rows };
}
