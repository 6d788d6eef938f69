/** The two IPC channels, named once for both ipc.ts (main) and preload.ts (renderer side). */
export const CHANNEL_INVOKE = 'feedesk:invoke';
export const CHANNEL_EVENT = 'feedesk:event';
