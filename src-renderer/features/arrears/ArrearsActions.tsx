import { Button, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf, IconPrinter, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FileRef } from '../../app/files';
import { MAX_BATCH } from './format';
import type { JobProgress } from './useArrearsFiles';

function JobBar({ job, testId }: { job: JobProgress; testId: string }) {
  return (
    <Stack gap={2} w={260} data-testid={testId}>
      <Progress value={job.percent} animated size="md" aria-label={job.label} />
      <Text size="xs" c="dimmed">
        {job.label}
      </Text>
    </Stack>
  );
}

/** Selection count and the screen's two documents, with their progress while they are made. */
export function ArrearsActions({
  selectedCount,
  units,
  exporting,
  batch,
  lastPdf,
  onClearSelection,
  onExport,
  onBatch,
  onOpenPdf,
}: {
  selectedCount: number;
  units: number;
  exporting: JobProgress | null;
  batch: JobProgress | null;
  lastPdf: FileRef | null;
  onClearSelection: () => void;
  onExport: () => void;
  onBatch: () => void;
  onOpenPdf: () => void;
}) {
  const { t } = useTranslation();
  const batchBlocked = selectedCount === 0 ? t('arrears.actions.batchNone') : selectedCount > MAX_BATCH ? t('arrears.actions.batchTooMany') : null;
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Group gap="xs">
        <Text size="sm" c={selectedCount > 0 ? undefined : 'dimmed'} data-testid="arrears-selected-count">
          {t('arrears.totals.selected', { count: selectedCount })}
        </Text>
        {selectedCount > 0 && (
          <Button size="compact-sm" variant="subtle" leftSection={<IconX size={14} />} onClick={onClearSelection} data-testid="arrears-clear-selection">
            {t('arrears.totals.clearSelection')}
          </Button>
        )}
      </Group>
      <Group gap="sm" align="center">
        {exporting && <JobBar job={exporting} testId="arrears-export-progress" />}
        {batch && <JobBar job={batch} testId="arrears-batch-progress" />}
        {lastPdf && !batch && (
          <Button variant="subtle" leftSection={<IconFileTypePdf size={16} />} onClick={onOpenPdf} data-testid="arrears-open-pdf">
            {t('arrears.actions.batchOpen')}
          </Button>
        )}
        <Tooltip label={batchBlocked} disabled={batchBlocked === null}>
          {/* A disabled button swallows hover, so the reason is shown on its wrapper. */}
          <span>
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} />}
              onClick={onBatch}
              disabled={batchBlocked !== null || batch !== null}
              data-testid="arrears-batch"
            >
              {t('arrears.actions.batch', { count: selectedCount })}
            </Button>
          </span>
        </Tooltip>
        <Button
          leftSection={<IconFileSpreadsheet size={16} />}
          onClick={onExport}
          loading={exporting !== null}
          disabled={units === 0}
          data-testid="arrears-export"
        >
          {t('arrears.actions.export')}
        </Button>
      </Group>
    </Group>
  );
}
