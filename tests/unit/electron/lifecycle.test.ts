import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as createAppModule from '../../../src-main/app/createApp';
import { DB_FILE_NAME } from '../../../src-main/app/createApp';
import { CHANNEL_INVOKE } from '../../../src-main/electron/channels';
import { startShell } from '../../../src-main/electron/lifecycle';
import { app, BrowserWindow, dialog, ipcMain, protocol, resetElectronStub, session } from '../../stubs/electron';

// Wraps the real createApp so a test can watch the ledger it opens; the ledger itself is real.
vi.mock('../../../src-main/app/createApp', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src-main/app/createApp')>();
  return { ...actual, createApp: vi.fn(actual.createApp) };
});

let userData: string;

describe('startShell', () => {
  beforeEach(() => {
    resetElectronStub();
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'feedesk-shell-'));
    // No build/electron-native here, so the ledger opens with the Node build of better-sqlite3.
    app.appPath = fs.mkdtempSync(path.join(os.tmpdir(), 'feedesk-approot-'));
    app.paths.userData = userData;
  });
  afterEach(() => {
    // Quit as the real app would, so the ledger (and its start-up backup) is closed before cleanup.
    app.emit('before-quit');
    vi.mocked(createAppModule.createApp).mockClear();
    fs.rmSync(userData, { recursive: true, force: true });
    fs.rmSync(app.appPath, { recursive: true, force: true });
  });

  it('opens the ledger in userData and loads the app page in a guarded window', async () => {
    await startShell();
    expect(app.sandboxEnabled).toBe(true);
    expect(protocol.privilegedSchemes.map((s) => s.scheme)).toEqual(['feedesk']);
    expect(protocol.handlers.has('feedesk')).toBe(true);
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(fs.existsSync(path.join(userData, DB_FILE_NAME))).toBe(true);
    const [window] = BrowserWindow.instances;
    expect(window?.loadedUrl).toBe('feedesk://app/index.html');
    expect((window?.options.webPreferences as { preload: string }).preload).toBe(
      path.join(app.appPath, 'dist', 'main', 'preload.js'),
    );
  });

  it('answers the window through IPC from the real ledger', async () => {
    await startShell();
    const handler = ipcMain.handlers.get(CHANNEL_INVOKE)!;
    const result = await handler({ senderFrame: { url: 'feedesk://app/index.html' } }, { call: 'system.bootstrap', input: {} });
    expect(result).toMatchObject({ ok: true, value: { setupDone: false } });
  });

  it('closes the ledger exactly once on shutdown', async () => {
    const actual = await vi.importActual<typeof createAppModule>('../../../src-main/app/createApp');
    const close = vi.fn();
    vi.mocked(createAppModule.createApp).mockImplementationOnce((options) => {
      const ledger = actual.createApp(options);
      close.mockImplementation(() => ledger.close());
      return { ...ledger, close };
    });
    await startShell();
    app.emit('window-all-closed');
    app.quit();
    expect(app.quitCalls).toBe(2);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('explains a database newer than the app in Chinese and quits without a window', async () => {
    const db = new Database(path.join(userData, DB_FILE_NAME));
    db.pragma('user_version = 999');
    db.close();
    await startShell();
    expect(dialog.errorBoxes).toHaveLength(1);
    expect(dialog.errorBoxes[0]?.content).toContain('高于本程序支持的版本');
    expect(app.quitCalls).toBe(1);
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('leaves at once when another instance holds the lock', async () => {
    app.hasSingleInstanceLock = false;
    await startShell();
    expect(app.quitCalls).toBe(1);
    expect(protocol.privilegedSchemes).toHaveLength(0);
    expect(vi.mocked(createAppModule.createApp)).not.toHaveBeenCalled();
  });

  it('brings the first window forward when a second instance starts', async () => {
    await startShell();
    const [window] = BrowserWindow.instances;
    window!.minimized = true;
    app.emit('second-instance');
    expect(window?.minimized).toBe(false);
    expect(window?.focused).toBe(true);
  });
});
