import { A4, GREY, INK, hline, mm, newDocument, pageMarks, put, row, toBuffer, yuan, type Column } from './kit';
import type { NoticeDocument, NoticeModel, StatementModel } from './models';

const X = mm(20);
const W = A4[0] - 2 * X;
const BOTTOM = A4[1] - mm(22);
const SIZE = 10;

/**
 * Wording checked by a test: polite, states the contract's late fee, offers to talk — and never
 * threatens to cut water, power, gas or heating, which a property company may not do over fees.
 */
export function noticeWording(m: NoticeModel): { title: string; body: string } {
  if (m.kind === 'payment') {
    return {
      title: '缴费通知单',
      body:
        `尊敬的${m.payerName}业主（住户）：\n\u3000\u3000您好！感谢您一直以来对物业服务工作的支持。您的房屋 ${m.unitLabel} ${m.period} 期间的费用明细如下，` +
        '请在缴费截止日前到物业服务中心或通过约定的方式缴纳。如对账目有疑问，欢迎到物业服务中心咨询核对。',
    };
  }
  return {
    title: '催缴通知单',
    body:
      `尊敬的${m.payerName}业主（住户）：\n\u3000\u3000您好！感谢您对物业服务工作的理解与支持。截至 ${m.asOf}，您的房屋 ${m.unitLabel} 尚有以下费用未缴纳。` +
      '根据物业服务合同的约定，逾期未缴的费用按日计收违约金。为免违约金继续增加，请您在方便时尽快到物业服务中心缴纳。' +
      '如您对账目有疑问或缴费确有困难，欢迎与我们联系，我们将耐心为您核对并协商解决。如您已缴纳，请忽略本通知，谢谢！',
  };
}

/** A page writer that starts a continuation page when the next row would not fit. */
class Pages {
  y = 0;
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly title: string,
    private readonly training: boolean,
  ) {}

  start(): void {
    this.doc.addPage({ size: A4, margin: 0 });
    pageMarks(this.doc, { training: this.training });
    this.y = mm(18);
  }

  need(height: number, onNewPage?: () => void): void {
    if (this.y + height <= BOTTOM) return;
    put(this.doc, '（接下页）', X, BOTTOM + 4, { size: 8, color: GREY, align: 'right', width: W });
    this.start();
    put(this.doc, `${this.title}（续）`, X, this.y, { size: 11, bold: true });
    this.y += 20;
    onNewPage?.();
  }
}

function table(doc: PDFKit.PDFDocument, p: Pages, columns: Column[], rows: string[][]): void {
  const head = () => {
    hline(doc, X, X + W, p.y - 2, INK, 0.8);
    p.y += row(doc, columns, columns.map((c) => c.title), X, p.y, { size: 9, bold: true }) + 2;
    hline(doc, X, X + W, p.y - 1, GREY);
    p.y += 2;
  };
  p.need(40);
  head();
  for (const cells of rows) {
    p.need(16, head);
    p.y += row(doc, columns, cells, X, p.y, { size: 9 }) + 2;
  }
  hline(doc, X, X + W, p.y, GREY);
  p.y += 6;
}

function heading(doc: PDFKit.PDFDocument, p: Pages, title: string, company: string, right: string): void {
  put(doc, company, X, p.y, { size: 11, align: 'center', width: W });
  p.y += 18;
  put(doc, title, X, p.y, { size: 20, bold: true, align: 'center', width: W });
  p.y += 34;
  put(doc, right, X, p.y, { size: 9, color: GREY, align: 'right', width: W });
  p.y += 16;
}

function signature(doc: PDFKit.PDFDocument, p: Pages, company: string, date: string): void {
  p.need(70);
  p.y += 14;
  put(doc, `${company}（盖章）`, X + W * 0.45, p.y, { size: SIZE, align: 'right', width: W * 0.55 });
  p.y += 18;
  put(doc, date, X + W * 0.45, p.y, { size: SIZE, align: 'right', width: W * 0.55 });
  p.y += 18;
}

const money = (label: string, fen: number): string => `${label}${yuan(fen)}`;

