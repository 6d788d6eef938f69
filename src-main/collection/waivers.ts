import { parseDecimal, pow10, roundHalfUpDiv } from '../../src-shared/domain/decimal';
import { formatYuan } from '../../src-shared/domain/money';
import type { AppContext } from '../app/context';
import { rolePermissions } from '../auth/sessions';
import { AppFailure } from '../ipc/failure';
import { lineBalance } from '../ledger/outstanding';
import { getSettings } from '../system/settings';

export function userCan(app: AppContext, userId: number, permission: string): boolean {
  const user = app.q.first(app.db.selectFrom('users').select('role_code').where('id', '=', userId));
  return user !== undefined && rolePermissions(app, user.role_code).includes(permission);
}

export function requirePermission(app: AppContext, userId: number, permission: string, message: string): void {
  if (!userCan(app, userId, permission)) throw new AppFailure('FORBIDDEN', message);
}

function outstandingOf(app: AppContext, lineId: number): number {
  const line = app.q.first(app.db.selectFrom('bill_lines').select(['status']).where('id', '=', lineId));
  if (!line || line.status !== 'posted') throw new AppFailure('NOT_FOUND', `账单 #${lineId} 不存在或已作废`);
  return lineBalance(app, lineId)?.outstanding_fen ?? 0;
}

/**
 * RULES §6: a waiver above the threshold waits for a supervisor, unless the requester may approve
 * it. Never more than what is still owed. Runs inside the caller's transaction.
 */
export function createWaiver(
  app: AppContext,
  p: { lineId: number; amountFen: number; reason: string; userId: number },
): { waiverId: number; status: 'requested' | 'live' } {
  const outstanding = outstandingOf(app, p.lineId);
  if (p.amountFen <= 0 || !Number.isSafeInteger(p.amountFen)) throw new AppFailure('INVALID_INPUT', '减免金额必须大于 0 且精确到分');
  if (p.amountFen > outstanding) {
    throw new AppFailure('AMOUNT_MISMATCH', `减免金额 ${formatYuan(p.amountFen)} 超过欠费 ${formatYuan(outstanding)}`);
  }
  const needsApproval =
    p.amountFen > getSettings(app).waiverApprovalThresholdFen && !userCan(app, p.userId, 'waiver.approve');
  const status = needsApproval ? 'requested' : 'live';
  const waiverId = app.q.run(
    app.db.insertInto('waivers').values({
      line_id: p.lineId,
      amount_fen: p.amountFen,
      reason: p.reason,
      status,
      requested_by: p.userId,
      approved_by: needsApproval ? null : p.userId,
      created_at: app.clock.nowIso(),
      business_date: app.clock.today(),
    }),
  ).lastInsertRowid;
  return { waiverId, status };
}

/** The amount of a percentage waiver: outstanding × percent / 100, half up to the fen. */
export function percentOf(outstandingFen: number, percent: string): number {
  const d = parseDecimal(percent);
  if (d.int <= 0n || d.int > 100n * pow10(d.scale)) throw new AppFailure('INVALID_INPUT', '减免比例必须在 0 到 100 之间');
  return Number(roundHalfUpDiv(BigInt(outstandingFen) * d.int, 100n * pow10(d.scale)));
}

export function waive(
  app: AppContext,
  userId: number,
  input: { lineId: number; amountFen?: number | undefined; percent?: string | undefined; reason: string },
) {
  const outstanding = outstandingOf(app, input.lineId);
  const amountFen = input.amountFen ?? percentOf(outstanding, input.percent ?? '0');
  if (amountFen === 0) throw new AppFailure('INVALID_INPUT', '减免金额为 0，无需减免');
  const waiver = createWaiver(app, { lineId: input.lineId, amountFen, reason: input.reason, userId });
  return { ...waiver, lineId: input.lineId, amountFen, outstandingFen: outstandingOf(app, input.lineId) };
}

export function decideWaiver(app: AppContext, userId: number, input: { waiverId: number; approve: boolean }) {
  const waiver = app.q.first(app.db.selectFrom('waivers').selectAll().where('id', '=', input.waiverId));
  if (!waiver) throw new AppFailure('NOT_FOUND', '减免申请不存在');
  if (waiver.status !== 'requested') throw new AppFailure('INVALID_STATE', '该减免申请已处理');
  if (input.approve) {
    const outstanding = outstandingOf(app, waiver.line_id);
    if (waiver.amount_fen > outstanding) {
      throw new AppFailure('AMOUNT_MISMATCH', `减免金额 ${formatYuan(waiver.amount_fen)} 已超过当前欠费 ${formatYuan(outstanding)}，请驳回后重新申请`);
    }
  }
  const status = input.approve ? 'live' : 'rejected';
  app.q.run(app.db.updateTable('waivers').set({ status, approved_by: userId }).where('id', '=', waiver.id));
  return { waiverId: waiver.id, status, lineId: waiver.line_id, amountFen: waiver.amount_fen, outstandingFen: outstandingOf(app, waiver.line_id) } as const;
}
