import type { CallInput } from '../../src-shared/api';
import type { AppContext } from '../app/context';
import { appendAudit } from '../audit/auditLog';
import { AppFailure } from '../ipc/failure';
import type { CallContext } from '../ipc/types';
import { getMeta, setMeta } from '../system/meta';
import { clearFailures, decoyFailure, isLocked, lockedFailure, recordFailure } from './lockout';
import {
  checkPasswordPolicy,
  DUMMY_HASH_PROMISE,
  generateRecoveryCode,
  hashPassword,
  normalizeRecoveryCode,
  verifyPassword,
} from './password';
import { endSession, endUserSessions, resolveSession, sessionInfo, setSessionLocked, startSession } from './sessions';

export function isSetUp(app: AppContext): boolean {
  return app.q.first(app.db.selectFrom('users').select('id').limit(1)) !== undefined;
}

export function requirePolicy(password: string, username: string): void {
  const policy = checkPasswordPolicy(password, username);
  if (!policy.ok) throw new AppFailure('WEAK_PASSWORD', policy.message);
}

/** A fresh recovery code: returned to be shown once; only its hash is stored. */
export async function issueRecoveryCode(): Promise<{ code: string; hash: string }> {
  const code = generateRecoveryCode();
  return { code, hash: await hashPassword(normalizeRecoveryCode(code)) };
}

export async function setup(input: CallInput<'auth.setup'>, ctx: CallContext) {
  const { app } = ctx;
  if (isSetUp(app)) throw new AppFailure('ALREADY_SET_UP');
  requirePolicy(input.adminPassword, input.adminUsername);
  const hash = await hashPassword(input.adminPassword);
  const recovery = await issueRecoveryCode();
  const summary = `首次设置：公司「${input.companyName}」，管理员 ${input.adminUsername}，已生成一次性恢复码`;
  const sessionId = ctx.write({ entity: 'system', summary }, () => {
    // Checked again inside the transaction: two setup windows must not both create an admin.
    if (isSetUp(app)) throw new AppFailure('ALREADY_SET_UP');
    setMeta(app, 'company_name', input.companyName);
    const user = app.q.run(
      app.db.insertInto('users').values({
        username: input.adminUsername,
        display_name: input.adminDisplayName,
        password_hash: hash,
        role_code: 'admin',
        must_change_password: 0,
        failed_logins: 0,
        locked_until: null,
        disabled: 0,
        created_at: app.clock.nowIso(),
        recovery_code_hash: recovery.hash,
      }),
    );
    return startSession(app, user.lastInsertRowid);
  });
  return { ...sessionInfo(resolveSession(app, sessionId)!), recoveryCode: recovery.code };
}

function userByName(app: AppContext, username: string) {
  return app.q.first(app.db.selectFrom('users').selectAll().where('username', '=', username));
}

function auditAlone(app: AppContext, call: string, userId: number | null, summary: string): void {
  app.sqlite.transaction(() => appendAudit(app, { call, entity: userId === null ? 'user' : `user:${userId}`, userId, summary }))();
}

/**
 * Wrong user and wrong password answer the same and take the same time, so the desk never tells
 * a stranger which usernames exist. Failures are audited in their own transaction because the
 * login itself does not succeed.
 */
export async function login(input: CallInput<'auth.login'>, ctx: CallContext) {
  const { app } = ctx;
  if (!isSetUp(app)) throw new AppFailure('NOT_SET_UP');
  const user = userByName(app, input.username);
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? (await DUMMY_HASH_PROMISE));
  if (!user || user.disabled) {
    auditAlone(app, 'auth.login', user?.id ?? null, `登录失败：用户名 ${input.username}`);
    throw decoyFailure(app, input.username) ? lockedFailure(app) : new AppFailure('BAD_CREDENTIALS');
  }
  if (isLocked(app, user)) {
    auditAlone(app, 'auth.login', user.id, `登录被拒绝：账号 ${user.username} 处于锁定中`);
    throw lockedFailure(app);
  }
  if (!passwordOk) {
    const { locked } = recordFailure(app, user, 'auth.login', '登录失败');
    throw locked ? lockedFailure(app) : new AppFailure('BAD_CREDENTIALS');
  }
  const sessionId = ctx.write({ entity: `user:${user.id}`, summary: `登录成功：${user.username}` }, () => {
    clearFailures(app, user.id);
    return startSession(app, user.id);
  });
  return sessionInfo(resolveSession(app, sessionId)!);
}

export function logout(ctx: CallContext) {
  const session = ctx.session!;
  ctx.write({ entity: `user:${session.userId}`, summary: `退出登录：${session.username}` }, () => endSession(ctx.app, session.id));
  return { loggedOut: true as const };
}

