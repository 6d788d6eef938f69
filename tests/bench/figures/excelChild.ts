/**
 * One side of the Excel figure, in a process of its own so that its peak memory is its own: the
 * export as the app runs it — the report query's rows from the ledger (read-only), then the
 * workbook — printing its times, CPU time and peak RSS as one JSON line. Bundled by excel.ts.
 *   app  — writeArrearsDetailWorkbook, what the 欠费明细 export writes (title block, styles,
 *          frozen header, autofilter, SUM totals);
 *   bare — exceljs's streaming writer given the same cells and nothing else.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { ArrearsDetailRow } from '../../../src-shared/api/calls/reports';
import type { AppContext } from '../../../src-main/app/context';
import { openDatabase } from '../../../src-main/db/connection';
import { writeArrearsDetailWorkbook } from '../../../src-main/documents/excel/arrearsDetailWorkbook';
import { ARREARS_DETAIL_COLUMNS, arrearsDetailCells } from '../../../src-main/documents/excel/reportSheets';
import { arrearsDetailRows } from '../../../src-main/reports/arrearsDetail';

export interface ExcelChildResult {
  mode: 'app' | 'bare';
  rows: number;
  queryMs: number;
  /** The write alone, from the rows in memory to the closed file. */
  ms: number;
  cpuMs: number;
  /** RSS with the rows in memory, before the write. */
  startRssMb: number;
  peakRssMb: number;
  bytes: number;
}

async function bare(rows: ArrearsDetailRow[], file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('欠费明细');
  ws.addRow(ARREARS_DETAIL_COLUMNS.map((c) => c.header)).commit();
  const money = ARREARS_DETAIL_COLUMNS.map((c) => c.kind === 'money');
  for (const r of rows) ws.addRow(arrearsDetailCells(r).map((v, i) => (money[i] && typeof v === 'number' ? v / 100 : v))).commit();
  ws.commit();
  await wb.commit();
}

/** The report query's first `count` rows, as the export draws them (the ledger is only read). */
function queryRows(dbFile: string, asOf: string, count: number): ArrearsDetailRow[] {
  const sqlite = openDatabase(dbFile, { readonly: true });
  try {
    const rows: ArrearsDetailRow[] = [];
    for (const r of arrearsDetailRows({ sqlite } as AppContext, { asOf }, null)) {
      rows.push(r);
      if (rows.length === count) break;
    }
    return rows;
  } finally {
    sqlite.close();
  }
}

async function main(): Promise<void> {
  const [mode, dbFile, asOf, count, outFile] = process.argv.slice(2);
  if ((mode !== 'app' && mode !== 'bare') || !dbFile || !asOf || !count || !outFile) {
    throw new Error('usage: excelChild app|bare LEDGER AS_OF ROWS OUT');
  }
  const queryStart = process.hrtime.bigint();
  const rows = queryRows(dbFile, asOf, Number(count));
  const queryMs = Number(process.hrtime.bigint() - queryStart) / 1e6;
  const startRssMb = process.memoryUsage().rss / 1048576;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  if (mode === 'app') {
    await writeArrearsDetailWorkbook(rows, outFile, undefined, {
      company: '基准物业服务有限公司',
      title: '欠费明细',
      meta: [`截止日期：${asOf}`, `共 ${rows.length} 行`],
    });
  } else {
    await bare(rows, outFile);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  const result: ExcelChildResult = {
    mode,
    rows: rows.length,
    queryMs,
    ms,
    cpuMs: (used.user + used.system) / 1000,
    startRssMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    bytes: fs.statSync(outFile).size,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
