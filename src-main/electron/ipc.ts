import { ipcMain, type WebContents } from 'electron';
import { fail, type InvokeRequest } from '../../src-shared/api';
import type { FeeDeskApp } from '../app/createApp';
import { CHANNEL_EVENT, CHANNEL_INVOKE } from './channels';
import { isAppOrigin } from './urlPolicy';

/**
 * Joins the ledger to the window. Only frames showing the app's own pages may call it; whatever
 * they send is untrusted until the router has validated it.
 */
export function registerIpc(ledger: Pick<FeeDeskApp, 'invoke' | 'on'>, contents: WebContents): void {
  ipcMain.handle(CHANNEL_INVOKE, (event, request: unknown) => {
    const senderUrl = event.senderFrame?.url;
    if (senderUrl === undefined || !isAppOrigin(senderUrl)) return fail('FORBIDDEN');
    return ledger.invoke(request as InvokeRequest);
  });
  ledger.on((appEvent) => {
    if (!contents.isDestroyed()) contents.send(CHANNEL_EVENT, appEvent);
  });
}
