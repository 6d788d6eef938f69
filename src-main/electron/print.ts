import fs from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import type { DeskShell, PrintRequest } from '../documents/deskShell';

const MICRONS_PER_MM = 1000;

/** webContents.print wants the paper in microns; thermal receipts are as long as their content. */
export function printOptions(job: PrintRequest): Electron.WebContentsPrintOptions {
  return {
    silent: job.silent,
    deviceName: job.deviceName === '' ? undefined : job.deviceName,
    printBackground: true,
    margins: { marginType: 'none' },
    pageSize: { width: Math.round(job.paperMm.width * MICRONS_PER_MM), height: Math.round(job.paperMm.height * MICRONS_PER_MM) },
  };
}

/**
 * Prints the receipt's PDF itself, in a hidden sandboxed window, rather than an HTML copy of it.
 * Why: the PDF carries the app's own CJK font (a front-desk PC may have none, and an HTML copy
 * would fall back to whatever the PC has), and what prints is byte for byte what is saved or
 * reprinted. The blank-page bug of printing PDFs was in Electron releases before ~35/36; the app
 * pins Electron 39, where the built-in viewer prints them (hence `plugins: true`, which the viewer
 * needs; nothing else in this window runs: no preload, no node, no navigation).
 */
function printPdf(job: PrintRequest): Promise<{ printed: boolean; message: string }> {
  const window = new BrowserWindow({
    show: false,
    title: job.title,
    webPreferences: {
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
      plugins: true,
      devTools: false,
    },
  });
  const done = (printed: boolean, reason: string) => {
    if (!window.isDestroyed()) window.destroy();
    if (printed) return { printed, message: job.silent ? `已发送到打印机${job.deviceName ? ` ${job.deviceName}` : ''}` : '已打印' };
    return { printed, message: reason === 'Print job canceled' || reason === 'cancelled' ? '已取消打印' : `打印失败：${reason}` };
  };
  return window
    .loadURL(`data:application/pdf;base64,${job.pdf.toString('base64')}`)
    .then(
      () =>
        new Promise<{ printed: boolean; message: string }>((resolve) => {
          window.webContents.print(printOptions(job), (success, failureReason) => resolve(done(success, failureReason)));
        }),
    )
    .catch((error: unknown) => done(false, error instanceof Error ? error.message : String(error)));
}

/** Main writes the file itself, to where the save dialog answered; the renderer never names a path. */
async function saveFile(parent: () => BrowserWindow | null, file: { name: string; data: Buffer }): Promise<{ saved: boolean }> {
  const ext = path.extname(file.name).slice(1).toLowerCase();
  const options: Electron.SaveDialogOptions = { defaultPath: file.name, filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [] };
  const owner = parent();
  const answer = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (answer.canceled || !answer.filePath) return { saved: false };
  await fs.writeFile(answer.filePath, file.data);
  return { saved: true };
}

export function createDeskShell(parent: () => BrowserWindow | null): DeskShell {
  return { printPdf, saveFile: (file) => saveFile(parent, file) };
}
