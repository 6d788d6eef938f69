import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';

export const OUT_OF_SCOPE = '不在您的管辖小区范围内';

const UNIT = (from: string) => `SELECT u.community_id AS c FROM ${from} JOIN units u ON u.id = x.unit_id WHERE x.id = ?`;
const LINE = (from: string) =>
  `SELECT u.community_id AS c FROM ${from} JOIN bill_lines b ON b.id = x.line_id JOIN units u ON u.id = b.unit_id WHERE x.id = ?`;

/**
 * How to find the community of the record an input key names. A key ending in `Ids` (lineIds,
 * paymentIds …) is read as a list of its singular key. Keys not listed (feeItemId, customerId,
 * cashierId …) name company-wide records that no community owns.
 */
const COMMUNITY_OF: Record<string, string> = {
  communityId: 'SELECT id AS c FROM communities WHERE id = ?',
  buildingId: 'SELECT community_id AS c FROM buildings WHERE id = ?',
  unitId: 'SELECT community_id AS c FROM units WHERE id = ?',
  parkingSpaceId: 'SELECT community_id AS c FROM parking_spaces WHERE id = ?',
  meterId: 'SELECT community_id AS c FROM meters WHERE id = ?',
  standardId: 'SELECT community_id AS c FROM fee_standards WHERE id = ?',
  lineId: UNIT('bill_lines x'),
  paymentId: UNIT('payments x'),
  refundId: UNIT('refunds x'),
  depositId: UNIT('deposits x'),
  receiptId: 'SELECT u.community_id AS c FROM receipts x JOIN payments p ON p.id = x.payment_id JOIN units u ON u.id = p.unit_id WHERE x.id = ?',
  adjustmentId: LINE('adjustments x'),
  waiverId: LINE('waivers x'),
  allocationId: LINE('allocations x'),
  runId: 'SELECT DISTINCT u.community_id AS c FROM bill_lines x JOIN units u ON u.id = x.unit_id WHERE x.run_id = ?',
  shiftId: 'SELECT DISTINCT u.community_id AS c FROM payments x JOIN units u ON u.id = x.unit_id WHERE x.shift_id = ?',
};

/** Calls whose bare `id` names a record with a community. */
const ID_MEANS: Record<string, string> = {
  'register.updateCommunity': 'communityId',
  'register.updateBuilding': 'buildingId',
  'register.updateUnit': 'unitId',
  'register.getUnit': 'unitId',
  'register.updateParking': 'parkingSpaceId',
};

/**
 * Calls that would otherwise act on every community when none is named: a scoped user must name
 * one of theirs. (Lists and searches filter by the scope instead; see `inScopeSql`.)
 */
const NEEDS_EXPLICIT_COMMUNITY = new Set(['billing.preview', 'billing.commit']);

function keyKind(call: string, key: string): string | null {
  const named = key === 'id' ? ID_MEANS[call] : key;
  if (named === undefined) return null;
  if (named in COMMUNITY_OF) return named;
  if (named.endsWith('Ids')) {
    const singular = `${named.slice(0, -3)}Id`;
    if (singular in COMMUNITY_OF) return singular;
  }
  return null;
}

/** Every record id the input names, with the kind of record, at any depth. */
function referencedIds(call: string, value: unknown, out: Array<[kind: string, id: number]>): void {
  if (Array.isArray(value)) {
    for (const v of value) referencedIds(call, v, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    const kind = keyKind(call, key);
    if (kind !== null) {
      for (const id of Array.isArray(v) ? v : [v]) if (typeof id === 'number') out.push([kind, id]);
    } else {
      referencedIds(call, v, out);
    }
  }
}

/**
 * Applied by the router to every call's validated input: any referenced record outside the
 * user's communities refuses the whole call. An id that names nothing passes, so the service
 * answers NOT_FOUND as it would for anyone.
 */
export function checkScope(app: AppContext, call: string, input: unknown, communityIds: number[] | null): void {
  if (communityIds === null) return;
  const allowed = new Set(communityIds);
  if (NEEDS_EXPLICIT_COMMUNITY.has(call) && (input as { communityId?: unknown }).communityId === undefined) {
    throw new AppFailure('FORBIDDEN', `${OUT_OF_SCOPE}：请选择您管辖的小区`);
  }
  const refs: Array<[string, number]> = [];
  referencedIds(call, input, refs);
  for (const [kind, id] of refs) {
    const rows = app.sqlite.prepare(COMMUNITY_OF[kind]!).pluck().all(id) as number[];
    if (rows.some((c) => !allowed.has(c))) throw new AppFailure('FORBIDDEN', OUT_OF_SCOPE);
  }
}

/** The scope as one SQL parameter for `IN (SELECT value FROM json_each(?))`; undefined = all communities. */
export function scopeParam(communityIds: number[] | null): string | undefined {
  return communityIds === null ? undefined : JSON.stringify(communityIds);
}

/** `column IN (…)` for a scoped user, null for an unscoped one; for list and summary queries. */
export function inScopeSql(column: string, communityIds: number[] | null): { sql: string; param: string } | null {
  const param = scopeParam(communityIds);
  return param === undefined ? null : { sql: `${column} IN (SELECT value FROM json_each(?))`, param };
}
