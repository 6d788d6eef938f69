import { Badge, Button, Drawer, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../src-shared/api';
import { call } from '../../app/api';
import { useSignedIn } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { DateField } from '../query/DateField';
import { collectedFen, type ShiftView } from './countMath';
import { ShiftPayments } from './ShiftPayments';
import { ShiftReports } from './ShiftReports';
import { STATUS_COLOR, ShiftSummary } from './ShiftSummary';

type Status = ShiftView['status'];

/** A screenful; older shifts are reached by the date filters. */
const LIMIT = 30;

/**
 * 班次记录, read-only: everyone's shifts for shift.read (finance, audit, supervisors), one's own
 * for a cashier; each opens with its count, payments and 日报. reports.read adds a whole day's 日报.
 */
export function ShiftHistory() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const [filter, setFilter] = useState<{ from: string; to: string; status: Status | null }>({ from: '', to: '', status: null });
  const [shifts, setShifts] = useState<ShiftView[]>([]);
  const [open, setOpen] = useState<ShiftView | null>(null);
  const [day, setDay] = useState('');
  const [error, setError] = useState<string | null>(null);
  const dayReports = session.user.permissions.includes('reports.read');

  const load = useCallback(async (f: typeof filter) => {
    const input: CallInput<'shifts.list'> = { limit: LIMIT };
    if (f.from) input.from = f.from;
    if (f.to) input.to = f.to;
    if (f.status) input.status = f.status;
    const r = await call('shifts.list', input);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setShifts(r.value.shifts);
  }, []);

  useEffect(() => {
    void load({ from: '', to: '', status: null });
  }, [load]);

  return (
    <Stack gap="md" data-testid="shift-history">
      <Paper withBorder p="sm" radius="md">
        <Group gap="sm" align="flex-end" justify="space-between">
          <Group gap="sm" align="flex-end">
            <DateField size="sm" w={130} label={t('dayClose.history.from')} value={filter.from} onChange={(from) => setFilter({ ...filter, from })} />
            <DateField size="sm" w={130} label={t('dayClose.history.to')} value={filter.to} onChange={(to) => setFilter({ ...filter, to })} />
            <Select
              size="sm"
              w={120}
              clearable
              label={t('dayClose.history.status')}
              placeholder={t('dayClose.history.all')}
              data={(['open', 'counted', 'confirmed'] as const).map((s) => ({ value: s, label: t(`dayClose.status.${s}`) }))}
              value={filter.status}
              onChange={(v) => setFilter({ ...filter, status: v as Status | null })}
            />
            <Button size="sm" onClick={() => void load(filter)} data-testid="history-search">
              {t('dayClose.history.search')}
            </Button>
          </Group>
          {dayReports && (
            <Group gap="sm" align="flex-end">
              <DateField size="sm" w={130} label={t('dayClose.history.day')} value={day} onChange={setDay} data-testid="day-report-date" />
              {day !== '' && <ShiftReports scope={{ date: day }} onError={setError} testPrefix="day" />}
            </Group>
          )}
        </Group>
      </Paper>
      <ErrorAlert message={error} />
      <Paper withBorder p="sm" radius="md">
        <Table highlightOnHover verticalSpacing={5} horizontalSpacing="xs" fz="sm" style={{ tableLayout: 'fixed' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>{t('dayClose.history.date')}</Table.Th>
              <Table.Th w={60}>{t('dayClose.history.id')}</Table.Th>
              <Table.Th>{t('dayClose.history.cashier')}</Table.Th>
              <Table.Th w={80}>{t('dayClose.history.status')}</Table.Th>
              <Table.Th w={120} ta="right">{t('dayClose.summary.float')}</Table.Th>
              <Table.Th w={130} ta="right">{t('dayClose.summary.collected')}</Table.Th>
              <Table.Th w={60} ta="right">{t('dayClose.summary.payments')}</Table.Th>
              <Table.Th w={110} ta="right">{t('dayClose.count.over')}</Table.Th>
              <Table.Th w={110} ta="right">{t('dayClose.count.short')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shifts.map((s) => (
              <Table.Tr key={s.id} style={{ cursor: 'pointer' }} onClick={() => setOpen(s)} data-testid="history-row">
                <Table.Td>{s.businessDate}</Table.Td>
                <Table.Td>{s.id}</Table.Td>
                <Table.Td>{s.cashierName}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={STATUS_COLOR[s.status]}>
                    {t(`dayClose.status.${s.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right"><Money fen={s.floatFen} /></Table.Td>
                <Table.Td ta="right"><Money fen={collectedFen(s)} /></Table.Td>
                <Table.Td ta="right">{s.paymentCount}</Table.Td>
                <Table.Td ta="right">{s.overFen > 0 && <Money fen={s.overFen} c="teal.8" />}</Table.Td>
                <Table.Td ta="right">{s.shortFen > 0 && <Money fen={s.shortFen} c="red.7" />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {shifts.length === 0 && (
          <Text c="dimmed" size="sm" py="sm">
            {t('dayClose.history.none')}
          </Text>
        )}
        {shifts.length === LIMIT && (
          <Text c="dimmed" size="sm" pt="sm">
            {t('dayClose.history.more', { n: LIMIT })}
          </Text>
        )}
      </Paper>
      <Drawer opened={open !== null} onClose={() => setOpen(null)} position="right" size={820} title={<Text fw={600}>{t('dayClose.history.detail')}</Text>}>
        {open && (
          <ShiftSummary shift={open}>
            <ShiftReports scope={{ shiftId: open.id }} onError={setError} testPrefix="history-daily" />
            <ShiftPayments shiftId={open.id} version={0} />
          </ShiftSummary>
        )}
      </Drawer>
    </Stack>
  );
}
