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

export const arrearsCalls = {
  'arrears.list': call({
    input: arrearsFilter
      .extend({
        sort: z.enum(['amount_desc', 'oldest_first', 'code']).default('amount_desc'),
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
};
