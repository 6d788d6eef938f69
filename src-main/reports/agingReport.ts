import type { ArrearsRow } from '../../src-shared/api/calls/arrears';
import { AGING_BUCKET_KEYS } from '../../src-shared/domain/aging';
import type { AppContext } from '../app/context';
import { arrearsList, arrearsSummary } from '../arrears/arrearsQuery';
import type { CommunityScope } from './scope';

/**
 * 账龄分析: the arrears list's own numbers (arrearsQuery), so the 欠费 screen, this report and
 * its export show the same buckets. Per community from arrearsSummary, per unit from arrearsList
 * taken community by community, which is how a community scope is applied to them.
 */
export function agingReport(
  app: AppContext,
  filter: { asOf?: string | undefined; communityId?: number | undefined },
  scope: CommunityScope,
  page: { offset: number; limit: number },
) {
  const summary = arrearsSummary(app, filter.asOf);
  const communities = summary.communities.filter(
    (c) => (scope === null || scope.includes(c.communityId)) && (filter.communityId === undefined || c.communityId === filter.communityId),
  );
  const total = { units: 0, outstandingFen: 0, buckets: Object.fromEntries(AGING_BUCKET_KEYS.map((k) => [k, 0])) as ArrearsRow['buckets'] };
  for (const c of communities) {
    total.units += c.units;
    total.outstandingFen += c.outstandingFen;
    for (const k of AGING_BUCKET_KEYS) total.buckets[k] += c.buckets[k];
  }
  const rows: ArrearsRow[] = [];
  let skip = page.offset;
  for (const c of communities) {
    if (rows.length >= page.limit) break;
    if (skip >= c.units) {
      skip -= c.units;
      continue;
    }
    let offset = skip;
    skip = 0;
    while (rows.length < page.limit && offset < c.units) {
      const limit = Math.min(500, page.limit - rows.length);
      const part = arrearsList(app, { asOf: summary.asOf, communityId: c.communityId, sort: 'code', offset, limit }).rows;
      if (part.length === 0) break;
      rows.push(...part);
      offset += part.length;
    }
  }
  return { asOf: summary.asOf, communities, total, rows };
}

/** Every unit row, for the export. */
export function agingReportAll(app: AppContext, filter: { asOf?: string | undefined; communityId?: number | undefined }, scope: CommunityScope) {
  return agingReport(app, filter, scope, { offset: 0, limit: Number.MAX_SAFE_INTEGER });
}
