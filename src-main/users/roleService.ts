import { PERMISSIONS, ROLE_CODES, type CallInput, type Permission, type RoleCode } from '../../src-shared/api';
import { PERMISSION_LABELS } from '../../src-shared/api/calls/users';
import type { AppContext } from '../app/context';
import { rolePermissions } from '../auth/sessions';
import { AppFailure } from '../ipc/failure';
import type { CallContext } from '../ipc/types';
import { requireAManagerLeft } from './admins';

function roleView(app: AppContext, code: RoleCode) {
  const role = app.q.first(app.db.selectFrom('roles').select(['code', 'name']).where('code', '=', code));
  if (!role) throw new AppFailure('NOT_FOUND', `角色 ${code} 不存在`);
  const activeUsers = app.q.first(
    app.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role_code', '=', code)
      .where('disabled', '=', 0),
  )!.n;
  const known = new Set<string>(PERMISSIONS);
  return {
    code,
    name: role.name,
    permissions: rolePermissions(app, code).filter((p): p is Permission => known.has(p)),
    activeUsers,
  };
}

export function listRoles(app: AppContext) {
  return {
    roles: ROLE_CODES.map((code) => roleView(app, code)),
    permissions: PERMISSIONS.map((code) => ({ code, label: PERMISSION_LABELS[code] })),
  };
}

const labels = (list: readonly string[]) => list.map((p) => PERMISSION_LABELS[p as Permission] ?? p).join('、');

/** RULES §10: an administrator edits a role's permissions; the change itself is audited. */
export function setRolePermissions(input: CallInput<'roles.setPermissions'>, ctx: CallContext) {
  const { app } = ctx;
  const audit = { entity: `role:${input.role}`, summary: '' };
  const role = ctx.write(audit, () => {
    const before = roleView(app, input.role);
    const next = [...new Set(input.permissions)];
    const added = next.filter((p) => !before.permissions.includes(p));
    const removed = before.permissions.filter((p) => !next.includes(p));
    if (added.length === 0 && removed.length === 0) throw new AppFailure('INVALID_INPUT', '权限没有变化');
    requireAManagerLeft(
      app,
      '不能移除该角色的“用户与权限管理”权限：没有其他启用中的用户能管理用户与权限，系统将无人能管理',
      { role: input.role, permissions: next },
    );
    for (const p of removed) {
      app.q.run(app.db.deleteFrom('role_permissions').where('role_code', '=', input.role).where('permission', '=', p));
    }
    for (const p of added) app.q.run(app.db.insertInto('role_permissions').values({ role_code: input.role, permission: p }));
    const parts = [added.length > 0 ? `增加 ${labels(added)}` : '', removed.length > 0 ? `移除 ${labels(removed)}` : ''];
    audit.summary = `修改角色「${before.name}」的权限：${parts.filter((s) => s !== '').join('；')}`;
    return roleView(app, input.role);
  });
  return { role };
}