/** First login, after an administrator's reset, or whenever the user likes. */
export async function changePassword(input: CallInput<'auth.changePassword'>, ctx: CallContext) {
  const { app } = ctx;
  const session = ctx.session!;
  const user = app.q.first(app.db.selectFrom('users').selectAll().where('id', '=', session.userId))!;
  if (isLocked(app, user)) throw lockedFailure(app);
  if (!(await verifyPassword(input.oldPassword, user.password_hash))) {
    const { locked } = recordFailure(app, user, 'auth.changePassword', '修改密码失败');
    throw locked ? lockedFailure(app) : new AppFailure('BAD_CREDENTIALS', '原密码错误');
  }
  requirePolicy(input.newPassword, user.username);
  if (input.newPassword === input.oldPassword) throw new AppFailure('WEAK_PASSWORD', '新密码不能与原密码相同');
  const hash = await hashPassword(input.newPassword);
  ctx.write({ entity: `user:${user.id}`, summary: `修改密码：${user.username}` }, () => {
    app.q.run(app.db.updateTable('users').set({ password_hash: hash, must_change_password: 0, failed_logins: 0 }).where('id', '=', user.id));
    // Whoever knew the old password loses every other session with it.
    endUserSessions(app, user.id, session.id);
  });
  return sessionInfo(resolveSession(app, session.id)!);
}

export function lock(ctx: CallContext) {
  const session = ctx.session!;
  ctx.write({ entity: `user:${session.userId}`, summary: `锁屏：${session.username}` }, () => setSessionLocked(ctx.app, session.id, true));
  return { locked: true as const };
}

/** Only the same user's password opens a locked screen; wrong ones count toward the lockout. */
export async function unlockSession(input: CallInput<'auth.unlockSession'>, ctx: CallContext) {
  const { app } = ctx;
  const session = ctx.session!;
  const user = app.q.first(app.db.selectFrom('users').selectAll().where('id', '=', session.userId))!;
  if (isLocked(app, user)) {
    auditAlone(app, 'auth.unlockSession', user.id, `解锁屏幕被拒绝：账号 ${user.username} 处于锁定中`);
    throw lockedFailure(app);
  }
  if (!(await verifyPassword(input.password, user.password_hash))) {
    const { locked } = recordFailure(app, user, 'auth.unlockSession', '解锁屏幕失败');
    throw locked ? lockedFailure(app) : new AppFailure('BAD_CREDENTIALS', '密码错误');
  }
  ctx.write({ entity: `user:${user.id}`, summary: `解锁屏幕：${user.username}` }, () => {
    clearFailures(app, user.id);
    setSessionLocked(app, session.id, false);
  });
  return sessionInfo(resolveSession(app, session.id)!);
}

/**
 * The printed recovery code resets an administrator's password once. Every refusal reads alike
 * so the form tells nothing about which usernames or codes exist.
 */
export async function recover(input: CallInput<'auth.recover'>, ctx: CallContext) {
  const { app } = ctx;
  if (!isSetUp(app)) throw new AppFailure('NOT_SET_UP');
  const refused = new AppFailure('BAD_CREDENTIALS', '用户名或恢复码错误');
  const user = userByName(app, input.username);
  const isAdmin =
    user !== undefined &&
    app.q.first(
      app.db.selectFrom('role_permissions').select('permission').where('role_code', '=', user.role_code).where('permission', '=', 'users.manage'),
    ) !== undefined;
  const stored = isAdmin && !user.disabled ? user.recovery_code_hash : null;
  const codeOk = await verifyPassword(normalizeRecoveryCode(input.recoveryCode), stored ?? (await DUMMY_HASH_PROMISE));
  if (!user || stored === null) {
    auditAlone(app, 'auth.recover', user?.id ?? null, `恢复码重置密码失败：用户名 ${input.username}`);
    throw decoyFailure(app, input.username) ? lockedFailure(app) : refused;
  }
  if (isLocked(app, user)) {
    auditAlone(app, 'auth.recover', user.id, `恢复码重置密码被拒绝：账号 ${user.username} 处于锁定中`);
    throw lockedFailure(app);
  }
  if (!codeOk) {
    const { locked } = recordFailure(app, user, 'auth.recover', '恢复码错误');
    throw locked ? lockedFailure(app) : refused;
  }
  requirePolicy(input.newPassword, user.username);
  const hash = await hashPassword(input.newPassword);
  ctx.write({ entity: `user:${user.id}`, summary: `使用恢复码重置管理员 ${user.username} 的密码，恢复码已作废` }, () => {
    app.q.run(
      app.db
        .updateTable('users')
        .set({ password_hash: hash, must_change_password: 0, failed_logins: 0, locked_until: null, recovery_code_hash: null })
        .where('id', '=', user.id)
        .where('recovery_code_hash', '=', stored),
    );
    endUserSessions(app, user.id);
  });
  return { passwordReset: true as const };
}

export function companyName(app: AppContext): string | null {
  return getMeta(app, 'company_name');
}
