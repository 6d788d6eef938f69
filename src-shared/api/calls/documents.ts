import { z } from 'zod';
import { call } from '../define';
import { isoDate } from '../schemas';

/**
 * PDF documents (RULES §6, §9) and the settings that shape them. Every document call answers a
 * FileRef: the bytes wait in main's file store until the shell saves, prints or downloads them.
 */
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '账期格式应为 YYYY-MM');
const id = z.number().int().positive();

export const RECEIPT_LAYOUT_NAMES = { a4: 'A4 纸', triplicate: '三联 241×93 mm', thermal80: '80 mm 热敏纸' } as const;
const receiptLayout = z.enum(['a4', 'triplicate', 'thermal80'], { error: '收据版式须为 A4、三联或 80 mm 热敏' });

export const documentFile = z.object({ fileId: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number().int().nonnegative() });

const batchScope = { communityId: id, buildingId: id.optional() };

/** A seal is a small PNG; anything else would not print as a seal. */
export const MAX_SEAL_IMAGE_CHARS = 700_000;
const sealImage = z
  .string()
  .max(MAX_SEAL_IMAGE_CHARS, '印章图片过大，请使用 500 KB 以内的 PNG 图片')
  .refine((s) => s === '' || /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/.test(s), '印章图片须为 PNG 格式');

export const documentSettings = z.object({
  companyName: z.string(),
  receiptLayout,
  printerName: z.string(),
  silentPrint: z.boolean(),
  sealImage: z.string(),
});
export type DocumentSettings = z.infer<typeof documentSettings>;

export const documentsCalls = {
  /** A receipt as PDF; 补打 is counted by collection.reprint first, then this draws its mark. */
  'documents.receiptPdf': call({
    input: z.object({ receiptId: id, layout: receiptLayout.optional() }).strict(),
    output: z.object({ file: documentFile, layout: receiptLayout, paperMm: z.object({ width: z.number(), height: z.number() }) }),
    access: 'account.read',
    mutates: false,
  }),
  /** Desktop: prints the receipt to the printer in settings; browser mode answers INVALID_STATE. */
  'documents.printReceipt': call({
    input: z.object({ receiptId: id }).strict(),
    output: z.object({ printed: z.boolean(), message: z.string() }),
    access: 'account.read',
    mutates: false,
  }),
  'documents.paymentNotice': call({
    input: z.object({ unitId: id, month }).strict(),
    output: documentFile,
    access: 'account.read',
    mutates: false,
  }),
  'documents.dunningNotice': call({
    input: z.object({ unitId: id, asOf: isoDate.optional() }).strict(),
    output: documentFile,
    access: 'account.read',
    mutates: false,
  }),
  'documents.statement': call({
    input: z.object({ unitId: id, from: isoDate, to: isoDate }).strict(),
    output: documentFile,
    access: 'account.read',
    mutates: false,
  }),
  /** A building's or community's notices in one PDF, page per unit; progress comes as events. */
  'documents.noticeBatch': call({
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('payment'), month, ...batchScope }).strict(),
      // 催缴单 for a building or community, or for the units picked on the 欠费 screen.
      z
        .object({
          kind: z.literal('dunning'),
          asOf: isoDate.optional(),
          communityId: id.optional(),
          buildingId: id.optional(),
          unitIds: z.array(id).min(1, '请选择房屋').max(500, '一次最多 500 户').optional(),
        })
        .strict()
        .refine((r) => (r.communityId === undefined) !== (r.unitIds === undefined), '请选择小区（楼栋）或房屋（二选一）'),
      z.object({ kind: z.literal('statement'), from: isoDate, to: isoDate, ...batchScope }).strict(),
    ]),
    output: z.object({ file: documentFile, unitCount: z.number().int().nonnegative() }),
    access: 'account.read',
    mutates: false,
  }),
  'documents.publicity': call({
    input: z.object({ communityId: id, asOf: isoDate.optional() }).strict(),
    output: documentFile,
    access: 'fees.read',
    mutates: false,
  }),
  /** reports.read for any shift or day; a cashier (shift.own) for their own shift only. */
  'documents.dailyReport': call({
    input: z.union([z.object({ shiftId: id }).strict(), z.object({ date: isoDate }).strict()], { error: '请指定班次或日期' }),
    output: documentFile,
    access: 'session',
    mutates: false,
  }),
  /** Desktop: main shows the save dialog and writes the file; browser mode downloads instead. */
  'documents.saveFile': call({
    input: z.object({ fileId: z.string().min(8).max(64) }).strict(),
    output: z.object({ saved: z.boolean(), fileName: z.string() }),
    access: 'session',
    mutates: false,
  }),
  'settings.get': call({
    input: z.object({}).strict(),
    output: documentSettings,
    access: 'settings.manage',
    mutates: false,
  }),
  'settings.update': call({
    input: z
      .object({
        companyName: z.string().trim().min(1, '请填写公司名称').max(60, '公司名称最多 60 个字').optional(),
        receiptLayout: receiptLayout.optional(),
        printerName: z.string().trim().max(120, '打印机名称过长').optional(),
        silentPrint: z.boolean().optional(),
        sealImage: sealImage.optional(),
      })
      .strict(),
    output: documentSettings,
    access: 'settings.manage',
    mutates: true,
  }),
};
