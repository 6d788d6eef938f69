import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';

export type ShiftRow = NonNullable<ReturnType<typeof findOpenShift>>;

export function findOpenShift(app: AppContext, cashierId: number) {
  return app.q.first(
    app.db.selectFrom('shifts').selectAll().where('cashier_id', '=', cashierId).where('status', '=', 'open'),
  );
}

/** Money moves at the desk only inside the cashier's open shift (RULES §8). */
export function requireOpenShift(app: AppContext, cashierId: number): ShiftRow {
  const shift = findOpenShift(app, cashierId);
  if (!shift) throw new AppFailure('SHIFT_NOT_OPEN');
  return shift;
}
