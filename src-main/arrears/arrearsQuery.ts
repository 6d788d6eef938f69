import { AGING_BUCKETS, AGING_BUCKET_KEYS, type AgingBucketKey } from '../../src-shared/domain/aging';
import type { ArrearsFilter, ArrearsRow } from '../../src-shared/api/calls/arrears';
import type { AppContext } from '../app/context';
import { maskPhone } from '../register/searchIndex';

type Buckets = Record<AgingBucketKey, number>;

const BUCKET_SQL = AGING_BUCKETS.map((b, i) => {
  const lower = i === 0 ? 1 : AGING_BUCKETS[i - 1]!.maxDays + 1;
  const upper = Number.isFinite(b.maxDays) ? ` AND days <= ${b.maxDays}` : '';
  return `SUM(CASE WHEN days >= ${lower}${upper} THEN o ELSE 0 END) AS ${b.key}`;
}).join(',\n    ');

/**
 * Open, overdue lines as of a date, grouped per unit with aging buckets. It reads only the
 * `bill_lines_open` partial index (posted lines with something owed), so years of paid history
 * cost nothing. The screen, the Excel export and the benchmark all call this one function.
 */
function perUnitSql(filter: ArrearsFilter): { sql: string; params: unknown[] } {
  const where: string[] = ["bl.status = 'posted'", 'bl.outstanding_fen > 0', 'bl.due_date < ?'];
  const params: unknown[] = [];
  if (filter.feeItemId !== undefined) {
    where.push('bl.fee_item_id = ?');
    params.push(filter.feeItemId);
  }
  if (filter.communityId !== undefined) {
    where.push('u.community_id = ?');
    params.push(filter.communityId);
  }
  if (filter.buildingId !== undefined) {
    where.push('u.building_id = ?');
    params.push(filter.buildingId);
  }
  const having: string[] = [];
  if (filter.minAmountFen !== undefined) {
    having.push('SUM(o) >= ?');
    params.push(filter.minAmountFen);
  }
  if (filter.minBucket !== undefined) {
    const index = AGING_BUCKET_KEYS.indexOf(filter.minBucket);
    const minDays = index === 0 ? 1 : AGING_BUCKETS[index - 1]!.maxDays + 1;
    having.push('MAX(days) >= ?');
    params.push(minDays);
  }
  if (filter.minMonthsOverdue !== undefined) {
    having.push('MAX(months) >= ?');
    params.push(filter.minMonthsOverdue);
  }
  const sql = `
    SELECT unit_id, community_id, SUM(o) AS outstanding, COUNT(*) AS line_count, MIN(due_date) AS oldest_due,
      MAX(days) AS oldest_days, MAX(months) AS months,
    ${BUCKET_SQL}
    FROM (
      SELECT bl.unit_id, u.community_id, bl.outstanding_fen AS o, bl.due_date,
        CAST(julianday(?) - julianday(bl.due_date) AS INTEGER) AS days,
        (CAST(substr(?, 1, 4) AS INTEGER) * 12 + CAST(substr(?, 6, 2) AS INTEGER))
          - (CAST(substr(bl.due_date, 1, 4) AS INTEGER) * 12 + CAST(substr(bl.due_date, 6, 2) AS INTEGER)) AS months
      FROM bill_lines bl JOIN units u ON u.id = bl.unit_id
      WHERE ${where.join(' AND ')}
    )
    GROUP BY unit_id
    ${having.length > 0 ? `HAVING ${having.join(' AND ')}` : ''}`;
  return { sql, params };
}

interface PerUnit extends Buckets {
  unit_id: number;
  community_id: number;
  outstanding: number;
  line_count: number;
  oldest_due: string;
  oldest_days: number;
  months: number;
}

const bucketsOf = (r: Buckets): Buckets =>
  Object.fromEntries(AGING_BUCKET_KEYS.map((k) => [k, r[k] ?? 0])) as Buckets;

function emptyBuckets(): Buckets {
  return Object.fromEntries(AGING_BUCKET_KEYS.map((k) => [k, 0])) as Buckets;
}

const ORDER = {
  amount_desc: 'p.outstanding DESC, u.sort_key',
  oldest_first: 'p.oldest_due, u.sort_key',
  code: 'c.name, u.sort_key',
} as const;

