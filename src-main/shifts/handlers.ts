import type { shiftsCalls } from '../../src-shared/api/calls/shifts';
import { formatYuan } from '../../src-shared/domain/money';
import type { AppContext } from '../app/context';
import { deciderId } from '../auth/approval';
import { AppFailure } from '../ipc/failure';
import type { CallContext, DomainHandlers } from '../ipc/types';
import { backupNow } from '../maintenance/backup';
import { fallbackState, reportHealth, setFallback, setServerAddress } from './fallback';
import { enterManualReceipt } from './manualEntry';
import { bookHolders, checkManualNumber, listManualBooks, registerManualBook, returnManualBook } from './manualBooks';
import { reportsHandlers } from '../reports/handlers';
import { markReviewed, reviewList } from './review';
import { probeCompanyServer } from './serverProbe';
import { checkShiftReportAccess, listCashiers, paymentShift } from './shiftLookups';
import { confirmShift, countShift, currentShift, listShifts, openShift, shiftDetail, type Viewer } from './shiftService';

const viewer = (ctx: CallContext): Viewer => ({ userId: ctx.session!.userId, permissions: ctx.session!.permissions });

/** A confirmed shift is a natural checkpoint; the confirmation stands even if the copy fails. */
async function backupAfterConfirm(app: AppContext) {
  try {
    const { backup } = await backupNow(app, 'shift');
    return { ok: true, file: backup.name, message: `已自动备份：${backup.name}` };
  } catch (error) {
    const message = error instanceof AppFailure ? error.message : '备份失败';
    return { ok: false, file: null, message: `班次已确认，但自动备份未完成：${message}` };
  }
}

export const shiftsHandlers = {
  'shifts.open': (input, ctx) =>
    ctx.write({ entity: 'shift', summary: `开班，备用金 ${formatYuan(input.floatFen)}` }, () =>
      openShift(ctx.app, ctx.session!.userId, input.floatFen),
    ),
  'shifts.current': (_input, ctx) => currentShift(ctx.app, ctx.session!.userId),
  'shifts.count': (input, ctx) =>
    ctx.write({ entity: 'shift', summary: '交班清点' }, () => countShift(ctx.app, ctx.session!.userId, input)),
  'shifts.confirm': async (input, ctx) => {
    const shift = ctx.write({ entity: `shift:${input.shiftId}`, summary: `确认班次 ${input.shiftId}` }, () =>
      confirmShift(ctx.app, deciderId(ctx), input.shiftId, input.note ?? ''),
    );
    return { shift, backup: await backupAfterConfirm(ctx.app) };
  },
  'shifts.list': (input, ctx) => listShifts(ctx.app, viewer(ctx), input),
  'shifts.detail': (input, ctx) => shiftDetail(ctx.app, viewer(ctx), input.shiftId),
  'shifts.registerManualBook': (input, ctx) =>
    ctx.write(
      {
        entity: `manual_book:${input.code}`,
        summary: `登记手工收据本 ${input.code}（${input.prefix}${input.rangeStart}–${input.rangeEnd}），领用人 #${input.cashierId}`,
      },
      () => registerManualBook(ctx.app, input),
    ),
  'shifts.listManualBooks': (input, ctx) => listManualBooks(ctx.app, viewer(ctx), input.status),
  'shifts.returnManualBook': (input, ctx) =>
    ctx.write({ entity: `manual_book:${input.code}`, summary: `收回手工收据本 ${input.code}，未用号码全部作废` }, () =>
      returnManualBook(ctx.app, deciderId(ctx), input.code, input.reason ?? ''),
    ),
  'shifts.checkManualNumber': (input, ctx) => checkManualNumber(ctx.app, ctx.session!.userId, input.code, input.number),
  'shifts.enterManualReceipt': (input, ctx) =>
    ctx.write(
      { entity: `manual_book:${input.bookCode}`, summary: `补录手工收据 ${input.bookCode} 第 ${input.number} 号（${input.originalDate} ${input.originalTime}）` },
      () => enterManualReceipt(ctx.app, ctx.session!.userId, input),
    ),
  'shifts.setFallback': (input, ctx) =>
    ctx.write({ entity: 'desk', summary: `${input.on ? '切换到' : '退出'}手工收费模式：${input.reason}` }, () =>
      setFallback(ctx.app, input.on, input.reason),
    ),
  'shifts.healthCheck': (_input, ctx) => fallbackState(ctx.app),
  'shifts.reportHealth': (input, ctx) =>
    ctx.write({ entity: 'desk', summary: `服务器健康检查：${input.ok ? '正常' : '失败'}${input.detail ? `（${input.detail}）` : ''}` }, () =>
      reportHealth(ctx.app, input.ok, input.detail ?? ''),
    ),
  'shifts.reviewList': (_input, ctx) => reviewList(ctx.app),
  'shifts.markReviewed': (input, ctx) =>
    ctx.write({ entity: 'payment', summary: `复核手工收费/补录收款 ${input.paymentIds.join(', ')}` }, () =>
      markReviewed(ctx.app, deciderId(ctx), input.paymentIds),
    ),
  'shifts.cashiers': (_input, ctx) => listCashiers(ctx.app),
  'shifts.ofPayment': (input, ctx) => paymentShift(ctx.app, input.paymentId),
  'shifts.exportDaily': (input, ctx) => {
    checkShiftReportAccess(ctx, input.shiftId);
    // The very workbook finance exports for a shift, so the cashier's copy and theirs agree.
    return reportsHandlers['reports.exportDaily']({ shiftId: input.shiftId }, ctx);
  },
  'shifts.probeServer': async (_input, ctx) => {
    const { serverUrl } = fallbackState(ctx.app);
    if (serverUrl.trim() === '') throw new AppFailure('INVALID_STATE', '未配置公司服务器地址，单机运行无需健康检查');
    const probe = await probeCompanyServer(serverUrl);
    return ctx.write({ entity: 'desk', summary: `服务器健康检查：${probe.ok ? '正常' : `失败（${probe.detail}）`}` }, () =>
      reportHealth(ctx.app, probe.ok, probe.detail),
    );
  },
  'shifts.setServerAddress': (input, ctx) =>
    ctx.write({ entity: 'settings', summary: `设置公司服务器地址：${input.url === '' ? '无（单机运行）' : input.url}` }, () =>
      setServerAddress(ctx.app, input.url),
    ),
  'shifts.bookHolders': (_input, ctx) => bookHolders(ctx.app),
} satisfies DomainHandlers<typeof shiftsCalls>;
