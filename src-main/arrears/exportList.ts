import type { CallInput } from '../../src-shared/api';
import type { ArrearsRow } from '../../src-shared/api/calls/arrears';
import { AGING_BUCKETS } from '../../src-shared/domain/aging';
import { formatYuan } from '../../src-shared/domain/money';
import type { AppContext } from '../app/context';
import type { ColumnSpec, SheetSpec } from '../documents/excel/sheetSpec';
import type { FileRef } from '../files/fileStore';
import { companyName, exportWorkbook, filterLine, madeByLine } from '../reports/exportReports';
import { arrearsList } from './arrearsQuery';

type ExportInput = CallInput<'arrears.export'> & { sort: 'amount_desc' | 'oldest_first' | 'code' };

const SORT_NAMES = { amount_desc: '欠费金额从高到低', oldest_first: '最早欠费在前', code: '按房号' } as const;
const BUCKET_LABELS = Object.fromEntries(AGING_BUCKETS.map((b, i) => [b.key, i === 0 ? '不限' : `${AGING_BUCKETS[i - 1]!.maxDays + 1}天以上`]));

const text = (header: string, width = 12): ColumnSpec => ({ header, kind: 'text', width });
const money = (header: string, width = 14): ColumnSpec => ({ header, kind: 'money', width });
const int = (header: string, width = 8, sum = true): ColumnSpec => ({ header, kind: 'int', width, sum });

const COLUMNS: ColumnSpec[] = [
  text('项目', 12), text('楼栋', 8), text('房号', 11), text('业主', 10), text('电话', 13), money('欠费合计', 15),
  ...AGING_BUCKETS.map((b) => money(b.label, 13)),
  text('最早应缴日', 11), int('逾期月数', 9, false), int('欠费笔数', 9), text('时效提示', 16),
];
const FLAG_COLUMN = COLUMNS.length - 1;

function cells(r: ArrearsRow): Array<string | number | null> {
  return [
    r.communityName, r.buildingName, r.unitCode, r.ownerName ?? '', r.phoneMasked ?? '', r.outstandingFen,
    ...AGING_BUCKETS.map((b) => r.buckets[b.key]),
    r.oldestDueDate, r.monthsOverdue, r.lineCount, r.beyondLimitation ? '超3年，已过诉讼时效' : '',
  ];
}

/** The filters the screen offers that the shared report filter line does not name. */
function arrearsFilterLine(input: ExportInput): string {
  const parts = [
    input.minBucket !== undefined && input.minBucket !== 'd30' ? `账龄=${BUCKET_LABELS[input.minBucket]}` : null,
    input.minAmountFen !== undefined && input.minAmountFen > 0 ? `欠费不少于 ${formatYuan(input.minAmountFen)}` : null,
    input.minMonthsOverdue !== undefined && input.minMonthsOverdue > 0 ? `逾期不少于 ${input.minMonthsOverdue} 个月` : null,
    `排序：${SORT_NAMES[input.sort]}`,
  ].filter((p): p is string => p !== null);
  return parts.join('；');
}

/**
 * 欠费清单: every row of the 欠费 screen for the same filter and order (arrearsList over all pages),
 * one row per unit, so the workbook's data rows equal the screen's unit count.
 */
export async function exportArrearsList(
  app: AppContext,
  input: ExportInput,
  viewer: { displayName: string; communityIds: number[] | null },
): Promise<FileRef> {
  const { sort, ...filter } = input;
  const list = arrearsList(app, { ...filter, sort, offset: 0, limit: Number.MAX_SAFE_INTEGER }, viewer.communityIds);
  const sheet: SheetSpec = {
    name: '欠费清单',
    title: '欠费清单',
    meta: [
      `${filterLine(app, filter, viewer.communityIds)}；${arrearsFilterLine(input)}`,
      `截止日期：${list.asOf}（应缴日在此之前、尚未缴清的账单）；共 ${list.total.units} 户`,
      madeByLine(app, viewer.displayName),
    ],
    columns: COLUMNS,
    rows: list.rows.map(cells),
    totals: { label: '合计' },
    flagColumn: FLAG_COLUMN,
    notes: ['账龄按应缴日次日起算；超过3年的欠费已过诉讼时效（3年），标色提示。违约金未计入欠费合计，收取时按日计算（RULES §5）。'],
  };
  return exportWorkbook(app, 'arrears', '欠费清单', { company: companyName(app), sheets: [sheet] });
}
