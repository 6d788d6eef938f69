import type { CallInput } from '../../src-shared/api';
import type { AppContext } from '../app/context';
import { appendAudit } from '../audit/auditLog';
import { AppFailure } from '../ipc/failure';
import type { CallContext } from '../ipc/types';
import { checkPasswordPolicy, DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './password';
import { endSession, resolveSession, sessionInfo, startSession } from './sessions';
import { getMeta, setMeta } from '../system/meta';

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;

export function isSetUp(app: AppContext): boolean {
  return app.q.first(app.db.selectFrom('users').select('id').limit(1)) !== undefined;
}

export async function setup(input: CallInput<'auth.setup'>, ctx: CallContext) {
  const { app } = ctx;
  if (isSetUp(app)) throw new AppFailure('ALREADY_SET_UP');
  const policy = checkPasswordPolicy(input.adminPassword, input.adminUsername);
  if (!policy.ok) throw new AppFailure('WEAK_PASSWORD', policy.message);
  const hash = await hashPassword(input.adminPassword);
  const sessionId = ctx.write({ entity: 'system', summary: `首次设置：公司「${input.companyName}」，管理员 ${input.adminUsername}` }, () => {
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
      }),
    );
    return startSession(app, user.lastInsertRowid);
  });
  return sessionInfo(resolveSession(app, sessionId)!);
}

/**
 * Wrong user and wrong password answer the same and take the same time, so the desk never tells
 * a stranger which usernames exist. Failures are audited in their own transaction because the
 * login itself does not succeed.
 */
export async function login(input: CallInput<'auth.login'>, ctx: CallContext) {
  const { app } = ctx;
  if (!isSetUp(app)) throw new AppFailure('NOT_SET_UP');
  const user = app.q.first(app.db.selectFrom('users').selectAll().where('username', '=', input.username));
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? (await DUMMY_HASH_PROMISE));
  const now = app.clock.nowIso();
  const audit = (summary: string) =>
    app.sqlite.transaction(() => appendAudit(app, { call: 'auth.login', entity: 'user', userId: user?.id ?? null, summary }))();

  if (!user || user.disabled) {
    audit(`登录失败：用户名 ${input.username}`);
    throw new AppFailure('BAD_CREDENTIALS');
  }
  if (user.locked_until && user.locked_until > now) {
    audit(`登录被拒绝：账号 ${user.username} 处于锁定中`);
    throw new AppFailure('ACCOUNT_LOCKED', lockedMessage());
  }
  if (!passwordOk) {
    const failures = user.failed_logins + 1;
    const lock = failures >= LOCKOUT_THRESHOLD;
    const lockedUntil = lock ? new Date(app.clock.now().getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
    app.sqlite.transaction(() => {
      app.q.run(
        app.db
          .updateTable('users')
          .set({ failed_logins: lock ? 0 : failures, locked_until: lockedUntil })
          .where('id', '=', user.id),
      );
      appendAudit(app, {
        call: 'auth.login',
        entity: `user:${user.id}`,
        userId: user.id,
        summary: lock ? `连续 ${LOCKOUT_THRESHOLD} 次密码错误，账号锁定 ${LOCKOUT_MINUTES} 分钟` : `密码错误（第 ${failures} 次）`,
      });
    })();
    throw lock ? new AppFailure('ACCOUNT_LOCKED', lockedMessage()) : new AppFailure('BAD_CREDENTIALS');
  }
  const sessionId = ctx.write({ entity: `user:${user.id}`, summary: `登录成功：${user.username}` }, () => {
    app.q.run(app.db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id));
    return startSession(app, user.id);
  });
  return sessionInfo(resolveSession(app, sessionId)!);
}

function lockedMessage(): string {
  return `连续多次登录失败，账号已锁定 ${LOCKOUT_MINUTES} 分钟，请稍后再试或联系管理员解锁`;
}

export function logout(ctx: CallContext) {
  const session = ctx.session!;
  ctx.write({ entity: `user:${session.userId}`, summary: `退出登录：${session.username}` }, () => endSession(ctx.app, session.id));
  return { loggedOut: true as const };
}

export function companyName(app: AppContext): string | null {
  return getMeta(app, 'company_name');
}
