import ExcelJS from 'exceljs';
import { GUIDE_SHEET, EXAMPLE_TITLE } from '../../../src-main/import/template';
import type { CallInput } from '../../../src-shared/api';
import type { TestApp } from '../support/testApp';

export type Cell = string | number | Date | null;

/** A workbook with one sheet: headers in row 1, then the rows, as a clerk might type them. */
export async function sheetFile(headers: string[], rows: Cell[][], sheetName = '数据'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What POST /api/uploads does: the file lands in the store, the call names it by id. */
export function upload(app: TestApp, data: Buffer, name = '导入.xlsx'): string {
  return app.context.files.put({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data }).fileId;
}

export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

export async function downloaded(app: TestApp, fileId: string): Promise<ExcelJS.Workbook> {
  const file = app.context.files.get(fileId);
  if (!file) throw new Error(`no file ${fileId} in the store`);
  return loadWorkbook(file.data);
}

/** The template's example row from its 填写说明 sheet, by header. */
export function exampleRow(wb: ExcelJS.Workbook): Map<string, string> {
  const guide = wb.getWorksheet(GUIDE_SHEET)!;
  let titleRow = 0;
  guide.eachRow((row, n) => {
    if (row.getCell(1).value === EXAMPLE_TITLE) titleRow = n;
  });
  const headers = guide.getRow(titleRow + 1);
  const values = guide.getRow(titleRow + 2);
  const example = new Map<string, string>();
  headers.eachCell((cell, col) => example.set(String(cell.value).replace(/^\*/, ''), String(values.getCell(col).value ?? '')));
  return example;
}

/**
 * Downloads the template of `kind`, writes `rows` (by header; missing headers take the example's
 * value) into its data sheet from row 2, and uploads the result.
 */
export async function filledTemplate(
  app: TestApp,
  session: string,
  kind: CallInput<'imports.template'>['kind'],
  rows: Array<Record<string, Cell>>,
): Promise<{ fileId: string; example: Map<string, string> }> {
  const ref = await app.must('imports.template', { kind }, session);
  const wb = await downloaded(app, ref.fileId);
  const example = exampleRow(wb);
  const sheet = wb.worksheets[0]!;
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => columns.set(String(cell.value).replace(/^\*/, ''), col));
  rows.forEach((values, i) => {
    const row = sheet.getRow(i + 2);
    for (const [header, col] of columns) {
      const value = header in values ? values[header] : (example.get(header) ?? '');
      row.getCell(col).value = value === '' ? null : (value ?? null);
    }
  });
  return { fileId: upload(app, Buffer.from(await wb.xlsx.writeBuffer()), `${kind}.xlsx`), example };
}

const RED = 'FFFFC7CE';

export interface ReportMarks {
  /** Sheet rows with text in the error column, and that text. */
  errorRows: Map<number, string>;
  /** 'row:header' of every red data cell, with its note. */
  redCells: Map<string, string>;
  errorColumnHeader: string;
}

/** Reads back what an error report marks: the error column and the red cells of the data columns. */
export async function reportMarks(app: TestApp, fileId: string): Promise<ReportMarks> {
  const sheet = (await downloaded(app, fileId)).worksheets[0]!;
  const headers = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, col) => headers.set(col, String(cell.value).replace(/^\*/, '')));
  const errorCol = [...headers].find(([, h]) => h === '错误说明')?.[0];
  const marks: ReportMarks = { errorRows: new Map(), redCells: new Map(), errorColumnHeader: errorCol ? headers.get(errorCol)! : '' };
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    for (const col of headers.keys()) {
      const cell = row.getCell(col);
      if (col === errorCol) {
        if (cell.value) marks.errorRows.set(n, String(cell.value));
        continue;
      }
      const fill = cell.fill;
      if (fill?.type === 'pattern' && fill.fgColor?.argb === RED) {
        const note = typeof cell.note === 'string' ? cell.note : (cell.note?.texts ?? []).map((t) => t.text).join('');
        marks.redCells.set(`${n}:${headers.get(col)}`, note);
      }
    }
  });
  return marks;
}