export function drawNotice(doc: PDFKit.PDFDocument, m: NoticeModel): void {
  const { title, body } = noticeWording(m);
  const p = new Pages(doc, title, m.training);
  p.start();
  heading(doc, p, title, m.companyName, `房号：${m.unitLabel}\u3000\u3000${m.kind === 'payment' ? `账期：${m.period}` : `计算至：${m.asOf}`}`);
  p.y += put(doc, body, X, p.y, { size: SIZE, width: W }) + 10;
  const columns: Column[] = [
    { title: '收费项目', width: W * 0.17 },
    { title: '所属期间', width: W * 0.2 },
    { title: '缴费截止日', width: W * 0.14 },
    { title: '应收金额', width: W * 0.13, align: 'right' },
    { title: '未缴金额', width: W * 0.13, align: 'right' },
    { title: '逾期天数', width: W * 0.1, align: 'right' },
    { title: '违约金', width: W * 0.13, align: 'right' },
  ];
  const rows = m.lines.map((l) => [l.name, l.period, l.dueDate, yuan(l.amountFen), yuan(l.outstandingFen), l.overdueDays ? String(l.overdueDays) : '', l.lateFeeFen ? yuan(l.lateFeeFen) : '']);
  if (rows.length === 0) rows.push(['本期无应缴费用', '', '', '', '', '', '']);
  table(doc, p, columns, rows);
  const sums = [
    ...(m.kind === 'payment' ? [money('往期欠费：', m.earlierFen)] : []),
    money('未缴本金合计：', m.principalFen),
    money(`违约金（计至 ${m.asOf}）：`, m.lateFeeFen),
  ];
  p.need(60);
  for (const s of sums) {
    put(doc, s, X, p.y, { size: SIZE, align: 'right', width: W });
    p.y += 16;
  }
  put(doc, `应缴合计：${yuan(m.totalFen)}\u3000（大写）${m.totalWords}`, X, p.y, { size: 11, bold: true, align: 'right', width: W });
  p.y += 20;
  if (m.prepaidFen > 0) {
    p.y += put(doc, `您的预存余额 ${yuan(m.prepaidFen)} 将按约定用于抵扣新的账单。`, X, p.y, { size: 9, color: GREY, width: W }) + 4;
  }
  p.y += put(doc, '缴费方式：物业服务中心现金、微信、支付宝、银行卡或转账。违约金按物业服务合同约定的日费率计算，计至上述日期；实际金额以缴费当日为准。', X, p.y, { size: 9, color: GREY, width: W });
  signature(doc, p, m.companyName, m.issueDate);
}

export function drawStatement(doc: PDFKit.PDFDocument, m: StatementModel): void {
  const p = new Pages(doc, '业主对账单', m.training);
  p.start();
  heading(doc, p, '业主对账单', m.companyName, `房号：${m.unitLabel}\u3000\u3000交款人：${m.payerName}\u3000\u3000对账期间：${m.from} 至 ${m.to}`);
  put(doc, '一、期间账单', X, p.y, { size: 11, bold: true });
  p.y += 18;
  table(
    doc,
    p,
    [
      { title: '收费项目', width: W * 0.24 },
      { title: '所属期间', width: W * 0.22 },
      { title: '缴费截止日', width: W * 0.18 },
      { title: '应收金额', width: W * 0.18, align: 'right' },
      { title: '未缴金额', width: W * 0.18, align: 'right' },
    ],
    m.bills.length ? m.bills.map((b) => [b.name, b.period, b.dueDate, yuan(b.amountFen), yuan(b.outstandingFen)]) : [['本期间无账单', '', '', '', '']],
  );
  p.need(40);
  put(doc, '二、期间缴费', X, p.y, { size: 11, bold: true });
  p.y += 18;
  table(
    doc,
    p,
    [
      { title: '日期', width: W * 0.2 },
      { title: '收据号', width: W * 0.26 },
      { title: '类别', width: W * 0.16 },
      { title: '状态', width: W * 0.16 },
      { title: '金额', width: W * 0.22, align: 'right' },
    ],
    m.payments.length ? m.payments.map((x) => [x.date, x.receiptNo, x.kind, x.status, yuan(x.amountFen)]) : [['本期间无缴费', '', '', '', '']],
  );
  p.need(80);
  for (const line of [money('期间应收合计：', m.billedFen), money('期间实收合计：', m.paidFen), money(`截至 ${m.issueDate} 欠费余额：`, m.outstandingFen), money('预存余额：', m.prepaidFen)]) {
    put(doc, line, X, p.y, { size: SIZE, align: 'right', width: W });
    p.y += 16;
  }
  p.y += put(doc, '如对账目有疑问，请携本对账单到物业服务中心核对。', X, p.y, { size: 9, color: GREY, width: W });
  signature(doc, p, m.companyName, m.issueDate);
}

export function drawNoticeDocument(doc: PDFKit.PDFDocument, d: NoticeDocument): void {
  if (d.type === 'notice') drawNotice(doc, d.model);
  else drawStatement(doc, d.model);
}

export function noticeTitle(d: NoticeDocument): string {
  return d.type === 'statement' ? '业主对账单' : noticeWording(d.model).title;
}

/**
 * Many notices in one PDF, a page (or more) per unit. Yields to the event loop between units and
 * reports progress, so the same function serves a worker thread and an in-memory test ledger.
 */
export async function renderNoticeBatch(docs: NoticeDocument[], onProgress: (done: number, total: number) => void = () => undefined): Promise<Buffer> {
  const doc = newDocument({ title: docs[0] ? noticeTitle(docs[0]) : '通知单', size: A4 });
  const step = Math.max(1, Math.floor(docs.length / 50));
  for (let i = 0; i < docs.length; i++) {
    drawNoticeDocument(doc, docs[i]!);
    if ((i + 1) % step === 0 || i + 1 === docs.length) {
      onProgress(i + 1, docs.length);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  if (docs.length === 0) {
    doc.addPage({ size: A4, margin: 0 });
    put(doc, '所选范围内没有需要打印的通知单。', X, mm(30), { size: 12 });
  }
  return toBuffer(doc);
}
