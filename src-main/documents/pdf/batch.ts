import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppContext } from '../../app/context';
import type { WorkerMessage } from './batchWorker';
import type { NoticeDocument } from './models';
import { dunningNoticeModel, paymentNoticeModel, pickedUnits, statementModel, unitsInScope } from './noticeModels';
import { renderNoticeBatch } from './noticePdf';

type Scope = { communityId: number; buildingId?: number | undefined };

/** Payment notices and statements go to a building or community; 催缴单 also to picked units. */
export type NoticeBatchRequest =
  | (Scope & { kind: 'payment'; month: string })
  | (Scope & { kind: 'statement'; from: string; to: string })
  | ({ kind: 'dunning'; asOf: string } & (Scope | { unitIds: number[] }));

export interface BatchProgress {
  task: 'documents.noticeBatch';
  phase: 'query' | 'render';
  done: number;
  total: number;
}

/** Units with nothing to say are left out: a blank 催缴通知单 is worse than none. */
function documentFor(app: AppContext, unitId: number, r: NoticeBatchRequest): NoticeDocument | null {
  if (r.kind === 'statement') return { type: 'statement', model: statementModel(app, unitId, r.from, r.to) };
  const model = r.kind === 'payment' ? paymentNoticeModel(app, unitId, r.month) : dunningNoticeModel(app, unitId, r.asOf);
  return model.lines.length > 0 || model.totalFen > 0 ? { type: 'notice', model } : null;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Builds the models on the main thread (indexed reads, a few per unit) in slices with a yield in
 * between, so calls from the desk keep being answered while a community's notices are prepared.
 */
export async function noticeDocuments(app: AppContext, r: NoticeBatchRequest, onProgress: (p: BatchProgress) => void): Promise<NoticeDocument[]> {
  const units = 'unitIds' in r ? pickedUnits(app, r.unitIds) : unitsInScope(app, r);
  const docs: NoticeDocument[] = [];
  for (let i = 0; i < units.length; i++) {
    const d = documentFor(app, units[i]!, r);
    if (d) docs.push(d);
    if ((i + 1) % 100 === 0 || i + 1 === units.length) {
      onProgress({ task: 'documents.noticeBatch', phase: 'query', done: i + 1, total: units.length });
      await tick();
    }
  }
  return docs;
}

/**
 * The bundled app ships the worker as its own file (dist/main/pdf-worker.js); tests and
 * `npm run serve` run the TypeScript source through tsx's require hook.
 */
function startWorker(docs: NoticeDocument[]): Worker {
  const bundled = path.join(__dirname, 'pdf-worker.js');
  if (fs.existsSync(bundled)) return new Worker(bundled, { workerData: { docs } });
  const source = path.join(__dirname, 'batchWorker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { eval: true, workerData: { docs } });
}

/** Renders the PDF in a worker thread, relaying its progress. */
export function renderInWorker(docs: NoticeDocument[], onProgress: (p: BatchProgress) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(docs);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress({ task: 'documents.noticeBatch', phase: 'render', done: message.done, total: message.total });
      else if (message.type === 'done') finish(() => resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength)));
      else finish(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`PDF worker exited with code ${code}`))));
  });
}

export interface BatchResult {
  pdf: Buffer;
  unitCount: number;
}

/**
 * A building's or community's notices in one PDF, page per unit. An in-memory ledger (tests)
 * renders in-process through the same function the worker runs.
 */
export async function runNoticeBatch(app: AppContext, r: NoticeBatchRequest, onProgress: (p: BatchProgress) => void, inWorker = app.dbFile !== ':memory:'): Promise<BatchResult> {
  const docs = await noticeDocuments(app, r, onProgress);
  const relay = (done: number, total: number) => onProgress({ task: 'documents.noticeBatch', phase: 'render', done, total });
  const pdf = inWorker ? await renderInWorker(docs, onProgress) : await renderNoticeBatch(docs, relay);
  return { pdf, unitCount: docs.length };
}
