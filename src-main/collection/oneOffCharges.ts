import { isValidIsoDate } from '../../src-shared/domain/dates';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import { currentPayer } from '../register/occupants';

/** Fen as exact yuan text for the line's unit price: 1234 → '12.34'. */
function yuanText(fen: number): string {
  const digits = String(fen).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** 一次性收费 (RULES §3 ONE_OFF): a charge entered at the desk. Runs inside the caller's transaction. */
export function addOneOffCharge(
  app: AppContext,
  userId: number,
  input: { unitId: number; feeItemId: number; amountFen: number; note: string; dueDate?: string | undefined },
): { lineId: number; amountFen: number; dueDate: string; unitCode: string; feeItemName: string } {
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw new AppFailure('INVALID_INPUT', '金额必须大于 0 且精确到分');
  const unit = app.q.first(app.db.selectFrom('units').select(['id', 'code']).where('id', '=', input.unitId));
  if (!unit) throw new AppFailure('NOT_FOUND', `房屋（编号 ${input.unitId}）不存在`);
  const item = app.q.first(app.db.selectFrom('fee_items').select(['id', 'name', 'method', 'active']).where('id', '=', input.feeItemId));
  if (!item) throw new AppFailure('NOT_FOUND', `收费项目（编号 ${input.feeItemId}）不存在`);
  if (item.method !== 'ONE_OFF') throw new AppFailure('RULE_VIOLATION', `「${item.name}」不是一次性收费项目`);
  if (!item.active) throw new AppFailure('INVALID_STATE', `收费项目「${item.name}」已停用`);
  const today = app.clock.today();
  const dueDate = input.dueDate ?? today;
  if (!isValidIsoDate(dueDate)) throw new AppFailure('INVALID_INPUT', '到期日无效');
  const lineId = app.q.run(
    app.db.insertInto('bill_lines').values({
      run_id: null,
      unit_id: unit.id,
      fee_item_id: item.id,
      object_kind: 'unit',
      object_id: unit.id,
      kind: 'charge',
      source: 'one_off',
      parent_line_id: null,
      customer_id: currentPayer(app, unit.id, today)?.customerId ?? null,
      period_start: today,
      period_end: today,
      quantity: '1',
      unit_price: yuanText(input.amountFen),
      amount_fen: input.amountFen,
      basis: `一次性收费：${input.note}`,
      due_date: dueDate,
      status: 'posted',
      late_settled_through: null,
      late_charged_fen: 0,
      note: input.note,
      created_by: userId,
      created_at: app.clock.nowIso(),
    }),
  ).lastInsertRowid;
  return { lineId, amountFen: input.amountFen, dueDate, unitCode: unit.code, feeItemName: item.name };
}
