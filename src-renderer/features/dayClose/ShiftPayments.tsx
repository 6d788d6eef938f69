import { Badge, ScrollArea, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/api';
import { call } from '../../app/api';
import { Money } from '../../components/Money';

type Payment = CallOutput<'shifts.detail'>['payments'][number];

/** The payments a shift took, newest last, so the cashier can match the drawer against them. */
export function ShiftPayments({ shiftId, version }: { shiftId: number; version: number }) {
  const { t } = useTranslation();
  const [payments, setPayments] = useState<Payment[] | null>(null);

  useEffect(() => {
    let live = true;
    void call('shifts.detail', { shiftId }).then((r) => {
      if (live) setPayments(r.ok ? r.value.payments : []);
    });
    return () => {
      live = false;
    };
  }, [shiftId, version]);

  if (!payments) return null;
  if (payments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('dayClose.payments.none')}
      </Text>
    );
  }
  return (
    <ScrollArea.Autosize mah={260} type="auto">
      <Table verticalSpacing={3} horizontalSpacing="xs" fz="sm" stickyHeader data-testid="shift-payments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dayClose.payments.receipt')}</Table.Th>
            <Table.Th>{t('dayClose.payments.unit')}</Table.Th>
            <Table.Th>{t('dayClose.payments.payer')}</Table.Th>
            <Table.Th>{t('dayClose.payments.methods')}</Table.Th>
            <Table.Th ta="right">{t('dayClose.payments.amount')}</Table.Th>
            <Table.Th>{t('dayClose.payments.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payments.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td ff="monospace">{p.receiptNo ?? ''}</Table.Td>
              <Table.Td>{p.unitCode}</Table.Td>
              <Table.Td>{p.payerName}</Table.Td>
              <Table.Td>{[...new Set(p.tenders.map((x) => x.method))].map((m) => t(`dayClose.methods.${m}`)).join(t('query.list.separator'))}</Table.Td>
              <Table.Td ta="right">
                <Money fen={p.tenderedFen} c={p.status === 'voided' ? 'dimmed' : undefined} td={p.status === 'voided' ? 'line-through' : undefined} />
              </Table.Td>
              <Table.Td>
                {p.status === 'voided' ? (
                  <Badge size="sm" color="red" variant="light">
                    {t('dayClose.payments.voided')}
                  </Badge>
                ) : p.kind !== 'collection' ? (
                  <Badge size="sm" color="orange" variant="light">
                    {t(`dayClose.payments.${p.kind}`)}
                  </Badge>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
