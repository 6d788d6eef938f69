import { Badge, Button, Checkbox, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecks } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/api';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';
import { timeText } from './format';

type Item = CallOutput<'shifts.reviewList'>['payments'][number];

/** The supervisor's look at every fallback and 补录 payment not yet reviewed (RULES §7). */
export function ReviewList({ userId }: { userId: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Item[] | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await call('shifts.reviewList', {});
    if (!result.ok) return setError(result.error.message);
    setItems(result.value.payments);
    setSelected(new Set());
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const reviewable = (items ?? []).filter((p) => p.cashierId !== userId);
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const mark = async () => {
    if (pending || selected.size === 0) return;
    setPending(true);
    const result = await call('shifts.markReviewed', { paymentIds: [...selected] });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    notifications.show({ color: 'teal', message: t('manual.review.marked', { count: result.value.reviewed }) });
    await load();
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('manual.review.intro')}
      </Text>
      <ErrorAlert message={error} />
      {items?.length === 0 && (
        <Text c="dimmed" data-testid="review-empty">
          {t('manual.review.none')}
        </Text>
      )}
      {items && items.length > 0 && (
        <>
          <Table withTableBorder verticalSpacing={6} data-testid="review-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={34}>
                  <Checkbox
                    aria-label={t('manual.review.selectAll')}
                    checked={reviewable.length > 0 && reviewable.every((p) => selected.has(p.paymentId))}
                    onChange={(e) => setSelected(e.currentTarget.checked ? new Set(reviewable.map((p) => p.paymentId)) : new Set())}
                    data-testid="review-select-all"
                  />
                </Table.Th>
                <Table.Th>{t('manual.review.receipt')}</Table.Th>
                <Table.Th>{t('manual.review.kind')}</Table.Th>
                <Table.Th>{t('manual.review.unit')}</Table.Th>
                <Table.Th>{t('manual.review.payer')}</Table.Th>
                <Table.Th ta="right">{t('manual.review.amount')}</Table.Th>
                <Table.Th>{t('manual.review.cashier')}</Table.Th>
                <Table.Th>{t('manual.review.originalAt')}</Table.Th>
                <Table.Th>{t('manual.review.businessDate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => {
                const own = p.cashierId === userId;
                return (
                  <Table.Tr key={p.paymentId} data-testid="review-row" data-receipt={p.receiptNo ?? ''}>
                    <Table.Td>
                      <Tooltip label={t('manual.review.own')} disabled={!own}>
                        <Checkbox
                          aria-label={p.receiptNo ?? String(p.paymentId)}
                          checked={selected.has(p.paymentId)}
                          disabled={own}
                          onChange={() => toggle(p.paymentId)}
                          data-testid="review-select"
                        />
                      </Tooltip>
                    </Table.Td>
                    <Table.Td fw={600}>{p.receiptNo ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {p.manualEntry && <Badge variant="light">{t('manual.review.manual')}</Badge>}
                        {p.fallback && (
                          <Badge variant="light" color="orange">
                            {t('manual.review.fallback')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{p.unitCode}</Table.Td>
                    <Table.Td>{p.payerName}</Table.Td>
                    <Table.Td ta="right">
                      <Money fen={p.tenderedFen} size="sm" />
                    </Table.Td>
                    <Table.Td>{p.cashierName}</Table.Td>
                    <Table.Td>{p.originalAt ? timeText(p.originalAt) : '—'}</Table.Td>
                    <Table.Td>{p.businessDate}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button leftSection={<IconChecks size={16} />} onClick={() => void mark()} loading={pending} disabled={selected.size === 0} data-testid="review-mark">
              {t('manual.review.markSelected', { count: selected.size })}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
