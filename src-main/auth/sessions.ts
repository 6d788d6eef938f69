import { randomBytes } from 'node:crypto';
import type { RoleCode, SessionInfo } from '../../src-shared/api';
import type { AppContext } from '../app/context';

export interface Session {
  id: string;
  userId: number;
  username: string;
  displayName: string;
  role: RoleCode;
  permissions: ReadonlySet<string>;
}

export function rolePermissions(app: AppContext, role: string): string[] {
  return app.q
    .all(app.db.selectFrom('role_permissions').select('permission').where('role_code', '=', role).orderBy('permission'))
    .map((r) => r.permission);
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

/** Sessions live in the main side; the renderer only ever holds the opaque id. */
export function resolveSession(app: AppContext, sessionId: string): Session | null {
  const row = app.q.first(
    app.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id', 'users.id as userId', 'users.username', 'users.display_name', 'users.role_code', 'users.disabled'])
      .where('sessions.id', '=', sessionId)
      .where('sessions.ended_at', 'is', null),
  );
  if (!row || row.disabled) return null;
  return {
    id: row.id,
    userId: row.userId,
    username: row.username,
    displayName: row.display_name,
    role: row.role_code as RoleCode,
    permissions: new Set(rolePermissions(app, row.role_code)),
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
    },
  };
}
