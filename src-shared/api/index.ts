import type { z } from 'zod';
import type { CallSpec } from './define';
import { accountsCalls } from './calls/accounts';
import { arrearsCalls } from './calls/arrears';
import { authCalls } from './calls/auth';
import { billingCalls } from './calls/billing';
import { collectionCalls } from './calls/collection';
import { documentsCalls } from './calls/documents';
import { feesCalls } from './calls/fees';
import { maintenanceCalls } from './calls/maintenance';
import { registerCalls } from './calls/register';
import { reportsCalls } from './calls/reports';
import { shiftsCalls } from './calls/shifts';
import { systemCalls } from './calls/system';
import { usersCalls } from './calls/users';
import { importsCalls } from './calls/imports';

export * from './result';
export * from './permissions';
export type { SessionInfo } from './calls/auth';

/** The single source of truth for every call between the renderer and the ledger. */
export const contract = {
  ...systemCalls,
  ...authCalls,
  ...registerCalls,
  ...feesCalls,
  ...billingCalls,
  ...collectionCalls,
  ...accountsCalls,
  ...shiftsCalls,
  ...maintenanceCalls,
  ...arrearsCalls,
  ...usersCalls,
  ...reportsCalls,
  ...documentsCalls,
  ...importsCalls,
} satisfies Record<string, CallSpec>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** A supervisor's credentials typed at the cashier's desk for one approvable call. */
export interface Approval {
  username: string;
  password: string;
}

/** What crosses the wire (IPC or HTTP) for one call. */
export interface InvokeRequest {
  call: string;
  input: unknown;
  sessionId?: string;
  approval?: Approval;
}

/** Push events from main (progress of long work, lock notices). */
export interface AppEvent {
  channel: 'progress' | 'session';
  payload: unknown;
}

/** The only surface the preload exposes, and the bridge client mimics. */
export interface WindowApi {
  invoke(request: InvokeRequest): Promise<import('./result').Result<unknown>>;
  on(listener: (event: AppEvent) => void): () => void;
}
