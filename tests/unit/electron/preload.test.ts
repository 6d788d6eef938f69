import { beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent, WindowApi } from '../../../src-shared/api';
import { CHANNEL_EVENT, CHANNEL_INVOKE } from '../../../src-main/electron/channels';
import { contextBridge, createEvent, ipcRenderer, resetElectronStub } from '../../stubs/electron';

let api: WindowApi;

describe('preload', () => {
  beforeAll(async () => {
    resetElectronStub();
    await import('../../../src-main/electron/preload');
    api = contextBridge.exposed.get('api') as WindowApi;
  });

  it('exposes window.api with exactly invoke and on, and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('sends invoke over the invoke channel', async () => {
    const request = { call: 'system.bootstrap', input: {} };
    await api.invoke(request);
    expect(ipcRenderer.invocations).toEqual([{ channel: CHANNEL_INVOKE, args: [request] }]);
  });

  it('delivers events without the IPC event object, until unsubscribed', () => {
    const received: unknown[][] = [];
    const off = api.on((...args) => received.push(args));
    const appEvent: AppEvent = { channel: 'session', payload: { locked: true } };
    ipcRenderer.emit(CHANNEL_EVENT, createEvent(), appEvent);
    expect(received).toEqual([[appEvent]]);
    off();
    ipcRenderer.emit(CHANNEL_EVENT, createEvent(), appEvent);
    expect(received).toHaveLength(1);
    expect(ipcRenderer.listenerCount(CHANNEL_EVENT)).toBe(0);
  });
});
