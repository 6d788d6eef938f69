import type { CollectionDetailFilter, CollectionDetailRow } from '../../src-shared/api/calls/reports';
import type { AppContext } from '../app/context';
import { moneyRowsSql, paymentNumber, paymentsSql, type MoneyRow, type PaymentRow, type PaymentWhere } from './paymentMoney';
import { scopeCondition, type CommunityScope } from './scope';

const METHOD_NAMES: Record<string, string> = { cash: '现金', wechat: '微信', alipay: '支付宝', card: '银行卡', transfer: '转账' };

function paymentWhere(f: CollectionDetailFilter, scope: CommunityScope): PaymentWhere {
  const scoped = scopeCondition('u.community_id', scope, f.communityId);
  const where = ['p.business_date BETWEEN ? AND ?', scoped.sql];
  const params: unknown[] = [f.dateFrom, f.dateTo, ...scoped.params];
  const add = (sql: string, value: unknown) => {
    if (value === undefined) return;
    where.push(sql);
    params.push(value);
  };
  add('p.unit_id = ?', f.unitId);
  add('p.cashier_id = ?', f.cashierId);
  add('EXISTS (SELECT 1 FROM payment_tenders t WHERE t.payment_id = p.id AND t.method = ?)', f.method);
  return { sql: where.join(' AND '), params };
}

/** Money rows joined with their payment: the one SQL both the screen and the export read. */
function detailSql(f: CollectionDetailFilter, scope: CommunityScope): PaymentWhere {
  const where = paymentWhere(f, scope);
  const money = moneyRowsSql(where, { feeItemId: f.feeItemId });
  const pay = paymentsSql({ sql: `p.status = 'posted' AND ${where.sql}`, params: where.params });
  return {
    sql: `SELECT m.*, pay.* FROM (${money.sql}) m JOIN (${pay.sql}) pay ON pay.payment_id = m.payment_id ORDER BY pay.business_date, m.payment_id, m.ord`,
    params: [...money.params, ...pay.params],
  };
}

type JoinedRow = MoneyRow & PaymentRow;

const KIND_FLAG = { collection: '', reversal: '红冲', refund: '退款' } as const;

function toRow(r: JoinedRow): CollectionDetailRow {
  const flags = [KIND_FLAG[r.kind], r.reverses_no ? `冲 ${r.reverses_no}` : '', r.manual_entry ? '补录' : '', r.fallback ? '应急' : ''];
  return {
    businessDate: r.business_date,
    number: paymentNumber(r),
    kind: r.kind,
    communityName: r.community_name,
    unitCode: r.unit_code,
    payerName: r.payer_name,
    category: r.category,
    feeItemName: r.category === 'late_fee' ? `${r.fee_item_name}违约金` : r.fee_item_name,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    amountFen: r.amount_fen,
    methods: (r.methods ?? '').split(',').filter(Boolean).map((m) => METHOD_NAMES[m] ?? m).join('、'),
    cashierName: r.cashier_name,
    flags: flags.filter(Boolean).join('；'),
  };
}

/**
 * 收费明细: what standing payments in a date range paid, one row per bill line paid (principal
 * and late fee apart) plus the parts that went to prepaid or deposit; by payment date (RULES §9).
 */
export function collectionDetail(app: AppContext, f: CollectionDetailFilter, scope: CommunityScope, page: { offset: number; limit: number }) {
  const q = detailSql(f, scope);
  const sum = app.sqlite.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS total FROM (${q.sql})`).get(...q.params) as { n: number; total: number };
  const rows = app.sqlite.prepare(`${q.sql} LIMIT ? OFFSET ?`).all(...q.params, page.limit, page.offset) as JoinedRow[];
  return { total: sum.n, totalFen: sum.total, rows: rows.map(toRow) };
}

/** Every row of the report, streamed from SQLite in screen order, for the export. */
export function* collectionDetailRows(app: AppContext, f: CollectionDetailFilter, scope: CommunityScope): Generator<CollectionDetailRow> {
  const q = detailSql(f, scope);
  for (const r of app.sqlite.prepare(q.sql).iterate(...q.params) as IterableIterator<JoinedRow>) yield toRow(r);
}

export function collectionDetailCount(app: AppContext, f: CollectionDetailFilter, scope: CommunityScope): number {
  const q = detailSql(f, scope);
  return (app.sqlite.prepare(`SELECT COUNT(*) AS n FROM (${q.sql})`).get(...q.params) as { n: number }).n;
}
