import type { AppContext } from '../app/context';
import { appendAudit } from '../audit/auditLog';
import { AppFailure } from '../ipc/failure';
import { getSettings } from '../system/settings';

export interface CredentialHolder {
  id: number;
  username: string;
  failed_logins: number;
  locked_until: string | null;
}

export function isLocked(app: AppContext, user: Pick<CredentialHolder, 'locked_until'>): boolean {
  return user.locked_until !== null && user.locked_until > app.clock.nowIso();
}

/** Never says whether the user exists: an unknown name never reaches a lock. */
export function lockedFailure(app: AppContext): AppFailure {
  const minutes = getSettings(app).lockoutMinutes;
  return new AppFailure('ACCOUNT_LOCKED', `连续多次密码错误，账号已锁定 ${minutes} 分钟，请稍后再试或联系管理员解锁`);
}

/**
 * One more wrong password (at login, session unlock, recovery or as an approver) counts toward
 * the lockout. Committed and audited in its own transaction, because the call itself fails.
 */
export function recordFailure(app: AppContext, user: CredentialHolder, call: string, what: string): { locked: boolean } {
  const { lockoutThreshold, lockoutMinutes } = getSettings(app);
  return app.sqlite.transaction(() => {
    // Read again inside the transaction: two wrong attempts at once must both count.
    const current = app.q.first(app.db.selectFrom('users').select('failed_logins').where('id', '=', user.id));
    const failures = (current?.failed_logins ?? user.failed_logins) + 1;
    const locked = failures >= lockoutThreshold;
    const lockedUntil = locked ? new Date(app.clock.now().getTime() + lockoutMinutes * 60_000).toISOString() : null;
    app.q.run(
      app.db
        .updateTable('users')
        .set({ failed_logins: locked ? 0 : failures, locked_until: lockedUntil })
        .where('id', '=', user.id),
    );
    appendAudit(app, {
      call,
      entity: `user:${user.id}`,
      userId: user.id,
      summary: locked
        ? `${what}：${user.username} 连续 ${lockoutThreshold} 次密码错误，账号锁定 ${lockoutMinutes} 分钟`
        : `${what}：${user.username} 密码错误（第 ${failures} 次）`,
    });
    return { locked };
  }).immediate();
}

/** Must run inside the caller's write transaction. */
export function clearFailures(app: AppContext, userId: number): void {
  app.q.run(app.db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId));
}

interface Decoy {
  failures: number;
  lockedUntil: number;
}

/** Decoy counters live with each running ledger, in memory: they guard no data, only the answer. */
const decoys = new WeakMap<AppContext, Map<string, Decoy>>();
/** Bounds the memory a stream of made-up names can take; the oldest names are forgotten first. */
const MAX_DECOYS = 1000;

/**
 * A wrong attempt with a name that has no usable account (unknown or disabled) is counted like a
 * real one, so after the threshold it is "locked" too: the lockout message never tells a stranger
 * which usernames exist. Returns true when the answer must be the lockout.
 */
export function decoyFailure(app: AppContext, username: string): boolean {
  const { lockoutThreshold, lockoutMinutes } = getSettings(app);
  let byName = decoys.get(app);
  if (!byName) decoys.set(app, (byName = new Map()));
  const key = username.toLowerCase();
  const now = app.clock.now().getTime();
  const decoy = byName.get(key) ?? { failures: 0, lockedUntil: 0 };
  byName.delete(key);
  let locked = decoy.lockedUntil > now;
  if (!locked) {
    decoy.failures += 1;
    locked = decoy.failures >= lockoutThreshold;
    if (locked) Object.assign(decoy, { failures: 0, lockedUntil: now + lockoutMinutes * 60_000 });
  }
  byName.set(key, decoy);
  if (byName.size > MAX_DECOYS) byName.delete(byName.keys().next().value!);
  return locked;
}
