import type { CallInput } from '../../src-shared/api';
import type { UserView } from '../../src-shared/api/calls/users';
import type { AppContext } from '../app/context';
import { issueRecoveryCode, requirePolicy } from '../auth/authService';
import { clearFailures, isLocked } from '../auth/lockout';
import { generatePassword, hashPassword } from '../auth/password';
import { endUserSessions } from '../auth/sessions';
import { AppFailure } from '../ipc/failure';
import type { CallContext } from '../ipc/types';
import { requireAManagerLeft } from './admins';

type UserRow = {
  id: number;
  username: string;
  display_name: string;
  role_code: string;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
};

const DISABLE_SELF = '不能停用自己的账号：请由另一位管理员操作';
const LAST_ADMIN = '至少要保留一位启用中、拥有“用户与权限管理”权限的用户，否则将无人能管理系统';

function roleNames(app: AppContext): Map<string, string> {
  return new Map(app.q.all(app.db.selectFrom('roles').select(['code', 'name'])).map((r) => [r.code, r.name]));
}

function communitiesOf(app: AppContext, userId: number): number[] {
  return app.q
    .all(app.db.selectFrom('user_communities').select('community_id').where('user_id', '=', userId).orderBy('community_id'))
    .map((r) => r.community_id);
}

function lastLoginAt(app: AppContext, userId: number): string | null {
  const row = app.q.first(
    app.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.max('created_at').as('at'))
      .where('user_id', '=', userId),
  );
  return row?.at ?? null;
}

function view(app: AppContext, u: UserRow, names = roleNames(app)): UserView {
  const locked = isLocked(app, u);
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role_code as UserView['role'],
    roleName: names.get(u.role_code) ?? u.role_code,
    communityIds: communitiesOf(app, u.id),
    disabled: u.disabled === 1,
    locked,
    lockedUntil: locked ? u.locked_until : null,
    failedLogins: u.failed_logins,
    mustChangePassword: u.must_change_password === 1,
    createdAt: u.created_at,
    lastLoginAt: lastLoginAt(app, u.id),
  };
}

function requireUser(app: AppContext, userId: number): UserRow {
  const u = app.q.first(app.db.selectFrom('users').selectAll().where('id', '=', userId));
  if (!u) throw new AppFailure('NOT_FOUND', `用户（编号 ${userId}）不存在`);
  return u;
}

export function userView(app: AppContext, userId: number): UserView {
  return view(app, requireUser(app, userId));
}

export function listUsers(app: AppContext, includeDisabled: boolean) {
  let query = app.db.selectFrom('users').selectAll().orderBy('disabled').orderBy('username');
  if (!includeDisabled) query = query.where('disabled', '=', 0);
  const names = roleNames(app);
  return { users: app.q.all(query).map((u) => view(app, u, names)) };
}

function communityNames(app: AppContext, ids: number[]): string {
  if (ids.length === 0) return '全部小区';
  const rows = app.q.all(app.db.selectFrom('communities').select(['id', 'name']).where('id', 'in', ids));
  const found = new Map(rows.map((r) => [r.id, r.name]));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw new AppFailure('NOT_FOUND', `小区（编号 ${missing}）不存在`);
  return ids.map((id) => found.get(id)!).join('、');
}

/** Must run inside the caller's write transaction. */
function setCommunities(app: AppContext, userId: number, ids: number[]): void {
  app.q.run(app.db.deleteFrom('user_communities').where('user_id', '=', userId));
  for (const id of new Set(ids)) app.q.run(app.db.insertInto('user_communities').values({ user_id: userId, community_id: id }));
}

export async function createUser(input: CallInput<'users.create'>, ctx: CallContext) {
  const { app } = ctx;
  const generated = input.password === undefined ? generatePassword(input.username) : null;
  const password = input.password ?? generated!;
  requirePolicy(password, input.username);
  const hash = await hashPassword(password);
  const communityIds = input.communityIds ?? [];
  const audit = { entity: 'user', summary: '' };
  const user = ctx.write(audit, () => {
    if (app.q.first(app.db.selectFrom('users').select('id').where('username', '=', input.username))) {
      throw new AppFailure('DUPLICATE', `用户名 ${input.username} 已被使用`);
    }
    const scope = communityNames(app, communityIds);
    const id = app.q.run(
      app.db.insertInto('users').values({
        username: input.username,
        display_name: input.displayName,
        password_hash: hash,
        role_code: input.role,
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        disabled: 0,
        created_at: app.clock.nowIso(),
      }),
    ).lastInsertRowid;
    setCommunities(app, id, communityIds);
    const v = userView(app, id);
    audit.entity = `user:${id}`;
    audit.summary = `新建用户 ${v.username}（${v.displayName}），角色 ${v.roleName}，管辖 ${scope}，首次登录须修改密码`;
    return v;
  });
  return { user, generatedPassword: generated };
}

