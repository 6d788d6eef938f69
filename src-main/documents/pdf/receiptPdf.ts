import { A4, GREY, INK, RED, box, hline, mm, newDocument, pageMarks, put, reprintLabel, row, tag, toBuffer, yuan, type Column } from './kit';
import type { ReceiptLayout, ReceiptModel } from './models';

/** The three parts of the continuous form, one per 241×93 mm page, in the order they print. */
export const TRIPLICATE_PARTS = ['存根联', '收据联', '记账联'] as const;

export const TRIPLICATE_SIZE: [number, number] = [mm(241), mm(93)];
export const THERMAL_WIDTH = mm(80);

/** Paper of each layout in millimetres; thermal height depends on the receipt. */
export function receiptPaperMm(layout: ReceiptLayout, heightPt?: number): { width: number; height: number } {
  if (layout === 'a4') return { width: 210, height: 297 };
  if (layout === 'triplicate') return { width: 241, height: 93 };
  return { width: 80, height: Math.ceil((heightPt ?? mm(200)) / mm(1)) };
}

const paidOf = (i: ReceiptModel['items'][number]) => i.paidFen + i.lateFeeFen;

/** Lines under the items that change the total: prepaid used, money kept as prepaid or deposit. */
function adjustments(m: ReceiptModel): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  if (m.prepaidUsedFen !== 0) out.push(['使用预存抵扣', -m.prepaidUsedFen]);
  if (m.toPrepaidFen !== 0) out.push(['转入预存', m.toPrepaidFen]);
  if (m.toDepositFen !== 0) out.push(['收取押金', m.toDepositFen]);
  return out;
}

function tenderText(m: ReceiptModel): string {
  const parts = m.tenders.map((t) => `${t.methodName} ${yuan(t.amountFen)}${t.reference ? `（${t.reference}）` : ''}`);
  if (m.cashGivenFen !== null && m.changeFen > 0) parts.push(`收取现金 ${yuan(m.cashGivenFen)} 找零 ${yuan(m.changeFen)}`);
  return parts.join('  ') || '—';
}

interface Frame {
  x: number;
  y: number;
  width: number;
  bottom: number;
  size: number;
  /** The most item rows that fit; the rest are folded into one line. */
  maxRows: number;
  part?: string;
}

const optional = (fen: number): string => (fen === 0 ? '' : yuan(fen));

function itemRows(m: ReceiptModel, maxRows: number): string[][] {
  const rows = m.items.map((i) => [i.name, i.period, i.quantity, i.unitPrice, yuan(i.amountFen), optional(i.lateFeeFen), optional(i.waivedFen), yuan(paidOf(i))]);
  if (rows.length <= maxRows) return rows;
  const rest = m.items.slice(maxRows - 1);
  const sum = (f: (i: ReceiptModel['items'][number]) => number) => rest.reduce((s, i) => s + f(i), 0);
  return [
    ...rows.slice(0, maxRows - 1),
    [`其余 ${rest.length} 项`, '', '', '', yuan(sum((i) => i.amountFen)), optional(sum((i) => i.lateFeeFen)), optional(sum((i) => i.waivedFen)), yuan(sum(paidOf))],
  ];
}

