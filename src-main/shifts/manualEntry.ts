import type { CallInput, CallOutput } from '../../src-shared/api';
import type { AppContext } from '../app/context';
import { collectPayment } from '../collection/collectService';
import { AppFailure } from '../ipc/failure';
import { localToInstant } from './localTime';
import { requireUsableManualNumber } from './manualBooks';

/**
 * 补录 (RULES §7): a paper receipt written while the desk was down, entered afterwards. The
 * number must be an unused one of the caller's own book; the payment lands in the caller's open
 * shift, flagged, and is reported under the paper receipt's date. Must run inside the caller's
 * write transaction.
 */
export function enterManualReceipt(
  app: AppContext,
  userId: number,
  input: CallInput<'shifts.enterManualReceipt'>,
): CallOutput<'shifts.enterManualReceipt'> {
  const { bookCode, number, originalDate, originalTime, ...collect } = input;
  requireUsableManualNumber(app, userId, bookCode, number);
  const originalAt = localToInstant(originalDate, originalTime, app.clock.timeZone);
  if (originalAt.getTime() > app.clock.now().getTime()) {
    throw new AppFailure('INVALID_INPUT', '手工收据的开具时间不能晚于现在');
  }
  return collectPayment(app, userId, collect, { manual: { seriesCode: bookCode, number, originalAt: originalAt.toISOString() } });
}
