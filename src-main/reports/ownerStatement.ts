import type { StatementRow } from '../../src-shared/api/calls/reports';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import type { CommunityScope } from './scope';

interface Entry {
  date: string;
  ord: number;
  id: number;
  summary: string;
  fee_item_name: string;
  period_start: string | null;
  period_end: string | null;
  debit: number;
  credit: number;
}

const RECEIVABLE = `bl.amount_fen + COALESCE((SELECT SUM(a.amount_fen) FROM adjustments a WHERE a.line_id = bl.id AND a.status = 'approved'), 0)`;

/**
 * Everything that moves a unit's balance, dated: bills by period start (amount + approved
 * adjustments), money applied to them (payments and prepaid offsets that still stand) by their
 * date, waivers by their date, discounts with their bill. Voided, reversed and refunded money no
 * longer stands and so is left out: the statement shows what is owed, as the desk does.
 */
const ENTRIES = `
  SELECT bl.period_start AS date, 0 AS ord, bl.id, fi.name || CASE WHEN bl.kind = 'late_fee' THEN '违约金' ELSE '' END || '账单' AS summary,
    fi.name AS fee_item_name, bl.period_start, bl.period_end, ${RECEIVABLE} AS debit, 0 AS credit
  FROM bill_lines bl JOIN fee_items fi ON fi.id = bl.fee_item_id WHERE bl.unit_id = :unit AND bl.status = 'posted'
  UNION ALL
  SELECT al.business_date, 1, al.id,
    CASE WHEN al.payment_id IS NOT NULL THEN '收款 ' || COALESCE(s.prefix || printf('%08d', r.number), '') ELSE '预存抵扣 ' || o.voucher_no END,
    fi.name, bl.period_start, bl.period_end, 0, al.amount_fen
  FROM allocations al JOIN bill_lines bl ON bl.id = al.line_id JOIN fee_items fi ON fi.id = bl.fee_item_id
  LEFT JOIN receipts r ON r.payment_id = al.payment_id LEFT JOIN receipt_series s ON s.id = r.series_id
  LEFT JOIN prepaid_offsets o ON o.id = al.offset_id
  WHERE bl.unit_id = :unit AND bl.status = 'posted' AND al.status = 'live'
  UNION ALL
  SELECT w.business_date, 2, w.id, '减免：' || w.reason, fi.name, bl.period_start, bl.period_end, 0, w.amount_fen
  FROM waivers w JOIN bill_lines bl ON bl.id = w.line_id JOIN fee_items fi ON fi.id = bl.fee_item_id
  WHERE bl.unit_id = :unit AND bl.status = 'posted' AND w.status = 'live'
  UNION ALL
  SELECT bl.period_start, 3, d.id, '优惠', fi.name, bl.period_start, bl.period_end, 0, d.amount_fen
  FROM discounts d JOIN bill_lines bl ON bl.id = d.line_id JOIN fee_items fi ON fi.id = bl.fee_item_id
  WHERE bl.unit_id = :unit AND bl.status = 'posted' AND d.status = 'live'`;

/** 业主对账单: one unit's bills, payments and running balance over a date range (RULES §9). */
export function ownerStatement(app: AppContext, f: { unitId: number; dateFrom: string; dateTo: string }, scope: CommunityScope) {
  const unit = app.sqlite
    .prepare(
      `SELECT u.code, u.community_id, COALESCE((SELECT o.name FROM unit_customers uc JOIN customers o ON o.id = uc.customer_id
         WHERE uc.unit_id = u.id AND uc.role = 'owner' AND uc.start_date <= :to AND (uc.end_date IS NULL OR uc.end_date >= :to)
         ORDER BY uc.start_date DESC LIMIT 1), '') AS owner
       FROM units u WHERE u.id = :unit`,
    )
    .get({ unit: f.unitId, to: f.dateTo }) as { code: string; community_id: number; owner: string } | undefined;
  if (!unit || (scope !== null && !scope.includes(unit.community_id))) throw new AppFailure('NOT_FOUND', `房屋（编号 ${f.unitId}）不存在`);

  const opening = app.sqlite
    .prepare(`SELECT COALESCE(SUM(debit - credit), 0) AS b FROM (${ENTRIES}) WHERE date < :from`)
    .get({ unit: f.unitId, from: f.dateFrom }) as { b: number };
  const entries = app.sqlite
    .prepare(`SELECT * FROM (${ENTRIES}) WHERE date BETWEEN :from AND :to ORDER BY date, ord, id`)
    .all({ unit: f.unitId, from: f.dateFrom, to: f.dateTo }) as Entry[];
  let balance = opening.b;
  const rows: StatementRow[] = entries.map((e) => {
    balance += e.debit - e.credit;
    return {
      date: e.date,
      summary: e.summary,
      feeItemName: e.fee_item_name,
      period: e.period_start ? `${e.period_start} 至 ${e.period_end}` : '',
      debitFen: e.debit,
      creditFen: e.credit,
      balanceFen: balance,
    };
  });
  const prepaid = app.sqlite
    .prepare(
      `SELECT COALESCE(SUM(pe.amount_fen), 0) AS b FROM prepaid_entries pe JOIN prepaid_accounts pa ON pa.id = pe.account_id
       WHERE pa.unit_id = ? AND pe.business_date <= ?`,
    )
    .get(f.unitId, f.dateTo) as { b: number };
  return { unitCode: unit.code, ownerName: unit.owner, openingFen: opening.b, closingFen: balance, prepaidFen: prepaid.b, rows };
}
