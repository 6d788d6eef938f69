import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEvent, WindowApi } from '../../src-shared/api';
import { CHANNEL_EVENT, CHANNEL_INVOKE } from './channels';

/** The renderer's whole view of the outside world; the IPC event object never reaches it. */
const api: WindowApi = {
  invoke: (request) => ipcRenderer.invoke(CHANNEL_INVOKE, request),
  on(listener) {
    const forward = (_event: IpcRendererEvent, appEvent: AppEvent) => listener(appEvent);
    ipcRenderer.on(CHANNEL_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(CHANNEL_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
