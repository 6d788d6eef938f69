import type { CallOutput } from '../../src-shared/api';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import type { CallContext } from '../ipc/types';

/** Everyone who has had a shift, by name (the 收银员 filter of the receipt search), and the business date. */
export function listCashiers(app: AppContext): CallOutput<'shifts.cashiers'> {
  const rows = app.sqlite
    .prepare(
      `SELECT u.id, u.display_name AS name FROM users u
       WHERE EXISTS (SELECT 1 FROM shifts s WHERE s.cashier_id = u.id) ORDER BY u.display_name, u.id`,
    )
    .all() as Array<{ id: number; name: string }>;
  return { cashiers: rows, today: app.clock.today() };
}

/** The shift that took a payment, so the screen offers 作废 (shift open) or 红冲 (closed) before asking anyone. */
export function paymentShift(app: AppContext, paymentId: number): CallOutput<'shifts.ofPayment'> {
  const row = app.sqlite
    .prepare(
      `SELECT s.id AS shiftId, s.status, s.cashier_id AS cashierId, u.display_name AS cashierName, s.business_date AS businessDate
       FROM payments p JOIN shifts s ON s.id = p.shift_id JOIN users u ON u.id = s.cashier_id WHERE p.id = ?`,
    )
    .get(paymentId) as CallOutput<'shifts.ofPayment'> | undefined;
  if (!row) throw new AppFailure('NOT_FOUND', '收款记录不存在');
  return row;
}

/** The same rule as the 日报 PDF: any shift with reports.read, otherwise only the cashier's own. */
export function checkShiftReportAccess(ctx: CallContext, shiftId: number): void {
  const session = ctx.session!;
  const owner = ctx.app.q.first(ctx.app.db.selectFrom('shifts').select('cashier_id').where('id', '=', shiftId));
  if (!owner) throw new AppFailure('NOT_FOUND', `班次 ${shiftId} 不存在`);
  if (session.permissions.has('reports.read')) return;
  if (session.permissions.has('shift.own') && owner.cashier_id === session.userId) return;
  throw new AppFailure('FORBIDDEN', '只能导出自己班次的收费日报');
}
