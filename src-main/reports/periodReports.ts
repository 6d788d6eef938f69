import type { RatesRow, SummaryFilter, SummaryRow } from '../../src-shared/api/calls/reports';
import { addDays, addMonths } from '../../src-shared/domain/dates';
import type { AppContext } from '../app/context';
import { scopeCondition, type CommunityScope } from './scope';

/**
 * 收费汇总 and 收缴率 count money against the bill's period (RULES §9). Both read 应收 the same way:
 * posted charge lines (late fees excluded) with their approved adjustments, by period start.
 */
export function reportPeriod(f: SummaryFilter): { start: string; end: string } {
  return { start: `${f.monthFrom}-01`, end: addDays(addMonths(`${f.monthTo}-01`, 1), -1) };
}

/** received ÷ base, or null when nothing was due. A ratio for a '0.00%' cell, never money. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

const RECEIVABLE = `bl.amount_fen + COALESCE((SELECT SUM(a.amount_fen) FROM adjustments a WHERE a.line_id = bl.id AND a.status = 'approved'), 0)`;
const DISCOUNTED = `COALESCE((SELECT SUM(d.amount_fen) FROM discounts d WHERE d.line_id = bl.id AND d.status = 'live'), 0)`;
const allocated = (cond: string) =>
  `COALESCE((SELECT SUM(al.amount_fen) FROM allocations al WHERE al.line_id = bl.id AND al.status = 'live' AND ${cond}), 0)`;
const waived = (cond: string) =>
  `COALESCE((SELECT SUM(w.amount_fen) FROM waivers w WHERE w.line_id = bl.id AND w.status = 'live' AND ${cond}), 0)`;

/** 收费汇总: fee item × month of 应收, 实收 (paid and prepaid offsets apart), 减免, 欠费 and 收缴率 as of a date. */
export function collectionSummary(app: AppContext, f: SummaryFilter, scope: CommunityScope): { asOf: string; rows: SummaryRow[] } {
  const asOf = f.asOf ?? app.clock.today();
  const { start, end } = reportPeriod(f);
  const scoped = scopeCondition('u.community_id', scope, f.communityId);
  const rows = app.sqlite
    .prepare(
      `SELECT fi.name AS feeItemName, l.month, SUM(l.receivable) AS receivableFen, SUM(l.paid) AS paidFen, SUM(l.offset) AS offsetFen,
         SUM(l.waived) AS waivedFen
       FROM (
         SELECT bl.fee_item_id, substr(bl.period_start, 1, 7) AS month, ${RECEIVABLE} AS receivable,
           ${allocated('al.payment_id IS NOT NULL AND al.business_date <= ?')} AS paid,
           ${allocated('al.offset_id IS NOT NULL AND al.business_date <= ?')} AS offset,
           ${waived('w.business_date <= ?')} + ${DISCOUNTED} AS waived
         FROM bill_lines bl JOIN units u ON u.id = bl.unit_id
         WHERE bl.status = 'posted' AND bl.kind = 'charge' AND bl.period_start BETWEEN ? AND ? AND ${scoped.sql}
       ) l JOIN fee_items fi ON fi.id = l.fee_item_id
       GROUP BY l.fee_item_id, l.month ORDER BY fi.priority, fi.code, l.month`,
    )
    .all(asOf, asOf, asOf, start, end, ...scoped.params) as Array<Omit<SummaryRow, 'receivedFen' | 'outstandingFen' | 'rate'>>;
  return {
    asOf,
    rows: rows.map((r) => {
      const receivedFen = r.paidFen + r.offsetFen;
      return { ...r, receivedFen, outstandingFen: r.receivableFen - receivedFen - r.waivedFen, rate: ratio(receivedFen, r.receivableFen - r.waivedFen) };
    }),
  };
}

/**
 * 收缴率 per fee item and in total, exactly as RULES §9 defines them, for the report period
 * [start, end] and the report date (as of):
 *   当期收缴率 = allocations up to the report date to the period's lines ÷ (period 应收 − waivers on them);
 *   清欠率 = allocations within the period to earlier periods' lines ÷ their outstanding at the start;
 *   综合收缴率 = allocations within the period (to lines of the period or earlier) ÷
 *               (period 应收 − its waivers + earlier outstanding at the start).
 * Allocations are payments and prepaid offsets that still stand; waivers count up to the report
 * date, discounts always (they are posted with their line).
 */
export function collectionRates(app: AppContext, f: SummaryFilter, scope: CommunityScope) {
  const asOf = f.asOf ?? app.clock.today();
  const { start, end } = reportPeriod(f);
  const scoped = scopeCondition('u.community_id', scope, f.communityId);
  const raw = app.sqlite
    .prepare(
      `SELECT fi.name AS feeItemName,
         SUM(CASE WHEN l.current THEN l.receivable ELSE 0 END) AS receivableFen,
         SUM(CASE WHEN l.current THEN l.waived ELSE 0 END) AS waivedFen,
         SUM(CASE WHEN l.current THEN l.received_to_date ELSE 0 END) AS currentReceivedFen,
         SUM(CASE WHEN l.current THEN 0 ELSE MAX(0, l.receivable - l.before_start) END) AS openingArrearsFen,
         SUM(CASE WHEN l.current THEN 0 ELSE l.received_within END) AS clearedFen,
         SUM(l.received_within) AS periodReceivedFen
       FROM (
         SELECT bl.fee_item_id, bl.period_start >= ? AS current, ${RECEIVABLE} AS receivable,
           ${waived('w.business_date <= ?')} + ${DISCOUNTED} AS waived,
           ${allocated('al.business_date <= ?')} AS received_to_date,
           ${allocated('al.business_date BETWEEN ? AND ?')} AS received_within,
           ${allocated('al.business_date < ?')} + ${waived('w.business_date < ?')} + ${DISCOUNTED} AS before_start
         FROM bill_lines bl JOIN units u ON u.id = bl.unit_id
         WHERE bl.status = 'posted' AND bl.kind = 'charge' AND bl.period_start <= ? AND ${scoped.sql}
       ) l JOIN fee_items fi ON fi.id = l.fee_item_id
       GROUP BY l.fee_item_id ORDER BY fi.priority, fi.code`,
    )
    .all(start, asOf, asOf, start, end, start, start, end, ...scoped.params) as Array<Omit<RatesRow, 'currentRate' | 'clearanceRate' | 'overallRate'>>;
  const withRates = (r: Omit<RatesRow, 'currentRate' | 'clearanceRate' | 'overallRate'>): RatesRow => ({
    ...r,
    currentRate: ratio(r.currentReceivedFen, r.receivableFen - r.waivedFen),
    clearanceRate: ratio(r.clearedFen, r.openingArrearsFen),
    overallRate: ratio(r.periodReceivedFen, r.receivableFen - r.waivedFen + r.openingArrearsFen),
  });
  const keys = ['receivableFen', 'waivedFen', 'currentReceivedFen', 'openingArrearsFen', 'clearedFen', 'periodReceivedFen'] as const;
  const total = Object.fromEntries(keys.map((k) => [k, raw.reduce((s, r) => s + r[k], 0)])) as Record<(typeof keys)[number], number>;
  // Lines of earlier periods with nothing owed at the start and nothing paid within it are noise.
  const rows = raw.filter((r) => r.receivableFen !== 0 || r.openingArrearsFen !== 0 || r.periodReceivedFen !== 0).map(withRates);
  return { asOf, periodStart: start, periodEnd: end, rows, total: withRates({ feeItemName: '合计', ...total }) };
}
