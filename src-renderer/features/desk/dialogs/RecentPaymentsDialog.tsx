import { Badge, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Money } from '../../../components/Money';
import type { Account } from '../billSelection';

/** The unit's latest payments, newest first: what the owner paid and when, at a glance. */
export function RecentPaymentsDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('desk.unit.recentTitle', { unit: account.unit.code })} size="xl">
      {account.recentPayments.length === 0 ? (
        <Text c="dimmed">{t('desk.unit.recentEmpty')}</Text>
      ) : (
        <Table verticalSpacing={4} data-testid="desk-recent-payments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('desk.unit.recentDate')}</Table.Th>
              <Table.Th>{t('desk.unit.recentNo')}</Table.Th>
              <Table.Th>{t('desk.unit.recentPayer')}</Table.Th>
              <Table.Th ta="right">{t('desk.unit.recentAmount')}</Table.Th>
              <Table.Th>{t('desk.unit.recentStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {account.recentPayments.map((p) => (
              <Table.Tr key={p.paymentId} data-testid="desk-recent-payment" data-date={p.businessDate}>
                <Table.Td ff="monospace">{p.businessDate}</Table.Td>
                <Table.Td ff="monospace">{p.receiptNo}</Table.Td>
                <Table.Td>{p.payerName}</Table.Td>
                <Table.Td ta="right">
                  <Money fen={p.tenderedFen} size="sm" />
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={p.status === 'voided' ? 'red' : p.kind === 'collection' ? 'teal' : 'orange'}>
                    {p.status === 'voided' ? t('desk.unit.paymentStatus.voided') : t(`desk.unit.paymentKind.${p.kind}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
