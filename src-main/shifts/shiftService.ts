import type { CallInput, CallOutput } from '../../src-shared/api';
import { formatYuan } from '../../src-shared/domain/money';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import { formatNumber } from '../ledger/series';
import { findOpenShift, requireOpenShift } from './currentShift';
import { TENDER_NAMES, type TenderMethod } from '../../src-shared/api/calls/collection';
import { overShort, shiftView, systemTotals } from './shiftTotals';

/** Who is looking: a cashier sees their own shifts, shift.read sees everyone's. */
export interface Viewer {
  userId: number;
  permissions: ReadonlySet<string>;
}

export function openShift(app: AppContext, cashierId: number, floatFen: number) {
  if (findOpenShift(app, cashierId)) throw new AppFailure('INVALID_STATE', '您已有未交班的班次，请先交班再开新班');
  const r = app.q.run(
    app.db.insertInto('shifts').values({
      cashier_id: cashierId,
      business_date: app.clock.today(),
      float_fen: floatFen,
      status: 'open',
      opened_at: app.clock.nowIso(),
      note: '',
    }),
  );
  return shiftView(app, r.lastInsertRowid);
}

export function currentShift(app: AppContext, cashierId: number) {
  const open = findOpenShift(app, cashierId);
  return { shift: open ? shiftView(app, open.id) : null };
}

/**
 * 交班: the cashier's counted amounts stand beside the system totals, method by method. Every
 * method that moved money (and cash, which holds the float) must be counted, and any difference
 * needs a note. Counting closes the shift to payments.
 */
export function countShift(app: AppContext, cashierId: number, input: CallInput<'shifts.count'>) {
  const shift = requireOpenShift(app, cashierId);
  const counted = new Map(input.counts.map((c) => [c.method, c]));
  const totals = systemTotals(app, shift.id, shift.float_fen);
  for (const t of totals) {
    if ((t.systemFen !== 0 || t.method === 'cash') && !counted.has(t.method)) {
      throw new AppFailure('INVALID_INPUT', `请录入${TENDER_NAMES[t.method]}的实点金额（系统金额 ${formatYuan(t.systemFen)}）`);
    }
  }
  const cash = counted.get('cash');
  if (cash && (cash.countedFen ?? 0) < 0) throw new AppFailure('INVALID_INPUT', '现金实点金额不能为负数');
  const now = app.clock.nowIso();
  for (const t of totals) {
    const c = counted.get(t.method);
    if (!c) continue;
    const { overFen, shortFen } = overShort(t.systemFen, c.countedFen);
    const note = c.note ?? '';
    if ((overFen > 0 || shortFen > 0) && note === '') {
      const what = overFen > 0 ? `长款 ${formatYuan(overFen)}` : `短款 ${formatYuan(shortFen)}`;
      throw new AppFailure('INVALID_INPUT', `${TENDER_NAMES[t.method]}${what}，请填写说明`);
    }
    app.q.run(
      app.db.insertInto('shift_counts').values({
        shift_id: shift.id,
        method: t.method,
        system_fen: t.systemFen,
        counted_fen: c.countedFen,
        over_fen: overFen,
        short_fen: shortFen,
        note,
      }),
    );
  }
  app.q.run(
    app.db
      .updateTable('shifts')
      .set({ status: 'counted', counted_at: now, note: input.note ?? '' })
      .where('id', '=', shift.id)
      .where('status', '=', 'open'),
  );
  return shiftView(app, shift.id);
}

