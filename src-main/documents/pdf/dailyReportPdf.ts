import { TENDER_METHODS, TENDER_NAMES, type TenderMethod } from '../../../src-shared/api/calls/collection';
import { toChineseUppercase } from '../../../src-shared/domain/money';
import type { AppContext } from '../../app/context';
import { auditHead } from '../../audit/auditLog';
import { AppFailure } from '../../ipc/failure';
import { formatNumber } from '../../ledger/series';
import { getMeta } from '../../system/meta';
import { A4, GREY, INK, hline, mm, newDocument, pageMarks, put, row, toBuffer, yuan, type Column } from './kit';
import type { DailyReportModel } from './models';
import { isTraining } from './receiptModel';

const KINDS: Record<string, string> = { collection: '收款', reversal: '红冲', refund: '退费' };

export type DailyScope = { shiftId: number } | { date: string };

interface PaymentRow {
  id: number; kind: string; status: string; tendered_fen: number; payer_name: string; unit_code: string;
  prefix: string | null; number: number | null; methods: string | null;
}

/** The shift a report covers, with its cashier: own-shift callers are checked against it. */
export function shiftOwner(app: AppContext, shiftId: number): { cashierId: number; cashierName: string; businessDate: string } {
  const row = app.sqlite
    .prepare('SELECT s.cashier_id AS cashierId, u.display_name AS cashierName, s.business_date AS businessDate FROM shifts s JOIN users u ON u.id = s.cashier_id WHERE s.id = ?')
    .get(shiftId) as { cashierId: number; cashierName: string; businessDate: string } | undefined;
  if (!row) throw new AppFailure('NOT_FOUND', `班次 ${shiftId} 不存在`);
  return row;
}

/**
 * 收费日报 of a shift or of a business day: every payment with its receipt, totals per tender
 * method over payments that stand (voided ones listed but not counted), and the audit chain's
 * head when printed, so the paper can later be matched against the log.
 */
export function dailyReportModel(app: AppContext, scope: DailyScope): DailyReportModel {
  const byShift = 'shiftId' in scope;
  const owner = byShift ? shiftOwner(app, scope.shiftId) : null;
  const where = byShift ? 'p.shift_id = ?' : 'p.business_date = ?';
  const key = byShift ? scope.shiftId : scope.date;
  const payments = app.sqlite
    .prepare(
      `SELECT p.id, p.kind, p.status, p.tendered_fen, p.payer_name, u.code AS unit_code, s.prefix, r.number,
         (SELECT GROUP_CONCAT(DISTINCT t.method) FROM payment_tenders t WHERE t.payment_id = p.id) AS methods
       FROM payments p JOIN units u ON u.id = p.unit_id
       LEFT JOIN receipts r ON r.payment_id = p.id LEFT JOIN receipt_series s ON s.id = r.series_id
       WHERE ${where} ORDER BY p.id`,
    )
    .all(key) as PaymentRow[];
  const sums = new Map(
    (
      app.sqlite
        .prepare(`SELECT t.method, SUM(t.amount_fen) AS total FROM payment_tenders t JOIN payments p ON p.id = t.payment_id WHERE ${where} AND p.status = 'posted' GROUP BY t.method`)
        .all(key) as Array<{ method: TenderMethod; total: number }>
    ).map((r) => [r.method, r.total]),
  );
  const posted = payments.filter((p) => p.status === 'posted');
  const totalFen = posted.reduce((s, p) => s + p.tendered_fen, 0);
  return {
    companyName: getMeta(app, 'company_name') ?? '',
    scope: owner ? `收银员 ${owner.cashierName} · 班次 ${'shiftId' in scope ? scope.shiftId : ''}` : '全部收银员',
    date: owner ? owner.businessDate : (scope as { date: string }).date,
    payments: payments.map((p) => ({
      receiptNo: p.number === null ? '' : formatNumber(p.prefix ?? '', p.number),
      unitCode: p.unit_code,
      payerName: p.payer_name,
      kind: KINDS[p.kind] ?? p.kind,
      status: p.status === 'voided' ? '作废' : '有效',
      methods: (p.methods ?? '').split(',').filter(Boolean).map((m) => TENDER_NAMES[m as TenderMethod] ?? m).join('、'),
      amountFen: p.tendered_fen,
    })),
    byMethod: TENDER_METHODS.map((m) => ({ methodName: TENDER_NAMES[m], amountFen: sums.get(m) ?? 0 })),
    postedCount: posted.length,
    voidedCount: payments.length - posted.length,
    totalFen,
    totalWords: `人民币${totalFen < 0 ? '负' : ''}${toChineseUppercase(Math.abs(totalFen))}`,
    auditHead: auditHead(app),
    printedAt: app.clock.localDateTime(),
    training: isTraining(app),
  };
}

