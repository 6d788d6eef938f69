import type { z } from 'zod';
import type { CallName, Contract } from '../../src-shared/api';
import type { CallContext } from '../ipc/types';

/** A call's input as the handler receives it: parsed, defaults filled in. */
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;

/**
 * `ctx.write` with an audit entry that names what was written (a new id, a voucher number): the
 * service runs first and the entry is appended after it, both inside one outer IMMEDIATE
 * transaction (ctx.write nests as a savepoint), so they still commit together or not at all.
 */
export function writeAudited<T>(ctx: CallContext, fn: () => { value: T; entity: string; summary: string }): T {
  return ctx.app.sqlite
    .transaction(() => {
      const r = fn();
      ctx.write({ entity: r.entity, summary: r.summary }, () => undefined);
      return r.value;
    })
    .immediate();
}

export function actingUser(ctx: CallContext): number {
  return ctx.session!.userId;
}
