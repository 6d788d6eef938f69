import { Badge, Group, Pagination, Table, Text } from '@mantine/core';
import { useEffect, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../../components/Money';
import { rowState, STATE_COLOR, type ReceiptRow } from './format';

/**
 * Receipts as a table the keyboard can walk: ↑/↓ (and Home/End) move the highlighted row, Enter
 * opens it; a click does the same. The highlighted row stays in view.
 */
export function ReceiptTable({
  rows,
  total,
  page,
  pageSize,
  active,
  onActive,
  onOpen,
  onPage,
  tableRef,
  testId,
}: {
  rows: ReceiptRow[];
  total: number;
  page: number;
  pageSize: number;
  active: number;
  onActive: (index: number) => void;
  onOpen: (row: ReceiptRow) => void;
  onPage: (page: number) => void;
  tableRef?: Ref<HTMLDivElement>;
  testId: string;
}) {
  const { t } = useTranslation();
  const body = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    body.current?.children[active]?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const last = rows.length - 1;
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: last };
    if (e.key in moves) {
      e.preventDefault();
      onActive(Math.min(Math.max(moves[e.key]!, 0), last));
    } else if (e.key === 'Enter' && rows[active]) {
      e.preventDefault();
      onOpen(rows[active]);
    }
  };

  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="md" data-testid={`${testId}-empty`}>
        {t('query.list.empty')}
      </Text>
    );
  }

  return (
    <div>
      <div
        ref={tableRef}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-label={t('query.list.label')}
        data-testid={testId}
        style={{ outlineOffset: 2, borderRadius: 4 }}
      >
        <Table highlightOnHover verticalSpacing={6} horizontalSpacing="xs" fz="sm" style={{ tableLayout: 'fixed' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={112}>{t('query.list.number')}</Table.Th>
              <Table.Th w={96}>{t('query.list.date')}</Table.Th>
              <Table.Th w={96}>{t('query.list.unit')}</Table.Th>
              <Table.Th>{t('query.list.payer')}</Table.Th>
              <Table.Th w={72}>{t('query.list.cashier')}</Table.Th>
              <Table.Th w={130}>{t('query.list.methods')}</Table.Th>
              <Table.Th w={120} ta="right">
                {t('query.list.amount')}
              </Table.Th>
              <Table.Th w={84}>{t('query.list.status')}</Table.Th>
              <Table.Th w={60} ta="right">
                {t('query.list.reprints')}
              </Table.Th>
              <Table.Th w={136}>{t('query.list.invoice')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={body}>
            {rows.map((row, i) => {
              const state = rowState(row);
              return (
                <Table.Tr
                  key={row.receiptId}
                  bg={i === active ? 'teal.0' : undefined}
                  aria-selected={i === active}
                  style={{ cursor: 'pointer' }}
                  onClick={() => {
                    onActive(i);
                    onOpen(row);
                  }}
                  data-testid={`${testId}-row`}
                  data-number={row.number}
                >
                  <Table.Td ff="monospace">{row.number}</Table.Td>
                  <Table.Td>{row.businessDate}</Table.Td>
                  <Table.Td>{row.unitCode}</Table.Td>
                  <Table.Td style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{row.payerName}</Table.Td>
                  <Table.Td>{row.cashierName}</Table.Td>
                  <Table.Td>
                    {row.methods.map((m) => t(`query.methods.${m}`)).join(t('query.list.separator'))}
                    {row.fallback && (
                      <Badge ml={4} size="xs" color="orange" variant="light">
                        {t('query.flags.fallback')}
                      </Badge>
                    )}
                    {row.manualEntry && (
                      <Badge ml={4} size="xs" color="blue" variant="light">
                        {t('query.flags.manual')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money fen={row.totalFen} c={row.status === 'voided' ? 'dimmed' : undefined} td={row.status === 'voided' ? 'line-through' : undefined} />
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={STATE_COLOR[state]} data-testid={`${testId}-status`}>
                      {t(`query.state.${state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{row.reprintCount > 0 ? row.reprintCount : ''}</Table.Td>
                  <Table.Td style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={row.invoiceNo ?? undefined}>
                    {row.invoiceNo ?? ''}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed" data-testid={`${testId}-total`}>
          {t('query.list.count', { n: total })}
        </Text>
        {total > pageSize && <Pagination size="sm" total={Math.ceil(total / pageSize)} value={page} onChange={onPage} />}
      </Group>
    </div>
  );
}
