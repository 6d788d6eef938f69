import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';

/** Active users whose role holds users.manage, optionally as if one role had other permissions. */
export function activeManagers(app: AppContext, roleOverride?: { role: string; permissions: readonly string[] }): number {
  const rows = app.sqlite
    .prepare(
      `SELECT u.role_code AS role, EXISTS (SELECT 1 FROM role_permissions p WHERE p.role_code = u.role_code AND p.permission = 'users.manage') AS manages
       FROM users u WHERE u.disabled = 0`,
    )
    .all() as Array<{ role: string; manages: number }>;
  return rows.filter((r) =>
    roleOverride && r.role === roleOverride.role ? roleOverride.permissions.includes('users.manage') : r.manages === 1,
  ).length;
}

/**
 * Never lock everyone out: after the change inside the caller's transaction, at least one
 * enabled user must still be able to manage users.
 */
export function requireAManagerLeft(app: AppContext, message: string, roleOverride?: { role: string; permissions: readonly string[] }): void {
  if (activeManagers(app, roleOverride) === 0) throw new AppFailure('RULE_VIOLATION', message);
}
