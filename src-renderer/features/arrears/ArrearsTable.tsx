import { ActionIcon, Badge, Checkbox, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArrearsRow, FollowUpView } from '../../../src-shared/api/calls/arrears';
import type { AgingBucketKey } from '../../../src-shared/domain/aging';
import { Money } from '../../components/Money';
import { shortDate } from './format';

interface Props {
  rows: ArrearsRow[];
  asOf: string;
  latest: Map<number, FollowUpView>;
  buckets: AgingBucketKey[];
  selected: ReadonlySet<number>;
  focused: number;
  onFocus: (index: number) => void;
  onToggle: (row: ArrearsRow) => void;
  onTogglePage: (select: boolean) => void;
  onOpen: (row: ArrearsRow) => void;
  onPage: (delta: 1 | -1) => void;
}

const OUTCOME_COLOR = { promised: 'teal', refused: 'red', no_contact: 'gray', disputed: 'orange', hardship: 'yellow', other: 'gray' } as const;

/**
 * One page of units in arrears. The table itself takes the keyboard: ↑↓ move the current row,
 * Space ticks it, Enter opens its follow-ups, PageUp/PageDown turn the page.
 */
export function ArrearsTable(p: Props) {
  const { t } = useTranslation();
  const rowRefs = useRef<Array<HTMLTableRowElement | null>>([]);
  const allOnPage = p.rows.length > 0 && p.rows.every((r) => p.selected.has(r.unitId));
  const someOnPage = p.rows.some((r) => p.selected.has(r.unitId));

  useEffect(() => {
    rowRefs.current[p.focused]?.scrollIntoView({ block: 'nearest' });
  }, [p.focused]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed into the row's own checkbox or button keep their usual meaning.
    if (e.target !== e.currentTarget) return;
    const row = p.rows[p.focused];
    const keys: Record<string, () => void> = {
      ArrowDown: () => p.onFocus(Math.min(p.rows.length - 1, p.focused + 1)),
      ArrowUp: () => p.onFocus(Math.max(0, p.focused - 1)),
      Home: () => p.onFocus(0),
      End: () => p.onFocus(p.rows.length - 1),
      ' ': () => row && p.onToggle(row),
      Enter: () => row && p.onOpen(row),
      PageDown: () => p.onPage(1),
      PageUp: () => p.onPage(-1),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  return (
    <div tabIndex={0} onKeyDown={onKeyDown} data-testid="arrears-table" aria-label={t('arrears.title')} style={{ outlineOffset: 2 }}>
      <Table striped={false} highlightOnHover verticalSpacing={4} horizontalSpacing={6} fz="sm" stickyHeader stickyHeaderOffset={56}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={34}>
              <Checkbox
                aria-label={t('arrears.table.selectPage')}
                checked={allOnPage}
                indeterminate={someOnPage && !allOnPage}
                onChange={(e) => p.onTogglePage(e.currentTarget.checked)}
                tabIndex={-1}
                data-testid="arrears-select-page"
              />
            </Table.Th>
            <Table.Th>{t('arrears.table.unit')}</Table.Th>
            <Table.Th ta="right">{t('arrears.table.outstanding')}</Table.Th>
            {p.buckets.map((k) => (
              <Table.Th key={k} ta="right">
                {t(`arrears.buckets.${k}`)}
              </Table.Th>
            ))}
            <Table.Th>{t('arrears.table.oldest')}</Table.Th>
            <Table.Th>{t('arrears.table.followUp')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.rows.map((r, i) => {
            const last = p.latest.get(r.unitId);
            const focused = i === p.focused;
            return (
              <Table.Tr
                key={r.unitId}
                ref={(el) => {
                  rowRefs.current[i] = el;
                }}
                bg={p.selected.has(r.unitId) ? 'blue.0' : undefined}
                style={focused ? { boxShadow: 'inset 3px 0 0 var(--mantine-color-blue-6)' } : undefined}
                onClick={() => p.onFocus(i)}
                aria-selected={p.selected.has(r.unitId)}
                data-testid="arrears-row"
                data-unit-code={r.unitCode}
                data-current={focused || undefined}
              >
                <Table.Td>
                  <Checkbox
                    aria-label={`${t('arrears.table.select')} ${r.unitCode}`}
                    checked={p.selected.has(r.unitId)}
                    onChange={() => p.onToggle(r)}
                    tabIndex={-1}
                    data-testid="arrears-row-select"
                  />
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Group gap={6} wrap="nowrap">
                      <Text fw={600} size="sm">
                        {r.unitCode}
                      </Text>
                      {r.beyondLimitation && (
                        <Tooltip label={t('arrears.table.beyondLimitationHint')}>
                          <Badge color="red" variant="light" size="xs">
                            {t('arrears.table.beyondLimitation')}
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" truncate="end" maw={170}>
                      {r.communityName} · {r.ownerName ?? t('arrears.table.noOwner')}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td ta="right">
                  <Money fen={r.outstandingFen} fw={600} size="sm" />
                </Table.Td>
                {p.buckets.map((k) => (
                  <Table.Td key={k} ta="right">
                    {r.buckets[k] === 0 ? <Text size="xs" c="dimmed">—</Text> : <Money fen={r.buckets[k]} size="xs" />}
                  </Table.Td>
                ))}
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="xs">{r.oldestDueDate}</Text>
                    <Text size="xs" c="dimmed">
                      {t('arrears.table.months', { count: r.monthsOverdue })}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      aria-label={`${t('arrears.table.openFollowUps')} ${r.unitCode}`}
                      onClick={() => p.onOpen(r)}
                      tabIndex={-1}
                      data-testid="arrears-row-followup"
                    >
                      <IconMessageCircle size={18} />
                    </ActionIcon>
                    {last && (
                      <Badge variant="light" color={OUTCOME_COLOR[last.outcome]} size="sm" data-testid="arrears-row-last-followup">
                        {t('arrears.table.lastFollowUp', {
                          outcome: t(`arrears.followUp.outcomes.${last.outcome}`),
                          date: shortDate(last.promisedDate ?? last.contactDate, p.asOf),
                        })}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {p.rows.length === 0 && (
        <Text c="dimmed" ta="center" py="xl" data-testid="arrears-empty">
          {t('arrears.table.empty')}
        </Text>
      )}
    </div>
  );
}
