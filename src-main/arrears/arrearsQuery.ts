import { AGING_BUCKETS, AGING_BUCKET_KEYS, type AgingBucketKey } from '../../src-shared/domain/aging';
import type { ArrearsFilter, ArrearsRow } from '../../src-shared/api/calls/arrears';
import { addDays } from '../../src-shared/domain/dates';
import type { AppContext } from '../app/context';
import { inScopeSql } from '../auth/scope';
import { prepared } from '../db/statements';
import { maskPhone } from '../register/searchIndex';

type Buckets = Record<AgingBucketKey, number>;
type Sort = 'amount_desc' | 'oldest_first' | 'code';

/**
 * Open, overdue amounts as of a date, per unit with aging buckets, worked out in SQL so that only
 * the totals and one page cross into JavaScript. The source is arrears_rollup: what is open per
 * unit and due date, kept by migration 0005's triggers — about four rows per owing unit instead of
 * every open bill line. Only a fee-item filter, which the rollup cannot answer, reads the open
 * lines themselves (the covering `bill_lines_open` index). The screen, the Excel export and the
 * benchmark all call arrearsList / arrearsSummary.
 *
 * Aging without a date function per row: every bucket but the last ends a fixed number of days
 * back, so a due date falls in a bucket or a younger one exactly when it is on or after that
 * bucket's first day (ISO dates compare as text). SQL sums the amount open since each such day
 * (`since0` … youngest first); each bucket is the difference of two neighbouring sums.
 */
const BOUNDED = AGING_BUCKETS.slice(0, -1);
const OLDEST_KEY = AGING_BUCKET_KEYS[AGING_BUCKET_KEYS.length - 1]!;
const SINCE = BOUNDED.map((_, i) => `since${i}`);

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
}

/** The first day a unit's oldest debt must reach back to for it to be in `minBucket` or an older one. */
function minBucketDay(asOf: string, minBucket: AgingBucketKey): string {
  const i = AGING_BUCKET_KEYS.indexOf(minBucket);
  return addDays(asOf, -(i === 0 ? 1 : AGING_BUCKETS[i - 1]!.maxDays + 1));
}

function bucketsOf(outstanding: number, since: number[]): Buckets {
  const buckets = {} as Buckets;
  let younger = 0;
  BOUNDED.forEach((b, i) => {
    buckets[b.key] = since[i]! - younger;
    younger = since[i]!;
  });
  buckets[OLDEST_KEY] = outstanding - younger;
  return buckets;
}

interface Query {
  sql: string;
  params: unknown[];
}

/**
 * One row per unit in arrears under the filter, as a subquery: unit_id, outstanding, line_count
 * and oldest_due, plus the `since` sums when `aged`; `unitIds` narrows it to a page's units. The
 * unit-level filters (amount, bucket, months overdue) are HAVING conditions on the oldest due
 * date, equivalent to comparing its distance in days and in months from the report date.
 */
