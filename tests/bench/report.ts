import type { AccountFigure } from './figures/account';
import type { ArrearsFigure } from './figures/arrears';
import type { BillingFigure } from './figures/billing';
import type { CrashFigure } from './figures/crash';
import type { ExcelFigure } from './figures/excel';
import type { NoticesFigure } from './figures/notices';
import type { PaymentFigure } from './figures/payment';
import type { ReceiptPdfFigure } from './figures/receiptPdf';
import type { SearchFigure } from './figures/search';
import { ms, type Distribution } from './stats';

export interface Figures {
  billing?: BillingFigure;
  search?: SearchFigure;
  account?: AccountFigure;
  payment?: PaymentFigure;
  arrears?: ArrearsFigure;
  crash?: CrashFigure;
  excel?: ExcelFigure;
  receiptPdf?: ReceiptPdfFigure;
  notices?: NoticesFigure;
}

interface Row {
  no: string;
  figure: string;
  measured: string;
  baseline: string;
  ratio: string;
  target: string;
  pass: boolean;
}

const n = (v: number) => v.toLocaleString('en-US');
const yuan = (fen: number) => `¥${n(Math.round(fen / 100))}`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×` : '—');
const p50p95 = (d: Distribution) => `p50 ${ms(d.p50)} · p95 ${ms(d.p95)}`;
const cpu = (d: Distribution) => ` (CPU p50 ${ms(d.cpuP50)} · p95 ${ms(d.cpuP95)})`;
const mb = (v: number) => `${v.toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function rows(f: Figures, month: string): Row[] {
  const out: Row[] = [];
  if (f.billing) {
    const b = f.billing;
    out.push({
      no: '1',
      figure: `Billing run ${month}: \`billing.commit\` via router (${n(b.lineCount)} lines, ${n(b.offsetCount)} prepaid offsets, ${n(b.exceptionCount)} exceptions, audit; ${n(b.readings)} readings entered beforehand, untimed)`,
      measured: ms(b.commitMs),
      baseline: `raw prepared INSERT of the same ${n(b.baselineLines)} rows, 1 tx: ${ms(b.baselineMs)}`,
      ratio: ratio(b.commitMs, b.baselineMs),
      target: '≤ 2× baseline',
      pass: b.commitMs <= 2 * b.baselineMs && b.lineCount === b.baselineLines,
    });
  }
  if (f.search) {
    const s = f.search;
    out.push({
      no: '2',
      figure: `Search \`searchUnits\`: ${n(s.queries)} queries (code prefix, name, phone tail, plate, initials), warm; index build ${ms(s.buildMs)}`,
      measured: `${p50p95(s.search)} · max ${ms(s.search.max)}${cpu(s.search)}`,
      baseline: `exact-code indexed SELECT: ${p50p95(s.baseline)}`,
      ratio: `p95 ${ratio(s.search.p95, s.baseline.p95)}`,
      target: 'p95 ≤ 5 ms',
      pass: s.search.p95 <= 5,
    });
  }
  if (f.account) {
    const a = f.account;
    out.push({
      no: '3',
      figure: `Open account \`collection.account\` via router, ${n(a.units)} random units (service alone: ${p50p95(a.service)})`,
      measured: `${p50p95(a.router)} · max ${ms(a.router.max)}${cpu(a.router)}`,
      baseline: `SELECT of the unit row: ${p50p95(a.baseline)}`,
      ratio: `p95 ${ratio(a.router.p95, a.baseline.p95)}`,
      target: 'p95 ≤ 10 ms',
      pass: a.router.p95 <= 10,
    });
  }
  if (f.payment) {
    const p = f.payment;
    out.push({
      no: '4',
      figure: `Post a payment \`collection.collect\` via router, ${n(p.payments)} payments, mixed tenders (journal ${p.journalMode}, synchronous ${p.synchronous})`,
      measured: `${p50p95(p.collect)} · max ${ms(p.collect.max)}${cpu(p.collect)}`,
      baseline: `1-row INSERT tx, fsync'd, same file: ${p50p95(p.baseline)}`,
      ratio: `p95 ${ratio(p.collect.p95, p.baseline.p95)}`,
      target: 'p95 ≤ 15 ms',
      pass: p.collect.p95 <= 15,
    });
  }
  if (f.arrears) {
    const a = f.arrears;
    const agree = a.naiveUnits === a.units && a.naiveOutstandingFen === a.outstandingFen;
    const naive = `naive per-unit derivation (GROUP BY over all bill lines), once: ${ms(a.naiveMs)}${agree ? '' : ' — totals DIFFER'}`;
    out.push({
      no: '5a',
      figure: `Arrears first page \`arrearsList\` (50, amount_desc, aging), 20 runs; ${n(a.units)} units owe ${yuan(a.outstandingFen)}`,
      measured: `median ${ms(a.firstPage.p50)} · p95 ${ms(a.firstPage.p95)}${cpu(a.firstPage)}`,
      baseline: naive,
      ratio: ratio(a.firstPage.p95, a.naiveMs),
      target: 'p95 ≤ 150 ms',
      pass: a.firstPage.p95 <= 150 && agree,
    });
    out.push({
      no: '5b',
      figure: 'Company-wide arrears summary `arrearsSummary`, 5 runs',
      measured: `median ${ms(a.summary.p50)} (CPU ${ms(a.summary.cpuP50)})`,
      baseline: naive,
      ratio: ratio(a.summary.p50, a.naiveMs),
      target: '≤ 1 s',
      pass: a.summary.p50 <= 1000 && agree,
    });
  }
  if (f.crash) {
    const c = f.crash;
    out.push({
      no: '6',
      figure: `Crash: ${n(c.rounds)} kill -9 rounds while posting (${ms(c.totalMs)})`,
      measured: `${n(c.committed)} payments committed · lost ${c.lost} · half-posted (invariant violations) ${c.violations} · chain failures ${c.chainFailures} · integrity failures ${c.integrityFailures} · child errors ${c.childErrors}`,
      baseline: '—',
      ratio: '—',
      target: 'lost 0, half-posted 0',
      pass: c.lost === 0 && c.violations === 0 && c.chainFailures === 0 && c.integrityFailures === 0 && c.childErrors === 0 && c.committed > 0,
    });
  }
  out.push(...documentRows(f));
  return out;
}

/** Issue 5 item 6. */
function documentRows(f: Figures): Row[] {
  const out: Row[] = [];
  if (f.excel) {
    const { app, bare } = f.excel;
    const side = (x: typeof app) => `${ms(x.ms)} (CPU ${ms(x.cpuMs)}) · peak RSS ${mb(x.peakRssMb)}`;
    out.push({
      no: '7',
      figure: `欠费明细 export \`writeArrearsDetailWorkbook\`: ${n(f.excel.rows)} rows (the report query's open overdue lines), title block, styles, totals; each export in its own process, median of ${f.excel.rounds}`,
      measured: side(app),
      baseline: `bare exceljs streaming writer, same cells: ${side(bare)}`,
      ratio: `${ratio(app.ms, bare.ms)} (CPU ${ratio(app.cpuMs, bare.cpuMs)})`,
      target: '≤ 1.3× time, ≤ 300 MB',
      pass: app.ms <= 1.3 * bare.ms && app.peakRssMb <= 300,
    });
  }
  if (f.receiptPdf) {
    const r = f.receiptPdf;
    out.push({
      no: '8',
      figure: `Receipt PDF \`receiptModel\` + \`renderReceiptPdf\`, ${n(r.receipts)} receipts from the ledger, A4 / 三联 / 80 mm in turn, warm; ${kb(r.meanKb * 1024)} each on average`,
      measured: `${p50p95(r.all)} · max ${ms(r.all.max)}${cpu(r.all)}`,
      baseline: `one-line PDF with the same embedded font: ${p50p95(r.baseline)}`,
      ratio: `p95 ${ratio(r.all.p95, r.baseline.p95)}`,
      target: 'p95 ≤ 50 ms',
      pass: r.all.p95 <= 50,
    });
  }
  if (f.notices) {
    const { batch, single } = f.notices;
    const perPage = batch.pages > 0 ? batch.bytes / batch.pages : Number.NaN;
    out.push({
      no: '9',
      figure: `Notice batch \`runNoticeBatch\`: 催缴通知单 for ${n(batch.notices)} owing units in one PDF, models on the main thread, drawn in the worker thread`,
      measured: `${ms(batch.ms)} (CPU ${ms(batch.cpuMs)}; models ${ms(batch.queryMs)}) · ${n(batch.pages)} pages · ${kb(perPage)} a page`,
      baseline: `one notice alone, same path: ${ms(single.ms)} · ${kb(single.bytes)}`,
      ratio: `per notice ${ratio(batch.ms / Math.max(1, batch.notices), single.ms)}`,
      target: '≤ 30 s, ≤ 60 KB a page',
      pass: batch.ms <= 30_000 && perPage <= 60 * 1024 && batch.pages >= batch.notices,
    });
  }
  return out;
}

/** Notes under the table for the issue 5 figures. */
export function documentNotes(f: Figures): string[] {
  const notes: string[] = [];
  if (f.excel) {
    const { app, bare } = f.excel;
    notes.push(
      `- Excel: each child first runs the report query (${ms(app.queryMs)}) and holds the rows (RSS ${mb(app.startRssMb)} export / ${mb(bare.startRssMb)} bare before writing); time is the write alone. Files ${kb(app.bytes)} / ${kb(bare.bytes)}.`,
    );
  }
  if (f.receiptPdf) {
    const by = f.receiptPdf.byLayout;
    notes.push(`- Receipt PDF p95 by layout (wall / CPU): ${Object.entries(by).map(([l, d]) => `${l} ${ms(d.p95)} / ${ms(d.cpuP95)}`).join(', ')}.`);
  }
  if (f.notices) {
    notes.push(
      `- Notices: ${f.notices.batch.progressEvents} progress events; both runs include starting the worker thread (under the benchmark it compiles its TypeScript first; the app ships it built).`,
    );
  }
  return notes;
}

export function markdown(f: Figures, context: { month: string; header: string[]; footer: string[] }): string {
  const table = rows(f, context.month);
  const esc = (s: string) => s.replaceAll('|', '\\|');
  const lines = [
    ...context.header,
    '',
    '| # | Figure | Measured | Baseline (same run) | Ratio | Target | Result |',
    '|---|---|---|---|---|---|---|',
    ...table.map((r) => `| ${r.no} | ${esc(r.figure)} | ${esc(r.measured)} | ${esc(r.baseline)} | ${r.ratio} | ${r.target} | ${r.pass ? 'PASS' : '**FAIL**'} |`),
    '',
    ...context.footer,
  ];
  return lines.join('\n') + '\n';
}

export function allPassed(f: Figures, month: string): boolean {
  return rows(f, month).every((r) => r.pass);
}
