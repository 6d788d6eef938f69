import type { AppContext } from '../app/context';
import { PARKING_TYPE_LABELS, ROLE_LABELS, STATUS_LABELS, USE_LABELS } from '../register/labels';

/** The values a template offers in its drop-downs, as the clerk reads them. */
export const LIST_NAMES = ['communities', 'buildings', 'uses', 'statuses', 'roles', 'parkingTypes', 'feeItems', 'yesNo', 'cycles'] as const;
export type ListName = (typeof LIST_NAMES)[number];
export type Lists = Record<ListName, string[]>;

export const YES = '是';
export const NO = '否';

/** The ledger's lists as of now, limited to the user's communities. */
export function loadLists(app: AppContext, communityIds: number[] | null): Lists {
  const inScope = (id: number) => communityIds === null || communityIds.includes(id);
  const communities = (app.sqlite.prepare('SELECT id, name FROM communities ORDER BY code').all() as Array<{ id: number; name: string }>).filter((c) =>
    inScope(c.id),
  );
  const buildings = (app.sqlite.prepare('SELECT community_id, name FROM buildings ORDER BY code').all() as Array<{ community_id: number; name: string }>)
    .filter((b) => inScope(b.community_id))
    .map((b) => b.name);
  const feeItems = app.sqlite.prepare("SELECT name FROM fee_items WHERE active = 1 AND method <> 'DEPOSIT' ORDER BY priority, code").pluck().all() as string[];
  return {
    communities: communities.map((c) => c.name),
    buildings: [...new Set(buildings)].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true })),
    uses: Object.values(USE_LABELS),
    statuses: Object.values(STATUS_LABELS),
    roles: Object.values(ROLE_LABELS),
    parkingTypes: Object.values(PARKING_TYPE_LABELS),
    feeItems,
    yesNo: [YES, NO],
    cycles: ['1', '3', '6', '12'],
  };
}

/**
 * The code behind a Chinese label (住宅 → residential). Anything else passes through unchanged,
 * so the register's own schema refuses it with its own message.
 */
export function fromLabel<C extends string>(labels: Record<C, string>, text: string): string {
  const hit = (Object.entries(labels) as Array<[C, string]>).find(([, label]) => label === text);
  return hit ? hit[0] : text;
}
