import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { downloadFile, openPdf, type FileRef } from '../../app/files';

type Scope = { shiftId: number } | { date: string };

/**
 * 收费日报 of one shift (its cashier, or anyone with reports.read) or of a whole day (reports.read):
 * the PDF to print and the workbook for finance.
 */
export function ShiftReports({ scope, onError, testPrefix = 'daily' }: { scope: Scope; onError: (message: string | null) => void; testPrefix?: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | null>(null);

  const fetchFile = async (kind: 'pdf' | 'xlsx'): Promise<{ ok: true; file: FileRef } | { ok: false; message: string }> => {
    if (kind === 'pdf') {
      const r = await call('documents.dailyReport', scope);
      return r.ok ? { ok: true, file: r.value } : { ok: false, message: r.error.message };
    }
    const r = 'shiftId' in scope ? await call('shifts.exportDaily', scope) : await call('reports.exportDaily', scope);
    return r.ok ? { ok: true, file: r.value } : { ok: false, message: r.error.message };
  };

  const hand = async (kind: 'pdf' | 'xlsx') => {
    if (busy) return;
    setBusy(kind);
    const made = await fetchFile(kind);
    const handed = made.ok ? await (kind === 'pdf' ? openPdf : downloadFile)(made.file, t('dayClose.reports.failed')) : null;
    setBusy(null);
    if (!made.ok) return onError(made.message);
    onError(handed && !handed.ok ? handed.message : null);
  };

  return (
    <Group gap="sm">
      <Button variant="light" leftSection={<IconFileTypePdf size={18} />} loading={busy === 'pdf'} onClick={() => void hand('pdf')} data-testid={`${testPrefix}-pdf`}>
        {t('dayClose.reports.pdf')}
      </Button>
      <Button variant="light" leftSection={<IconFileSpreadsheet size={18} />} loading={busy === 'xlsx'} onClick={() => void hand('xlsx')} data-testid={`${testPrefix}-xlsx`}>
        {t('dayClose.reports.xlsx')}
      </Button>
    </Group>
  );
}
