import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { YUAN_FORMAT } from '../../../../src-main/documents/excel/sheetSpec';

export async function readWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

export interface SheetTable {
  headerRow: number;
  headers: string[];
  rows: ExcelJS.CellValue[][];
  totals: ExcelJS.Row | null;
}

/** The table under the title block: the frozen row is the header, data run to the totals row. */
export function sheetTable(ws: ExcelJS.Worksheet, totalsLabel = '合计'): SheetTable {
  const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
  expect(view?.state, `${ws.name}: header frozen`).toBe('frozen');
  const headerRow = view!.ySplit!;
  const header = ws.getRow(headerRow);
  const headers: string[] = [];
  for (let c = 1; c <= ws.columnCount; c++) headers.push(String(header.getCell(c).value ?? ''));
  const rows: ExcelJS.CellValue[][] = [];
  let totals: ExcelJS.Row | null = null;
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const first = row.getCell(1).value;
    if (typeof first === 'string' && (first === totalsLabel || first.startsWith('本期合计'))) {
      totals = row;
      break;
    }
    if (row.cellCount === 0 || (headers.every((_, i) => row.getCell(i + 1).value === null))) break;
    rows.push(headers.map((_, i) => row.getCell(i + 1).value));
  }
  expect(ws.autoFilter, `${ws.name}: autofilter`).toBeTruthy();
  return { headerRow, headers, rows, totals };
}

/** A money column: every non-empty cell a number with the yuan format; returns the sum in fen. */
export function moneyColumnFen(ws: ExcelJS.Worksheet, t: SheetTable, header: string): number {
  const col = t.headers.indexOf(header);
  expect(col, `${ws.name}: column ${header}`).toBeGreaterThanOrEqual(0);
  let fen = 0;
  t.rows.forEach((row, i) => {
    const v = row[col];
    if (v === null || v === undefined) return;
    expect(typeof v, `${ws.name} ${header} row ${i}`).toBe('number');
    expect(ws.getRow(t.headerRow + 1 + i).getCell(col + 1).numFmt).toBe(YUAN_FORMAT);
    fen += Math.round((v as number) * 100);
  });
  return fen;
}

/** The totals cell of a column: a SUM formula over the data whose cached result is `fen`. */
export function expectTotal(ws: ExcelJS.Worksheet, t: SheetTable, header: string, fen: number): void {
  const col = t.headers.indexOf(header) + 1;
  const cell = t.totals!.getCell(col);
  const v = cell.value as { formula?: string; result?: number } | number;
  if (t.rows.length === 0) {
    expect(v).toBe(0);
    return;
  }
  expect(typeof v === 'object' && v.formula, `${ws.name} ${header}: formula`).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
  expect(Math.round(((v as { result: number }).result) * 100), `${ws.name} ${header}: total`).toBe(fen);
  expect(moneyColumnFen(ws, t, header)).toBe(fen);
}

/**
 * Converts every workbook with ONE LibreOffice call (it starts slowly), every sheet to its own
 * CSV (filter token 12 = -1), and returns the CSV texts by file and sheet name.
 */
export function libreOfficeCsv(files: Record<string, Buffer>): Map<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'feedesk-xlsx-'));
  const out = path.join(dir, 'csv');
  const inputs = Object.entries(files).map(([name, data]) => {
    const file = path.join(dir, `${name}.xlsx`);
    writeFileSync(file, data);
    return file;
  });
  execFileSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, ...inputs],
    { stdio: 'pipe', timeout: 180_000 },
  );
  const csv = new Map<string, string>();
  for (const f of readdirSync(out)) csv.set(f.replace(/\.csv$/, ''), readFileSync(path.join(out, f), 'utf8'));
  return csv;
}

/** Parses one CSV line (quotes, commas inside amounts) into fields. */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** A cell's amount in yuan as LibreOffice writes it ('3389.4', or '¥1,234.56' when shown formatted) → fen. */
export function csvFen(text: string): number {
  const m = /^(-?)¥?(-?)([\d,]+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new Error(`not an amount: ${text}`);
  const fen = Number(m[3]!.replace(/,/g, '')) * 100 + Number((m[4] ?? '').padEnd(2, '0'));
  return m[1] || m[2] ? -fen : fen;
}
