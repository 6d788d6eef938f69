import { beforeEach, describe, expect, it } from 'vitest';
import { createMainWindow } from '../../../src-main/electron/window';
import { app, BrowserWindow, resetElectronStub } from '../../stubs/electron';

function recordedOptions(): Record<string, unknown> {
  const window = BrowserWindow.instances.at(-1);
  if (!window) throw new Error('no BrowserWindow was created');
  return window.options;
}

function recordedWebPreferences(): Record<string, unknown> {
  return recordedOptions().webPreferences as Record<string, unknown>;
}

describe('createMainWindow', () => {
  beforeEach(resetElectronStub);

  it('creates the window with every security setting from ARCHITECTURE.md', () => {
    createMainWindow('/app/dist/main/preload.js');
    expect(recordedWebPreferences()).toMatchObject({
      preload: '/app/dist/main/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('enables no Blink features', () => {
    createMainWindow('/p.js');
    const prefs = recordedWebPreferences();
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('blinkFeatures');
  });

  it('allows devtools only when not packaged', () => {
    app.isPackaged = false;
    createMainWindow('/p.js');
    expect(recordedWebPreferences().devTools).toBe(true);
    app.isPackaged = true;
    createMainWindow('/p.js');
    expect(recordedWebPreferences().devTools).toBe(false);
  });

  it('is titled, fits a 1366×768 screen and shows only when ready', () => {
    const window = createMainWindow('/p.js') as unknown as BrowserWindow;
    const options = recordedOptions();
    expect(options.title).toBe('FeeDesk 物业收费台');
    expect(options).toMatchObject({ width: 1366, height: 768, show: false });
    expect(options.minWidth).toBeLessThanOrEqual(1366);
    expect(options.minHeight).toBeLessThanOrEqual(768);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });
});