/** The supervisor's confirmation; the cashier never confirms their own count. */
export function confirmShift(app: AppContext, supervisorId: number, shiftId: number, note: string) {
  const shift = app.q.first(app.db.selectFrom('shifts').selectAll().where('id', '=', shiftId));
  if (!shift) throw new AppFailure('NOT_FOUND', `班次 ${shiftId} 不存在`);
  if (shift.status === 'confirmed') throw new AppFailure('SHIFT_CLOSED', '该班次已确认，不能再修改');
  if (shift.status !== 'counted') throw new AppFailure('INVALID_STATE', '该班次尚未交班清点，不能确认');
  if (shift.cashier_id === supervisorId) throw new AppFailure('FORBIDDEN', '不能确认自己的班次，请由另一位收费主管确认');
  const combined = [shift.note, note].filter((n) => n !== '').join('；');
  app.q.run(
    app.db
      .updateTable('shifts')
      .set({ status: 'confirmed', confirmed_at: app.clock.nowIso(), confirmed_by: supervisorId, note: combined })
      .where('id', '=', shiftId)
      .where('status', '=', 'counted'),
  );
  return shiftView(app, shiftId);
}

export function listShifts(app: AppContext, viewer: Viewer, input: CallInput<'shifts.list'>) {
  const own = ownOnly(viewer);
  let query = app.db.selectFrom('shifts').select('id').orderBy('opened_at', 'desc').orderBy('id', 'desc');
  const cashierId = own ? viewer.userId : input.cashierId;
  if (cashierId !== undefined) query = query.where('cashier_id', '=', cashierId);
  if (input.status) query = query.where('status', '=', input.status);
  if (input.from) query = query.where('business_date', '>=', input.from);
  if (input.to) query = query.where('business_date', '<=', input.to);
  const ids = app.q.all(query.limit(input.limit ?? 50));
  return { shifts: ids.map((r) => shiftView(app, r.id)) };
}

export function shiftDetail(app: AppContext, viewer: Viewer, shiftId: number): CallOutput<'shifts.detail'> {
  const shift = shiftView(app, shiftId);
  if (ownOnly(viewer) && shift.cashierId !== viewer.userId) throw new AppFailure('FORBIDDEN', '只能查看自己的班次');
  const payments = app.sqlite
    .prepare(
      `SELECT p.id, p.kind, p.status, p.payer_name, p.tendered_fen, p.fallback, p.manual_entry, p.business_date,
              p.created_at, u.code AS unit_code, r.number AS receipt_number, s.prefix AS receipt_prefix
       FROM payments p JOIN units u ON u.id = p.unit_id
       LEFT JOIN receipts r ON r.payment_id = p.id LEFT JOIN receipt_series s ON s.id = r.series_id
       WHERE p.shift_id = ? ORDER BY p.id`,
    )
    .all(shiftId) as PaymentRow[];
  const tenders = app.sqlite.prepare('SELECT method, amount_fen FROM payment_tenders WHERE payment_id = ? ORDER BY id');
  return {
    shift,
    payments: payments.map((p) => ({
      id: p.id,
      kind: p.kind,
      status: p.status,
      receiptNo: p.receipt_number === null ? null : formatNumber(p.receipt_prefix ?? '', p.receipt_number),
      unitCode: p.unit_code,
      payerName: p.payer_name,
      tenderedFen: p.tendered_fen,
      tenders: (tenders.all(p.id) as Array<{ method: TenderMethod; amount_fen: number }>).map((t) => ({
        method: t.method,
        amountFen: t.amount_fen,
      })),
      fallback: p.fallback === 1,
      manualEntry: p.manual_entry === 1,
      businessDate: p.business_date,
      createdAt: p.created_at,
    })),
  };
}

function ownOnly(viewer: Viewer): boolean {
  if (viewer.permissions.has('shift.read')) return false;
  if (viewer.permissions.has('shift.own')) return true;
  throw new AppFailure('FORBIDDEN');
}

interface PaymentRow {
  id: number;
  kind: 'collection' | 'reversal' | 'refund';
  status: 'posted' | 'voided';
  payer_name: string;
  tendered_fen: number;
  fallback: number;
  manual_entry: number;
  business_date: string;
  created_at: string;
  unit_code: string;
  receipt_number: number | null;
  receipt_prefix: string | null;
}
