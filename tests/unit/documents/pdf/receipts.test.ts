import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toChineseUppercase } from '../../../../src-shared/domain/money';
import { receiptModel } from '../../../../src-main/documents/pdf/receiptModel';
import { estate, fileBytes, pageCount, pageTexts, pdfFonts, pdfText, renderPng, type Estate } from './support';

// A 1×1 red PNG: enough to prove the seal from settings lands in the PDF.
const SEAL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

let e: Estate;
let paid: { receiptId: number; paymentId: number; receiptNo: string; totalFen: number };

beforeAll(async () => {
  e = await estate();
  const db = e.app.context.sqlite;
  await e.app.must('shifts.open', { floatFen: 0 }, e.supervisor);
  const line = db
    .prepare("SELECT id, unit_id AS unitId, outstanding_fen AS fen FROM bill_lines WHERE kind = 'charge' AND status = 'posted' AND outstanding_fen > 1000 ORDER BY id LIMIT 2")
    .all() as Array<{ id: number; unitId: number; fen: number }>;
  const first = line[0]!;
  const r = await e.app.must(
    'collection.collect',
    { idempotencyKey: 'pdf-receipt-0001', unitId: first.unitId, payerName: '张三', lineIds: [first.id], tenders: [{ method: 'cash', amountFen: first.fen + 100 }], cashGivenFen: first.fen + 10_000 },
    e.supervisor,
  );
  paid = { receiptId: r.receiptId, paymentId: r.paymentId, receiptNo: r.receiptNo, totalFen: first.fen + 100 };
}, 60_000);

afterAll(() => e.app.close());

const receipt = async (layout: 'a4' | 'triplicate' | 'thermal80', receiptId = paid.receiptId, session = e.cashier) => {
  const out = await e.app.must('documents.receiptPdf', { receiptId, layout }, session);
  return { ...out, pdf: fileBytes(e.app, out.file.fileId) };
};

describe('receipt PDFs', () => {
  it.each(['a4', 'triplicate', 'thermal80'] as const)('the %s receipt carries every field of RULES §6 and the amount in words', async (layout) => {
    const { pdf, paperMm } = await receipt(layout);
    const text = pdfText(pdf, `receipt-${layout}`);
    const words = `人民币${toChineseUppercase(paid.totalFen)}`;
    for (const field of ['收款收据', '阳光物业服务有限公司', paid.receiptNo, '2024-05-15', '张三', '物业费', '现金', '收款单位（盖章）', words]) {
      expect(text.replace(/\s+/g, ''), `${layout}: ${field}`).toContain(field.replace(/\s+/g, ''));
    }
    expect(text).toMatch(/¥\d[\d,]*\.\d\d/);
    expect(text).toContain('找零');
    expect(text).not.toContain('补打');
    expect(text).not.toContain('作废');
    expect(renderPng(pdf, `receipt-${layout}`).length).toBeGreaterThan(0);
    if (layout === 'triplicate') expect(paperMm).toEqual({ width: 241, height: 93 });
    if (layout === 'thermal80') expect(paperMm.width).toBe(80);
  });

  it('prints the 三联 as three 241×93 mm pages, 存根联, 收据联 and 记账联', async () => {
    const { pdf } = await receipt('triplicate');
    expect(pageCount(pdf, 'receipt-triplicate')).toBe(3);
    const pages = pageTexts(pdf, 'receipt-triplicate');
    expect(pages.map((p) => ['存根联', '收据联', '记账联'].find((part) => p.includes(part)))).toEqual(['存根联', '收据联', '记账联']);
    for (const p of pages) expect(p).toContain(paid.receiptNo);
  });

  it('fits the thermal receipt to its content: a receipt of many items is longer', async () => {
    const many = e.app.context.sqlite
      .prepare('SELECT r.id FROM receipts r JOIN allocations a ON a.payment_id = r.payment_id GROUP BY r.id ORDER BY COUNT(*) DESC LIMIT 1')
      .get() as { id: number };
    const short = await receipt('thermal80');
    const long = await receipt('thermal80', many.id);
    expect(long.paperMm.height).toBeGreaterThan(short.paperMm.height);
    renderPng(long.pdf, 'receipt-thermal80-long');
  });

  it('embeds its own CJK font as a subset and references no system font', async () => {
    const { pdf } = await receipt('a4');
    const fonts = pdfFonts(pdf, 'receipt-fonts');
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+NotoSansSC-/);
      expect(f.emb).toBe('yes');
      expect(f.sub).toBe('yes');
    }
    // The face is 10 MB; a subset receipt is a few tens of KB.
    expect(pdf.length).toBeLessThan(80_000);
  });

  it('marks a reprint 补打 with its count, from the ledger', async () => {
    await e.app.must('collection.reprint', { receiptId: paid.receiptId }, e.cashier);
    await e.app.must('collection.reprint', { receiptId: paid.receiptId }, e.cashier);
    for (const layout of ['a4', 'triplicate', 'thermal80'] as const) {
      const { pdf } = await receipt(layout);
      expect(pdfText(pdf, `receipt-reprint-${layout}`)).toContain('补打（第2次）');
    }
    renderPng((await receipt('a4')).pdf, 'receipt-reprint-a4');
  });

  it('adds the seal image from settings', async () => {
    await e.app.must('settings.update', { sealImage: SEAL }, e.admin);
    expect(receiptModel(e.app.context, paid.receiptId).sealImage).toBe(SEAL);
    const { pdf } = await receipt('a4');
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    await e.app.must('settings.update', { sealImage: '' }, e.admin);
    const plain = await receipt('a4');
    expect(plain.pdf.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
  });

  it('marks a voided receipt 作废 and a training ledger 培训', async () => {
    await e.app.must('collection.void', { paymentId: paid.paymentId, reason: '收错房号' }, e.supervisor);
    const voided = await receipt('a4');
    expect(pdfText(voided.pdf, 'receipt-voided')).toContain('作废');
    renderPng(voided.pdf, 'receipt-voided');
    e.app.context.sqlite.prepare("INSERT INTO meta (key, value) VALUES ('training', '1') ON CONFLICT (key) DO UPDATE SET value = '1'").run();
    try {
      const training = await receipt('thermal80');
      expect(pdfText(training.pdf, 'receipt-training')).toContain('培训');
      renderPng(training.pdf, 'receipt-training');
    } finally {
      e.app.context.sqlite.prepare("UPDATE meta SET value = '0' WHERE key = 'training'").run();
    }
  });
});
