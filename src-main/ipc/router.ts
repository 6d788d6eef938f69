import { z } from 'zod';
import {
  contract,
  fail,
  isCallName,
  ok,
  type CallName,
  type InvokeRequest,
  type Result,
} from '../../src-shared/api';
import type { AppContext } from '../app/context';
import { appendAudit, type AuditEntry } from '../audit/auditLog';
import { resolveSession, type Session } from '../auth/sessions';
import { AppFailure } from './failure';
import type { CallContext, Handlers } from './types';

z.config(z.locales.zhCN());

export interface RouterOptions {
  /** Tests turn this on so an output that drifts from its schema fails loudly. */
  checkOutputs?: boolean;
  onInternalError?: (call: string, error: unknown) => void;
}

export interface Router {
  invoke(request: InvokeRequest): Promise<Result<unknown>>;
}

function firstIssueMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '输入内容有误';
  const where = issue.path.length > 0 ? `（${issue.path.join('.')}）` : '';
  return `输入内容有误${where}：${issue.message}`;
}

/**
 * A call's writes and its one audit entry in one IMMEDIATE transaction: both commit or neither,
 * and no other writer interleaves.
 */
export function writeAudited<T>(
  app: AppContext,
  who: Pick<AuditEntry, 'call' | 'userId'>,
  audit: Pick<AuditEntry, 'entity' | 'summary'>,
  fn: () => T,
): T {
  return app.sqlite.transaction(() => {
    const value = fn();
    // Read after fn: a handler may complete its summary with what it posted (a receipt number).
    appendAudit(app, { ...who, entity: audit.entity, summary: audit.summary });
    return value;
  }).immediate();
}

/** validate input → check session and permission → run handler → Result. Nothing else crosses. */
export function createRouter(app: AppContext, handlers: Handlers, options: RouterOptions = {}): Router {
  const report = options.onInternalError ?? ((call, error) => console.error(`[${call}]`, error));

  async function run(name: CallName, rawInput: unknown, sessionId: string | undefined): Promise<Result<unknown>> {
    const spec = contract[name];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail('INVALID_INPUT', firstIssueMessage(parsed.error));

    let session: Session | null = null;
    if (spec.access !== 'public' || sessionId) {
      session = typeof sessionId === 'string' ? resolveSession(app, sessionId) : null;
    }
    if (spec.access !== 'public') {
      if (!session) return fail('NOT_LOGGED_IN');
      if (spec.access !== 'session' && !session.permissions.has(spec.access)) return fail('FORBIDDEN');
    }

    const ctx: CallContext = {
      app,
      session,
      write: (audit, fn) => writeAudited(app, { call: name, userId: session?.userId ?? null }, audit, fn),
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
        return await run(name, request.input, request.sessionId);
      } catch (error) {
        if (error instanceof AppFailure) return fail(error.code, error.message);
        report(name, error);
        return fail('INTERNAL');
      }
    },
  };
}
