import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildSync } from 'esbuild';
import { DB_FILE_NAME } from '../../../src-main/app/createApp';
import { openBenchApp, WorkCopy } from '../dataset';
import type { ExcelChildResult } from './excelChild';

export interface ExcelSide {
  /** Medians over the rounds; peak RSS is the largest any round reached. */
  ms: number;
  cpuMs: number;
  queryMs: number;
  startRssMb: number;
  peakRssMb: number;
  bytes: number;
}

export interface ExcelFigure {
  rows: number;
  rounds: number;
  app: ExcelSide;
  bare: ExcelSide;
}

const run = promisify(execFile);

/**
 * The child as the app ships its code — bundled, no TypeScript loader in memory — with the
 * native module and exceljs left to node_modules. Inside the project so both resolve.
 */
function buildChild(): { file: string; dir: string } {
  const dir = path.resolve('node_modules/.cache/feedesk-bench-excel');
  const file = path.join(dir, 'excelChild.cjs');
  buildSync({
    entryPoints: [path.join(import.meta.dirname, 'excelChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: file,
    external: ['better-sqlite3', 'exceljs'],
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  return { file, dir };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function side(results: ExcelChildResult[]): ExcelSide {
  return {
    ms: median(results.map((r) => r.ms)),
    cpuMs: median(results.map((r) => r.cpuMs)),
    queryMs: median(results.map((r) => r.queryMs)),
    startRssMb: median(results.map((r) => r.startRssMb)),
    peakRssMb: Math.max(...results.map((r) => r.peakRssMb)),
    bytes: results[0]!.bytes,
  };
}

/**
 * Issue 5: the 欠费明细 export of `count` rows (the report query's open overdue lines on the desk
 * date) written by writeArrearsDetailWorkbook, against exceljs's bare streaming writer given the
 * same cells. Each export runs in a child process of its own — query, then write — so its peak
 * RSS is its own; the two alternate for `rounds` rounds so that a busy spell on the machine does
 * not fall on one side only. Time is the write alone; the query is the same on both sides.
 */
export async function measureExcel(source: string, nowIso: string, count: number, rounds: number): Promise<ExcelFigure> {
  const copy = new WorkCopy(source, 'excel');
  const child = buildChild();
  try {
    const ledger = path.join(copy.dataDir, DB_FILE_NAME);
    const app = openBenchApp(copy, nowIso);
    const asOf = app.context.clock.today();
    app.close();
    const out = { app: [] as ExcelChildResult[], bare: [] as ExcelChildResult[] };
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 === 0 ? (['bare', 'app'] as const) : (['app', 'bare'] as const);
      for (const mode of order) {
        const xlsx = path.join(copy.dataDir, `${mode}.xlsx`);
        const { stdout } = await run(process.execPath, [child.file, mode, ledger, asOf, String(count), xlsx], { maxBuffer: 1 << 20 });
        out[mode].push(JSON.parse(stdout.trim()) as ExcelChildResult);
        fs.rmSync(xlsx, { force: true });
      }
    }
    return { rows: out.app[0]!.rows, rounds, app: side(out.app), bare: side(out.bare) };
  } finally {
    copy.remove();
    fs.rmSync(child.dir, { recursive: true, force: true });
  }
}
