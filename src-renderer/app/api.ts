/**
 * The one place that knows how the renderer reaches the ledger: the desktop preload's `window.api`
 * when present, otherwise the HTTP bridge on this page's own origin (browser mode and e2e tests).
 * Only types come from src-shared/api here, so no zod schema is bundled into the renderer.
 */
import type { AppEvent, CallInput, CallName, CallOutput, InvokeRequest, Result, WindowApi } from '../../src-shared/api';
import { i18n } from '../i18n';
import { invokeWithRecovery, type ApprovalAsk } from './callRecovery';

declare global {
  interface Window {
    /** Provided by the desktop preload; absent in browser mode. */
    api?: WindowApi;
  }
}

const TOKEN_KEY = 'feedesk.bridgeToken';
const TOKEN_HEADER = 'X-FeeDesk-Token';

/**
 * Browser mode: the page is opened as `/#token=…`. Take the token once, keep it for this tab only,
 * and wipe it from the address bar so it is not left in history or bookmarks.
 */
function takeBridgeToken(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromHash);
    } catch {
      // Without sessionStorage the token still lives in memory for this page.
    }
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function failure<T>(message: string): Result<T> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in value;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

function createBridgeApi(token: string | null): WindowApi {
  return {
    async invoke(request: InvokeRequest) {
      if (!token) return failure(i18n.t('errors.noToken'));
      let response: Response;
      try {
        response = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(request),
        });
      } catch {
        return failure(i18n.t('errors.unreachable'));
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (isResult(body)) return body;
      if (!response.ok) return failure(i18n.t('errors.rejected', { status: response.status }));
      return failure(i18n.t('errors.badResponse'));
    },
    on(listener) {
      if (!token) return () => undefined;
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message: MessageEvent<string>) => {
        try {
          listener(JSON.parse(message.data) as AppEvent);
        } catch {
          // A malformed event is dropped; events are notices, never the source of truth.
        }
      };
      return () => source.close();
    },
  };
}

const bridgeToken = window.api ? null : takeBridgeToken();
const transport: WindowApi = window.api ?? createBridgeApi(bridgeToken);

/** True in the desktop app, where main saves and prints files itself. */
export const isDesktop = window.api !== undefined;

/** Browser mode: a generated file's bytes from the bridge (GET /api/files/:id with the token). */
export async function fetchFile(fileId: string): Promise<Blob | null> {
  if (!bridgeToken) return null;
  try {
    const response = await fetch(`/api/files/${encodeURIComponent(fileId)}`, { headers: { [TOKEN_HEADER]: bridgeToken } });
    return response.ok ? await response.blob() : null;
  } catch {
    return null;
  }
}

/** Kept in memory only: a reload or a new window signs in again. */
let sessionId: string | undefined;
const sessionLostListeners = new Set<() => void>();
const passwordChangeListeners = new Set<() => void>();
let unlockWaiter: (() => Promise<boolean>) | null = null;
let approvalRequester: ((ask: ApprovalAsk) => Promise<Result<unknown> | null>) | null = null;

export function setSessionId(id: string | undefined): void {
  sessionId = id;
}

/** Called when any call answers NOT_LOGGED_IN while the renderer believed it was signed in. */
export function onSessionLost(listener: () => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

/** Called when a call answers PASSWORD_CHANGE_REQUIRED (an administrator reset this user's password). */
export function onPasswordChangeRequired(listener: () => void): () => void {
  passwordChangeListeners.add(listener);
  return () => passwordChangeListeners.delete(listener);
}

/**
 * The session registers how a SESSION_LOCKED answer is waited out (the lock overlay); every call
 * refused while locked resolves only after the unlock, with the answer of its second attempt.
 */
export function setUnlockWaiter(waiter: (() => Promise<boolean>) | null): void {
  unlockWaiter = waiter;
}

/** The approval dialog registers here; without it NEEDS_APPROVAL reaches the screen as it is. */
export function setApprovalRequester(requester: ((ask: ApprovalAsk) => Promise<Result<unknown> | null>) | null): void {
  approvalRequester = requester;
}

async function send(request: InvokeRequest): Promise<Result<unknown>> {
  try {
    return await transport.invoke(request);
  } catch {
    return failure(i18n.t('errors.unreachable'));
  }
}

/**
 * Invokes one contract call; never throws — failures come back as `{ ok: false, error }`. A locked
 * screen and a supervisor's approval are dealt with here, so screens never see either.
 */
export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  const request: InvokeRequest = sessionId ? { call: name, input, sessionId } : { call: name, input };
  const result = await invokeWithRecovery(send, request, {
    waitForUnlock: unlockWaiter ?? undefined,
    requestApproval: approvalRequester ?? undefined,
  });
  if (!result.ok && result.error.code === 'NOT_LOGGED_IN' && sessionId) {
    sessionId = undefined;
    sessionLostListeners.forEach((listener) => listener());
  }
  if (!result.ok && result.error.code === 'PASSWORD_CHANGE_REQUIRED') passwordChangeListeners.forEach((listener) => listener());
  // The ledger validates its outputs against the same contract these types come from.
  return result as Result<CallOutput<N>>;
}

/**
 * Subscribes to push events (progress of long work, session notices). In browser mode one
 * EventSource is shared by all listeners and closed when the last one leaves.
 */
const eventListeners = new Set<(event: AppEvent) => void>();
let stopEvents: (() => void) | null = null;

export function onEvent(listener: (event: AppEvent) => void): () => void {
  eventListeners.add(listener);
  if (!stopEvents) stopEvents = transport.on((event) => eventListeners.forEach((l) => l(event)));
  return () => {
    eventListeners.delete(listener);
    if (eventListeners.size === 0 && stopEvents) {
      stopEvents();
      stopEvents = null;
    }
  };
}
