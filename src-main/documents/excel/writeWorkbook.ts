import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { columnLetter, RATE_FORMAT, YUAN_FORMAT, type CellValue, type ProgressFn, type SheetSpec, type WorkbookSpec } from './sheetSpec';

const PROGRESS_EVERY = 2000;

const BORDER = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const STYLES = {
  company: { font: { bold: true, size: 12 } },
  title: { font: { bold: true, size: 16 }, alignment: { horizontal: 'center' as const } },
  meta: { font: { size: 10, color: { argb: 'FF595959' } } },
  header: {
    font: { bold: true },
    alignment: { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true },
    fill: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDEBF7' } },
    border: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
  },
  money: { numFmt: YUAN_FORMAT },
  rate: { numFmt: RATE_FORMAT },
  flaggedText: { fill: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFCE4D6' } } },
  totalLabel: { font: { bold: true } },
  note: { font: { size: 10 }, alignment: { wrapText: true, vertical: 'top' as const } },
};
/**
 * exceljs caches a style's id by object identity: a cell left with its own fresh empty style
 * object is re-hashed on every write, which costs more than the rest of the row. Shared objects only.
 */
const PLAIN = {};
const FLAGGED_MONEY = { ...STYLES.flaggedText, numFmt: YUAN_FORMAT };
const TOTAL_MONEY = { font: { bold: true }, numFmt: YUAN_FORMAT };
const TOTAL_RATE = { font: { bold: true }, numFmt: RATE_FORMAT };
const TOTAL_INT = { font: { bold: true } };

/** One data cell: money fen become yuan here and nowhere earlier. */
function cellValue(kind: SheetSpec['columns'][number]['kind'], v: CellValue): CellValue {
  if (v === null || v === '') return null;
  return kind === 'money' ? (v as number) / 100 : v;
}

function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, company: string, spec: SheetSpec, tick: () => void): void {
  const n = spec.columns.length;
  const last = columnLetter(n);
  const headerRow = 3 + spec.meta.length + 1;
  const ws = wb.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  ws.columns = spec.columns.map((c) => ({ width: c.width }));

  const titleRow = (rowNo: number, text: string, style: Partial<ExcelJS.Style>, height?: number) => {
    const row = ws.getRow(rowNo);
    row.getCell(1).value = text;
    row.getCell(1).style = style;
    if (height) row.height = height;
    ws.mergeCells(`A${rowNo}:${last}${rowNo}`);
    row.commit();
  };
  titleRow(1, company, STYLES.company);
  titleRow(2, spec.title, STYLES.title, 26);
  spec.meta.forEach((line, i) => titleRow(3 + i, line, STYLES.meta));

  const header = ws.getRow(headerRow);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = STYLES.header;
  });
  header.height = 22;
  header.commit();

  const sums = new Array<number>(n).fill(0);
  const moneyStyle = STYLES.money;
  const rateStyle = STYLES.rate;
  for (let r = 0; r < spec.rows.length; r++) {
    const values = spec.rows[r]!;
    const flagged = spec.flagColumn !== undefined && values[spec.flagColumn] !== null && values[spec.flagColumn] !== '';
    const row = ws.getRow(headerRow + 1 + r);
    for (let i = 0; i < n; i++) {
      const col = spec.columns[i]!;
      const v = values[i] ?? null;
      if (typeof v === 'number' && (col.kind === 'money' || col.kind === 'int')) sums[i]! += v;
      const value = cellValue(col.kind, v);
      if (value === null && !flagged) continue;
      const cell = row.getCell(i + 1);
      cell.value = value;
      if (col.kind === 'money') cell.style = flagged ? FLAGGED_MONEY : moneyStyle;
      else if (col.kind === 'rate') cell.style = rateStyle;
      else cell.style = flagged ? STYLES.flaggedText : PLAIN;
    }
    row.commit();
    tick();
  }

  const firstData = headerRow + 1;
  const lastData = headerRow + spec.rows.length;
  let next = lastData + 1;
  if (spec.totals) {
    const row = ws.getRow(next);
    row.getCell(1).value = spec.totals.label;
    row.getCell(1).style = STYLES.totalLabel;
    spec.columns.forEach((c, i) => {
      if (i === 0 || !(c.kind === 'money' || c.kind === 'int') || c.sum === false) return;
      const result = c.kind === 'money' ? sums[i]! / 100 : sums[i]!;
      const L = columnLetter(i + 1);
      row.getCell(i + 1).value = spec.rows.length === 0 ? 0 : { formula: `SUM(${L}${firstData}:${L}${lastData})`, result };
      row.getCell(i + 1).style = c.kind === 'money' ? TOTAL_MONEY : TOTAL_INT;
    });
    for (const rate of spec.totals.rates ?? []) {
      const den = rate.denominator.map((d) => `${d.sign < 0 ? '-' : '+'}${columnLetter(d.column + 1)}${next}`).join('').replace(/^\+/, '');
      const denFen = rate.denominator.reduce((s, d) => s + d.sign * sums[d.column]!, 0);
      const num = `${columnLetter(rate.numerator + 1)}${next}`;
      const result = denFen > 0 ? sums[rate.numerator]! / denFen : '';
      row.getCell(rate.column + 1).value = { formula: `IF((${den})>0,${num}/(${den}),"")`, result };
      row.getCell(rate.column + 1).style = TOTAL_RATE;
    }
    row.commit();
    next += 1;
  }
  ws.autoFilter = `A${headerRow}:${last}${Math.max(headerRow, lastData)}`;
  for (const note of spec.notes ?? []) {
    next += 1;
    titleRow(next, note, STYLES.note);
  }
  ws.commit();
}

/**
 * Writes the workbook with exceljs's streaming writer: rows are committed as they are written,
 * so memory holds the description, not a second copy of it as cell objects.
 */
export async function writeWorkbook(spec: WorkbookSpec, out: Writable | string, onProgress?: ProgressFn): Promise<void> {
  const total = spec.sheets.reduce((s, sh) => s + sh.rows.length, 0);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof out === 'string' ? { filename: out } : { stream: out }),
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'FeeDesk';
  let done = 0;
  const tick = () => {
    done += 1;
    if (onProgress && done % PROGRESS_EVERY === 0) onProgress(done, total);
  };
  for (const sheet of spec.sheets) writeSheet(wb, spec.company, sheet, tick);
  await wb.commit();
  onProgress?.(total, total);
}

/** The workbook as a buffer, for the file store. */
export async function workbookBuffer(spec: WorkbookSpec, onProgress?: ProgressFn): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await writeWorkbook(spec, sink, onProgress);
  await ended;
  return Buffer.concat(chunks);
}
