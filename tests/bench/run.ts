/**
 * npm run bench [-- --units N --months N --crash-rounds N --quick --fresh --only billing,search,…]
 * Issue 3 item 12 and issue 5 item 6: each figure beside a baseline measured in the same run on
 * the generated demo ledger (cached in tests/bench/.cache/), printed as one Markdown table and
 * written to tests/bench/last-run.md. Performance targets live here only, never in the unit tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchNow, ensureDataset, type DatasetOptions } from './dataset';
import { measureAccount } from './figures/account';
import { measureArrears } from './figures/arrears';
import { measureBilling } from './figures/billing';
import { measureCrash } from './figures/crash';
import { measureExcel } from './figures/excel';
import { measureNotices } from './figures/notices';
import { measurePayment } from './figures/payment';
import { measureReceiptPdf } from './figures/receiptPdf';
import { measureSearch } from './figures/search';
import { allPassed, documentNotes, markdown, type Figures } from './report';
import { machineInfo, ms, msSince } from './stats';

const FIGURES = ['billing', 'search', 'account', 'payment', 'arrears', 'crash', 'excel', 'receiptPdf', 'notices'] as const;
type FigureName = (typeof FIGURES)[number];

function integer(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new RangeError(`${name} must be a whole number`);
  return Number(text);
}

function options() {
  const { values } = parseArgs({
    options: {
      units: { type: 'string' },
      months: { type: 'string' },
      'crash-rounds': { type: 'string' },
      end: { type: 'string', default: '2024-04' },
      seed: { type: 'string' },
      quick: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
    strict: true,
  });
  const quick = values.quick;
  const dataset: DatasetOptions = {
    units: integer(values.units, '--units', quick ? 2_000 : 20_000),
    months: integer(values.months, '--months', quick ? 12 : 36),
    end: values.end,
    seed: integer(values.seed, '--seed', 20240501),
  };
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...FIGURES];
  const unknown = only.filter((o) => !(FIGURES as readonly string[]).includes(o));
  if (unknown.length > 0) throw new RangeError(`--only: unknown figure ${unknown.join(', ')} (known: ${FIGURES.join(', ')})`);
  return {
    dataset,
    crashRounds: integer(values['crash-rounds'], '--crash-rounds', quick ? 100 : 1_000),
    // Issue 5's sizes; --quick keeps them small enough for a smoke run.
    excel: quick ? { rows: 20_000, rounds: 1 } : { rows: 100_000, rounds: 3 },
    receipts: quick ? 60 : 300,
    notices: quick ? 200 : 2_000,
    fresh: values.fresh,
    only: new Set(only as FigureName[]),
  };
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const o = options();
  const machine = machineInfo();
  const loadAtStart = machine.load();
  const log = (m: string) => console.log(`[${(msSince(started) / 1000).toFixed(0).padStart(4)}s] ${m}`);
  const { month, iso } = benchNow(o.dataset.end);
  log(`FeeDesk benchmark: ${o.dataset.units} units × ${o.dataset.months} months to ${o.dataset.end}; billing ${month}; desk clock ${iso}`);

  const dataset = await ensureDataset(o.dataset, o.fresh, log);
  const f: Figures = {};
  if (o.only.has('billing')) {
    log('1 出账…');
    f.billing = await measureBilling(dataset.file, month, iso, log);
    log(`  billing.commit ${ms(f.billing.commitMs)}，基线 ${ms(f.billing.baselineMs)}`);
  }
  if (o.only.has('search')) {
    log('2 搜索…');
    f.search = measureSearch(dataset.file, iso, 2_000);
    log(`  p95 ${ms(f.search.search.p95)}`);
  }
  if (o.only.has('account')) {
    log('3 打开台账…');
    f.account = await measureAccount(dataset.file, iso, 500);
    log(`  p95 ${ms(f.account.router.p95)}`);
  }
  if (o.only.has('payment')) {
    log('4 收款（fsync）…');
    f.payment = await measurePayment(dataset.file, iso, 300);
    log(`  p95 ${ms(f.payment.collect.p95)}`);
  }
  if (o.only.has('arrears')) {
    log('5 欠费…');
    f.arrears = measureArrears(dataset.file, iso);
    log(`  首页 p95 ${ms(f.arrears.firstPage.p95)}，汇总 ${ms(f.arrears.summary.p50)}，朴素 ${ms(f.arrears.naiveMs)}`);
  }
  if (o.only.has('crash')) {
    log(`6 断电 ${o.crashRounds} 轮…`);
    f.crash = await measureCrash(o.crashRounds, log);
  }
  if (o.only.has('excel')) {
    log(`7 欠费明细导出 ${o.excel.rows} 行 × ${o.excel.rounds} 轮（子进程）…`);
    f.excel = await measureExcel(dataset.file, iso, o.excel.rows, o.excel.rounds);
    log(`  导出 ${ms(f.excel.app.ms)}，${f.excel.app.peakRssMb.toFixed(0)} MB；exceljs ${ms(f.excel.bare.ms)}，${f.excel.bare.peakRssMb.toFixed(0)} MB`);
  }
  if (o.only.has('receiptPdf')) {
    log('8 收据 PDF…');
    f.receiptPdf = await measureReceiptPdf(dataset.file, iso, o.receipts);
    log(`  p95 ${ms(f.receiptPdf.all.p95)}`);
  }
  if (o.only.has('notices')) {
    log(`9 批量催缴通知单 ${o.notices} 户…`);
    f.notices = await measureNotices(dataset.file, iso, o.notices);
    log(`  ${ms(f.notices.batch.ms)}，${f.notices.batch.pages} 页`);
  }

  const s = f.search;
  const footer = [
    `Machine: ${machine.cpuCount} CPUs (${machine.cpuModel}), ${machine.memoryGb.toFixed(1)} GB RAM, ${machine.platform}, Node ${machine.node}.`,
    `Load average (1/5/15 min): at start ${loadAtStart}; at end ${machine.load()}.`,
    `Total time ${ms(msSince(started))}${dataset.generatedMs === null ? ' (dataset from cache)' : `, of which dataset generation ${ms(dataset.generatedMs)}`}.`,
    '',
    'Notes:',
    '- The machine is shared and noisy: absolute times move from run to run; the ratio to the baseline measured in the same run is what to compare.',
    '- Each figure runs on its own copy of the cached ledger, opened as the app opens it (WAL, synchronous=FULL). Times from `process.hrtime.bigint()` after a warm-up; percentiles are nearest-rank.',
    '- CPU figures are this process\'s user+system time during each call. Wall far above CPU means the call waited — for the disk (fsync) or for a CPU on this loaded machine (compare the load averages with the CPU count). PASS/FAIL is judged on wall time, as the targets are what the desk waits.',
    '- Billing is one run per copy (a second run of the same month adds nothing), so it is a single measurement, not a distribution.',
    ...(s ? [`- Search p95 by kind (wall / CPU): ${Object.entries(s.byKind).map(([k, d]) => `${k} ${ms(d.p95)} / ${ms(d.cpuP95)}`).join(', ')}; ${s.emptyAnswers} of ${s.queries} queries found nothing.`] : []),
    ...(f.account ? [`- Open account: the 500 accounts held ${f.account.openLines.toLocaleString('en-US')} open lines in all.`] : []),
    ...(f.payment ? [`- Payments allocated ${f.payment.allocations} times (late fees settled first); 20 warm-up payments and 20 warm-up inserts not counted.`] : []),
    ...(f.crash && f.crash.firstProblems.length > 0 ? ['- Crash problems:', ...f.crash.firstProblems.map((p) => `  - ${p}`)] : []),
    ...documentNotes(f),
  ];
  const header = [
    `# FeeDesk benchmark — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Dataset: ${o.dataset.units.toLocaleString('en-US')} units × ${o.dataset.months} months to ${o.dataset.end} (seed ${o.dataset.seed}); billing month ${month}; desk clock ${iso}.`,
  ];
  const text = markdown(f, { month, header, footer });
  console.log(`\n${text}`);
  fs.writeFileSync(path.join(import.meta.dirname, 'last-run.md'), text);
  if (!allPassed(f, month)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
