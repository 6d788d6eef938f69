import type { PrepaidRow } from '../../src-shared/api/calls/reports';
import type { AppContext } from '../app/context';
import { scopeCondition, type CommunityScope } from './scope';

const OWNER_AS_OF = `(SELECT o.name FROM unit_customers uc JOIN customers o ON o.id = uc.customer_id
  WHERE uc.unit_id = u.id AND uc.role = 'owner' AND uc.start_date <= ? AND (uc.end_date IS NULL OR uc.end_date >= ?)
  ORDER BY uc.start_date DESC LIMIT 1)`;

/**
 * 预收款余额表: each prepaid account (general or earmarked per fee item) with what went in, what
 * went out (offsets, refunds; returns of offsets count back in) and its balance as of a date,
 * from the entries dated up to then. Accounts at zero are left out.
 */
function prepaidSql(asOf: string, communityId: number | undefined, scope: CommunityScope) {
  const scoped = scopeCondition('u.community_id', scope, communityId);
  return {
    sql: `SELECT c.name AS communityName, u.code AS unitCode, COALESCE(${OWNER_AS_OF}, '') AS ownerName,
        COALESCE(fi.name, '通用预存') AS accountName,
        SUM(CASE WHEN pe.amount_fen > 0 THEN pe.amount_fen ELSE 0 END) AS creditedFen,
        -SUM(CASE WHEN pe.amount_fen < 0 THEN pe.amount_fen ELSE 0 END) AS debitedFen,
        SUM(pe.amount_fen) AS balanceFen
      FROM prepaid_accounts pa JOIN units u ON u.id = pa.unit_id JOIN communities c ON c.id = u.community_id
      LEFT JOIN fee_items fi ON fi.id = pa.fee_item_id
      JOIN prepaid_entries pe ON pe.account_id = pa.id AND pe.business_date <= ?
      WHERE ${scoped.sql}
      GROUP BY pa.id HAVING SUM(pe.amount_fen) <> 0
      ORDER BY c.code, u.sort_key, pa.fee_item_id IS NOT NULL, fi.code`,
    params: [asOf, asOf, asOf, ...scoped.params],
  };
}

export function prepaidReport(
  app: AppContext,
  filter: { asOf?: string | undefined; communityId?: number | undefined },
  scope: CommunityScope,
  page: { offset: number; limit: number },
) {
  const asOf = filter.asOf ?? app.clock.today();
  const q = prepaidSql(asOf, filter.communityId, scope);
  const sum = app.sqlite.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(balanceFen), 0) AS b FROM (${q.sql})`).get(...q.params) as { n: number; b: number };
  const rows = app.sqlite.prepare(`${q.sql} LIMIT ? OFFSET ?`).all(...q.params, page.limit, page.offset) as PrepaidRow[];
  return { asOf, total: sum.n, balanceFen: sum.b, rows };
}

export function prepaidReportAll(app: AppContext, filter: { asOf?: string | undefined; communityId?: number | undefined }, scope: CommunityScope) {
  return prepaidReport(app, filter, scope, { offset: 0, limit: -1 });
}
