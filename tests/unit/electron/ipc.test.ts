import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents as ElectronWebContents } from 'electron';
import type { AppEvent, InvokeRequest, Result } from '../../../src-shared/api';
import { CHANNEL_EVENT, CHANNEL_INVOKE } from '../../../src-main/electron/channels';
import { registerIpc } from '../../../src-main/electron/ipc';
import { ipcMain, resetElectronStub, WebContents, type StubInvokeEvent } from '../../stubs/electron';

function fakeLedger() {
  const listeners: Array<(event: AppEvent) => void> = [];
  return {
    invoke: vi.fn(async (_request: InvokeRequest): Promise<Result<unknown>> => ({ ok: true, value: 'done' })),
    on: (listener: (event: AppEvent) => void) => {
      listeners.push(listener);
      return () => undefined;
    },
    emit: (event: AppEvent) => listeners.forEach((l) => l(event)),
  };
}

function setUp() {
  const ledger = fakeLedger();
  const contents = new WebContents();
  registerIpc(ledger, contents as unknown as ElectronWebContents);
  const handler = ipcMain.handlers.get(CHANNEL_INVOKE);
  if (!handler) throw new Error('no invoke handler registered');
  const invokeFrom = (senderFrame: StubInvokeEvent['senderFrame'], request: InvokeRequest) =>
    handler({ senderFrame }, request) as Promise<Result<unknown>>;
  return { ledger, contents, invokeFrom };
}

const request: InvokeRequest = { call: 'system.bootstrap', input: {} };

describe('IPC', () => {
  beforeEach(resetElectronStub);

  it('passes a call from the app origin to the ledger', async () => {
    const { ledger, invokeFrom } = setUp();
    await expect(invokeFrom({ url: 'feedesk://app/index.html' }, request)).resolves.toEqual({ ok: true, value: 'done' });
    expect(ledger.invoke).toHaveBeenCalledWith(request);
  });

  it.each([
    ['another site', { url: 'https://evil.example/' }],
    ['a file page', { url: 'file:///C:/evil.html' }],
    ['another feedesk host', { url: 'feedesk://evil/index.html' }],
    ['a blank frame', { url: 'about:blank' }],
    ['a frame that is gone', null],
  ])('refuses a sender from %s without touching the ledger', async (_name, frame) => {
    const { ledger, invokeFrom } = setUp();
    const result = await invokeFrom(frame, request);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(ledger.invoke).not.toHaveBeenCalled();
  });

  it('forwards ledger events to the window until it is destroyed', () => {
    const { ledger, contents } = setUp();
    const progress: AppEvent = { channel: 'progress', payload: { done: 1, total: 2 } };
    ledger.emit(progress);
    expect(contents.sent).toEqual([{ channel: CHANNEL_EVENT, payload: progress }]);
    contents.destroyed = true;
    ledger.emit(progress);
    expect(contents.sent).toHaveLength(1);
  });
});
