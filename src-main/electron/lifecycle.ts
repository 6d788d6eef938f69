import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import type { FeeDeskApp } from '../app/createApp';
import { startDesk } from '../app/startDesk';
import { attachDeskShell } from '../documents/deskShell';
import { registerAppSchemePrivileges, serveAppScheme } from './appScheme';
import { registerIpc } from './ipc';
import { createDeskShell } from './print';
import { guardAllWebContents } from './navigationGuard';
import { denyAllPermissions } from './permissions';
import { STARTUP_FAILURE_TITLE, nativeBindingPath, startupFailureMessage } from './startup';
import { APP_ENTRY_URL } from './urlPolicy';
import { createMainWindow } from './window';

/**
 * Runs the desktop app: one instance, one window, one ledger. Resolves once the window is loading
 * (or the app has given up on a ledger it cannot open).
 */
export function startShell(): Promise<void> {
  // A second copy would open the same SQLite file from another process: hand over and leave.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
  app.enableSandbox();
  registerAppSchemePrivileges();
  guardAllWebContents();

  let window: BrowserWindow | null = null;
  let ledger: FeeDeskApp | null = null;
  const closeLedger = () => {
    const open = ledger;
    ledger = null;
    open?.close();
  };

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    closeLedger();
    app.quit();
  });
  app.on('before-quit', closeLedger);

  return app.whenReady().then(() => {
    const appRoot = app.getAppPath();
    denyAllPermissions(session.defaultSession);
    serveAppScheme(path.join(appRoot, 'dist', 'renderer'));
    try {
      ledger = startDesk({
        dataDir: app.getPath('userData'),
        nativeBinding: nativeBindingPath({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appRoot }),
      });
    } catch (error) {
      console.error('ledger failed to open', error);
      dialog.showErrorBox(STARTUP_FAILURE_TITLE, startupFailureMessage(error));
      app.quit();
      return;
    }
    window = createMainWindow(path.join(appRoot, 'dist', 'main', 'preload.js'));
    registerIpc(ledger, window.webContents);
    attachDeskShell(ledger.context, createDeskShell(() => window));
    void window.loadURL(APP_ENTRY_URL);
  });
}
