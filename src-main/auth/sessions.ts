import { randomBytes } from 'node:crypto';
import type { RoleCode, SessionInfo } from '../../src-shared/api';
import type { AppContext } from '../app/context';
import { getSettings } from '../system/settings';

export interface Session {
  id: string;
  userId: number;
  username: string;
  displayName: string;
  role: RoleCode;
  permissions: ReadonlySet<string>;
  /** New user or reset by an administrator: only auth.changePassword, auth.logout and auth.me work. */
  mustChangePassword: boolean;
  /** The communities the user may see; null = all. */
  communityIds: number[] | null;
  /** Locked on purpose (auth.lock) or idle longer than the idleLockMinutes setting. */
  locked: boolean;
  lastSeenAt: string;
  idleLockMinutes: number;
}

/** last_seen_at is written at most this often, so a busy desk does not write on every call. */
const TOUCH_INTERVAL_MS = 30_000;

export function rolePermissions(app: AppContext, role: string): string[] {
  return app.q
    .all(app.db.selectFrom('role_permissions').select('permission').where('role_code', '=', role).orderBy('permission'))
    .map((r) => r.permission);
}

/** No row = every community. */
export function userCommunityIds(app: AppContext, userId: number): number[] | null {
  const ids = app.q
    .all(app.db.selectFrom('user_communities').select('community_id').where('user_id', '=', userId).orderBy('community_id'))
    .map((r) => r.community_id);
  return ids.length > 0 ? ids : null;
}

/** Must run inside the caller's write transaction. */
export function startSession(app: AppContext, userId: number): string {
  const id = randomBytes(24).toString('base64url');
  const now = app.clock.nowIso();
  app.q.run(app.db.insertInto('sessions').values({ id, user_id: userId, created_at: now, last_seen_at: now, ended_at: null }));
  return id;
}

export function endSession(app: AppContext, sessionId: string): void {
  app.q.run(
    app.db.updateTable('sessions').set({ ended_at: app.clock.nowIso() }).where('id', '=', sessionId).where('ended_at', 'is', null),
  );
}

/** After a password reset, a role change to disabled, or a recovery: nobody keeps an old session. */
export function endUserSessions(app: AppContext, userId: number, exceptSessionId?: string): void {
  let query = app.db.updateTable('sessions').set({ ended_at: app.clock.nowIso() }).where('user_id', '=', userId).where('ended_at', 'is', null);
  if (exceptSessionId !== undefined) query = query.where('id', '<>', exceptSessionId);
  app.q.run(query);
}

export function setSessionLocked(app: AppContext, sessionId: string, locked: boolean): void {
  const set = locked ? { locked: 1 } : { locked: 0, last_seen_at: app.clock.nowIso() };
  app.q.run(app.db.updateTable('sessions').set(set).where('id', '=', sessionId));
}

/** Records activity, cheaply: only when the stored time is older than TOUCH_INTERVAL_MS. */
export function touchSession(app: AppContext, session: Session): void {
  const now = app.clock.now().getTime();
  if (now - Date.parse(session.lastSeenAt) < TOUCH_INTERVAL_MS) return;
  app.q.run(app.db.updateTable('sessions').set({ last_seen_at: app.clock.nowIso() }).where('id', '=', session.id));
}

/** Sessions live in the main side; the renderer only ever holds the opaque id. */
export function resolveSession(app: AppContext, sessionId: string): Session | null {
  const row = app.q.first(
    app.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id',
        'sessions.last_seen_at',
        'sessions.locked',
        'users.id as userId',
        'users.username',
        'users.display_name',
        'users.role_code',
        'users.disabled',
        'users.must_change_password',
      ])
      .where('sessions.id', '=', sessionId)
      .where('sessions.ended_at', 'is', null),
  );
  if (!row || row.disabled) return null;
  const idleLockMinutes = getSettings(app).idleLockMinutes;
  const idle = app.clock.now().getTime() - Date.parse(row.last_seen_at) > idleLockMinutes * 60_000;
  return {
    id: row.id,
    userId: row.userId,
    username: row.username,
    displayName: row.display_name,
    role: row.role_code as RoleCode,
    permissions: new Set(rolePermissions(app, row.role_code)),
    mustChangePassword: row.must_change_password === 1,
    communityIds: userCommunityIds(app, row.userId),
    locked: row.locked === 1 || idle,
    lastSeenAt: row.last_seen_at,
    idleLockMinutes,
  };
}

export function sessionInfo(session: Session): SessionInfo {
  return {
    sessionId: session.id,
    user: {
      id: session.userId,
      username: session.username,
      displayName: session.displayName,
      role: session.role,
      permissions: [...session.permissions].sort(),
      mustChangePassword: session.mustChangePassword,
      communityIds: session.communityIds,
    },
    idleLockMinutes: session.idleLockMinutes,
  };
}