function perUnit(filter: ArrearsFilter, communityIds: number[] | null, asOf: string, aged: boolean, unitIds?: number[]): Query {
  const params: unknown[] = [];
  const sinceColumns = aged ? SINCE.map((s) => `, SUM(r.open_fen * (r.due_date >= ?)) AS ${s}`).join('') : '';
  if (aged) params.push(...BOUNDED.map((b) => addDays(asOf, -b.maxDays)));
  let source = 'arrears_rollup';
  if (filter.feeItemId !== undefined) {
    source = `(SELECT unit_id, due_date, outstanding_fen AS open_fen, 1 AS open_lines FROM bill_lines
               WHERE status = 'posted' AND outstanding_fen > 0 AND fee_item_id = ?)`;
    params.push(filter.feeItemId);
  }
  const where = ['r.due_date < ?'];
  params.push(asOf);
  if (unitIds) {
    where.push('r.unit_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(unitIds));
  }
  const rollupTerms = where.length;
  if (filter.communityId !== undefined) {
    where.push('u.community_id = ?');
    params.push(filter.communityId);
  }
  if (filter.buildingId !== undefined) {
    where.push('u.building_id = ?');
    params.push(filter.buildingId);
  }
  const scope = inScopeSql('u.community_id', communityIds);
  if (scope) {
    where.push(scope.sql);
    params.push(scope.param);
  }
  const having: string[] = [];
  if (filter.minAmountFen !== undefined) {
    having.push('SUM(r.open_fen) >= ?');
    params.push(filter.minAmountFen);
  }
  if (filter.minBucket !== undefined) {
    having.push('MIN(r.due_date) <= ?');
    params.push(minBucketDay(asOf, filter.minBucket));
  }
  if (filter.minMonthsOverdue !== undefined) {
    having.push('CAST(substr(MIN(r.due_date), 1, 4) AS INTEGER) * 12 + CAST(substr(MIN(r.due_date), 6, 2) AS INTEGER) <= ?');
    params.push(monthIndex(asOf) - filter.minMonthsOverdue);
  }
  const sql = `(SELECT r.unit_id, SUM(r.open_fen) AS outstanding, SUM(r.open_lines) AS line_count, MIN(r.due_date) AS oldest_due${sinceColumns}
    FROM ${source} r ${where.length > rollupTerms ? 'JOIN units u ON u.id = r.unit_id' : ''}
    WHERE ${where.join(' AND ')}
    GROUP BY r.unit_id ${having.length > 0 ? `HAVING ${having.join(' AND ')}` : ''})`;
  return { sql, params };
}

type Totals = { units: number; outstandingFen: number; buckets: Buckets };

const TOTAL_COLUMNS = `COUNT(*) AS units, COALESCE(SUM(g.outstanding), 0) AS outstanding,
  ${SINCE.map((s) => `COALESCE(SUM(g.${s}), 0) AS ${s}`).join(', ')}`;

function totalsOf(row: Record<string, number>): Totals {
  return { units: row.units!, outstandingFen: row.outstanding!, buckets: bucketsOf(row.outstanding!, SINCE.map((s) => row[s]!)) };
}

/**
 * The JavaScript string order the list always had (community code, natural unit order, unit id).
 * SQLite's BINARY collation compares UTF-8 bytes, which orders like JavaScript's UTF-16 units for
 * the letters, digits and CJK characters codes and sort keys are made of.
 */
const ORDER_BY: Record<Sort, string> = {
  amount_desc: 'g.outstanding DESC, c.code, u.sort_key, g.unit_id',
  oldest_first: 'g.oldest_due, c.code, u.sort_key, g.unit_id',
  code: 'c.code, u.sort_key, g.unit_id',
};

interface PageUnit {
  unit_id: number;
  outstanding: number;
  line_count: number;
  oldest_due: string;
  code: string;
  community_name: string;
  building_name: string;
  owner: string | null;
}

export function arrearsList(
  app: AppContext,
  filter: ArrearsFilter & { sort: Sort; offset: number; limit: number },
  communityIds: number[] | null = null,
): { asOf: string; total: Totals; rows: ArrearsRow[] } {
  const asOf = filter.asOf ?? app.clock.today();
  const aged = perUnit(filter, communityIds, asOf, true);
  const total = totalsOf(prepared(app.sqlite, `SELECT ${TOTAL_COLUMNS} FROM ${aged.sql} g`).get(...aged.params) as Record<string, number>);

  // The page, with names and phones only for it: the owner on the report date, or the latest one before it.
  const plain = perUnit(filter, communityIds, asOf, false);
  const page = prepared(
    app.sqlite,
    `SELECT g.unit_id, g.outstanding, g.line_count, g.oldest_due, u.code, c.name AS community_name, b.name AS building_name,
       (SELECT cu.name || char(31) || cu.phone FROM unit_customers uc JOIN customers cu ON cu.id = uc.customer_id
         WHERE uc.unit_id = u.id AND uc.role = 'owner' AND uc.start_date <= ? AND (uc.end_date IS NULL OR uc.end_date >= ?)
         ORDER BY uc.start_date DESC LIMIT 1) AS owner
     FROM ${plain.sql} g
     JOIN units u ON u.id = g.unit_id JOIN communities c ON c.id = u.community_id JOIN buildings b ON b.id = u.building_id
     ORDER BY ${ORDER_BY[filter.sort]} LIMIT ? OFFSET ?`,
  ).all(asOf, asOf, ...plain.params, filter.limit, filter.offset) as PageUnit[];

  // Aged for the page's units alone, from the same source (they already meet the unit filters).
  const pageAged = perUnit({ feeItemId: filter.feeItemId }, null, asOf, true, page.map((u) => u.unit_id));
  const since = new Map(
    (prepared(app.sqlite, `SELECT * FROM ${pageAged.sql}`).all(...pageAged.params) as Array<Record<string, number>>).map(
      (r) => [r.unit_id!, SINCE.map((s) => r[s]!)] as const,
    ),
  );

  const asOfMonth = monthIndex(asOf);
  return {
    asOf,
    total,
    rows: page.map((u) => {
      const [ownerName, phone] = u.owner ? u.owner.split('\u001f') : [null, null];
      const buckets = bucketsOf(u.outstanding, since.get(u.unit_id)!);
      return {
        unitId: u.unit_id,
        unitCode: u.code,
        communityName: u.community_name,
        buildingName: u.building_name,
        ownerName: ownerName ?? null,
        phoneMasked: phone ? maskPhone(phone) : null,
        outstandingFen: u.outstanding,
        lineCount: u.line_count,
        oldestDueDate: u.oldest_due,
        monthsOverdue: Math.max(0, asOfMonth - monthIndex(u.oldest_due)),
        buckets,
        beyondLimitation: buckets.over3y > 0,
      };
    }),
  };
}

export function arrearsSummary(app: AppContext, asOfInput?: string, communityIds: number[] | null = null) {
  const asOf = asOfInput ?? app.clock.today();
  const aged = perUnit({}, communityIds, asOf, true);
  const byCommunity = new Map(
    (
      prepared(
        app.sqlite,
        `SELECT u.community_id, ${TOTAL_COLUMNS} FROM ${aged.sql} g JOIN units u ON u.id = g.unit_id GROUP BY u.community_id`,
      ).all(...aged.params) as Array<Record<string, number>>
    ).map((r) => [r.community_id!, totalsOf(r)] as const),
  );
  const names = prepared(app.sqlite, 'SELECT id, code, name FROM communities ORDER BY code').all() as Array<{ id: number; code: string; name: string }>;
  const communities = names
    .filter((c) => byCommunity.has(c.id))
    .map((c) => ({ communityId: c.id, communityName: c.name, ...byCommunity.get(c.id)! }));
  const total: Totals = { units: 0, outstandingFen: 0, buckets: bucketsOf(0, SINCE.map(() => 0)) };
  for (const c of byCommunity.values()) {
    total.units += c.units;
    total.outstandingFen += c.outstandingFen;
    for (const k of AGING_BUCKET_KEYS) total.buckets[k] += c.buckets[k];
  }
  return { asOf, communities, total };
}
