import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/api';
import { call } from '../../app/api';
import { openPdf } from '../../app/files';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField } from './DateField';
import { startOfYear, type PickedUnit, type ReceiptRow } from './format';
import { ReceiptTable } from './ReceiptTable';
import { StatementView } from './StatementView';
import { UnitSearch } from './UnitSearch';
import { EMPTY_FILTERS, PAGE_SIZE, toListInput, useReceiptSearch } from './useReceiptSearch';

export interface UnitHistoryHandle {
  focusUnit(): void;
  refresh(): Promise<void>;
}

/**
 * 缴费记录与业主对账单 of one unit: its receipts (all dates) and the statement for a date range,
 * on screen and as the PDF handed to the owner.
 */
export const UnitHistory = forwardRef<UnitHistoryHandle, { today: string | null; onOpen: (row: ReceiptRow) => void }>(function UnitHistory(
  { today, onOpen },
  ref,
) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [range, setRange] = useState({ from: '', to: '' });
  const [statement, setStatement] = useState<CallOutput<'reports.statement'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [active, setActive] = useState(0);
  const payments = useReceiptSearch();
  const unitRef = useRef<HTMLInputElement>(null);
  const { run } = payments;

  // The range starts as this year up to today, once the desk's date is known.
  useEffect(() => {
    if (today) setRange((r) => (r.from === '' && r.to === '' ? { from: startOfYear(today), to: today } : r));
  }, [today]);

  const loadStatement = useCallback(async (u: PickedUnit, from: string, to: string) => {
    if (from === '' || to === '') return;
    const r = await call('reports.statement', { unitId: u.unitId, dateFrom: from, dateTo: to });
    if (r.ok) {
      setStatement(r.value);
      setError(null);
    } else setError(r.error.message);
  }, []);

  const refresh = useCallback(async () => {
    if (!unit) return;
    await Promise.all([run(toListInput({ ...EMPTY_FILTERS, unit }, 1)), loadStatement(unit, range.from, range.to)]);
  }, [unit, range, run, loadStatement]);

  useImperativeHandle(ref, () => ({ focusUnit: () => unitRef.current?.focus(), refresh }));

  useEffect(() => {
    setStatement(null);
    setActive(0);
    if (unit) void refresh();
    // Only a new unit reloads by itself; a new range waits for 查询 (or Enter in a date).
  }, [unit]);

  const printStatement = async () => {
    if (!unit || printing) return;
    setPrinting(true);
    const r = await call('documents.statement', { unitId: unit.unitId, from: range.from, to: range.to });
    const handed = r.ok ? await openPdf(r.value, t('query.actions.pdfFailed')) : null;
    setPrinting(false);
    if (!r.ok) setError(r.error.message);
    else if (handed && !handed.ok) setError(handed.message);
  };

  const dateKeys = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && unit) void loadStatement(unit, range.from, range.to);
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="sm" radius="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <UnitSearch size="sm" w={300} label={t('query.unit.label')} value={unit} onChange={setUnit} testId="history-unit" inputRef={unitRef} />
          <DateField size="sm" w={130} label={t('query.statement.from')} value={range.from} onChange={(from) => setRange({ ...range, from })} onKeyDown={dateKeys} data-testid="statement-from" />
          <DateField size="sm" w={130} label={t('query.statement.to')} value={range.to} onChange={(to) => setRange({ ...range, to })} onKeyDown={dateKeys} data-testid="statement-to" />
          <Button size="sm" variant="light" disabled={!unit} onClick={() => unit && void loadStatement(unit, range.from, range.to)} data-testid="statement-show">
            {t('query.statement.show')}
          </Button>
          <Button size="sm" leftSection={<IconFileTypePdf size={16} />} disabled={!unit || range.from === '' || range.to === ''} loading={printing} onClick={() => void printStatement()} data-testid="statement-pdf">
            {t('query.statement.pdf')}
          </Button>
        </Group>
      </Paper>
      <ErrorAlert message={error ?? payments.error} testId="history-error" />
      {!unit && (
        <Text c="dimmed" size="sm">
          {t('query.unit.pickFirst')}
        </Text>
      )}
      {unit && payments.result && (
        <Paper withBorder p="sm" radius="md">
          <Title order={3} size="h5" mb="xs">
            {t('query.unit.payments')}
          </Title>
          <ReceiptTable
            rows={payments.result.rows}
            total={payments.result.total}
            page={payments.result.page}
            pageSize={PAGE_SIZE}
            active={active}
            onActive={setActive}
            onOpen={onOpen}
            onPage={(page) => void payments.goTo(page)}
            testId="history-results"
          />
        </Paper>
      )}
      {unit && statement && (
        <Paper withBorder p="sm" radius="md">
          <StatementView s={statement} from={range.from} to={range.to} />
        </Paper>
      )}
    </Stack>
  );
});
