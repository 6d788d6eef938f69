import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/api';
import { call, onEvent } from '../../app/api';
import { downloadFile, openPdf, type FileRef } from '../../app/files';
import { listFilter, type ArrearsQuery } from './format';

/** How far a long job is, as the bar shows it: 0–100 and the words under it. */
export interface JobProgress {
  percent: number;
  label: string;
}

interface ProgressPayload {
  task?: string;
  report?: string;
  phase?: 'query' | 'render';
  done?: number;
  total?: number;
}

/** Listens to the ledger's progress events of one task while `work` runs. */
async function withProgress<T>(task: string, onProgress: (p: ProgressPayload) => void, work: () => Promise<T>): Promise<T> {
  const stop = onEvent((event) => {
    const p = event.payload as ProgressPayload | null;
    if (event.channel === 'progress' && p?.task === task) onProgress(p);
  });
  try {
    return await work();
  } finally {
    stop();
  }
}

/**
 * The screen's two documents: the Excel export of exactly what it lists (same filter, same
 * order, every page) and the 催缴单 PDF of the ticked units, each with a progress bar.
 */
export function useArrearsFiles() {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState<JobProgress | null>(null);
  const [batch, setBatch] = useState<JobProgress | null>(null);
  const [lastPdf, setLastPdf] = useState<FileRef | null>(null);
  const [error, setError] = useState<string | null>(null);

  const exportList = async (query: ArrearsQuery, asOf: string, units: number) => {
    if (exporting) return;
    setExporting({ percent: 0, label: t('arrears.actions.exporting') });
    const result = await withProgress(
      'report.export',
      (p) => p.report === 'arrears' && p.total && setExporting({ percent: Math.round((100 * (p.done ?? 0)) / p.total), label: t('arrears.actions.exporting') }),
      () => call('arrears.export', listFilter(query, asOf)),
    );
    setExporting(null);
    if (!result.ok) return setError(result.error.message);
    const handed = await downloadFile(result.value, t('arrears.actions.exportFailed'));
    if (!handed.ok) return setError(handed.message);
    setError(null);
    notifications.show({ color: 'teal', message: t('arrears.actions.exported', { count: units, file: result.value.fileName }) });
  };

  const printNotices = async (unitIds: number[], asOf: string): Promise<CallOutput<'documents.noticeBatch'> | null> => {
    if (batch || unitIds.length === 0) return null;
    setBatch({ percent: 0, label: t('arrears.actions.batchRunning') });
    const result = await withProgress(
      'documents.noticeBatch',
      (p) => {
        if (!p.total) return;
        // Reading the bills is quick; laying out the pages takes most of the time.
        const share = (p.done ?? 0) / p.total;
        const percent = p.phase === 'query' ? Math.round(share * 30) : 30 + Math.round(share * 70);
        const label = t(p.phase === 'query' ? 'arrears.actions.batchQuery' : 'arrears.actions.batchRender', { done: p.done, total: p.total });
        setBatch({ percent, label });
      },
      () => call('documents.noticeBatch', { kind: 'dunning', unitIds, asOf }),
    );
    setBatch(null);
    if (!result.ok) {
      setError(result.error.message);
      return null;
    }
    setError(null);
    if (result.value.unitCount === 0) {
      notifications.show({ color: 'orange', message: t('arrears.actions.batchEmpty') });
      return result.value;
    }
    setLastPdf(result.value.file);
    notifications.show({ color: 'teal', message: t('arrears.actions.batchDone', { count: result.value.unitCount }) });
    await openLastPdf(result.value.file);
    return result.value;
  };

  const openLastPdf = async (file: FileRef | null = lastPdf) => {
    if (!file) return;
    const handed = await openPdf(file, t('arrears.actions.batchOpenFailed'));
    if (!handed.ok) setError(handed.message);
  };

  return { exporting, batch, lastPdf, error, clearError: () => setError(null), exportList, printNotices, openLastPdf };
}
