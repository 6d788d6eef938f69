import { ROLE_NAMES, type Approval, type RoleCode } from '../../src-shared/api';
import type { AppContext } from '../app/context';
import { appendAudit } from '../audit/auditLog';
import { AppFailure } from '../ipc/failure';
import type { Approver, CallContext } from '../ipc/types';
import { clearFailures, decoyFailure, isLocked, recordFailure } from './lockout';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password';
import { rolePermissions, userCommunityIds, type Session } from './sessions';

/** The user who decides: the supervisor who lent their permission on the spot, else the caller. */
export function deciderId(ctx: CallContext): number {
  return ctx.approver?.userId ?? ctx.session!.userId;
}

/** How the call's audit entry names the approver beside the caller. */
export function approvalNote(approver: Approver): string {
  return `经 ${approver.roleName} ${approver.displayName}（${approver.username}）现场授权`;
}

/**
 * RULES §10: a supervisor types their credentials at the cashier's desk for one call. Every
 * refusal is audited; a wrong password counts toward the approver's own lockout.
 */
export async function verifyApproval(
  app: AppContext,
  p: { call: string; permission: string; session: Session; approval: Approval },
): Promise<Approver> {
  const user = app.q.first(app.db.selectFrom('users').selectAll().where('username', '=', p.approval.username));
  const passwordOk = await verifyPassword(p.approval.password, user?.password_hash ?? (await DUMMY_HASH_PROMISE));
  const refuse = (why: string, message: string): never => {
    app.sqlite.transaction(() =>
      appendAudit(app, {
        call: p.call,
        entity: user ? `user:${user.id}` : 'user',
        userId: p.session.userId,
        summary: `现场授权被拒绝（${p.call}）：授权人 ${p.approval.username}，${why}`,
      }),
    )();
    throw new AppFailure('APPROVAL_REFUSED', message);
  };
  const badCredentials = '现场授权未通过：授权人用户名或密码错误';
  // The same words whether this attempt locked the account or it was locked already, and for a
  // name without an account after as many tries: nobody learns which usernames exist.
  const lockedOut = '现场授权未通过：授权人连续多次密码错误，账号已锁定，请稍后再试或联系管理员解锁';
  if (!user || user.disabled) return refuse('用户不存在或已停用', decoyFailure(app, p.approval.username) ? lockedOut : badCredentials);
  if (isLocked(app, user)) return refuse('账号处于锁定中', lockedOut);
  if (!passwordOk) {
    const { locked } = recordFailure(app, user, p.call, `现场授权失败（操作人 ${p.session.username}）`);
    throw new AppFailure('APPROVAL_REFUSED', locked ? lockedOut : badCredentials);
  }
  if (user.id === p.session.userId) return refuse('授权人与操作人相同', '不能为自己授权，请由另一位主管输入用户名和密码');
  if (user.must_change_password) return refuse('授权人须先修改密码', '现场授权未通过：授权人须先登录修改密码');
  if (!rolePermissions(app, user.role_code).includes(p.permission)) {
    return refuse('授权人没有此操作的权限', '现场授权未通过：授权人没有此操作的权限');
  }
  if (user.failed_logins > 0) app.sqlite.transaction(() => clearFailures(app, user.id))();
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    roleName: ROLE_NAMES[user.role_code as RoleCode] ?? user.role_code,
    communityIds: userCommunityIds(app, user.id),
  };
}
