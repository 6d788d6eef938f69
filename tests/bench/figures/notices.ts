import { runNoticeBatch, type BatchProgress } from '../../../src-main/documents/pdf/batch';
import { openBenchApp, WorkCopy } from '../dataset';
import { msSince } from '../stats';

export interface NoticeRun {
  notices: number;
  pages: number;
  bytes: number;
  ms: number;
  cpuMs: number;
}

export interface NoticesFigure {
  batch: NoticeRun & { queryMs: number; progressEvents: number };
  single: NoticeRun;
}

/** Page objects in a PDF (pdfkit writes each as `/Type /Page`, the tree as `/Type /Pages`). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

/**
 * Issue 5: 催缴通知单 for `count` owing units in one batch, as the app runs it — the models read
 * on the main thread in slices, the PDF drawn in the worker thread, progress relayed — timed from
 * the request to the finished PDF (CPU is the whole process's, worker included). The floor is the
 * same path for one unit alone: what a batch would cost if it were nothing but single notices.
 */
export async function measureNotices(source: string, nowIso: string, count: number): Promise<NoticesFigure> {
  const copy = new WorkCopy(source, 'notices');
  const app = openBenchApp(copy, nowIso);
  try {
    const ctx = app.context;
    const asOf = ctx.clock.today();
    const owing = ctx.sqlite
      .prepare(`SELECT unit_id FROM bill_lines WHERE status = 'posted' AND outstanding_fen > 0 AND due_date < ? GROUP BY unit_id ORDER BY unit_id LIMIT ?`)
      .pluck()
      .all(asOf, count) as number[];

    const batch = async (unitIds: number[]) => {
      // When the first render progress arrives, the models are built and the worker is drawing.
      const seen = { events: 0, renderFrom: 0n };
      const onProgress = (p: BatchProgress) => {
        seen.events += 1;
        if (p.phase === 'render' && seen.renderFrom === 0n) seen.renderFrom = process.hrtime.bigint();
      };
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      const r = await runNoticeBatch(ctx, { kind: 'dunning', asOf, unitIds }, onProgress, true);
      const ms = msSince(start);
      const used = process.cpuUsage(cpu);
      return {
        notices: r.unitCount,
        pages: pageCount(r.pdf),
        bytes: r.pdf.length,
        ms,
        cpuMs: (used.user + used.system) / 1000,
        queryMs: seen.renderFrom === 0n ? ms : Number(seen.renderFrom - start) / 1e6,
        progressEvents: seen.events,
      };
    };
    await batch(owing.slice(0, 3));
    const { queryMs: _q, progressEvents: _p, ...single } = await batch(owing.slice(0, 1));
    return { batch: await batch(owing), single };
  } finally {
    app.close();
    copy.remove();
  }
}
