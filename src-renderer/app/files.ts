/**
 * Handing a generated document to the cashier. Desktop: main shows the save dialog and writes
 * the file (the renderer never names a path). Browser mode: the browser downloads the file, or
 * opens a PDF in a new tab for its own print dialog.
 */
import { call, fetchFile, isDesktop } from './api';

export interface FileRef {
  fileId: string;
  fileName: string;
  mimeType: string;
  size: number;
}

export type Handover = { ok: true; done: boolean } | { ok: false; message: string };

function clickLink(url: string, fileName?: string): void {
  const link = document.createElement('a');
  link.href = url;
  if (fileName) link.download = fileName;
  else link.target = '_blank';
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The new tab or the download has taken its own reference by then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function downloadFile(file: FileRef, failedMessage: string): Promise<Handover> {
  if (isDesktop) {
    const saved = await call('documents.saveFile', { fileId: file.fileId });
    return saved.ok ? { ok: true, done: saved.value.saved } : { ok: false, message: saved.error.message };
  }
  const blob = await fetchFile(file.fileId);
  if (!blob) return { ok: false, message: failedMessage };
  clickLink(URL.createObjectURL(blob), file.fileName);
  return { ok: true, done: true };
}

/** Opens a PDF for the browser to print; on the desktop it is saved instead (printing goes through main). */
export async function openPdf(file: FileRef, failedMessage: string): Promise<Handover> {
  if (isDesktop) return downloadFile(file, failedMessage);
  const blob = await fetchFile(file.fileId);
  if (!blob) return { ok: false, message: failedMessage };
  clickLink(URL.createObjectURL(new Blob([blob], { type: 'application/pdf' })));
  return { ok: true, done: true };
}
