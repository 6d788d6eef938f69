import { Checkbox, Group, Loader, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/api';
import { call } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Money } from '../../components/Money';

type Account = CallOutput<'collection.account'>;
export type EntryLine = Account['groups'][number]['lines'][number] & { feeItemName: string };

/**
 * The unit's open bills as of the paper receipt's date (late fees counted to that day, as the
 * ledger will charge them), to tick as the paper lists them.
 */
export function EntryBills({
  unitId,
  asOf,
  selected,
  onChange,
}: {
  unitId: number;
  asOf: string;
  selected: ReadonlySet<number>;
  onChange: (lines: EntryLine[], selected: Set<number>) => void;
}) {
  const { t } = useTranslation();
  const [lines, setLines] = useState<EntryLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLines(null);
    void call('collection.account', { unitId, asOf }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error.message);
      setError(null);
      const open = r.value.groups.flatMap((g) => g.lines.map((l) => ({ ...l, feeItemName: g.feeItemName })));
      setLines(open);
      onChange(open, new Set());
    });
    return () => {
      live = false;
    };
    // Only a new unit or date reloads; onChange is the parent's setter.
  }, [unitId, asOf]);

  if (error) return <ErrorAlert message={error} />;
  if (lines === null) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {t('manual.entry.billsLoading')}
        </Text>
      </Group>
    );
  }
  if (lines.length === 0) return <Text size="sm" c="dimmed">{t('manual.entry.noBills')}</Text>;

  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(lines, next);
  };

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('manual.entry.bills')}
      </Text>
      {/* A unit years behind has dozens of lines: they scroll, the tenders stay in view. */}
      <ScrollArea.Autosize mah={300} type="auto" offsetScrollbars>
        <Table withTableBorder verticalSpacing={3} fz="sm" data-testid="entry-bills">
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.lineId} data-testid="entry-bill">
                <Table.Td w={32}>
                  <Checkbox checked={selected.has(l.lineId)} onChange={() => toggle(l.lineId)} aria-label={`${l.feeItemName} ${l.periodStart}`} data-testid="entry-bill-select" />
                </Table.Td>
                <Table.Td>{l.feeItemName}</Table.Td>
                <Table.Td>
                  {l.periodStart} ～ {l.periodEnd}
                </Table.Td>
                <Table.Td ta="right">
                  <Money fen={l.outstandingFen} size="sm" />
                </Table.Td>
                <Table.Td ta="right">
                  {l.lateFeeFen > 0 && (
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Text size="xs" c="orange.8">
                        {t('manual.entry.lateFee')}
                      </Text>
                      <Money fen={l.lateFeeFen} size="xs" c="orange.8" />
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
