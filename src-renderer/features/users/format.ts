import type { UserView } from '../../../src-shared/api/calls/users';
import { businessDateTime, DEFAULT_TIME_ZONE } from '../../../src-shared/domain/businessTime';

export type { UserView };
export type UserStatus = 'active' | 'locked' | 'disabled';

/** 停用 wins over 锁定: a disabled user cannot sign in whether locked or not. */
export function userStatus(user: UserView): UserStatus {
  if (user.disabled) return 'disabled';
  return user.locked ? 'locked' : 'active';
}

export const STATUS_COLOR: Record<UserStatus, string> = { active: 'teal', locked: 'red', disabled: 'gray' };

/** 'YYYY-MM-DD HH:mm' in the company's zone, as the rest of the desk shows times. */
export function formatInstant(iso: string): string {
  return businessDateTime(new Date(iso), DEFAULT_TIME_ZONE).slice(0, 16);
}

export interface CommunityOption {
  id: number;
  name: string;
}

/** The communities' names joined, or null for "all communities" (no row = every community). */
export function scopeNames(ids: readonly number[], communities: readonly CommunityOption[]): string | null {
  if (ids.length === 0) return null;
  const names = new Map(communities.map((c) => [c.id, c.name]));
  return ids.map((id) => names.get(id) ?? `#${id}`).join('、');
}
