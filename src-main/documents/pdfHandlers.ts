import type { documentsCalls } from '../../src-shared/api/calls/documents';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import type { CallContext, DomainHandlers } from '../ipc/types';
import { getMeta, setMeta } from '../system/meta';
import { getSettings, setSetting } from '../system/settings';
import { deskShellOf } from './deskShell';
import { runNoticeBatch, type NoticeBatchRequest } from './pdf/batch';
import { dailyReportModel, renderDailyReportPdf, shiftOwner } from './pdf/dailyReportPdf';
import type { ReceiptLayout } from './pdf/models';
import { dunningNoticeModel, paymentNoticeModel, statementModel } from './pdf/noticeModels';
import { renderNoticeBatch } from './pdf/noticePdf';
import { publicityModel, renderPublicityPdf } from './pdf/publicityPdf';
import { receiptModel } from './pdf/receiptModel';
import { renderReceiptPdf } from './pdf/receiptPdf';

const PDF = 'application/pdf';

function store(app: AppContext, name: string, data: Buffer) {
  return app.files.put({ name: `${name}.pdf`, mimeType: PDF, data });
}

async function receiptFile(app: AppContext, receiptId: number, layoutInput?: ReceiptLayout) {
  const layout = layoutInput ?? getSettings(app).receiptLayout;
  const model = receiptModel(app, receiptId);
  const rendered = await renderReceiptPdf(model, layout);
  return { file: store(app, `收据-${model.receiptNo}`, rendered.pdf), layout, paperMm: rendered.paperMm, model, rendered };
}

function documentSettings(app: AppContext) {
  const s = getSettings(app);
  return { companyName: getMeta(app, 'company_name') ?? '', receiptLayout: s.receiptLayout, printerName: s.printerName, silentPrint: s.silentPrint, sealImage: s.sealImage };
}

/** A cashier may print the 日报 of their own shift; the whole day needs reports.read. */
function checkDailyAccess(ctx: CallContext, scope: { shiftId: number } | { date: string }): void {
  const session = ctx.session!;
  if (session.permissions.has('reports.read')) return;
  if (session.permissions.has('shift.own') && 'shiftId' in scope && shiftOwner(ctx.app, scope.shiftId).cashierId === session.userId) return;
  throw new AppFailure('FORBIDDEN', '只能打印自己班次的收费日报');
}

/** The contract lets exactly one of communityId and unitIds through. */
function dunningRequest(
  input: { asOf?: string | undefined; communityId?: number | undefined; buildingId?: number | undefined; unitIds?: number[] | undefined },
  today: string,
): NoticeBatchRequest {
  const asOf = input.asOf ?? today;
  if (input.unitIds !== undefined) return { kind: 'dunning', asOf, unitIds: input.unitIds };
  if (input.communityId === undefined) throw new AppFailure('INVALID_INPUT', '请选择小区（楼栋）或房屋');
  return { kind: 'dunning', asOf, communityId: input.communityId, buildingId: input.buildingId };
}

export const documentsHandlers = {
  'documents.receiptPdf': async (input, ctx) => {
    const r = await receiptFile(ctx.app, input.receiptId, input.layout);
    return { file: r.file, layout: r.layout, paperMm: r.paperMm };
  },
  'documents.printReceipt': async (input, ctx) => {
    const shell = deskShellOf(ctx.app);
    if (!shell) throw new AppFailure('INVALID_STATE', '浏览器模式下请打开收据 PDF 后用浏览器打印');
    const settings = getSettings(ctx.app);
    const r = await receiptFile(ctx.app, input.receiptId);
    return shell.printPdf({
      pdf: r.rendered.pdf,
      title: `收据 ${r.model.receiptNo}`,
      paperMm: r.paperMm,
      deviceName: settings.printerName,
      silent: settings.silentPrint,
    });
  },
  'documents.paymentNotice': async (input, ctx) => {
    const model = paymentNoticeModel(ctx.app, input.unitId, input.month);
    return store(ctx.app, `缴费通知单-${model.unitLabel}-${input.month}`, await renderNoticeBatch([{ type: 'notice', model }]));
  },
  'documents.dunningNotice': async (input, ctx) => {
    const model = dunningNoticeModel(ctx.app, input.unitId, input.asOf ?? ctx.app.clock.today());
    return store(ctx.app, `催缴通知单-${model.unitLabel}-${model.asOf}`, await renderNoticeBatch([{ type: 'notice', model }]));
  },
  'documents.statement': async (input, ctx) => {
    const model = statementModel(ctx.app, input.unitId, input.from, input.to);
    return store(ctx.app, `业主对账单-${model.unitLabel}-${input.from}至${input.to}`, await renderNoticeBatch([{ type: 'statement', model }]));
  },
  'documents.noticeBatch': async (input, ctx) => {
    const request = input.kind === 'dunning' ? dunningRequest(input, ctx.app.clock.today()) : input;
    const result = await runNoticeBatch(ctx.app, request, (payload) => ctx.app.emit({ channel: 'progress', payload }));
    const names = { payment: '缴费通知单', dunning: '催缴通知单', statement: '业主对账单' } as const;
    return { file: store(ctx.app, `${names[input.kind]}-批量-${ctx.app.clock.today()}`, result.pdf), unitCount: result.unitCount };
  },
  'documents.publicity': async (input, ctx) => {
    const model = publicityModel(ctx.app, input.communityId, input.asOf ?? ctx.app.clock.today());
    return store(ctx.app, `收费公示表-${model.communityName}-${model.asOf}`, await renderPublicityPdf(model));
  },
  'documents.dailyReport': async (input, ctx) => {
    checkDailyAccess(ctx, input);
    const model = dailyReportModel(ctx.app, input);
    return store(ctx.app, `收费日报-${model.date}`, await renderDailyReportPdf(model));
  },
  'documents.saveFile': async (input, ctx) => {
    const shell = deskShellOf(ctx.app);
    if (!shell) throw new AppFailure('INVALID_STATE', '浏览器模式下文件直接下载');
    const file = ctx.app.files.get(input.fileId);
    if (!file) throw new AppFailure('NOT_FOUND', '文件已过期，请重新生成');
    const { saved } = await shell.saveFile(file);
    return { saved, fileName: file.name };
  },
  'settings.get': (_input, ctx) => documentSettings(ctx.app),
  'settings.update': (input, ctx) => {
    const changed = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
    const summary = `修改打印设置：${changed.map((k) => (k === 'sealImage' ? (input.sealImage ? '更换印章图片' : '清除印章图片') : k === 'companyName' ? `公司名称「${input.companyName}」` : `${k}=${String(input[k as keyof typeof input])}`)).join('，') || '无变化'}`;
    return ctx.write({ entity: 'settings', summary }, () => {
      if (input.companyName !== undefined) setMeta(ctx.app, 'company_name', input.companyName);
      if (input.receiptLayout !== undefined) setSetting(ctx.app, 'receiptLayout', input.receiptLayout);
      if (input.printerName !== undefined) setSetting(ctx.app, 'printerName', input.printerName);
      if (input.silentPrint !== undefined) setSetting(ctx.app, 'silentPrint', input.silentPrint);
      if (input.sealImage !== undefined) setSetting(ctx.app, 'sealImage', input.sealImage);
      return documentSettings(ctx.app);
    });
  },
} satisfies DomainHandlers<typeof documentsCalls>;
