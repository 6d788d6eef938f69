import { A4, newDocument, put, toBuffer } from '../../../src-main/documents/pdf/kit';
import { RECEIPT_LAYOUTS, type ReceiptLayout } from '../../../src-main/documents/pdf/models';
import { receiptModel } from '../../../src-main/documents/pdf/receiptModel';
import { renderReceiptPdf } from '../../../src-main/documents/pdf/receiptPdf';
import { openBenchApp, WorkCopy } from '../dataset';
import { BenchRng, Samples, type Distribution } from '../stats';

export interface ReceiptPdfFigure {
  receipts: number;
  all: Distribution;
  byLayout: Record<ReceiptLayout, Distribution>;
  meanKb: number;
  baseline: Distribution;
}

/**
 * Issue 5: a receipt as the desk prints it — the model read from the ledger, then the PDF in the
 * layout — for `count` receipts drawn from the ledger, the three layouts in turn, after a warm-up
 * that parses the embedded CJK face (once per process, as in the app). The floor is a one-page PDF
 * with the same face saying only the receipt number and company: what any PDF of ours costs.
 */
export async function measureReceiptPdf(source: string, nowIso: string, count: number): Promise<ReceiptPdfFigure> {
  const copy = new WorkCopy(source, 'receipt-pdf');
  const app = openBenchApp(copy, nowIso);
  try {
    const ctx = app.context;
    const ids = ctx.sqlite.prepare('SELECT id FROM receipts ORDER BY id').pluck().all() as number[];
    const rng = new BenchRng(5);
    const picked = Array.from({ length: count }, () => rng.pick(ids));
    const warm = Array.from({ length: 30 }, () => rng.pick(ids));

    const render = async (id: number, layout: ReceiptLayout) => (await renderReceiptPdf(receiptModel(ctx, id), layout)).pdf.length;
    for (const [i, id] of warm.entries()) await render(id, RECEIPT_LAYOUTS[i % RECEIPT_LAYOUTS.length]!);
    const all = new Samples();
    const byLayout = new Map<ReceiptLayout, Samples>(RECEIPT_LAYOUTS.map((l) => [l, new Samples()]));
    let bytes = 0;
    for (const [i, id] of picked.entries()) {
      const layout = RECEIPT_LAYOUTS[i % RECEIPT_LAYOUTS.length]!;
      const done = all.start();
      bytes += await render(id, layout);
      done();
      byLayout.get(layout)!.wall.push(all.wall[all.wall.length - 1]!);
      byLayout.get(layout)!.cpu.push(all.cpu[all.cpu.length - 1]!);
    }

    const floor = async (id: number) => {
      const doc = newDocument({ title: `收款收据 ${id}`, size: A4 });
      doc.addPage({ size: A4, margin: 0 });
      put(doc, `收款收据 No. SJ${String(id).padStart(8, '0')}  基准物业服务有限公司`, 40, 40, { size: 14 });
      return (await toBuffer(doc)).length;
    };
    for (const id of warm) await floor(id);
    const base = new Samples();
    for (const id of picked) {
      const done = base.start();
      await floor(id);
      done();
    }
    return {
      receipts: picked.length,
      all: all.summary(),
      byLayout: Object.fromEntries(RECEIPT_LAYOUTS.map((l) => [l, byLayout.get(l)!.summary()])) as Record<ReceiptLayout, Distribution>,
      meanKb: bytes / picked.length / 1024,
      baseline: base.summary(),
    };
  } finally {
    app.close();
    copy.remove();
  }
}