/** A4 and the 241×93 form: the same receipt, scaled to the frame. */
function drawWide(doc: PDFKit.PDFDocument, m: ReceiptModel, f: Frame): void {
  const s = f.size;
  const right = f.x + f.width;
  let y = f.y;
  put(doc, m.title, f.x, y, { size: s * 1.7, bold: true, align: 'center', width: f.width });
  put(doc, `No. ${m.receiptNo}`, f.x, y + s * 0.5, { size: s * 1.1, bold: true, color: RED, align: 'right', width: f.width });
  if (f.part) put(doc, f.part, f.x, y + s * 0.4, { size: s * 1.1, bold: true });
  if (m.marks.reprintCount > 0) {
    // Beside the title, where whoever takes the receipt looks first.
    doc.fontSize(s * 1.7);
    const titleRight = f.x + f.width / 2 + doc.widthOfString(m.title) / 2;
    doc.fontSize(s);
    tag(doc, reprintLabel(m.marks.reprintCount), titleRight + s * 1.2 + doc.widthOfString(reprintLabel(m.marks.reprintCount)) + 8, y + s * 0.5, RED, s);
  }
  y += s * 2.7;
  const half = f.width / 2;
  put(doc, `收款单位：${m.companyName}`, f.x, y, { size: s, width: half + s * 6 });
  put(doc, `日期：${m.businessDate}`, f.x + half, y, { size: s, align: 'right', width: half });
  y += s * 1.5;
  put(doc, `交款人：${m.payerName}`, f.x, y, { size: s, width: half });
  put(doc, `房号：${m.unitLabel}`, f.x + half * 0.6, y, { size: s, align: 'right', width: half * 1.4 });
  y += s * 1.9;

  const w = f.width;
  const columns: Column[] = [
    { title: '收费项目', width: w * 0.16 },
    { title: '所属期间', width: w * 0.2 },
    { title: '数量', width: w * 0.09, align: 'right' },
    { title: '单价', width: w * 0.09, align: 'right' },
    { title: '金额', width: w * 0.12, align: 'right' },
    { title: '违约金', width: w * 0.11, align: 'right' },
    { title: '减免', width: w * 0.11, align: 'right' },
    { title: '实收', width: w * 0.12, align: 'right' },
  ];
  hline(doc, f.x, right, y - s * 0.2, INK, 0.8);
  y += s * 0.1;
  y += row(doc, columns, columns.map((c) => c.title), f.x, y, { size: s, bold: true }) + 1;
  hline(doc, f.x, right, y, GREY);
  y += 2;
  for (const cells of itemRows(m, f.maxRows - adjustments(m).length)) y += row(doc, columns, cells, f.x, y, { size: s });
  for (const [label, fen] of adjustments(m)) {
    y += row(doc, columns, [label, '', '', '', '', '', '', yuan(fen)], f.x, y, { size: s, color: GREY });
  }
  hline(doc, f.x, right, y + 1, GREY);
  y += s * 0.35;
  put(doc, `合计（大写）：${m.totalWords}`, f.x, y, { size: s * 1.05, bold: true, width: w * 0.7 });
  put(doc, `合计（小写）：${yuan(m.totalFen)}`, f.x + w * 0.5, y, { size: s * 1.05, bold: true, align: 'right', width: w * 0.5 });
  y += s * 1.75;
  hline(doc, f.x, right, y, INK, 0.8);
  y += s * 0.35;
  const sealW = Math.min(f.width * 0.22, s * 12);
  const textW = f.width - sealW - s;
  const extras = [m.invoiceNo ? `发票号：${m.invoiceNo}` : '', m.note].filter(Boolean).join('  ');
  y += put(doc, `收款方式：${tenderText(m)}`, f.x, y, { size: s, width: textW }) + 2;
  if (m.lateFeeFen || m.waivedFen) {
    y += put(doc, `其中违约金 ${yuan(m.lateFeeFen)}，减免 ${yuan(m.waivedFen)}（减免已从应收中扣除）`, f.x, y, { size: s * 0.9, color: GREY, width: textW }) + 2;
  }
  if (extras) y += put(doc, extras, f.x, y, { size: s * 0.9, color: GREY, width: textW }) + 2;
  const lastY = Math.max(y, f.bottom - s * 1.6);
  const cashier = `收款人：${m.cashierName}`;
  put(doc, cashier, f.x, lastY, { size: s });
  doc.fontSize(s);
  put(doc, `开票时间：${m.issuedAt.slice(0, 16)}`, f.x + doc.widthOfString(cashier) + s * 2, lastY + s * 0.1, { size: s * 0.9, color: GREY });
  seal(doc, m, right - sealW, f.bottom - sealW * 0.62, sealW, sealW * 0.62, s);
}

/** The seal box: the company's seal image when settings hold one, else room for the stamp. */
function seal(doc: PDFKit.PDFDocument, m: ReceiptModel, x: number, y: number, w: number, h: number, s: number): void {
  box(doc, x, y, w, h, GREY, true);
  put(doc, '收款单位（盖章）', x, y + 2, { size: s * 0.8, color: GREY, align: 'center', width: w });
  if (m.sealImage) doc.image(m.sealImage, x + w / 2 - h * 0.45, y + h * 0.08, { fit: [h * 0.9, h * 0.9], align: 'center', valign: 'center' });
}

function a4(doc: PDFKit.PDFDocument, m: ReceiptModel): void {
  doc.addPage({ size: A4, margin: 0 });
  const x = mm(18);
  // A receipt is half a sheet: the lower half stays free to be cut off or filed.
  drawWide(doc, m, { x, y: mm(16), width: A4[0] - 2 * x, bottom: A4[1] / 2 - mm(6), size: 10, maxRows: 14 });
  hline(doc, mm(8), A4[0] - mm(8), A4[1] / 2, '#cccccc', 0.4);
  pageMarks(doc, m.marks, { x: 0, y: 0, width: A4[0], height: A4[1] / 2 });
}

function triplicate(doc: PDFKit.PDFDocument, m: ReceiptModel): void {
  // Continuous stationery: the sprocket strips take 12.7 mm each side of the 241 mm width.
  const x = mm(16);
  for (const part of TRIPLICATE_PARTS) {
    doc.addPage({ size: TRIPLICATE_SIZE, margin: 0 });
    drawWide(doc, m, { x, y: mm(5), width: TRIPLICATE_SIZE[0] - 2 * x, bottom: TRIPLICATE_SIZE[1] - mm(5), size: 7.6, maxRows: 8, part });
    pageMarks(doc, m.marks);
  }
}

