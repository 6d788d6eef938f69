import { Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../../components/Money';
import { localDateTime } from '../query/format';
import { collectedFen, type ShiftView } from './countMath';

export const STATUS_COLOR: Record<ShiftView['status'], string> = { open: 'blue', counted: 'orange', confirmed: 'teal' };

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** A shift as it stands, read-only: who, when, the totals and (once counted) the count per method. */
export function ShiftSummary({ shift, children }: { shift: ShiftView; children?: ReactNode }) {
  const { t } = useTranslation();
  const counted = shift.counts.length > 0;
  return (
    <Stack gap="sm" data-testid="shift-summary" data-status={shift.status}>
      <Group gap="sm">
        <Text fw={600}>{t('dayClose.summary.heading', { cashier: shift.cashierName, date: shift.businessDate, id: shift.id })}</Text>
        <Badge color={STATUS_COLOR[shift.status]} variant="filled" data-testid="shift-status">
          {t(`dayClose.status.${shift.status}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={4} spacing="xs" verticalSpacing={6}>
        <Stat label={t('dayClose.summary.float')}>
          <Money fen={shift.floatFen} />
        </Stat>
        <Stat label={t('dayClose.summary.collected')}>
          <Money fen={collectedFen(shift)} fw={700} data-testid="shift-collected" />
        </Stat>
        <Stat label={t('dayClose.summary.payments')}>{shift.paymentCount}</Stat>
        <Stat label={t('dayClose.count.over')}>
          <Money fen={shift.overFen} data-testid="shift-over" />
        </Stat>
        <Stat label={t('dayClose.count.short')}>
          <Money fen={shift.shortFen} c={shift.shortFen > 0 ? 'red.7' : undefined} data-testid="shift-short" />
        </Stat>
        <Stat label={t('dayClose.summary.openedAt')}>{localDateTime(shift.openedAt)}</Stat>
        {shift.countedAt && <Stat label={t('dayClose.summary.countedAt')}>{localDateTime(shift.countedAt)}</Stat>}
        {shift.confirmedAt && (
          <Stat label={t('dayClose.summary.confirmedBy')}>
            {shift.confirmedByName} {localDateTime(shift.confirmedAt)}
          </Stat>
        )}
      </SimpleGrid>
      <Table verticalSpacing={4} horizontalSpacing="sm" fz="sm" withTableBorder style={{ tableLayout: 'fixed' }} data-testid="shift-counts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{t('dayClose.count.method')}</Table.Th>
            <Table.Th w={140} ta="right">
              {t('dayClose.count.system')}
            </Table.Th>
            <Table.Th w={140} ta="right">
              {counted ? t('dayClose.count.counted') : t('dayClose.summary.tenders')}
            </Table.Th>
            <Table.Th w={120} ta="right">
              {t('dayClose.count.over')}
            </Table.Th>
            <Table.Th w={120} ta="right">
              {t('dayClose.count.short')}
            </Table.Th>
            <Table.Th>{t('dayClose.count.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {counted
            ? shift.counts.map((c) => (
                <Table.Tr key={c.method}>
                  <Table.Td>{t(`dayClose.methods.${c.method}`)}</Table.Td>
                  <Table.Td ta="right">
                    <Money fen={c.systemFen} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money fen={c.countedFen} />
                  </Table.Td>
                  <Table.Td ta="right">{c.overFen > 0 && <Money fen={c.overFen} c="teal.8" />}</Table.Td>
                  <Table.Td ta="right">{c.shortFen > 0 && <Money fen={c.shortFen} c="red.7" />}</Table.Td>
                  <Table.Td>{c.note}</Table.Td>
                </Table.Tr>
              ))
            : shift.totals.map((x) => (
                <Table.Tr key={x.method}>
                  <Table.Td>{t(`dayClose.methods.${x.method}`)}</Table.Td>
                  <Table.Td ta="right">
                    <Money fen={x.systemFen} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money fen={x.tendersFen} />
                  </Table.Td>
                  <Table.Td />
                  <Table.Td />
                  <Table.Td />
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
      {shift.note && (
        <Text size="sm">
          {t('dayClose.summary.note')}：{shift.note}
        </Text>
      )}
      {children}
    </Stack>
  );
}
