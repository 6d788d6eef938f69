/**
 * The slice of Electron the shell uses, recording what the shell asks of it. vitest aliases
 * 'electron' here because the real module would try to find (or download) an Electron binary.
 * Tests import this file directly for the recordings; the shell imports it as 'electron'.
 */
import { EventEmitter } from 'node:events';

export interface StubEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function createEvent(): StubEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class WebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  sent: Array<{ channel: string; payload: unknown }> = [];
  destroyed = false;
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  printCalls: Array<{ options: Record<string, unknown> }> = [];
  /** What the next print answers, as Electron's callback would. */
  printOutcome: { success: boolean; failureReason: string } = { success: true, failureReason: '' };
  print(options: Record<string, unknown>, callback: (success: boolean, failureReason: string) => void): void {
    this.printCalls.push({ options });
    callback(this.printOutcome.success, this.printOutcome.failureReason);
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  readonly webContents = new WebContents();
  loadedUrl: string | null = null;
  visible = false;
  focused = false;
  minimized = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

class App extends EventEmitter {
  isPackaged = false;
  hasSingleInstanceLock = true;
  sandboxEnabled = false;
  quitCalls = 0;
  appPath = '/nonexistent-app';
  paths: Record<string, string> = {};
  requestSingleInstanceLock(): boolean {
    return this.hasSingleInstanceLock;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  /** Like Electron, quitting announces itself, so once-only shutdown code gets exercised. */
  quit(): void {
    this.quitCalls += 1;
    this.emit('before-quit', createEvent());
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getAppPath(): string {
    return this.appPath;
  }
  getPath(name: string): string {
    const found = this.paths[name];
    if (found === undefined) throw new Error(`stub app.getPath: no path set for '${name}'`);
    return found;
  }
}
export const app = new App();

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string) => boolean;

class Session {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
}
export const session = { defaultSession: new Session() };

export const protocol = {
  privilegedSchemes: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>): void {
    this.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  },
};

export interface StubInvokeEvent {
  senderFrame: { url: string } | null;
}

export const ipcMain = {
  handlers: new Map<string, (event: StubInvokeEvent, ...args: unknown[]) => unknown>(),
  handle(channel: string, handler: (event: StubInvokeEvent, ...args: unknown[]) => unknown): void {
    // Electron refuses a second handler for a channel; so does the stub.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
};

class IpcRenderer extends EventEmitter {
  invocations: Array<{ channel: string; args: unknown[] }> = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve({ ok: true, value: null });
  }
}
export const ipcRenderer = new IpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  },
};

export const dialog = {
  errorBoxes: [] as Array<{ title: string; content: string }>,
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  },
  saveDialogs: [] as Array<Record<string, unknown>>,
  /** What the next save dialog answers. */
  saveAnswer: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
  showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
    this.saveDialogs.push(args[args.length - 1] as Record<string, unknown>);
    return Promise.resolve(this.saveAnswer);
  },
};

export function resetElectronStub(): void {
  BrowserWindow.instances = [];
  app.removeAllListeners();
  Object.assign(app, {
    isPackaged: false,
    hasSingleInstanceLock: true,
    sandboxEnabled: false,
    quitCalls: 0,
    appPath: '/nonexistent-app',
    paths: {},
  });
  session.defaultSession = new Session();
  protocol.privilegedSchemes = [];
  protocol.handlers.clear();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations = [];
  contextBridge.exposed.clear();
  shell.opened = [];
  dialog.errorBoxes = [];
  dialog.saveDialogs = [];
  dialog.saveAnswer = { canceled: true, filePath: '' };
}
