import type { z } from 'zod';
import type { CallName, Contract } from '../../src-shared/api';
import type { CallSpec } from '../../src-shared/api/define';
import type { AppContext } from '../app/context';
import type { Session } from '../auth/sessions';

/** A supervisor who lent their permission for this one call at the cashier's desk (RULES §10). */
export interface Approver {
  userId: number;
  username: string;
  displayName: string;
  roleName: string;
  communityIds: number[] | null;
}

export interface CallContext {
  app: AppContext;
  session: Session | null;
  /**
   * Set only when the call ran on an approver's credentials. Services that record who approved
   * (void_approved_by, approved_by, confirmed_by, reviewed_by) take `deciderId(ctx)`.
   */
  approver: Approver | null;
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
