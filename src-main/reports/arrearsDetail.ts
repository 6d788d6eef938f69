import type { ArrearsDetailFilter, ArrearsDetailRow } from '../../src-shared/api/calls/reports';
import { agingBucket } from '../../src-shared/domain/aging';
import type { AppContext } from '../app/context';
import { accrue, type AccrualLine } from '../collection/lateFeeSettlement';
import { scopeCondition, type CommunityScope } from './scope';

/**
 * 欠费明细 per bill line, on the same terms as the arrears list (arrearsQuery.arrearsList): posted
 * lines with something still owed whose due date is before the as-of date, so its per-unit sums
 * are that list's amounts. Receivable = amount + approved adjustments; owed = receivable − received
 * − waived − discount (the maintained outstanding column); the late fee accrues to the as-of date
 * exactly as the desk computes it (lateFeeSettlement.accrue).
 */
function detailSql(f: ArrearsDetailFilter & { asOf: string }, scope: CommunityScope): { sql: string; params: unknown[] } {
  const scoped = scopeCondition('u.community_id', scope, f.communityId);
  const where = ["bl.status = 'posted'", 'bl.outstanding_fen > 0', 'bl.due_date < ?', scoped.sql];
  const params: unknown[] = [f.asOf, f.asOf, f.asOf, f.asOf, ...scoped.params];
  for (const [sql, value] of [['u.building_id = ?', f.buildingId], ['bl.fee_item_id = ?', f.feeItemId], ['bl.unit_id = ?', f.unitId]] as const) {
    if (value === undefined) continue;
    where.push(sql);
    params.push(value);
  }
  const sql = `
    SELECT bl.id, c.name AS community_name, b.name AS building_name, u.code AS unit_code,
      COALESCE(cu.name, (SELECT o.name FROM unit_customers uc JOIN customers o ON o.id = uc.customer_id
        WHERE uc.unit_id = bl.unit_id AND uc.role = 'owner' AND uc.start_date <= ? AND (uc.end_date IS NULL OR uc.end_date >= ?)
        ORDER BY uc.start_date DESC LIMIT 1), '') AS owner_name,
      fi.name AS fee_item_name, bl.kind, bl.period_start, bl.period_end, bl.due_date, bl.amount_fen,
      bl.amount_fen + COALESCE((SELECT SUM(a.amount_fen) FROM adjustments a WHERE a.line_id = bl.id AND a.status = 'approved'), 0) AS receivable,
      COALESCE((SELECT SUM(al.amount_fen) FROM allocations al WHERE al.line_id = bl.id AND al.status = 'live'), 0) AS received,
      COALESCE((SELECT SUM(w.amount_fen) FROM waivers w WHERE w.line_id = bl.id AND w.status = 'live'), 0) AS waived,
      COALESCE((SELECT SUM(d.amount_fen) FROM discounts d WHERE d.line_id = bl.id AND d.status = 'live'), 0) AS discounted,
      bl.outstanding_fen, CAST(julianday(?) - julianday(bl.due_date) AS INTEGER) AS days,
      bl.late_settled_through, bl.late_charged_fen, fi.late_daily_rate, fi.late_grace_days, fi.late_cap_ratio
    FROM bill_lines bl
    JOIN units u ON u.id = bl.unit_id JOIN communities c ON c.id = u.community_id JOIN buildings b ON b.id = u.building_id
    JOIN fee_items fi ON fi.id = bl.fee_item_id LEFT JOIN customers cu ON cu.id = bl.customer_id
    WHERE ${where.join(' AND ')}
    ORDER BY c.code, u.sort_key, bl.due_date, bl.id`;
  // The first two ? are the owner's date, the third the days' as-of, the fourth the due-date bound.
  return { sql, params };
}

type Raw = AccrualLine & {
  id: number; community_name: string; building_name: string; unit_code: string; owner_name: string; fee_item_name: string;
  period_start: string; period_end: string; receivable: number; received: number; waived: number; discounted: number;
  outstanding_fen: number; days: number;
};

function toRow(r: Raw, asOf: string): ArrearsDetailRow {
  return {
    lineId: r.id,
    communityName: r.community_name,
    buildingName: r.building_name,
    unitCode: r.unit_code,
    ownerName: r.owner_name,
    feeItemName: r.kind === 'late_fee' ? `${r.fee_item_name}违约金` : r.fee_item_name,
    kind: r.kind,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    dueDate: r.due_date,
    receivableFen: r.receivable,
    receivedFen: r.received,
    waivedFen: r.waived,
    discountFen: r.discounted,
    outstandingFen: r.outstanding_fen,
    overdueDays: r.days,
    lateFeeFen: accrue(r, r.outstanding_fen, asOf).feeFen,
    bucket: agingBucket(r.days),
  };
}

export function arrearsDetail(app: AppContext, filter: ArrearsDetailFilter, scope: CommunityScope, page: { offset: number; limit: number }) {
  const asOf = filter.asOf ?? app.clock.today();
  const q = detailSql({ ...filter, asOf }, scope);
  const rows = app.sqlite.prepare(q.sql).all(...q.params) as Raw[];
  // Late fees are computed per line in code, so the totals come from the full list.
  const all = rows.map((r) => toRow(r, asOf));
  return {
    asOf,
    total: all.length,
    outstandingFen: all.reduce((s, r) => s + r.outstandingFen, 0),
    lateFeeFen: all.reduce((s, r) => s + r.lateFeeFen, 0),
    rows: all.slice(page.offset, page.offset + page.limit),
  };
}

export function* arrearsDetailRows(app: AppContext, filter: ArrearsDetailFilter, scope: CommunityScope): Generator<ArrearsDetailRow> {
  const asOf = filter.asOf ?? app.clock.today();
  const q = detailSql({ ...filter, asOf }, scope);
  for (const r of app.sqlite.prepare(q.sql).iterate(...q.params) as IterableIterator<Raw>) yield toRow(r, asOf);
}
