import { parentPort, workerData } from 'node:worker_threads';
import type { WorkbookSpec } from './sheetSpec';
import { workbookBuffer } from './writeWorkbook';

/** Worker thread entry: writes one workbook and hands the bytes back, reporting progress. */
const port = parentPort!;
workbookBuffer(workerData as WorkbookSpec, (done, total) => port.postMessage({ type: 'progress', done, total })).then(
  (buffer) => {
    const bytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length) as ArrayBuffer;
    port.postMessage({ type: 'done', bytes }, [bytes]);
  },
  (error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
);
