import { beforeEach, describe, expect, it } from 'vitest';
import { guardAllWebContents } from '../../../src-main/electron/navigationGuard';
import { denyAllPermissions } from '../../../src-main/electron/permissions';
import type { Session } from 'electron';
import { app, createEvent, resetElectronStub, session, shell, WebContents } from '../../stubs/electron';

function guardedContents(): WebContents {
  guardAllWebContents();
  const contents = new WebContents();
  app.emit('web-contents-created', createEvent(), contents);
  return contents;
}

function fire(contents: WebContents, name: string, url: string): boolean {
  const event = createEvent();
  contents.emit(name, event, url);
  return event.defaultPrevented;
}

describe('navigation guard', () => {
  beforeEach(resetElectronStub);

  it('applies to every webContents the app creates', () => {
    const contents = guardedContents();
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-redirect')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.windowOpenHandler).not.toBeNull();
  });

  it.each(['will-navigate', 'will-redirect'])('%s: stays within the app, denies everything else', (name) => {
    const contents = guardedContents();
    expect(fire(contents, name, 'feedesk://app/billing')).toBe(false);
    expect(fire(contents, name, 'https://evil.example/')).toBe(true);
    expect(fire(contents, name, 'file:///C:/Windows/win.ini')).toBe(true);
    expect(fire(contents, name, 'feedesk://other/index.html')).toBe(true);
    expect(fire(contents, name, 'javascript:alert(1)')).toBe(true);
  });

  it('never attaches a webview, even one pointing at the app', () => {
    const contents = guardedContents();
    const event = createEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'feedesk://app/index.html' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every new window and opens only safe web links externally', () => {
    const handler = guardedContents().windowOpenHandler!;
    expect(handler({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'feedesk://app/index.html' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://user:pw@evil.example/' })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://www.gov.cn/']);
  });
});

describe('permissions', () => {
  beforeEach(resetElectronStub);

  it('denies every permission request and check', () => {
    const target = session.defaultSession;
    denyAllPermissions(target as unknown as Session);
    const request = target.permissionRequestHandler!;
    const check = target.permissionCheckHandler!;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const answers: boolean[] = [];
      request(null, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
      expect(check(null, permission, 'feedesk://app')).toBe(false);
    }
  });
});
