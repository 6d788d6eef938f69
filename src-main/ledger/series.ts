import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';

/**
 * Takes the next number of a series. Runs inside the caller's transaction, so a rolled-back
 * payment gives its number back and numbers stay continuous with none reused.
 */
export function takeNextNumber(app: AppContext, seriesCode: string): { seriesId: number; number: number; display: string } {
  const series = app.q.first(app.db.selectFrom('receipt_series').selectAll().where('code', '=', seriesCode));
  if (!series) throw new AppFailure('NOT_FOUND', `票据号段 ${seriesCode} 不存在`);
  if (series.status !== 'active') throw new AppFailure('INVALID_STATE', `票据号段 ${seriesCode} 已收回，不能再使用`);
  if (series.range_end !== null && series.next_no > series.range_end) {
    throw new AppFailure('INVALID_STATE', `票据号段 ${seriesCode} 已用完`);
  }
  app.q.run(app.db.updateTable('receipt_series').set({ next_no: series.next_no + 1 }).where('id', '=', series.id));
  return { seriesId: series.id, number: series.next_no, display: formatNumber(series.prefix, series.next_no) };
}

/** SJ00000042: fixed width so printed numbers sort and read the same everywhere. */
export function formatNumber(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(8, '0')}`;
}
