import { parentPort, workerData } from 'node:worker_threads';
import type { NoticeDocument } from './models';
import { renderNoticeBatch } from './noticePdf';

/**
 * The notice batch off the main thread: it receives the finished models (no ledger access, so
 * no native module to load here) and answers progress, then the PDF's bytes.
 */
export type WorkerMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; pdf: Uint8Array } | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  const docs = (workerData as { docs: NoticeDocument[] }).docs;
  renderNoticeBatch(docs, (done, total) => port.postMessage({ type: 'progress', done, total } satisfies WorkerMessage))
    .then((pdf) => {
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      port.postMessage({ type: 'done', pdf: bytes } satisfies WorkerMessage);
    })
    .catch((error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage));
}
