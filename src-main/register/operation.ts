import type { z } from 'zod';
import type { CallName, Contract } from '../../src-shared/api';

/**
 * A register write, checked and described before it runs: the handler hands `audit` and `run` to
 * `ctx.write`, so the change and its one audit entry commit together, and a refusal found while
 * checking leaves nothing behind. Services and tests run `run()` inside their own transaction.
 */
export interface Operation<T> {
  audit: { entity: string; summary: string };
  run: () => T;
}

/** A call's input after its schema ran: defaults filled in, text trimmed and normalised. */
export type Input<N extends CallName> = z.output<Contract[N]['input']>;
