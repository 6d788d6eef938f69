import { z } from 'zod';
import {
  contract,
  fail,
  isCallName,
  ok,
  type Approval,
  type CallName,
  type InvokeRequest,
  type Result,
} from '../../src-shared/api';
import type { AppContext } from '../app/context';
import { appendAudit, type AuditEntry } from '../audit/auditLog';
import { approvalNote, verifyApproval } from '../auth/approval';
import { checkScope } from '../auth/scope';
import { resolveSession, touchSession, type Session } from '../auth/sessions';
import { AppFailure } from './failure';
import type { Approver, CallContext, Handlers } from './types';

z.config(z.locales.zhCN());

export interface RouterOptions {
  /** Tests turn this on so an output that drifts from its schema fails loudly. */
  checkOutputs?: boolean;
  onInternalError?: (call: string, error: unknown) => void;
}

export interface Router {
  invoke(request: InvokeRequest): Promise<Result<unknown>>;
}

/**
 * The calls a locked screen may still make (locking again is harmless: the desk's idle timer and
 * the ledger's may both decide at once), and those allowed before a required password change.
 */
const WHILE_LOCKED: ReadonlySet<string> = new Set(['auth.unlockSession', 'auth.logout', 'auth.lock']);
const BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set(['auth.changePassword', 'auth.logout', 'auth.me']);
/** Polls a screen makes on its own (the desk-mode light): no one is at the desk because of them. */
const BACKGROUND_POLLS: ReadonlySet<string> = new Set(['shifts.healthCheck', 'shifts.probeServer']);

const approvalSchema = z
  .object({
    username: z.string().trim().min(1, '请输入授权人用户名').max(32),
    password: z.string().min(1, '请输入授权人密码').max(128),
  })
  .strict();

/**
 * The first problem, in Chinese. Unknown keys are named only as "fields not allowed": echoing a
 * caller's own key names back would hand whatever they typed (script, SQL) to the screen.
 */
function firstIssueMessage(error: z.ZodError, prefix = '输入内容有误'): string {
  const issue = error.issues[0];
  if (!issue) return prefix;
  const where = issue.path.length > 0 ? `（${issue.path.join('.')}）` : '';
  if (issue.code === 'unrecognized_keys') return `${prefix}${where}：包含不允许的字段`;
  return `${prefix}${where}：${issue.message}`;
}

/**
 * A call's writes and its one audit entry in one IMMEDIATE transaction: both commit or neither,
 * and no other writer interleaves.
 */
export function writeAudited<T>(
  app: AppContext,
  who: Pick<AuditEntry, 'call' | 'userId'> & { approver?: Approver | null },
  audit: Pick<AuditEntry, 'entity' | 'summary'>,
  fn: () => T,
): T {
  return app.sqlite.transaction(() => {
    const value = fn();
    // Read after fn: a handler may complete its summary with what it posted (a receipt number).
    const summary = who.approver ? `${audit.summary}（${approvalNote(who.approver)}）` : audit.summary;
    appendAudit(app, { call: who.call, userId: who.userId, entity: audit.entity, summary });
    return value;
  }).immediate();
}

/**
 * session (none? locked? password change due? a call the role can never make?) → validate input →
 * permission, or a supervisor's approval → data scope → run handler → Result. Nothing else crosses.
 */
export function createRouter(app: AppContext, handlers: Handlers, options: RouterOptions = {}): Router {
  const report = options.onInternalError ?? ((call, error) => console.error(`[${call}]`, error));

  async function authorize(name: CallName, session: Session, approval: Approval | undefined): Promise<Approver | null> {
    const spec = contract[name];
    const permission = spec.access;
    if (approval !== undefined) {
      if (!spec.approvable || permission === 'public' || permission === 'session') {
        throw new AppFailure('INVALID_INPUT', '此操作不需要也不接受现场授权');
      }
      return verifyApproval(app, { call: name, permission, session, approval });
    }
    if (permission === 'session' || session.permissions.has(permission)) return null;
    if (spec.approvable) {
      throw new AppFailure('NEEDS_APPROVAL', '此操作需要收费主管现场授权：请主管输入用户名和密码');
    }
    throw new AppFailure('FORBIDDEN');
  }

  async function run(name: CallName, request: InvokeRequest): Promise<Result<unknown>> {
    const spec = contract[name];
    // Who is asking comes first: a stranger, a locked screen or a user who may not make this call
    // at all learns nothing about the call's input, not even its schema's messages.
    const sessionId = request.sessionId;
    let session: Session | null = null;
    if (spec.access !== 'public' || sessionId) {
      session = typeof sessionId === 'string' ? resolveSession(app, sessionId) : null;
    }
    if (spec.access !== 'public') {
      if (!session) return fail('NOT_LOGGED_IN');
      if (session.locked && !WHILE_LOCKED.has(name)) return fail('SESSION_LOCKED');
      if (session.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(name)) return fail('PASSWORD_CHANGE_REQUIRED');
      if (spec.access !== 'session' && !spec.approvable && !session.permissions.has(spec.access)) return fail('FORBIDDEN');
    }

    // Before any approval: a supervisor is not asked to vouch for an input that cannot run.
    const parsed = spec.input.safeParse(request.input ?? {});
    if (!parsed.success) return fail('INVALID_INPUT', firstIssueMessage(parsed.error));
    let approval: Approval | undefined;
    if (request.approval !== undefined) {
      const checked = approvalSchema.safeParse(request.approval);
      if (!checked.success) return fail('INVALID_INPUT', firstIssueMessage(checked.error, '授权信息有误'));
      approval = checked.data;
    }

    let approver: Approver | null = null;
    if (session && spec.access !== 'public') {
      approver = await authorize(name, session, approval);
      checkScope(app, name, parsed.data, session.communityIds);
      if (approver) checkScope(app, name, parsed.data, approver.communityIds);
      if (!session.locked && !BACKGROUND_POLLS.has(name)) touchSession(app, session);
    }

    const ctx: CallContext = {
      app,
      session,
      approver,
      write: (audit, fn) => writeAudited(app, { call: name, userId: session?.userId ?? null, approver }, audit, fn),
    };
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    if (options.checkOutputs) {
      const out = spec.output.safeParse(value);
      if (!out.success) throw new Error(`output of ${name} does not match its schema: ${out.error.message}`);
      return ok(out.data);
    }
    return ok(value);
  }

  return {
    async invoke(request) {
      const name = request?.call;
      if (!isCallName(name)) return fail('UNKNOWN_CALL');
      try {
        return await run(name, request);
      } catch (error) {
        if (error instanceof AppFailure) return fail(error.code, error.message);
        report(name, error);
        return fail('INTERNAL');
      }
    },
  };
}
