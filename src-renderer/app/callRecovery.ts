/**
 * What a call does when the ledger answers that a person must act first: the screen is locked
 * (SESSION_LOCKED) or a supervisor must vouch for this one action (NEEDS_APPROVAL). Both refusals
 * come from the router before any handler runs, so sending the same request again is safe.
 * Kept free of the DOM so it is tested in Node against the real router.
 */
import type { Approval, InvokeRequest, Result } from '../../src-shared/api';

export type Send = (request: InvokeRequest) => Promise<Result<unknown>>;

/** One supervisor approval being asked for; `submit` sends the call again with their credentials. */
export interface ApprovalAsk {
  call: string;
  submit(approval: Approval): Promise<Result<unknown>>;
}

export interface RecoveryHooks {
  /** Shows the lock screen; resolves true once unlocked (send again), false if the user left. */
  waitForUnlock?: () => Promise<boolean>;
  /**
   * Asks for a supervisor: resolves with the answer of the approved call, or null when the
   * cashier cancels (the call then keeps its NEEDS_APPROVAL answer).
   */
  requestApproval?: (ask: ApprovalAsk) => Promise<Result<unknown> | null>;
}

function refusedWith(result: Result<unknown>, code: string): boolean {
  return !result.ok && result.error.code === code;
}

/** Sends, and after each SESSION_LOCKED waits for the unlock and sends again. */
async function sendUnlocked(send: Send, request: InvokeRequest, hooks: RecoveryHooks): Promise<Result<unknown>> {
  for (;;) {
    const result = await send(request);
    if (!refusedWith(result, 'SESSION_LOCKED') || !hooks.waitForUnlock) return result;
    if (!(await hooks.waitForUnlock())) return result;
  }
}

export async function invokeWithRecovery(send: Send, request: InvokeRequest, hooks: RecoveryHooks): Promise<Result<unknown>> {
  const first = await sendUnlocked(send, request, hooks);
  if (!refusedWith(first, 'NEEDS_APPROVAL') || !hooks.requestApproval || request.approval !== undefined) return first;
  const approved = await hooks.requestApproval({
    call: request.call,
    submit: (approval) => sendUnlocked(send, { ...request, approval }, hooks),
  });
  return approved ?? first;
}
