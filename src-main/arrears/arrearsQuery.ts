import { AGING_BUCKETS, AGING_BUCKET_KEYS, type AgingBucketKey } from '../../src-shared/domain/aging';
import type { ArrearsFilter, ArrearsRow } from '../../src-shared/api/calls/arrears';
import type { AppContext } from '../app/context';
import { inScopeSql } from '../auth/scope';
import { maskPhone } from '../register/searchIndex';

type Buckets = Record<AgingBucketKey, number>;

interface UnitArrears {
  unitId: number;
  communityId: number;
  sortKey: string;
  communityCode: string;
  outstanding: number;
  lineCount: number;
  oldestDue: string;
  oldestDays: number;
  months: number;
  buckets: Buckets;
}

function emptyBuckets(): Buckets {
  return Object.fromEntries(AGING_BUCKET_KEYS.map((k) => [k, 0])) as Buckets;
}

function bucketIndex(days: number): number {
  return AGING_BUCKETS.findIndex((b) => days <= b.maxDays);
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
}

/**
 * Open, overdue amounts as of a date, per unit with aging buckets, in one pass. SQL sums the
 * open lines per (unit, due date) straight from the covering `bill_lines_open` index — years of
 * paid history are never read — and the few thousand groups are aged here. The screen, the Excel
 * export and the benchmark all call this one function.
 */
function unitArrears(app: AppContext, filter: ArrearsFilter, communityIds: number[] | null, asOf: string): UnitArrears[] {
  const where: string[] = ["bl.status = 'posted'", 'bl.outstanding_fen > 0', 'bl.due_date < ?'];
  const params: unknown[] = [asOf];
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
  const scope = inScopeSql('u.community_id', communityIds);
  if (scope) {
    where.push(scope.sql);
    params.push(scope.param);
  }
  const groups = app.sqlite
    .prepare(
      `SELECT g.unit_id, g.due_date, g.o, g.n, CAST(julianday(?) - julianday(g.due_date) AS INTEGER) AS days,
         u.community_id, u.sort_key, c.code AS community_code
       FROM (
         SELECT bl.unit_id, bl.due_date, SUM(bl.outstanding_fen) AS o, COUNT(*) AS n
         FROM bill_lines bl ${where.some((w) => w.includes('u.')) ? 'JOIN units u ON u.id = bl.unit_id' : ''}
         WHERE ${where.join(' AND ')}
         GROUP BY bl.unit_id, bl.due_date
       ) g
       JOIN units u ON u.id = g.unit_id
       JOIN communities c ON c.id = u.community_id
       ORDER BY g.unit_id, g.due_date`,
    )
    .all(asOf, ...params) as Array<{
    unit_id: number;
    due_date: string;
    o: number;
    n: number;
    days: number;
    community_id: number;
    sort_key: string;
    community_code: string;
  }>;

  const asOfMonth = monthIndex(asOf);
  const units: UnitArrears[] = [];
  let current: UnitArrears | undefined;
  for (const g of groups) {
    if (current?.unitId !== g.unit_id) {
      current = {
        unitId: g.unit_id,
        communityId: g.community_id,
        sortKey: g.sort_key,
        communityCode: g.community_code,
        outstanding: 0,
        lineCount: 0,
        oldestDue: g.due_date,
        oldestDays: g.days,
        months: asOfMonth - monthIndex(g.due_date),
        buckets: emptyBuckets(),
      };
      units.push(current);
    }
    current.outstanding += g.o;
    current.lineCount += g.n;
    current.buckets[AGING_BUCKET_KEYS[bucketIndex(g.days)]!] += g.o;
  }

  const minDays =
    filter.minBucket === undefined
      ? 0
      : ((i) => (i === 0 ? 1 : AGING_BUCKETS[i - 1]!.maxDays + 1))(AGING_BUCKET_KEYS.indexOf(filter.minBucket));
  return units.filter(
    (u) =>
      u.outstanding >= (filter.minAmountFen ?? 0) && u.oldestDays >= minDays && u.months >= (filter.minMonthsOverdue ?? 0),
  );
}

