import type { AppContext } from '../app/context';
import type { StoredFile } from '../files/fileStore';

export interface PrintRequest {
  pdf: Buffer;
  title: string;
  /** One page's paper in millimetres. */
  paperMm: { width: number; height: number };
  /** '' prints to the system's default printer. */
  deviceName: string;
  silent: boolean;
}

/**
 * What only the desktop shell can do for a call: print and show a save dialog. The shell attaches
 * itself to the ledger's context at start; in browser mode nothing is attached and the renderer
 * opens or downloads the file instead. Keyed by context, so tests can build many ledgers.
 */
export interface DeskShell {
  printPdf(job: PrintRequest): Promise<{ printed: boolean; message: string }>;
  saveFile(file: StoredFile): Promise<{ saved: boolean }>;
}

const shells = new WeakMap<AppContext, DeskShell>();

export function attachDeskShell(app: AppContext, shell: DeskShell): void {
  shells.set(app, shell);
}

export function deskShellOf(app: AppContext): DeskShell | undefined {
  return shells.get(app);
}