export async function renderDailyReportPdf(m: DailyReportModel): Promise<Buffer> {
  const doc = newDocument({ title: `收费日报 ${m.date}`, size: A4 });
  const x = mm(15);
  const w = A4[0] - 2 * x;
  const bottom = A4[1] - mm(30);
  const columns: Column[] = [
    { title: '收据号', width: w * 0.17 },
    { title: '房号', width: w * 0.15 },
    { title: '交款人', width: w * 0.15 },
    { title: '类别', width: w * 0.08 },
    { title: '状态', width: w * 0.08 },
    { title: '收款方式', width: w * 0.2 },
    { title: '金额', width: w * 0.17, align: 'right' },
  ];
  let y = 0;
  let pageNo = 0;
  const foot = () => {
    // The audit head on every page's foot: a torn-off page still names the chain it came from.
    const text = `审计链头：第 ${m.auditHead.seq} 条 · ${m.auditHead.hash}`;
    put(doc, text, x, A4[1] - mm(18), { size: 7.5, color: GREY, width: w * 0.85 });
    put(doc, `第 ${pageNo} 页`, x, A4[1] - mm(18), { size: 7.5, color: GREY, align: 'right', width: w });
  };
  const page = () => {
    doc.addPage({ size: A4, margin: 0 });
    pageNo += 1;
    pageMarks(doc, { training: m.training });
    foot();
    y = mm(15);
    put(doc, pageNo === 1 ? '收费日报' : '收费日报（续）', x, y, { size: pageNo === 1 ? 20 : 13, bold: true, align: 'center', width: w });
    y += pageNo === 1 ? 32 : 22;
    put(doc, `${m.companyName}\u3000\u3000日期：${m.date}\u3000\u3000${m.scope}`, x, y, { size: 10, width: w });
    y += 20;
    hline(doc, x, x + w, y - 2, INK, 0.8);
    y += row(doc, columns, columns.map((c) => c.title), x, y, { size: 9, bold: true }) + 2;
    hline(doc, x, x + w, y - 1, GREY);
    y += 2;
  };
  page();
  for (const p of m.payments) {
    if (y + 16 > bottom) page();
    y += row(doc, columns, [p.receiptNo, p.unitCode, p.payerName, p.kind, p.status, p.methods, yuan(p.amountFen)], x, y, { size: 9, color: p.status === '作废' ? GREY : INK }) + 2;
  }
  if (m.payments.length === 0) y += put(doc, '本日（班次）没有收款记录。', x, y, { size: 10 }) + 4;
  hline(doc, x, x + w, y, GREY);
  y += 8;
  if (y + 150 > bottom) page();
  put(doc, '按收款方式汇总（不含作废）', x, y, { size: 10.5, bold: true });
  y += 18;
  for (const t of m.byMethod) {
    put(doc, t.methodName, x + w * 0.55, y, { size: 10 });
    put(doc, yuan(t.amountFen), x + w * 0.7, y, { size: 10, align: 'right', width: w * 0.3 });
    y += 15;
  }
  hline(doc, x + w * 0.55, x + w, y, GREY);
  y += 4;
  put(doc, `有效 ${m.postedCount} 笔，作废 ${m.voidedCount} 笔`, x, y, { size: 10 });
  put(doc, `合计：${yuan(m.totalFen)}`, x + w * 0.55, y, { size: 11, bold: true, align: 'right', width: w * 0.45 });
  y += 18;
  put(doc, `（大写）${m.totalWords}`, x, y, { size: 10, bold: true, align: 'right', width: w });
  y += 30;
  put(doc, '收银员签字：__________\u3000\u3000\u3000主管签字：__________\u3000\u3000\u3000财务签字：__________', x, y, { size: 10, width: w });
  y += 20;
  put(doc, `打印时间：${m.printedAt}`, x, y, { size: 8, color: GREY, width: w });
  return toBuffer(doc);
}
