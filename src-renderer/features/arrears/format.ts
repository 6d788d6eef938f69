/** What the 欠费 screen asks the ledger for, and small helpers its parts share. */
import type { ArrearsSort } from '../../../src-shared/api/calls/arrears';
import { AGING_BUCKET_KEYS, type AgingBucketKey } from '../../../src-shared/domain/aging';

export const PAGE_SIZE = 100;
/** documents.noticeBatch takes at most this many picked units. */
export const MAX_BATCH = 500;

export interface ArrearsQuery {
  communityId: number | null;
  buildingId: number | null;
  feeItemId: number | null;
  minBucket: AgingBucketKey;
  minAmountFen: number | null;
  minMonthsOverdue: number | null;
  sort: ArrearsSort;
}

export const EMPTY_QUERY: ArrearsQuery = {
  communityId: null,
  buildingId: null,
  feeItemId: null,
  minBucket: 'd30',
  minAmountFen: null,
  minMonthsOverdue: null,
  sort: 'amount_desc',
};

/**
 * The filter as the contract takes it; arrears.list and arrears.export get the very same object,
 * so the workbook holds exactly the rows the screen pages through.
 */
export function listFilter(q: ArrearsQuery, asOf?: string) {
  return {
    ...(asOf !== undefined ? { asOf } : {}),
    ...(q.communityId !== null ? { communityId: q.communityId } : {}),
    ...(q.buildingId !== null ? { buildingId: q.buildingId } : {}),
    ...(q.feeItemId !== null ? { feeItemId: q.feeItemId } : {}),
    // 'd30' is the youngest bucket: "at least d30" filters nothing, so it is not sent.
    ...(q.minBucket !== 'd30' ? { minBucket: q.minBucket } : {}),
    ...(q.minAmountFen !== null && q.minAmountFen > 0 ? { minAmountFen: q.minAmountFen } : {}),
    ...(q.minMonthsOverdue !== null && q.minMonthsOverdue > 0 ? { minMonthsOverdue: q.minMonthsOverdue } : {}),
    sort: q.sort,
  };
}

/** Bucket columns worth a column: those with money in them for the current result. */
export function bucketsInUse(totals: Record<AgingBucketKey, number>): AgingBucketKey[] {
  const used = AGING_BUCKET_KEYS.filter((k) => totals[k] !== 0);
  return used.length > 0 ? used : ['d30'];
}

/** A request key for one follow-up form: a double click reuses it, a new form gets a new one. */
export function newRequestKey(): string {
  return crypto.randomUUID();
}

/** 2024-05-31 → 05-31 when in the current year of `today`, else the full date. */
export function shortDate(date: string, today: string): string {
  return date.slice(0, 4) === today.slice(0, 4) ? date.slice(5) : date;
}
