import { Group, Loader, Pagination, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArrearsRow } from '../../../src-shared/api/calls/arrears';
import { useSignedIn } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ArrearsActions } from './ArrearsActions';
import { ArrearsFilters } from './ArrearsFilters';
import { ArrearsTable } from './ArrearsTable';
import { ArrearsTotals } from './ArrearsTotals';
import { FollowUpDrawer } from './FollowUpDrawer';
import { bucketsInUse, EMPTY_QUERY, PAGE_SIZE, type ArrearsQuery } from './format';
import { useArrearsFiles } from './useArrearsFiles';
import { useArrearsList } from './useArrearsList';
import { useFilterOptions } from './useFilterOptions';

/**
 * 欠费: units in arrears for the filters, a page of 100 at a time with the totals of all of them;
 * tick units for 催缴单, open a unit's follow-ups, export exactly what is listed.
 */
export function ArrearsPage() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const options = useFilterOptions();
  const [query, setQuery] = useState<ArrearsQuery>(EMPTY_QUERY);
  // Typing an amount asks the ledger once the cashier pauses, not on every key.
  const [settled] = useDebouncedValue(query, 250);
  const [page, setPage] = useState(0);
  const list = useArrearsList(settled, page);
  const files = useArrearsFiles();
  const [selected, setSelected] = useState<Map<number, ArrearsRow>>(new Map());
  const [focused, setFocused] = useState(0);
  const [open, setOpen] = useState<ArrearsRow | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  const data = list.data;
  const rows = data?.rows ?? [];
  const pages = data ? Math.max(1, Math.ceil(data.total.units / PAGE_SIZE)) : 1;

  // New filters, new result: start at its first page with nothing ticked.
  useEffect(() => {
    setPage(0);
    setSelected(new Map());
  }, [settled]);
  useEffect(() => setFocused(0), [settled, page]);

  const toggle = (row: ArrearsRow) =>
    setSelected((m) => {
      const next = new Map(m);
      if (next.has(row.unitId)) next.delete(row.unitId);
      else next.set(row.unitId, row);
      return next;
    });
  const togglePage = (select: boolean) =>
    setSelected((m) => {
      const next = new Map(m);
      for (const r of rows) {
        if (select) next.set(r.unitId, r);
        else next.delete(r.unitId);
      }
      return next;
    });
  const turnPage = (delta: 1 | -1) => setPage((p) => Math.min(pages - 1, Math.max(0, p + delta)));
  const exportNow = () => data && void files.exportList(settled, data.asOf, data.total.units);
  const batchNow = () => data && selected.size > 0 && void files.printNotices([...selected.keys()], data.asOf);

  useHotkeys(
    [
      ['F2', () => filterRef.current?.focus()],
      ['mod+E', exportNow],
      ['mod+P', batchNow],
    ],
    [],
  );

  return (
    // data-loading tells a watcher (and the e2e steps) when the numbers on screen match the filters.
    <Stack gap="sm" data-testid="page-arrears" data-loading={list.loading || query !== settled}>
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h2">
          {t('arrears.title')}
        </Title>
        {data && (
          <Text size="sm" c="dimmed" data-testid="arrears-as-of">
            {t('arrears.asOf', { date: data.asOf })}
          </Text>
        )}
      </Group>
      <ArrearsFilters query={query} options={options} onChange={setQuery} firstRef={filterRef} />
      {data && <ArrearsTotals total={data.total} />}
      <ArrearsActions
        selectedCount={selected.size}
        units={data?.total.units ?? 0}
        exporting={files.exporting}
        batch={files.batch}
        lastPdf={files.lastPdf}
        onClearSelection={() => setSelected(new Map())}
        onExport={exportNow}
        onBatch={batchNow}
        onOpenPdf={() => void files.openLastPdf()}
      />
      <ErrorAlert message={list.error ?? files.error} />
      {!data && list.loading && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {t('arrears.loading')}
          </Text>
        </Group>
      )}
      {data && (
        <div ref={tableRef} style={{ opacity: list.loading ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={list.loading}>
          <ArrearsTable
            rows={rows}
            asOf={data.asOf}
            latest={list.latest}
            buckets={bucketsInUse(data.total.buckets)}
            selected={new Set(selected.keys())}
            focused={focused}
            onFocus={setFocused}
            onToggle={toggle}
            onTogglePage={togglePage}
            onOpen={setOpen}
            onPage={turnPage}
          />
        </div>
      )}
      {data && data.total.units > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="arrears-page-info">
            {t('arrears.table.page', { from: page * PAGE_SIZE + 1, to: page * PAGE_SIZE + rows.length, total: data.total.units })}
          </Text>
          <Pagination total={pages} value={page + 1} onChange={(p) => setPage(p - 1)} size="sm" data-testid="arrears-pagination" />
        </Group>
      )}
      <FollowUpDrawer
        row={open}
        today={data?.asOf ?? ''}
        canRecord={session.user.permissions.includes('payment.collect')}
        onClose={() => {
          setOpen(null);
          // Back to the list where the cashier left it.
          tableRef.current?.querySelector<HTMLElement>('[data-testid="arrears-table"]')?.focus();
        }}
        onRecorded={list.noteFollowUp}
      />
    </Stack>
  );
}
