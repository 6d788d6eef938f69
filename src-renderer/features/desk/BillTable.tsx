import { Badge, Checkbox, Group, Paper, Table, Text, Title } from '@mantine/core';
import { Fragment, useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../src-shared/domain/money';
import { Money } from '../../components/Money';
import { flatLines, toggleAll, toggleOne, type Account, type BillLine } from './billSelection';
import { periodText } from './format';

interface Props {
  account: Account;
  selected: ReadonlySet<number>;
  onSelected: (next: Set<number>) => void;
  cursor: number;
  onCursor: (index: number) => void;
  tableRef: RefObject<HTMLDivElement | null>;
  /** Enter in the list: on to the payment. */
  onDone: () => void;
}

/**
 * The unit's open bills grouped by fee item. Keyboard: ↑/↓ move the cursor, Space ticks the bill
 * under it, A ticks all or none, Enter moves on to the payment; the mouse ticks rows and groups.
 */
export function BillTable({ account, selected, onSelected, cursor, onCursor, tableRef, onDone }: Props) {
  const { t } = useTranslation();
  const lines = flatLines(account);

  // The cursor row stays in view while the keys move it through a long list.
  useEffect(() => {
    tableRef.current?.querySelector('[data-cursor]')?.scrollIntoView({ block: 'nearest' });
  }, [cursor, tableRef]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (lines.length === 0) return;
    const key = event.key;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      onCursor(Math.max(0, Math.min(lines.length - 1, cursor + (key === 'ArrowDown' ? 1 : -1))));
    } else if (key === 'Home' || key === 'End') {
      onCursor(key === 'Home' ? 0 : lines.length - 1);
    } else if (key === ' ') {
      const line = lines[cursor];
      if (line) onSelected(toggleOne(selected, line.lineId));
    } else if ((key === 'a' || key === 'A') && !event.ctrlKey && !event.metaKey && !event.altKey) {
      onSelected(toggleAll(account, selected));
    } else if (key === 'Enter') {
      onDone();
    } else {
      return;
    }
    event.preventDefault();
  };

  const toggleGroup = (groupLines: BillLine[]) => {
    const all = groupLines.every((l) => selected.has(l.lineId));
    const next = new Set(selected);
    for (const l of groupLines) {
      if (all) next.delete(l.lineId);
      else next.add(l.lineId);
    }
    onSelected(next);
  };

  let index = -1;
  return (
    <Paper withBorder p={0} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }}>
      <Group justify="space-between" px="md" py={8} wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Title order={2} size="h5">
            {t('desk.bills.title')}
          </Title>
          {lines.length > 0 && (
            <Text size="sm" c="dimmed" data-testid="desk-bills-selected">
              {t('desk.bills.selected', { count: lines.filter((l) => selected.has(l.lineId)).length, total: lines.length })}
            </Text>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('desk.bills.keys')}
        </Text>
      </Group>
      {lines.length === 0 ? (
        <Text px="md" pb="md" c="dimmed" data-testid="desk-bills-none">
          {t('desk.bills.none')}
        </Text>
      ) : (
        <div
          ref={tableRef}
          tabIndex={0}
          onKeyDown={onKeyDown}
          role="group"
          aria-label={t('desk.bills.title')}
          style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}
          data-testid="desk-bills"
        >
          <Table stickyHeader verticalSpacing={4} horizontalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={34}>
                  <Checkbox
                    size="xs"
                    aria-label={t('desk.bills.selectAll')}
                    checked={lines.every((l) => selected.has(l.lineId))}
                    indeterminate={selected.size > 0 && !lines.every((l) => selected.has(l.lineId))}
                    onChange={() => onSelected(toggleAll(account, selected))}
                    tabIndex={-1}
                  />
                </Table.Th>
                <Table.Th w={124}>{t('desk.bills.period')}</Table.Th>
                <Table.Th>{t('desk.bills.basis')}</Table.Th>
                <Table.Th w={84} ta="right">
                  {t('desk.bills.amount')}
                </Table.Th>
                <Table.Th w={84} ta="right">
                  {t('desk.bills.outstanding')}
                </Table.Th>
                <Table.Th w={96} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {t('desk.bills.lateFee')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {account.groups.map((group) => (
                <Fragment key={group.feeItemId}>
                  <Table.Tr bg="gray.0" data-testid="desk-bill-group">
                    <Table.Td>
                      <Checkbox
                        size="xs"
                        aria-label={group.feeItemName}
                        checked={group.lines.every((l) => selected.has(l.lineId))}
                        indeterminate={group.lines.some((l) => selected.has(l.lineId)) && !group.lines.every((l) => selected.has(l.lineId))}
                        onChange={() => toggleGroup(group.lines)}
                        tabIndex={-1}
                      />
                    </Table.Td>
                    <Table.Td colSpan={3}>
                      <Text fw={600} size="sm">
                        {group.feeItemName}
                        <Text span c="dimmed" size="xs" ml={6}>
                          {group.lines.length}
                        </Text>
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money fen={group.outstandingFen} size="sm" fw={600} />
                    </Table.Td>
                    <Table.Td ta="right">{group.lateFeeFen > 0 && <Money fen={group.lateFeeFen} size="sm" c="orange.8" />}</Table.Td>
                  </Table.Tr>
                  {group.lines.map((line) => {
                    index += 1;
                    const i = index;
                    return (
                      <BillRow
                        key={line.lineId}
                        line={line}
                        itemName={group.feeItemName}
                        checked={selected.has(line.lineId)}
                        isCursor={i === cursor}
                        onToggle={() => {
                          onCursor(i);
                          onSelected(toggleOne(selected, line.lineId));
                        }}
                      />
                    );
                  })}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}

function BillRow({ line, itemName, checked, isCursor, onToggle }: { line: BillLine; itemName: string; checked: boolean; isCursor: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const period = periodText(line.periodStart, line.periodEnd);
  return (
    <Table.Tr
      onClick={onToggle}
      bg={checked ? 'teal.0' : undefined}
      style={{ cursor: 'pointer', outline: isCursor ? '2px solid var(--mantine-color-teal-5)' : undefined, outlineOffset: -2 }}
      aria-selected={checked}
      data-cursor={isCursor || undefined}
      data-testid="desk-bill"
    >
      <Table.Td>
        <Checkbox
          size="xs"
          checked={checked}
          onChange={onToggle}
          onClick={(e) => e.stopPropagation()}
          aria-label={t('desk.bills.select', { period, item: itemName })}
          tabIndex={-1}
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
          {line.kind === 'late_fee' ? `${t('desk.bills.lateFeeLine')} ` : ''}
          {period}
        </Text>
        {line.overdueDays > 0 && (
          <Badge size="xs" color="orange" variant="light">
            {t('desk.bills.overdueDays', { days: line.overdueDays })}
          </Badge>
        )}
      </Table.Td>
      <Table.Td maw={0}>
        <Text size="sm" lineClamp={2} title={line.basis}>
          {line.basis}
        </Text>
        {line.discountFen > 0 && (
          <Text size="xs" c="teal.8">
            {t('desk.bills.discount', { amount: formatYuan(-line.discountFen) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Money fen={line.amountFen} size="sm" c="dimmed" />
      </Table.Td>
      <Table.Td ta="right">
        <Money fen={line.outstandingFen} size="sm" fw={600} />
      </Table.Td>
      <Table.Td ta="right">{line.lateFeeFen > 0 ? <Money fen={line.lateFeeFen} size="sm" c="orange.8" /> : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
    </Table.Tr>
  );
}
