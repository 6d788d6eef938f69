import type { AppContext } from '../app/context';

// Example rows use records of the ledger the template is made for, so the example imports as-is.

export const PLACEHOLDER = { community: '阳光花园', building: '3号楼', unit: '3-2-501', feeItem: '物业服务费' } as const;

export function sampleUnit(app: AppContext): { community: string; code: string; unitId: number } | undefined {
  return app.sqlite
    .prepare('SELECT c.name AS community, u.code, u.id AS unitId FROM units u JOIN communities c ON c.id = u.community_id ORDER BY c.code, u.sort_key LIMIT 1')
    .get() as { community: string; code: string; unitId: number } | undefined;
}

/** The first of `candidates(n)` for n = 1, 2, … that `taken` does not know. */
export function freeCode(candidate: (n: number) => string, taken: (code: string) => boolean): string {
  for (let n = 1; ; n += 1) if (!taken(candidate(n))) return candidate(n);
}
