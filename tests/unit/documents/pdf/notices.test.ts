import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../../src-shared/api';
import { auditHead } from '../../../../src-main/audit/auditLog';
import { generateDemoLedger } from '../../../../src-main/demo/generate';
import { runNoticeBatch } from '../../../../src-main/documents/pdf/batch';
import { dunningNoticeModel, unitsInScope } from '../../../../src-main/documents/pdf/noticeModels';
import { noticeWording } from '../../../../src-main/documents/pdf/noticePdf';
import { testApp } from '../../support/testApp';
import { estate, fileBytes, pageCount, pageTexts, pdfFonts, pdfText, renderPng, type Estate } from './support';

let e: Estate;
let unitId: number;

beforeAll(async () => {
  e = await estate();
  unitId = (e.app.context.sqlite.prepare("SELECT unit_id AS id FROM bill_lines WHERE status = 'posted' AND outstanding_fen > 0 AND due_date < '2024-05-15' ORDER BY id LIMIT 1").get() as { id: number }).id;
}, 60_000);

afterAll(() => e.app.close());

const flat = (s: string) => s.replace(/\s+/g, '');
const bytes = (fileId: string) => fileBytes(e.app, fileId);

describe('notices', () => {
  it('缴费通知单 lists the period and states the total in figures and words', async () => {
    const file = await e.app.must('documents.paymentNotice', { unitId, month: '2024-04' }, e.cashier);
    const text = flat(pdfText(bytes(file.fileId), 'notice-payment'));
    for (const field of ['缴费通知单', '阳光物业服务有限公司', '2024-04', '收费项目', '缴费截止日', '应缴合计', '人民币', '（盖章）']) expect(text).toContain(field);
    expect(text).toMatch(/应缴合计：¥[\d,]+\.\d\d（大写）人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+/);
    renderPng(bytes(file.fileId), 'notice-payment', 1);
  });

  it('催缴通知单 states the late fee as of the date, courteously and lawfully', async () => {
    const file = await e.app.must('documents.dunningNotice', { unitId, asOf: '2024-05-15' }, e.cashier);
    const pdf = bytes(file.fileId);
    const text = flat(pdfText(pdf, 'notice-dunning'));
    const model = dunningNoticeModel(e.app.context, unitId, '2024-05-15');
    expect(model.lines.length).toBeGreaterThan(0);
    // Every line is overdue, so each shows its days past the due date, grace period or not.
    for (const line of model.lines) expect(line.overdueDays).toBe(Math.round((Date.parse('2024-05-15') - Date.parse(line.dueDate)) / 86_400_000));
    for (const field of ['催缴通知单', '违约金（计至2024-05-15）', '逾期天数', model.totalWords, '欢迎与我们联系']) expect(text).toContain(flat(field));
    for (const threat of ['停水', '停电', '停气', '断水', '断电', '停暖']) {
      expect(text).not.toContain(threat);
      expect(noticeWording(model).body).not.toContain(threat);
      expect(noticeWording({ ...model, kind: 'payment' }).body).not.toContain(threat);
    }
    renderPng(pdf, 'notice-dunning', 1);
  });

  it('业主对账单 shows the bills, the payments and the balance of the range', async () => {
    const paidUnit = (e.app.context.sqlite.prepare("SELECT unit_id AS id FROM payments WHERE business_date >= '2024-03-01' ORDER BY id LIMIT 1").get() as { id: number }).id;
    const file = await e.app.must('documents.statement', { unitId: paidUnit, from: '2024-02-01', to: '2024-05-15' }, e.cashier);
    const text = flat(pdfText(bytes(file.fileId), 'notice-statement'));
    for (const field of ['业主对账单', '一、期间账单', '二、期间缴费', '期间应收合计', '期间实收合计', '欠费余额', '预存余额', '收据号']) expect(text).toContain(field);
    expect(text).toMatch(/SJ\d{8}/);
    renderPng(bytes(file.fileId), 'notice-statement', 1);
  });

  it('收费公示表 names company, item, basis, price type, price, method, start date and 12358', async () => {
    const file = await e.app.must('documents.publicity', { communityId: e.communityId, asOf: '2024-05-15' }, e.cashier);
    const text = flat(pdfText(bytes(file.fileId), 'publicity'));
    for (const field of ['收费公示表', '阳光物业服务有限公司', '收费项目', '收费依据', '价格类型', '收费标准', '计费方式', '执行日期', '物业费', '12358']) expect(text).toContain(field);
    expect(text).toMatch(/政府指导价|市场调节价/);
    renderPng(bytes(file.fileId), 'publicity', 1);
  });

  it('收费日报 of a day totals the tenders and prints the audit head at its foot', async () => {
    const day = (e.app.context.sqlite.prepare("SELECT business_date AS d FROM payments GROUP BY business_date ORDER BY COUNT(*) DESC LIMIT 1").get() as { d: string }).d;
    const file = await e.app.must('documents.dailyReport', { date: day }, e.supervisor);
    const pdf = bytes(file.fileId);
    const text = flat(pdfText(pdf, 'daily-report'));
    const head = auditHead(e.app.context);
    for (const field of ['收费日报', day, '现金', '合计', '人民币', `审计链头：第${head.seq}条·${head.hash}`]) expect(text).toContain(flat(field));
    const pages = pageTexts(pdf, 'daily-report');
    expect(flat(pages[pages.length - 1]!)).toContain(head.hash);
    renderPng(pdf, 'daily-report', 1);
  });

  it('lets a cashier print the 日报 of their own shift only', async () => {
    const other = (e.app.context.sqlite.prepare('SELECT id FROM shifts ORDER BY id LIMIT 1').get() as { id: number }).id;
    const refused = await e.app.call('documents.dailyReport', { shiftId: other }, e.cashier);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await e.app.call('documents.dailyReport', { date: '2024-04-01' }, e.cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const shift = await e.app.must('shifts.open', { floatFen: 0 }, e.cashier);
    const own = await e.app.must('documents.dailyReport', { shiftId: shift.id }, e.cashier);
    expect(flat(pdfText(bytes(own.fileId), 'daily-own'))).toContain('本日（班次）没有收款记录');
  });
});

describe('notice batches', () => {
  it('puts a community in one PDF, a page per unit, with progress events', async () => {
    const events: AppEvent[] = [];
    const off = e.app.on((event) => events.push(event));
    const out = await e.app.must('documents.noticeBatch', { kind: 'payment', month: '2024-04', communityId: e.communityId }, e.cashier);
    off();
    const pdf = bytes(out.file.fileId);
    const units = unitsInScope(e.app.context, { communityId: e.communityId });
    expect(out.unitCount).toBeGreaterThan(1);
    expect(out.unitCount).toBeLessThanOrEqual(units.length);
    expect(pageCount(pdf, 'batch-payment')).toBe(out.unitCount);
    const pages = pageTexts(pdf, 'batch-payment');
    expect(new Set(pages.map((p) => /房号：(\S+\s\S+)/.exec(p)?.[1])).size).toBe(out.unitCount);
    const progress = events.filter((x) => x.channel === 'progress').map((x) => x.payload as { phase: string; done: number; total: number });
    expect(progress.some((p) => p.phase === 'query' && p.done === units.length)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ phase: 'render', done: out.unitCount, total: out.unitCount });
    expect(pdfFonts(pdf, 'batch-payment').every((f) => f.sub === 'yes' && f.emb === 'yes')).toBe(true);
    renderPng(pdf, 'batch-payment', 2);
  });

  it('renders in a worker thread for a ledger on disk, the same pages as in-process', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedesk-pdf-'));
    const app = testApp({ dataDir: dir });
    try {
      await generateDemoLedger(app.context.sqlite, { units: 20, months: 2, end: '2024-04', seed: 7 });
      const communityId = (app.context.sqlite.prepare('SELECT id FROM communities ORDER BY id LIMIT 1').get() as { id: number }).id;
      const request = { kind: 'dunning' as const, asOf: '2024-05-15', communityId };
      const phases: string[] = [];
      const inWorker = await runNoticeBatch(app.context, request, (p) => phases.push(p.phase), true);
      const inProcess = await runNoticeBatch(app.context, request, () => undefined, false);
      expect(phases).toContain('render');
      expect(inWorker.unitCount).toBe(inProcess.unitCount);
      expect(pdfText(inWorker.pdf, 'batch-worker')).toBe(pdfText(inProcess.pdf, 'batch-inprocess'));
    } finally {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
