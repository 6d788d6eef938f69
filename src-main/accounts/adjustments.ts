import type { AdjustmentView } from '../../src-shared/api/calls/accounts';
import { formatYuan } from '../../src-shared/domain/money';
import type { AppContext } from '../app/context';
import { scopeParam } from '../auth/scope';
import { AppFailure } from '../ipc/failure';
import { lineBalance } from '../ledger/outstanding';
import type { ParsedInput } from './callSupport';

/**
 * Adjustments (调账, RULES §4): a posted line is never edited; a correction is an adjustment row
 * linked to it, with reason, author and — counted only once approved — an approver who is not
 * the author. A negative adjustment may not take the line's outstanding below zero: money
 * already received is returned by a refund, not by an adjustment.
 */

const SELECT = `
  SELECT a.id, a.line_id AS lineId, bl.unit_id AS unitId, u.code AS unitCode, fi.name AS feeItemName,
         bl.period_start AS periodStart, a.amount_fen AS amountFen, a.reason, a.status,
         ru.display_name AS requestedBy, au.display_name AS approvedBy, a.created_at AS createdAt,
         a.decided_at AS decidedAt
  FROM adjustments a
  JOIN bill_lines bl ON bl.id = a.line_id
  JOIN units u ON u.id = bl.unit_id
  JOIN fee_items fi ON fi.id = bl.fee_item_id
  JOIN users ru ON ru.id = a.requested_by
  LEFT JOIN users au ON au.id = a.approved_by`;

type Row = Omit<AdjustmentView, 'lineOutstandingFen'>;

function view(app: AppContext, row: Row): AdjustmentView {
  return { ...row, lineOutstandingFen: lineBalance(app, row.lineId)!.outstanding_fen };
}

export function adjustmentView(app: AppContext, adjustmentId: number): AdjustmentView {
  const row = app.sqlite.prepare(`${SELECT} WHERE a.id = ?`).get(adjustmentId) as Row | undefined;
  if (!row) throw new AppFailure('NOT_FOUND', `调账申请（编号 ${adjustmentId}）不存在`);
  return view(app, row);
}

export function listAdjustments(app: AppContext, filter: ParsedInput<'accounts.listAdjustments'>, communityIds: number[] | null = null): AdjustmentView[] {
  const rows = app.sqlite
    .prepare(
      `${SELECT} WHERE (? IS NULL OR bl.unit_id = ?) AND (? IS NULL OR a.status = ?)
         AND (? IS NULL OR bl.unit_id IN (SELECT id FROM units WHERE community_id IN (SELECT value FROM json_each(?))))
       ORDER BY a.id DESC LIMIT 500`,
    )
    .all(filter.unitId ?? null, filter.unitId ?? null, filter.status ?? null, filter.status ?? null, scopeParam(communityIds) ?? null, scopeParam(communityIds) ?? null) as Row[];
  return rows.map((r) => view(app, r));
}

function refuseBelowZero(app: AppContext, lineId: number, amountFen: number): void {
  const outstanding = lineBalance(app, lineId)!.outstanding_fen;
  if (amountFen < 0 && outstanding + amountFen < 0) {
    throw new AppFailure(
      'RULE_VIOLATION',
      `调减 ${formatYuan(-amountFen)} 超过该账单未缴金额 ${formatYuan(outstanding)}；已收的款项请走退款`,
    );
  }
}

export function requestAdjustment(app: AppContext, userId: number, p: ParsedInput<'accounts.requestAdjustment'>): AdjustmentView {
  const line = app.q.first(app.db.selectFrom('bill_lines').select(['id', 'status']).where('id', '=', p.lineId));
  if (!line) throw new AppFailure('NOT_FOUND', `账单（编号 ${p.lineId}）不存在`);
  if (line.status !== 'posted') throw new AppFailure('INVALID_STATE', '已作废的账单不能调账');
  refuseBelowZero(app, line.id, p.amountFen);
  const id = app.q.run(
    app.db.insertInto('adjustments').values({
      line_id: line.id,
      amount_fen: p.amountFen,
      reason: p.reason,
      status: 'requested',
      requested_by: userId,
      created_at: app.clock.nowIso(),
    }),
  ).lastInsertRowid;
  return adjustmentView(app, id);
}

function decide(app: AppContext, userId: number, adjustmentId: number, status: 'approved' | 'rejected'): AdjustmentView {
  const a = app.q.first(app.db.selectFrom('adjustments').selectAll().where('id', '=', adjustmentId));
  if (!a) throw new AppFailure('NOT_FOUND', `调账申请（编号 ${adjustmentId}）不存在`);
  if (a.status !== 'requested') throw new AppFailure('INVALID_STATE', '该调账申请已处理过');
  if (a.requested_by === userId) throw new AppFailure('RULE_VIOLATION', '不能审批自己提交的调账申请，请由另一位主管审批');
  if (status === 'approved') {
    const line = app.q.first(app.db.selectFrom('bill_lines').select('status').where('id', '=', a.line_id));
    if (line?.status !== 'posted') throw new AppFailure('INVALID_STATE', '账单已作废，不能调账');
    // Checked again: payments since the request may have left less to reduce.
    refuseBelowZero(app, a.line_id, a.amount_fen);
  }
  app.q.run(
    app.db.updateTable('adjustments').set({ status, approved_by: userId, decided_at: app.clock.nowIso() }).where('id', '=', a.id),
  );
  return adjustmentView(app, a.id);
}

export const approveAdjustment = (app: AppContext, userId: number, id: number) => decide(app, userId, id, 'approved');
export const rejectAdjustment = (app: AppContext, userId: number, id: number) => decide(app, userId, id, 'rejected');
