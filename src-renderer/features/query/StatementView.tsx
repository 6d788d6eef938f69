import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/api';
import { Money } from '../../components/Money';

type Statement = CallOutput<'reports.statement'>;

/** 业主对账单 on screen: opening balance, each bill, payment and waiver, the running balance. */
export function StatementView({ s, from, to }: { s: Statement; from: string; to: string }) {
  const { t } = useTranslation();
  const debit = s.rows.reduce((sum, r) => sum + r.debitFen, 0);
  const credit = s.rows.reduce((sum, r) => sum + r.creditFen, 0);
  return (
    <div data-testid="statement">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>
          {t('query.statement.heading', { unit: s.unitCode, owner: s.ownerName || t('query.detail.none'), from, to })}
        </Text>
        <Group gap="lg">
          <Text size="sm" c="dimmed">
            {t('query.statement.prepaid')} <Money fen={s.prepaidFen} c="dark" />
          </Text>
        </Group>
      </Group>
      <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm" withTableBorder style={{ tableLayout: 'fixed' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={100}>{t('query.statement.date')}</Table.Th>
            <Table.Th>{t('query.statement.summary')}</Table.Th>
            <Table.Th w={100}>{t('query.statement.feeItem')}</Table.Th>
            <Table.Th w={200}>{t('query.statement.period')}</Table.Th>
            <Table.Th w={110} ta="right">
              {t('query.statement.debit')}
            </Table.Th>
            <Table.Th w={110} ta="right">
              {t('query.statement.credit')}
            </Table.Th>
            <Table.Th w={120} ta="right">
              {t('query.statement.balance')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td />
            <Table.Td c="dimmed">{t('query.statement.opening')}</Table.Td>
            <Table.Td colSpan={4} />
            <Table.Td ta="right">
              <Money fen={s.openingFen} />
            </Table.Td>
          </Table.Tr>
          {s.rows.map((r, i) => (
            <Table.Tr key={i} data-testid="statement-row">
              <Table.Td>{r.date}</Table.Td>
              <Table.Td style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={r.summary}>
                {r.summary}
              </Table.Td>
              <Table.Td>{r.feeItemName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.period}</Table.Td>
              <Table.Td ta="right">{r.debitFen !== 0 && <Money fen={r.debitFen} />}</Table.Td>
              <Table.Td ta="right">{r.creditFen !== 0 && <Money fen={r.creditFen} />}</Table.Td>
              <Table.Td ta="right">
                <Money fen={r.balanceFen} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={600}>
            <Table.Td />
            <Table.Td>{t('query.statement.closing')}</Table.Td>
            <Table.Td colSpan={2} />
            <Table.Td ta="right">
              <Money fen={debit} />
            </Table.Td>
            <Table.Td ta="right">
              <Money fen={credit} />
            </Table.Td>
            <Table.Td ta="right">
              <Money fen={s.closingFen} data-testid="statement-closing" />
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </div>
  );
}
