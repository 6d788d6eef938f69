import { z } from 'zod';
import { call } from '../define';
import { isoDate } from '../schemas';
import { collectInput, collectResult, TENDER_METHODS } from './collection';
import { fileRef } from './reports';

const tenderMethod = z.enum(TENDER_METHODS, { error: '请选择收款方式' });

const id = z.number().int().positive();
const fen = z.number().int();
const note = z.string().trim().max(200, '说明最多 200 个字');
const bookCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,20}$/, '收据本编号为 2–20 位字母、数字或 -');

const methodTotal = z.object({ method: tenderMethod, tendersFen: fen, systemFen: fen });
const methodCount = z.object({
  method: tenderMethod,
  systemFen: fen,
  countedFen: fen,
  overFen: fen.nonnegative(),
  shortFen: fen.nonnegative(),
  note: z.string(),
});

export const shiftView = z.object({
  id,
  cashierId: id,
  cashierName: z.string(),
  businessDate: z.string(),
  floatFen: fen.nonnegative(),
  status: z.enum(['open', 'counted', 'confirmed']),
  openedAt: z.string(),
  countedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedBy: id.nullable(),
  confirmedByName: z.string().nullable(),
  note: z.string(),
  paymentCount: z.number().int().nonnegative(),
  /** System totals per method: the shift's live tenders, plus the float for cash. */
  totals: z.array(methodTotal),
  counts: z.array(methodCount),
  /** 长款 and 短款 summed separately, never netted against each other. */
  overFen: fen.nonnegative(),
  shortFen: fen.nonnegative(),
});
export type ShiftView = z.infer<typeof shiftView>;

const shiftPayment = z.object({
  id,
  kind: z.enum(['collection', 'reversal', 'refund']),
  status: z.enum(['posted', 'voided']),
  receiptNo: z.string().nullable(),
  unitCode: z.string(),
  payerName: z.string(),
  tenderedFen: fen,
  tenders: z.array(z.object({ method: tenderMethod, amountFen: fen })),
  fallback: z.boolean(),
  manualEntry: z.boolean(),
  businessDate: z.string(),
  createdAt: z.string(),
});

export const backupOutcome = z.object({ ok: z.boolean(), file: z.string().nullable(), message: z.string() });

const manualBookView = z.object({
  id,
  code: z.string(),
  prefix: z.string(),
  rangeStart: z.number().int().positive(),
  rangeEnd: z.number().int().positive(),
  firstNo: z.string(),
  lastNo: z.string(),
  cashierId: id,
  cashierName: z.string(),
  status: z.enum(['active', 'returned']),
  usedCount: z.number().int().nonnegative(),
  voidedCount: z.number().int().nonnegative(),
  unusedCount: z.number().int().nonnegative(),
  createdAt: z.string(),
});

export const MANUAL_NUMBER_VERDICTS = ['ok', 'used', 'out_of_range', 'not_your_book', 'returned', 'unknown_book'] as const;

const fallbackState = z.object({
  /** standalone: no company server configured; online: server configured and in use; fallback: 手工收费. */
  mode: z.enum(['standalone', 'online', 'fallback']),
  serverUrl: z.string(),
  fallbackMode: z.boolean(),
  reason: z.string(),
  since: z.string().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  threshold: z.number().int().positive(),
  lastCheckAt: z.string().nullable(),
  lastCheckOk: z.boolean().nullable(),
});

const reviewItem = z.object({
  paymentId: id,
  receiptNo: z.string().nullable(),
  unitCode: z.string(),
  payerName: z.string(),
  tenderedFen: fen,
  cashierId: id,
  cashierName: z.string(),
  shiftId: id,
  fallback: z.boolean(),
  manualEntry: z.boolean(),
  originalAt: z.string().nullable(),
  businessDate: z.string(),
  createdAt: z.string(),
});

