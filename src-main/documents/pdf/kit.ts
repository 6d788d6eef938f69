import PDFDocument from 'pdfkit';
import { addDays, addMonths } from '../../../src-shared/domain/dates';
import { formatYuan } from '../../../src-shared/domain/money';
import { FONT_BOLD, FONT_REGULAR, registerFonts } from './font';

/** PDF points per millimetre. */
export const PT_PER_MM = 72 / 25.4;
export const mm = (value: number): number => value * PT_PER_MM;

export const A4: [number, number] = [595.28, 841.89];

export const INK = '#111111';
export const GREY = '#666666';
export const RULE = '#999999';
export const RED = '#c0392b';
export const BLUE = '#1f6fb2';

export interface DocumentInfo {
  title: string;
  size: [number, number];
}

/**
 * A document with the app's font and no margins: every layout places its own text, so pdfkit's
 * automatic page breaks never fire behind our back.
 */
export function newDocument(info: DocumentInfo): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: info.size,
    margin: 0,
    autoFirstPage: false,
    compress: true,
    info: { Title: info.title, Producer: 'FeeDesk', Creator: 'FeeDesk' },
  });
  registerFonts(doc);
  return doc;
}

export function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.end();
  return done;
}

export const yuan = formatYuan;

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
  /** Without a width the text runs on one line. */
  width?: number;
}

const LINE_GAP = 1;

function setStyle(doc: PDFKit.PDFDocument, style: TextStyle): void {
  doc.font(style.bold ? FONT_BOLD : FONT_REGULAR).fontSize(style.size ?? 10);
}

/**
 * Laying out CJK text is most of a document's cost, and wrapping lays a string out several
 * times; text that fits its width (nearly every cell) is measured once and placed directly.
 */
function fitsOneLine(doc: PDFKit.PDFDocument, text: string, width: number): number | null {
  if (text.includes('\n')) return null;
  const w = doc.widthOfString(text);
  return w <= width ? w : null;
}

/** Writes text at a point and answers the height it took. */
export function put(doc: PDFKit.PDFDocument, text: string, x: number, y: number, style: TextStyle = {}): number {
  setStyle(doc, style);
  doc.fillColor(style.color ?? INK);
  const oneLine = doc.currentLineHeight(true) + LINE_GAP;
  if (style.width === undefined) {
    doc.text(text, x, y, { lineBreak: false });
    return oneLine;
  }
  const fitted = fitsOneLine(doc, text, style.width);
  if (fitted !== null) {
    const slack = style.width - fitted;
    const dx = style.align === 'right' ? slack : style.align === 'center' ? slack / 2 : 0;
    doc.text(text, x + dx, y, { lineBreak: false });
    return oneLine;
  }
  const options: PDFKit.Mixins.TextOptions = { width: style.width, align: style.align ?? 'left', lineGap: LINE_GAP };
  const height = doc.heightOfString(text, options);
  doc.text(text, x, y, options);
  return height;
}

export function heightOf(doc: PDFKit.PDFDocument, text: string, width: number, style: TextStyle = {}): number {
  setStyle(doc, style);
  if (fitsOneLine(doc, text, width) !== null) return doc.currentLineHeight(true) + LINE_GAP;
  return doc.heightOfString(text, { width, lineGap: LINE_GAP });
}

export function hline(doc: PDFKit.PDFDocument, x1: number, x2: number, y: number, color = RULE, width = 0.6): void {
  doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore();
}

export function box(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number, color = RULE, dash = false): void {
  doc.save().lineWidth(0.6).strokeColor(color);
  if (dash) doc.dash(3, { space: 2 });
  doc.rect(x, y, w, h).stroke().restore();
}

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** One table row; cells wrap within their column. Answers the row's height. */
export function row(doc: PDFKit.PDFDocument, columns: Column[], cells: string[], x: number, y: number, style: TextStyle = {}): number {
  const pad = 4;
  let height = 0;
  columns.forEach((c, i) => {
    height = Math.max(height, heightOf(doc, cells[i] ?? '', c.width - 2 * pad, style));
  });
  let cx = x;
  columns.forEach((c, i) => {
    put(doc, cells[i] ?? '', cx + pad, y, { ...style, width: c.width - 2 * pad, align: c.align ?? 'left' });
    cx += c.width;
  });
  return height;
}

/** A big diagonal word across the page (作废, 培训): visible, yet the text under it stays legible. */
export function watermark(doc: PDFKit.PDFDocument, word: string, color: string, opacity: number, area: Area = wholePage(doc)): void {
  const size = Math.min(area.width, area.height) * 0.42;
  const cx = area.x + area.width / 2;
  const cy = area.y + area.height / 2;
  doc.save();
  doc.rotate(-24, { origin: [cx, cy] });
  doc.font(FONT_BOLD).fontSize(size).fillColor(color).fillOpacity(opacity);
  const textWidth = doc.widthOfString(word);
  doc.text(word, cx - textWidth / 2, cy - size * 0.7, { lineBreak: false });
  doc.restore();
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

const wholePage = (doc: PDFKit.PDFDocument): Area => ({ x: 0, y: 0, width: doc.page.width, height: doc.page.height });

/** A small outlined tag (补打（第2次）, 培训) at a point, right-aligned to it. */
export function tag(doc: PDFKit.PDFDocument, word: string, right: number, y: number, color: string, size = 9): void {
  doc.font(FONT_BOLD).fontSize(size);
  const w = doc.widthOfString(word) + 8;
  const h = size + 6;
  doc.save().lineWidth(0.8).strokeColor(color).rect(right - w, y, w, h).stroke().restore();
  put(doc, word, right - w + 4, y + 2, { size, bold: true, color });
}

/** The training and void marks every document carries where they apply. */
export function pageMarks(doc: PDFKit.PDFDocument, marks: { training: boolean; voided?: boolean }, area: Area = wholePage(doc)): void {
  // The diagonal word catches the eye; the upright label in the corner survives a photocopy
  // cropped to the text, and text extraction (which skips rotated words in layout mode).
  const labels: Array<[string, string]> = [];
  if (marks.voided) {
    watermark(doc, '作废', RED, 0.28, area);
    labels.push(['作废', RED]);
  }
  if (marks.training) {
    watermark(doc, '培训', BLUE, 0.14, area);
    labels.push(['培训 · 练习账本，非正式单据', BLUE]);
  }
  let right = doc.page.width - 4;
  for (const [word, color] of labels) {
    tag(doc, word, right, 3, color, 7);
    doc.font(FONT_BOLD).fontSize(7);
    right -= doc.widthOfString(word) + 14;
  }
}

export function reprintLabel(count: number): string {
  return `补打（第${count}次）`;
}

/** '2024-05' for a whole calendar month, else '2024-05-10至2024-06-09'. */
export function periodText(start: string, end: string): string {
  const wholeMonth = start.endsWith('-01') && addDays(addMonths(start, 1), -1) === end;
  return wholeMonth ? start.slice(0, 7) : `${start}至${end}`;
}
