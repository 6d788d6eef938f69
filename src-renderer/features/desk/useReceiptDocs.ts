import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../src-shared/api';
import { call, fetchFile, isDesktop } from '../../app/api';
import { openPdf, type FileRef } from '../../app/files';

type ReceiptDetail = CallOutput<'collection.receipt'>;

/**
 * A posted receipt's detail and its PDF. In browser mode the PDF's bytes become a blob address
 * the page embeds as the preview; the desktop prints through main and has no preview to embed.
 */
export function useReceiptDocs(receiptId: number, pdfFailedMessage: string) {
  const [detail, setDetail] = useState<ReceiptDetail | null>(null);
  const [file, setFile] = useState<FileRef | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let url: string | null = null;
    void call('collection.receipt', { receiptId }).then((r) => {
      if (live && r.ok) setDetail(r.value);
    });
    void call('documents.receiptPdf', { receiptId }).then(async (r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error.message);
      setFile(r.value.file);
      if (isDesktop) return;
      const blob = await fetchFile(r.value.file.fileId);
      if (!live) return;
      if (!blob) return setError(pdfFailedMessage);
      url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
      setPreviewUrl(url);
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [receiptId, pdfFailedMessage]);

  /** 打印: the desktop sends it to the configured printer; a browser opens the PDF to print it. */
  async function print(): Promise<{ ok: boolean; message: string | null }> {
    if (isDesktop) {
      const r = await call('documents.printReceipt', { receiptId });
      return r.ok ? { ok: r.value.printed, message: r.value.message } : { ok: false, message: r.error.message };
    }
    if (!file) return { ok: false, message: pdfFailedMessage };
    const handed = await openPdf(file, pdfFailedMessage);
    return handed.ok ? { ok: true, message: null } : { ok: false, message: handed.message };
  }

  return { detail, file, previewUrl, error, print };
}
