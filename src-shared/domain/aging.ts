/**
 * The aging buckets finance reads arrears by (RULES §9). Days overdue count from the day after the
 * due date. Beyond three years the civil limitation period (诉讼时效) has run, so those are flagged.
 */
export const AGING_BUCKETS = [
  { key: 'd30', label: '≤30天', maxDays: 30 },
  { key: 'd90', label: '31–90天', maxDays: 90 },
  { key: 'd180', label: '91–180天', maxDays: 180 },
  { key: 'd365', label: '181–365天', maxDays: 365 },
  { key: 'y2', label: '1–2年', maxDays: 730 },
  { key: 'y3', label: '2–3年', maxDays: 1095 },
  { key: 'over3y', label: '3年以上', maxDays: Number.POSITIVE_INFINITY },
] as const;

export type AgingBucketKey = (typeof AGING_BUCKETS)[number]['key'];
export const AGING_BUCKET_KEYS = AGING_BUCKETS.map((b) => b.key) as [AgingBucketKey, ...AgingBucketKey[]];

export function agingBucket(daysOverdue: number): AgingBucketKey {
  if (!Number.isInteger(daysOverdue) || daysOverdue < 1) throw new RangeError('days overdue must be a positive integer');
  return AGING_BUCKETS.find((b) => daysOverdue <= b.maxDays)!.key;
}