export function updateUser(input: CallInput<'users.update'>, ctx: CallContext) {
  const { app } = ctx;
  // Disabling oneself would end this very session mid-change and could leave no one in charge.
  if (input.disabled === true && input.userId === ctx.session!.userId) throw new AppFailure('RULE_VIOLATION', DISABLE_SELF);
  const audit = { entity: `user:${input.userId}`, summary: '' };
  const user = ctx.write(audit, () => {
    const before = userView(app, input.userId);
    const changes: string[] = [];
    const set: { display_name?: string; role_code?: string; disabled?: number } = {};
    if (input.displayName !== undefined && input.displayName !== before.displayName) {
      set.display_name = input.displayName;
      changes.push(`姓名 ${before.displayName} → ${input.displayName}`);
    }
    if (input.role !== undefined && input.role !== before.role) {
      set.role_code = input.role;
      changes.push(`角色 ${before.roleName} → ${roleNames(app).get(input.role) ?? input.role}`);
    }
    if (input.disabled !== undefined && input.disabled !== before.disabled) {
      set.disabled = input.disabled ? 1 : 0;
      changes.push(input.disabled ? '停用' : '启用');
    }
    if (Object.keys(set).length > 0) app.q.run(app.db.updateTable('users').set(set).where('id', '=', input.userId));
    if (input.communityIds !== undefined) {
      const next = [...new Set(input.communityIds)].sort((a, b) => a - b);
      if (next.join() !== before.communityIds.join()) {
        const from = communityNames(app, before.communityIds);
        const to = communityNames(app, next);
        setCommunities(app, input.userId, next);
        changes.push(`管辖小区 ${from} → ${to}`);
      }
    }
    if (changes.length === 0) throw new AppFailure('INVALID_INPUT', '没有要修改的内容');
    requireAManagerLeft(app, `${LAST_ADMIN}：不能停用或更改最后一位管理员的角色`);
    if (set.disabled === 1) endUserSessions(app, input.userId);
    audit.summary = `修改用户 ${before.username}：${changes.join('；')}`;
    return userView(app, input.userId);
  });
  return { user };
}

export async function resetPassword(input: CallInput<'users.resetPassword'>, ctx: CallContext) {
  const { app } = ctx;
  const target = requireUser(app, input.userId);
  const generated = input.password === undefined ? generatePassword(target.username) : null;
  const password = input.password ?? generated!;
  requirePolicy(password, target.username);
  const hash = await hashPassword(password);
  const user = ctx.write(
    { entity: `user:${target.id}`, summary: `重置用户 ${target.username} 的密码（临时密码，下次登录须修改），并解除锁定` },
    () => {
      app.q.run(app.db.updateTable('users').set({ password_hash: hash, must_change_password: 1 }).where('id', '=', target.id));
      clearFailures(app, target.id);
      endUserSessions(app, target.id, target.id === ctx.session!.userId ? ctx.session!.id : undefined);
      return userView(app, target.id);
    },
  );
  return { user, generatedPassword: generated };
}

export function unlockUser(input: CallInput<'users.unlock'>, ctx: CallContext) {
  const { app } = ctx;
  const target = requireUser(app, input.userId);
  const wasLocked = isLocked(app, target);
  const summary = wasLocked ? `管理员解锁账号 ${target.username}` : `清除账号 ${target.username} 的密码错误次数（未处于锁定）`;
  const user = ctx.write({ entity: `user:${target.id}`, summary }, () => {
    clearFailures(app, target.id);
    return userView(app, target.id);
  });
  return { user };
}

/** The calling administrator's new recovery code; the old one stops working. */
export async function newRecoveryCode(ctx: CallContext) {
  const { app } = ctx;
  const session = ctx.session!;
  const recovery = await issueRecoveryCode();
  ctx.write({ entity: `user:${session.userId}`, summary: `管理员 ${session.username} 生成了新的恢复码，旧恢复码作废` }, () =>
    app.q.run(app.db.updateTable('users').set({ recovery_code_hash: recovery.hash }).where('id', '=', session.userId)),
  );
  return { recoveryCode: recovery.code };
}
