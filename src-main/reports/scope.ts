import type { CallContext } from '../ipc/types';

/** Communities a report may read: null = all; a list limits every query to those (RULES §10). */
export type CommunityScope = readonly number[] | null;

/** SQL condition on a community id column and its parameters; an empty scope matches nothing. */
export function scopeCondition(column: string, scope: CommunityScope, filterId?: number): { sql: string; params: number[] } {
  const parts: string[] = [];
  const params: number[] = [];
  if (scope !== null) {
    parts.push(scope.length === 0 ? '0' : `${column} IN (${scope.map(() => '?').join(', ')})`);
    params.push(...scope);
  }
  if (filterId !== undefined) {
    parts.push(`${column} = ?`);
    params.push(filterId);
  }
  return { sql: parts.length === 0 ? '1' : parts.join(' AND '), params };
}

/**
 * The signed-in user's community scope. The router's per-user scope is being added alongside
 * these reports; until the session carries `communityIds`, every user reads all communities.
 */
export function sessionScope(ctx: CallContext): CommunityScope {
  const session = ctx.session as (NonNullable<CallContext['session']> & { communityIds?: readonly number[] | null }) | null;
  return session?.communityIds ?? null;
}
