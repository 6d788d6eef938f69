import type { z } from 'zod';
import type { CallName, Contract } from '../../src-shared/api';
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
