import { app, shell, type WebContents } from 'electron';
import { isAppOrigin, isSafeExternalUrl } from './urlPolicy';

/**
 * Keeps a webContents on the app's own pages: no navigation or redirect elsewhere, no webviews,
 * no new windows. A link meant for the web opens in the system browser instead.
 */
export function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppOrigin(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppOrigin(url)) event.preventDefault();
  });
  // webviewTag is off, so an attach attempt is never legitimate.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Guards every webContents the app will ever create, including ones nobody planned for. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));
}
