import type { reportsCalls } from '../../src-shared/api/calls/reports';
import { formatYuan } from '../../src-shared/domain/money';
import {
  agingSheets,
  arrearsDetailSheet,
  collectionDetailSheet,
  dailySheets,
  prepaidSheet,
  ratesSheet,
  statementSheet,
  summarySheet,
} from '../documents/excel/reportSheets';
import type { SheetSpec } from '../documents/excel/sheetSpec';
import type { CallContext, DomainHandlers } from '../ipc/types';
import { agingReport, agingReportAll } from './agingReport';
import { arrearsDetail, arrearsDetailRows } from './arrearsDetail';
import { collectionDetail, collectionDetailRows } from './collectionDetail';
import { dailyReport } from './dailyReport';
import { companyName, exportWorkbook, filterLine, madeByLine } from './exportReports';
import { ownerStatement } from './ownerStatement';
import { collectionRates, collectionSummary, reportPeriod } from './periodReports';
import { prepaidReport, prepaidReportAll } from './prepaidReport';
import { sessionScope } from './scope';

const page = (input: { offset: number; limit: number }) => ({ offset: input.offset, limit: input.limit });

/** Title, filter line, period line and who/when: the block above every sheet. */
function heading(ctx: CallContext, title: string, filters: Parameters<typeof filterLine>[1], period: string) {
  return { title, meta: [filterLine(ctx.app, filters, sessionScope(ctx)), period, madeByLine(ctx.app, ctx.session?.displayName ?? '')] };
}

function exportSheets(ctx: CallContext, report: string, title: string, sheets: SheetSpec[]) {
  return exportWorkbook(ctx.app, report, title, { company: companyName(ctx.app), sheets });
}

export const reportsHandlers = {
  'reports.daily': (input, ctx) => dailyReport(ctx.app, input, sessionScope(ctx)),
  'reports.exportDaily': (input, ctx) => {
    const d = dailyReport(ctx.app, input, sessionScope(ctx));
    const period = d.shiftId !== null ? `班次：${d.shiftId}` : `日期：${d.date}`;
    return exportSheets(ctx, 'daily', '收费日报', dailySheets(d, heading(ctx, '收费日报', {}, period)));
  },
  'reports.collectionDetail': (input, ctx) => collectionDetail(ctx.app, input, sessionScope(ctx), page(input)),
  'reports.exportCollectionDetail': (input, ctx) => {
    const rows = [...collectionDetailRows(ctx.app, input, sessionScope(ctx))];
    const h = heading(ctx, '收费明细', input, `收款日期：${input.dateFrom} 至 ${input.dateTo}`);
    return exportSheets(ctx, 'collectionDetail', '收费明细', [collectionDetailSheet(rows, h)]);
  },
  'reports.arrearsDetail': (input, ctx) => arrearsDetail(ctx.app, input, sessionScope(ctx), page(input)),
  'reports.exportArrearsDetail': (input, ctx) => {
    const asOf = input.asOf ?? ctx.app.clock.today();
    const rows = [...arrearsDetailRows(ctx.app, { ...input, asOf }, sessionScope(ctx))];
    const h = heading(ctx, '欠费明细', input, `截止日期：${asOf}（应缴日在此之前、尚未缴清的账单）`);
    return exportSheets(ctx, 'arrearsDetail', '欠费明细', [arrearsDetailSheet(rows, h)]);
  },
  'reports.summary': (input, ctx) => collectionSummary(ctx.app, input, sessionScope(ctx)),
  'reports.exportSummary': (input, ctx) => {
    const s = collectionSummary(ctx.app, input, sessionScope(ctx));
    const h = heading(ctx, '收费汇总', input, `账单期间：${input.monthFrom} 至 ${input.monthTo}；实收与减免截至 ${s.asOf}`);
    return exportSheets(ctx, 'summary', '收费汇总', [summarySheet(s.rows, h)]);
  },
  'reports.rates': (input, ctx) => collectionRates(ctx.app, input, sessionScope(ctx)),
  'reports.exportRates': (input, ctx) => {
    const r = collectionRates(ctx.app, input, sessionScope(ctx));
    const { start, end } = reportPeriod(input);
    const h = heading(ctx, '收缴率统计', input, `报表期间：${start} 至 ${end}；报表日：${r.asOf}`);
    return exportSheets(ctx, 'rates', '收缴率', [ratesSheet(r.rows, h)]);
  },
  'reports.aging': (input, ctx) => agingReport(ctx.app, input, sessionScope(ctx), page(input)),
  'reports.exportAging': (input, ctx) => {
    const a = agingReportAll(ctx.app, input, sessionScope(ctx));
    return exportSheets(ctx, 'aging', '账龄分析', agingSheets(a, heading(ctx, '账龄分析', input, `截止日期：${a.asOf}`)));
  },
  'reports.prepaid': (input, ctx) => prepaidReport(ctx.app, input, sessionScope(ctx), page(input)),
  'reports.exportPrepaid': (input, ctx) => {
    const p = prepaidReportAll(ctx.app, input, sessionScope(ctx));
    return exportSheets(ctx, 'prepaid', '预收款余额表', [prepaidSheet(p.rows, heading(ctx, '预收款余额表', input, `截止日期：${p.asOf}`))]);
  },
  'reports.statement': (input, ctx) => ownerStatement(ctx.app, input, sessionScope(ctx)),
  'reports.exportStatement': (input, ctx) => {
    const s = ownerStatement(ctx.app, input, sessionScope(ctx));
    const h = heading(ctx, '业主对账单', input, `房号：${s.unitCode}\u3000业主：${s.ownerName}\u3000期间：${input.dateFrom} 至 ${input.dateTo}\u3000预存余额：${formatYuan(s.prepaidFen)}`);
    return exportSheets(ctx, 'statement', `业主对账单_${s.unitCode}`, [statementSheet(s, h)]);
  },
} satisfies DomainHandlers<typeof reportsCalls>;
