import type { z } from 'zod';
import type { CallName, Contract } from '../../src-shared/api';
import type { CallSpec } from '../../src-shared/api/define';
import type { AppContext } from '../app/context';
import type { Session } from '../auth/sessions';

export interface CallContext {
  app: AppContext;
  session: Session | null;
  /**
   * Runs the writes of one call and its single audit entry in one SQLite transaction, so the
   * change and the record of it commit together or not at all.
   */
  write<T>(audit: { entity: string; summary: string }, fn: () => T): T;
}

export type Handler<N extends CallName> = (
  input: z.output<Contract[N]['input']>,
  ctx: CallContext,
) => z.input<Contract[N]['output']> | Promise<z.input<Contract[N]['output']>>;

export type Handlers = { [N in CallName]: Handler<N> };

/** A domain's share of the handler map, checked against that domain's calls. */
export type DomainHandlers<C extends Record<string, CallSpec>> = { [N in keyof C & CallName]: Handler<N> };