export function arrearsList(
  app: AppContext,
  filter: ArrearsFilter & { sort: keyof typeof ORDER; offset: number; limit: number },
): { asOf: string; total: { units: number; outstandingFen: number; buckets: Buckets }; rows: ArrearsRow[] } {
  const asOf = filter.asOf ?? app.clock.today();
  const inner = perUnitSql(filter);
  const params = [asOf, asOf, asOf, asOf, ...inner.params];
  const totals = app.sqlite
    .prepare(`SELECT COUNT(*) AS units, COALESCE(SUM(outstanding), 0) AS outstanding,
        ${AGING_BUCKET_KEYS.map((k) => `COALESCE(SUM(${k}), 0) AS ${k}`).join(', ')} FROM (${inner.sql})`)
    .get(...params) as Buckets & { units: number; outstanding: number };
  const rows = app.sqlite
    .prepare(
      `SELECT p.*, u.code, u.sort_key, c.name AS community_name, b.name AS building_name,
         (SELECT cu.name FROM unit_customers uc JOIN customers cu ON cu.id = uc.customer_id
           WHERE uc.unit_id = p.unit_id AND uc.role = 'owner' AND uc.start_date <= ? AND (uc.end_date IS NULL OR uc.end_date >= ?)
           ORDER BY uc.start_date DESC LIMIT 1) AS owner_name,
         (SELECT cu.phone FROM unit_customers uc JOIN customers cu ON cu.id = uc.customer_id
           WHERE uc.unit_id = p.unit_id AND uc.role = 'owner' AND uc.start_date <= ? AND (uc.end_date IS NULL OR uc.end_date >= ?)
           ORDER BY uc.start_date DESC LIMIT 1) AS owner_phone
       FROM (${inner.sql}) p
       JOIN units u ON u.id = p.unit_id
       JOIN communities c ON c.id = u.community_id
       JOIN buildings b ON b.id = u.building_id
       ORDER BY ${ORDER[filter.sort]}
       LIMIT ? OFFSET ?`,
    )
    .all(asOf, asOf, asOf, asOf, ...params, filter.limit, filter.offset) as Array<
    PerUnit & { code: string; community_name: string; building_name: string; owner_name: string | null; owner_phone: string | null }
  >;
  return {
    asOf,
    total: { units: totals.units, outstandingFen: totals.outstanding, buckets: bucketsOf(totals) },
    rows: rows.map((r) => ({
      unitId: r.unit_id,
      unitCode: r.code,
      communityName: r.community_name,
      buildingName: r.building_name,
      ownerName: r.owner_name,
      phoneMasked: r.owner_phone ? maskPhone(r.owner_phone) : null,
      outstandingFen: r.outstanding,
      lineCount: r.line_count,
      oldestDueDate: r.oldest_due,
      monthsOverdue: Math.max(0, r.months),
      buckets: bucketsOf(r),
      beyondLimitation: r.over3y > 0,
    })),
  };
}

export function arrearsSummary(app: AppContext, asOfInput?: string) {
  const asOf = asOfInput ?? app.clock.today();
  const inner = perUnitSql({});
  const rows = app.sqlite
    .prepare(
      `SELECT p.community_id, c.name AS community_name, COUNT(*) AS units, SUM(p.outstanding) AS outstanding,
         ${AGING_BUCKET_KEYS.map((k) => `SUM(p.${k}) AS ${k}`).join(', ')}
       FROM (${inner.sql}) p JOIN communities c ON c.id = p.community_id
       GROUP BY p.community_id ORDER BY c.code`,
    )
    .all(asOf, asOf, asOf, asOf, ...inner.params) as Array<Buckets & { community_id: number; community_name: string; units: number; outstanding: number }>;
  const total = { units: 0, outstandingFen: 0, buckets: emptyBuckets() };
  for (const r of rows) {
    total.units += r.units;
    total.outstandingFen += r.outstanding;
    for (const k of AGING_BUCKET_KEYS) total.buckets[k] += r[k];
  }
  return {
    asOf,
    communities: rows.map((r) => ({
      communityId: r.community_id,
      communityName: r.community_name,
      units: r.units,
      outstandingFen: r.outstanding,
      buckets: bucketsOf(r),
    })),
    total,
  };
}
