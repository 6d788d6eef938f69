import { Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../../components/Money';
import { detailState, localDateTime, STATE_COLOR, type ReceiptDetail } from './format';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

/** What the receipt says (RULES §6): header, items with their periods, tenders and totals. */
export function ReceiptDetailView({ d }: { d: ReceiptDetail }) {
  const { t } = useTranslation();
  const state = detailState(d);
  const extras: Array<[string, number]> = [
    [t('query.detail.prepaidUsed'), d.prepaidUsedFen],
    [t('query.detail.toPrepaid'), d.toPrepaidFen],
    [t('query.detail.toDeposit'), d.toDepositFen],
  ];

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Text fw={700} size="lg" ff="monospace" data-testid="receipt-number">
          {d.number}
        </Text>
        <Badge color={STATE_COLOR[state]} variant="filled" data-testid="receipt-status">
          {t(`query.state.${state}`)}
        </Badge>
        {d.fallback && <Badge color="orange" variant="light">{t('query.flags.fallback')}</Badge>}
        {d.manualEntry && <Badge color="blue" variant="light">{t('query.flags.manual')}</Badge>}
      </Group>
      <SimpleGrid cols={3} spacing="xs" verticalSpacing="xs">
        <Field label={t('query.detail.date')}>{d.businessDate}</Field>
        <Field label={t('query.detail.issuedAt')}>{localDateTime(d.issuedAt)}</Field>
        <Field label={t('query.detail.cashier')}>{d.cashierName}</Field>
        <Field label={t('query.detail.unit')}>
          {d.unitCode}（{d.communityName}）
        </Field>
        <Field label={t('query.detail.payer')}>{d.payerName}</Field>
        <Field label={t('query.detail.reprints')} testId="receipt-reprints">
          {d.reprintCount}
        </Field>
        <Field label={t('query.detail.invoice')} testId="receipt-invoice">
          {d.invoiceNo ?? t('query.detail.none')}
        </Field>
        {d.reversesReceiptNo && <Field label={t('query.detail.reverses')}>{d.reversesReceiptNo}</Field>}
        {d.voidReason && (
          <Field label={t('query.detail.voidReason')} testId="receipt-void-reason">
            {d.voidReason}
          </Field>
        )}
      </SimpleGrid>

      <Table withTableBorder verticalSpacing={4} horizontalSpacing="xs" fz="sm" data-testid="receipt-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('query.detail.feeItem')}</Table.Th>
            <Table.Th>{t('query.detail.period')}</Table.Th>
            <Table.Th ta="right">{t('query.detail.billed')}</Table.Th>
            <Table.Th ta="right">{t('query.detail.paid')}</Table.Th>
            <Table.Th ta="right">{t('query.detail.lateFee')}</Table.Th>
            <Table.Th ta="right">{t('query.detail.waived')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6} c="dimmed">
                {t('query.detail.noItems')}
              </Table.Td>
            </Table.Tr>
          )}
          {d.items.map((item) => (
            <Table.Tr key={item.lineId}>
              <Table.Td>{item.feeItemName}</Table.Td>
              <Table.Td>
                {item.periodStart} ~ {item.periodEnd}
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={item.amountFen} />
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={item.paidFen} />
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={item.lateFeeFen} />
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={item.waivedFen} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Group align="flex-start" justify="space-between" wrap="nowrap" gap="lg">
        <Table verticalSpacing={2} horizontalSpacing="xs" fz="sm" w="55%" data-testid="receipt-tenders">
          <Table.Tbody>
            {d.tenders.map((tender, i) => (
              <Table.Tr key={i}>
                <Table.Td>{t(`query.methods.${tender.method}`)}</Table.Td>
                <Table.Td c="dimmed">{tender.reference}</Table.Td>
                <Table.Td ta="right">
                  <Money fen={tender.amountFen} />
                </Table.Td>
              </Table.Tr>
            ))}
            {d.cashGivenFen !== null && (
              <Table.Tr>
                <Table.Td c="dimmed">{t('query.detail.cashGiven')}</Table.Td>
                <Table.Td />
                <Table.Td ta="right">
                  <Money fen={d.cashGivenFen} c="dimmed" />
                </Table.Td>
              </Table.Tr>
            )}
            {d.changeFen !== 0 && (
              <Table.Tr>
                <Table.Td c="dimmed">{t('query.detail.change')}</Table.Td>
                <Table.Td />
                <Table.Td ta="right">
                  <Money fen={d.changeFen} c="dimmed" />
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        <Stack gap={2} align="flex-end" style={{ flex: 1 }}>
          {extras
            .filter(([, fen]) => fen !== 0)
            .map(([label, fen]) => (
              <Group key={label} gap="sm">
                <Text size="sm" c="dimmed">
                  {label}
                </Text>
                <Money fen={fen} size="sm" />
              </Group>
            ))}
          <Group gap="sm">
            <Text fw={600}>{t('query.detail.total')}</Text>
            <Money fen={d.totalFen} fw={700} size="lg" data-testid="receipt-total" />
          </Group>
          <Text size="xs" c="dimmed">
            {d.totalWords}
          </Text>
        </Stack>
      </Group>
    </Stack>
  );
}