function totalOf(units: UnitArrears[]): { units: number; outstandingFen: number; buckets: Buckets } {
  const buckets = emptyBuckets();
  let outstandingFen = 0;
  for (const u of units) {
    outstandingFen += u.outstanding;
    for (const k of AGING_BUCKET_KEYS) buckets[k] += u.buckets[k];
  }
  return { units: units.length, outstandingFen, buckets };
}

const byCode = (a: UnitArrears, b: UnitArrears): number =>
  a.communityCode < b.communityCode ? -1 : a.communityCode > b.communityCode ? 1 : a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;

const ORDER: Record<'amount_desc' | 'oldest_first' | 'code', (a: UnitArrears, b: UnitArrears) => number> = {
  amount_desc: (a, b) => b.outstanding - a.outstanding || byCode(a, b),
  oldest_first: (a, b) => (a.oldestDue < b.oldestDue ? -1 : a.oldestDue > b.oldestDue ? 1 : byCode(a, b)),
  code: byCode,
};

export function arrearsList(
  app: AppContext,
  filter: ArrearsFilter & { sort: keyof typeof ORDER; offset: number; limit: number },
  communityIds: number[] | null = null,
): { asOf: string; total: { units: number; outstandingFen: number; buckets: Buckets }; rows: ArrearsRow[] } {
  const asOf = filter.asOf ?? app.clock.today();
  const units = unitArrears(app, filter, communityIds, asOf);
  const page = units.sort(ORDER[filter.sort]).slice(filter.offset, filter.offset + filter.limit);
  // Names and phones only for the page: the owner on the report date, or the latest one before it.
  const details = app.sqlite.prepare(
    `SELECT u.code, c.name AS community_name, b.name AS building_name,
       (SELECT cu.name || char(31) || cu.phone FROM unit_customers uc JOIN customers cu ON cu.id = uc.customer_id
         WHERE uc.unit_id = u.id AND uc.role = 'owner' AND uc.start_date <= ? AND (uc.end_date IS NULL OR uc.end_date >= ?)
         ORDER BY uc.start_date DESC LIMIT 1) AS owner
     FROM units u JOIN communities c ON c.id = u.community_id JOIN buildings b ON b.id = u.building_id
     WHERE u.id = ?`,
  );
  return {
    asOf,
    total: totalOf(units),
    rows: page.map((u) => {
      const d = details.get(asOf, asOf, u.unitId) as { code: string; community_name: string; building_name: string; owner: string | null };
      const [ownerName, phone] = d.owner ? d.owner.split('\u001f') : [null, null];
      return {
        unitId: u.unitId,
        unitCode: d.code,
        communityName: d.community_name,
        buildingName: d.building_name,
        ownerName: ownerName ?? null,
        phoneMasked: phone ? maskPhone(phone) : null,
        outstandingFen: u.outstanding,
        lineCount: u.lineCount,
        oldestDueDate: u.oldestDue,
        monthsOverdue: Math.max(0, u.months),
        buckets: u.buckets,
        beyondLimitation: u.buckets.over3y > 0,
      };
    }),
  };
}

export function arrearsSummary(app: AppContext, asOfInput?: string, communityIds: number[] | null = null) {
  const asOf = asOfInput ?? app.clock.today();
  const units = unitArrears(app, {}, communityIds, asOf);
  const byCommunity = new Map<number, UnitArrears[]>();
  for (const u of units) byCommunity.set(u.communityId, [...(byCommunity.get(u.communityId) ?? []), u]);
  const names = app.sqlite.prepare('SELECT id, code, name FROM communities ORDER BY code').all() as Array<{ id: number; code: string; name: string }>;
  const communities = names
    .filter((c) => byCommunity.has(c.id))
    .map((c) => {
      const t = totalOf(byCommunity.get(c.id)!);
      return { communityId: c.id, communityName: c.name, units: t.units, outstandingFen: t.outstandingFen, buckets: t.buckets };
    });
  return { asOf, communities, total: totalOf(units) };
}
