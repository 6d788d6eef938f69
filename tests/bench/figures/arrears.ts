import { AGING_BUCKETS } from '../../../src-shared/domain/aging';
import { arrearsList, arrearsSummary } from '../../../src-main/arrears/arrearsQuery';
import { openBenchApp, WorkCopy } from '../dataset';
import { Samples, timeOnce, type Distribution } from '../stats';

export interface ArrearsFigure {
  asOf: string;
  units: number;
  outstandingFen: number;
  firstPage: Distribution;
  summary: Distribution;
  naiveMs: number;
  naiveUnits: number;
  naiveOutstandingFen: number;
}

const NAIVE_BUCKETS = AGING_BUCKETS.map((b, i) => {
  const lower = i === 0 ? 1 : AGING_BUCKETS[i - 1]!.maxDays + 1;
  const upper = Number.isFinite(b.maxDays) ? ` AND days <= ${b.maxDays}` : '';
  return `SUM(CASE WHEN days >= ${lower}${upper} THEN o ELSE 0 END) AS ${b.key}`;
}).join(', ');

/**
 * The same per-unit arrears with aging, derived the way a report would without the maintained
 * column: every posted, due line's outstanding recomputed from its allocations, waivers,
 * discounts and adjustments, grouped per unit, then the first page sorted by amount.
 */
const NAIVE_SQL = `
  WITH alloc AS (SELECT line_id, SUM(amount_fen) AS s FROM allocations WHERE status = 'live' GROUP BY line_id),
    waived AS (SELECT line_id, SUM(amount_fen) AS s FROM waivers WHERE status = 'live' GROUP BY line_id),
    disc AS (SELECT line_id, SUM(amount_fen) AS s FROM discounts WHERE status = 'live' GROUP BY line_id),
    adj AS (SELECT line_id, SUM(amount_fen) AS s FROM adjustments WHERE status = 'approved' GROUP BY line_id),
    line AS (
      SELECT bl.unit_id, bl.due_date, CAST(julianday(?) - julianday(bl.due_date) AS INTEGER) AS days,
        bl.amount_fen + COALESCE(adj.s, 0) - COALESCE(alloc.s, 0) - COALESCE(waived.s, 0) - COALESCE(disc.s, 0) AS o
      FROM bill_lines bl
        LEFT JOIN alloc ON alloc.line_id = bl.id LEFT JOIN waived ON waived.line_id = bl.id
        LEFT JOIN disc ON disc.line_id = bl.id LEFT JOIN adj ON adj.line_id = bl.id
      WHERE bl.status = 'posted' AND bl.due_date < ?)
  SELECT unit_id, SUM(o) AS outstanding, COUNT(*) AS line_count, MIN(due_date) AS oldest_due, ${NAIVE_BUCKETS}
  FROM line WHERE o > 0 GROUP BY unit_id ORDER BY outstanding DESC`;

/** `arrearsList` first page (50, largest first) 20 times and `arrearsSummary` 5 times, against the naive query once. */
export function measureArrears(source: string, nowIso: string): ArrearsFigure {
  const copy = new WorkCopy(source, 'arrears');
  const app = openBenchApp(copy, nowIso);
  try {
    const ctx = app.context;
    const page = () => arrearsList(ctx, { sort: 'amount_desc', offset: 0, limit: 50 });
    page();
    page();
    const pages = new Samples();
    for (let i = 0; i < 20; i++) pages.run(page);
    const last = page();

    arrearsSummary(ctx);
    const summaries = new Samples();
    for (let i = 0; i < 5; i++) summaries.run(() => arrearsSummary(ctx));

    const asOf = ctx.clock.today();
    const naive = timeOnce(() => ctx.sqlite.prepare(NAIVE_SQL).all(asOf, asOf) as Array<{ outstanding: number }>);
    return {
      asOf,
      units: last.total.units,
      outstandingFen: last.total.outstandingFen,
      firstPage: pages.summary(),
      summary: summaries.summary(),
      naiveMs: naive.ms,
      naiveUnits: naive.value.length,
      naiveOutstandingFen: naive.value.reduce((s, r) => s + r.outstanding, 0),
    };
  } finally {
    app.close();
    copy.remove();
  }
}
