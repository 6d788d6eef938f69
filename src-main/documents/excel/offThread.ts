import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ProgressFn, WorkbookSpec } from './sheetSpec';

/**
 * Where the worker's code is: the bundled app ships `excel-worker.js` next to the main bundle
 * (scripts/build-main.mjs); from source (tests, `tsx`) the TypeScript entry runs through tsx's
 * require hook. No child process: the packaged app has the RunAsNode fuse off.
 */
function workerEntry(): { file: string; execArgv: string[] } {
  const bundled = path.join(__dirname, 'excel-worker.js');
  if (existsSync(bundled)) return { file: bundled, execArgv: [] };
  return { file: path.join(__dirname, 'excelWorker.ts'), execArgv: ['--require', 'tsx/cjs'] };
}

type WorkerMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; bytes: ArrayBuffer } | { type: 'error'; message: string };

/** Writes the workbook on a worker thread, so a large export leaves the ledger's thread free. */
export function workbookBufferOffThread(spec: WorkbookSpec, onProgress?: ProgressFn): Promise<Buffer> {
  const entry = workerEntry();
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.file, { workerData: spec, execArgv: entry.execArgv });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.done, m.total);
      else if (m.type === 'done') finish(() => resolve(Buffer.from(m.bytes)));
      else finish(() => reject(new Error(`导出工作线程失败：${m.message}`)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`导出工作线程意外退出（${code}）`))));
  });
}