/** 80 mm roll: one column, everything stacked; answers the height used. */
function drawThermal(doc: PDFKit.PDFDocument, m: ReceiptModel): number {
  const x = mm(4);
  const w = THERMAL_WIDTH - 2 * x;
  const s = 8.5;
  // Room above the company name for the 培训/作废 labels in the corner.
  let y = mm(8);
  y += put(doc, m.companyName, x, y, { size: s * 1.15, bold: true, align: 'center', width: w }) + 2;
  y += put(doc, m.title, x, y, { size: s * 1.5, bold: true, align: 'center', width: w }) + 3;
  if (m.marks.reprintCount > 0) {
    put(doc, reprintLabel(m.marks.reprintCount), x, y, { size: s, bold: true, color: RED, align: 'center', width: w });
    y += s * 1.6;
  }
  const line = (label: string, value: string, style: { bold?: boolean } = {}) => {
    const h = put(doc, value, x + w * 0.34, y, { size: s, align: 'right', width: w * 0.66, ...style });
    const l = put(doc, label, x, y, { size: s, width: w * 0.45, ...style });
    y += Math.max(h, l, s * 1.35) + 1;
  };
  line('收据号', m.receiptNo, { bold: true });
  line('日期', m.businessDate);
  line('交款人', m.payerName);
  line('房号', m.unitLabel);
  hline(doc, x, x + w, y + 1, INK, 0.6);
  y += 4;
  for (const i of m.items) {
    y += put(doc, `${i.name}  ${i.period}`, x, y, { size: s, width: w }) + 1;
    const detail = `${i.quantity} × ${i.unitPrice}  金额 ${yuan(i.amountFen)}`;
    const h = put(doc, yuan(paidOf(i)), x + w * 0.6, y, { size: s, align: 'right', width: w * 0.4 });
    put(doc, detail, x + s, y, { size: s * 0.9, color: GREY, width: w * 0.7 });
    y += h + 1;
    if (i.lateFeeFen) line('  其中违约金', yuan(i.lateFeeFen));
    if (i.waivedFen) line('  已减免', yuan(i.waivedFen));
  }
  for (const [label, fen] of adjustments(m)) line(label, yuan(fen));
  hline(doc, x, x + w, y + 1, INK, 0.6);
  y += 4;
  line('合计', yuan(m.totalFen), { bold: true });
  y += put(doc, `大写：${m.totalWords}`, x, y, { size: s, bold: true, width: w }) + 3;
  for (const t of m.tenders) {
    line(t.methodName, yuan(t.amountFen));
    if (t.reference) y += put(doc, `凭证号 ${t.reference}`, x + s, y, { size: s * 0.85, color: GREY, width: w - s }) + 1;
  }
  if (m.cashGivenFen !== null && m.changeFen > 0) {
    line('收取现金', yuan(m.cashGivenFen));
    line('找零', yuan(m.changeFen));
  }
  if (m.lateFeeFen) line('违约金合计', yuan(m.lateFeeFen));
  if (m.waivedFen) line('减免合计', yuan(m.waivedFen));
  line('收款人', m.cashierName);
  if (m.invoiceNo) line('发票号', m.invoiceNo);
  if (m.note) y += put(doc, m.note, x, y, { size: s * 0.9, color: GREY, width: w }) + 2;
  y += 4;
  const sealH = mm(26);
  seal(doc, m, x + w / 2 - mm(20), y, mm(40), sealH, s);
  y += sealH + 4;
  y += put(doc, `开票时间 ${m.issuedAt.slice(0, 16)}`, x, y, { size: s * 0.85, color: GREY, align: 'center', width: w });
  return y + mm(6);
}

/** Thermal paper is cut to fit: lay the receipt out once on a scratch page to learn its height. */
function thermal(doc: PDFKit.PDFDocument, m: ReceiptModel): number {
  const scratch = newDocument({ title: 'measure', size: [THERMAL_WIDTH, mm(2000)] });
  scratch.addPage();
  const height = Math.max(mm(80), drawThermal(scratch, m));
  doc.addPage({ size: [THERMAL_WIDTH, height], margin: 0 });
  drawThermal(doc, m);
  pageMarks(doc, m.marks);
  return height;
}

export interface RenderedReceipt {
  pdf: Buffer;
  /** Paper of one page in millimetres, for the printer. */
  paperMm: { width: number; height: number };
}

/** The receipt as a PDF in one of the three RULES §6 forms; a pure function of the model. */
export async function renderReceiptPdf(m: ReceiptModel, layout: ReceiptLayout): Promise<RenderedReceipt> {
  const size = layout === 'triplicate' ? TRIPLICATE_SIZE : A4;
  const doc = newDocument({ title: `${m.title} ${m.receiptNo}`, size });
  let heightPt: number | undefined;
  if (layout === 'a4') a4(doc, m);
  else if (layout === 'triplicate') triplicate(doc, m);
  else heightPt = thermal(doc, m);
  return { pdf: await toBuffer(doc), paperMm: receiptPaperMm(layout, heightPt) };
}