export const shiftsCalls = {
  'shifts.open': call({
    input: z
      .object({ floatFen: fen.nonnegative('备用金不能为负数').max(10_000_000, '备用金不能超过 10 万元') })
      .strict(),
    output: shiftView,
    access: 'shift.own',
    mutates: true,
  }),
  'shifts.current': call({
    input: z.object({}).strict(),
    output: z.object({ shift: shiftView.nullable() }),
    access: 'shift.own',
    mutates: false,
  }),
  'shifts.count': call({
    input: z
      .object({
        counts: z
          .array(z.object({ method: tenderMethod, countedFen: fen, note: note.default('') }).strict())
          .min(1, '请录入实点金额')
          .refine((c) => new Set(c.map((x) => x.method)).size === c.length, '同一收款方式只能录入一次'),
        note: note.default(''),
      })
      .strict(),
    output: shiftView,
    access: 'shift.own',
    mutates: true,
  }),
  'shifts.confirm': call({
    input: z.object({ shiftId: id, note: note.default('') }).strict(),
    output: z.object({ shift: shiftView, backup: backupOutcome }),
    access: 'shift.confirm',
    mutates: true,
    approvable: true,
  }),
  'shifts.list': call({
    input: z
      .object({
        status: z.enum(['open', 'counted', 'confirmed']).optional(),
        cashierId: id.optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({ shifts: z.array(shiftView) }),
    access: 'session',
    mutates: false,
  }),
  'shifts.detail': call({
    input: z.object({ shiftId: id }).strict(),
    output: z.object({ shift: shiftView, payments: z.array(shiftPayment) }),
    access: 'session',
    mutates: false,
  }),
  'shifts.registerManualBook': call({
    input: z
      .object({
        code: bookCode,
        prefix: z.string().trim().toUpperCase().regex(/^[A-Z]{1,4}$/, '号码前缀为 1–4 个字母，如 SG'),
        rangeStart: z.number().int().min(1, '起始号码至少为 1'),
        rangeEnd: z.number().int().min(1),
        cashierId: id,
      })
      .strict()
      .refine((b) => b.rangeEnd >= b.rangeStart, { message: '结束号码不能小于起始号码', path: ['rangeEnd'] })
      .refine((b) => b.rangeEnd - b.rangeStart < 1000, { message: '一本收据最多 1000 个号码', path: ['rangeEnd'] }),
    output: manualBookView,
    access: 'manualbook.manage',
    mutates: true,
    approvable: true,
  }),
  'shifts.listManualBooks': call({
    input: z.object({ status: z.enum(['active', 'returned']).optional() }).strict(),
    output: z.object({ books: z.array(manualBookView) }),
    access: 'session',
    mutates: false,
  }),
  'shifts.returnManualBook': call({
    input: z.object({ code: bookCode, reason: note.default('') }).strict(),
    output: z.object({ book: manualBookView, voided: z.array(z.string()) }),
    access: 'manualbook.manage',
    mutates: true,
    approvable: true,
  }),
  'shifts.checkManualNumber': call({
    input: z.object({ code: bookCode, number: z.number().int().positive('号码应为正整数') }).strict(),
    output: z.object({ verdict: z.enum(MANUAL_NUMBER_VERDICTS), receiptNo: z.string().nullable(), message: z.string() }),
    access: 'manual.entry',
    mutates: false,
  }),
  'shifts.enterManualReceipt': call({
    input: collectInput.extend({
      bookCode,
      number: z.number().int().positive('号码应为正整数'),
      originalDate: isoDate,
      originalTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm'),
    }),
    output: collectResult,
    access: 'manual.entry',
    mutates: true,
  }),
  'shifts.setFallback': call({
    input: z.object({ on: z.boolean(), reason: z.string().trim().min(2, '请填写切换原因').max(200) }).strict(),
    output: fallbackState,
    access: 'fallback.switch',
    mutates: true,
  }),
  'shifts.healthCheck': call({
    input: z.object({}).strict(),
    output: fallbackState,
    access: 'session',
    mutates: false,
  }),
  'shifts.reportHealth': call({
    input: z.object({ ok: z.boolean(), detail: z.string().trim().max(200).default('') }).strict(),
    output: fallbackState.extend({ switched: z.boolean() }),
    access: 'session',
    mutates: true,
  }),
  'shifts.reviewList': call({
    input: z.object({}).strict(),
    output: z.object({ payments: z.array(reviewItem) }),
    access: 'manualbook.manage',
    mutates: false,
  }),
  'shifts.markReviewed': call({
    input: z
      .object({
        paymentIds: z
          .array(id)
          .min(1, '请选择要复核的收款')
          .max(200, '一次最多复核 200 笔')
          .refine((ids) => new Set(ids).size === ids.length, '收款重复'),
      })
      .strict(),
    output: z.object({ reviewed: z.number().int().nonnegative() }),
    access: 'manualbook.manage',
    mutates: true,
    approvable: true,
  }),
  /**
   * What the receipt search offers: its 收银员 filter (every user who has had a shift) and the
   * desk's business date, which the date filters start from (the PC's own date may differ).
   */
  'shifts.cashiers': call({
    input: z.object({}).strict(),
    output: z.object({ cashiers: z.array(z.object({ id, name: z.string() })), today: isoDate }),
    access: 'account.read',
    mutates: false,
  }),
  /** The shift that took a payment: while it is open the payment is voided (作废), after that reversed (红冲). */
  'shifts.ofPayment': call({
    input: z.object({ paymentId: id }).strict(),
    output: z.object({ shiftId: id, status: z.enum(['open', 'counted', 'confirmed']), cashierId: id, cashierName: z.string(), businessDate: z.string() }),
    access: 'account.read',
    mutates: false,
  }),
  /** 收费日报 of one shift as .xlsx (the same workbook as reports.exportDaily): a cashier's own shift, or any with reports.read. */
  'shifts.exportDaily': call({
    input: z.object({ shiftId: id }).strict(),
    output: fileRef,
    access: 'session',
    mutates: false,
  }),
  // 手工收费 (arrears+manual engineer) --------------------------------------------------------
  /**
   * Main asks the company server itself (the renderer may reach only its own origin) and records
   * the answer as shifts.reportHealth does: the N-th failure in a row switches to fallback.
   */
  'shifts.probeServer': call({
    input: z.object({}).strict(),
    output: fallbackState.extend({ switched: z.boolean() }),
    access: 'session',
    mutates: true,
  }),
  /** The company-server address the desk checks; '' = 单机 (standalone, nothing to check). */
  'shifts.setServerAddress': call({
    input: z
      .object({
        url: z
          .string()
          .trim()
          .max(200, '地址最多 200 个字符')
          .refine((u) => u === '' || /^https?:\/\/[^\s/]+(\/\S*)?$/i.test(u), '地址应以 http:// 或 https:// 开头，如 http://192.168.1.10:8080/'),
      })
      .strict(),
    output: fallbackState,
    access: 'settings.manage',
    mutates: true,
  }),
  /** Who may hold a manual receipt book: active users allowed to enter paper receipts. */
  'shifts.bookHolders': call({
    input: z.object({}).strict(),
    output: z.object({ users: z.array(z.object({ id, username: z.string(), name: z.string() })) }),
    access: 'manualbook.manage',
    mutates: false,
  }),
};
