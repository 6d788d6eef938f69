import { z } from 'zod';
import { AGING_BUCKET_KEYS } from '../../domain/aging';
import { call } from '../define';
import { isoDate } from '../schemas';

const id = z.number().int().positive();
const fen = z.number().int();

const buckets = z.object(Object.fromEntries(AGING_BUCKET_KEYS.map((k) => [k, fen])) as Record<(typeof AGING_BUCKET_KEYS)[number], typeof fen>);

export const arrearsFilter = z
  .object({
    asOf: isoDate.optional(),
    communityId: id.optional(),
    buildingId: id.optional(),
    feeItemId: id.optional(),
    /** Only units with something in this bucket or an older one. */
    minBucket: z.enum(AGING_BUCKET_KEYS).optional(),
    minAmountFen: z.number().int().nonnegative().optional(),
    minMonthsOverdue: z.number().int().nonnegative().max(600).optional(),
  })
  .strict();
export type ArrearsFilter = z.infer<typeof arrearsFilter>;

export const arrearsRow = z.object({
  unitId: id,
  unitCode: z.string(),
  communityName: z.string(),
  buildingName: z.string(),
  ownerName: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  outstandingFen: fen,
  lineCount: z.number().int(),
  oldestDueDate: isoDate,
  monthsOverdue: z.number().int(),
  buckets,
  beyondLimitation: z.boolean(),
});
export type ArrearsRow = z.infer<typeof arrearsRow>;

const sort = z.enum(['amount_desc', 'oldest_first', 'code']).default('amount_desc');
export type ArrearsSort = z.infer<typeof sort>;

/** 催缴跟进: how the owner was reached and what came of it. */
export const FOLLOW_UP_METHODS = ['phone', 'sms', 'visit', 'letter'] as const;
export const FOLLOW_UP_OUTCOMES = ['promised', 'refused', 'no_contact', 'disputed', 'hardship', 'other'] as const;
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number];
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export const followUpView = z.object({
  id,
  unitId: id,
  method: z.enum(FOLLOW_UP_METHODS),
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  promisedDate: isoDate.nullable(),
  contactDate: isoDate,
  note: z.string(),
  /** The unit's overdue outstanding when the contact was recorded. */
  outstandingFen: fen,
  createdBy: id,
  createdByName: z.string(),
  createdAt: z.string(),
});
export type FollowUpView = z.infer<typeof followUpView>;

const fileRef = z.object({ fileId: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number().int().nonnegative() });

export const arrearsCalls = {
  'arrears.list': call({
    input: arrearsFilter
      .extend({
        sort,
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().positive().max(500).default(100),
      })
      .strict(),
    output: z.object({
      asOf: isoDate,
      total: z.object({ units: z.number().int(), outstandingFen: fen, buckets }),
      rows: z.array(arrearsRow),
    }),
    access: 'account.read',
    mutates: false,
  }),
  'arrears.summary': call({
    input: z.object({ asOf: isoDate.optional() }).strict(),
    output: z.object({
      asOf: isoDate,
      communities: z.array(
        z.object({ communityId: id, communityName: z.string(), units: z.number().int(), outstandingFen: fen, buckets }),
      ),
      total: z.object({ units: z.number().int(), outstandingFen: fen, buckets }),
    }),
    access: 'account.read',
    mutates: false,
  }),
  /** The list's rows — same filter, same order, every page — as .xlsx: what the screen shows, row for row. */
  'arrears.export': call({
    input: arrearsFilter.extend({ sort }).strict(),
    output: fileRef,
    access: 'account.read',
    mutates: false,
  }),
  /** Records a contact with the owner; writing needs the desk's own permission, not just reading accounts. */
  'arrears.addFollowUp': call({
    input: z
      .object({
        idempotencyKey: z.string().trim().min(8, '请求编号无效').max(100, '请求编号无效'),
        unitId: id,
        method: z.enum(FOLLOW_UP_METHODS, { error: '请选择跟进方式' }),
        outcome: z.enum(FOLLOW_UP_OUTCOMES, { error: '请选择跟进结果' }),
        promisedDate: isoDate.optional(),
        contactDate: isoDate.optional(),
        note: z.string().trim().max(500, '备注最多 500 个字').default(''),
      })
      .strict()
      .refine((f) => f.outcome !== 'promised' || f.promisedDate !== undefined, { message: '业主承诺缴费时请填写承诺日期', path: ['promisedDate'] }),
    output: followUpView.extend({ replayed: z.boolean() }),
    access: 'payment.collect',
    mutates: true,
  }),
  /** One unit's follow-up history, newest first. */
  'arrears.followUps': call({
    input: z.object({ unitId: id }).strict(),
    output: z.object({ unitCode: z.string(), followUps: z.array(followUpView) }),
    access: 'account.read',
    mutates: false,
  }),
  /** The newest follow-up of each unit listed (a page of the arrears list); units never followed up are left out. */
  'arrears.latestFollowUps': call({
    input: z.object({ unitIds: z.array(id).max(500, '一次最多 500 户') }).strict(),
    output: z.object({ followUps: z.array(followUpView) }),
    access: 'account.read',
    mutates: false,
  }),
};
