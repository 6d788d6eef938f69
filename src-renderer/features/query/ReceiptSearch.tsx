import { Paper, Stack } from '@mantine/core';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ReceiptRow } from './format';
import { ReceiptFilterBar } from './ReceiptFilterBar';
import { ReceiptTable } from './ReceiptTable';
import { EMPTY_FILTERS, PAGE_SIZE, toListInput, useReceiptSearch, type ReceiptFilters } from './useReceiptSearch';
import type { QueryOptions } from './useQueryOptions';

export interface ReceiptSearchHandle {
  focusNumber(): void;
  focusResults(): void;
  refresh(): Promise<void>;
}

/**
 * 收据查询: the filters over the list. Enter searches; a search by number that finds exactly one
 * receipt opens it at once (number + Enter is all a cashier types).
 */
export const ReceiptSearch = forwardRef<ReceiptSearchHandle, { options: QueryOptions; onOpen: (row: ReceiptRow) => void }>(function ReceiptSearch(
  { options, onOpen },
  ref,
) {
  const [filters, setFilters] = useState<ReceiptFilters>(EMPTY_FILTERS);
  const [active, setActive] = useState(0);
  const search = useReceiptSearch();
  const numberRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const { run } = search;

  useImperativeHandle(ref, () => ({
    focusNumber: () => {
      numberRef.current?.focus();
      numberRef.current?.select();
    },
    focusResults: () => tableRef.current?.focus(),
    refresh: search.refresh,
  }));

  // The newest receipts are on screen from the start; focus waits in the number box.
  useEffect(() => {
    void run(toListInput(EMPTY_FILTERS, 1));
    numberRef.current?.focus();
  }, [run]);

  const submit = async () => {
    setActive(0);
    const found = await run(toListInput(filters, 1));
    if (found && found.total === 1 && filters.number.trim() !== '' && found.rows[0]) onOpen(found.rows[0]);
  };

  const rows = search.result?.rows ?? [];
  return (
    <Stack gap="md">
      <Paper withBorder p="sm" radius="md">
        <ReceiptFilterBar
          value={filters}
          onChange={setFilters}
          onSearch={() => void submit()}
          onIntoResults={() => rows.length > 0 && tableRef.current?.focus()}
          options={options}
          loading={search.loading}
          numberRef={numberRef}
        />
      </Paper>
      <ErrorAlert message={search.error} testId="query-error" />
      {search.result && (
        <Paper withBorder p="sm" radius="md">
          <ReceiptTable
            rows={rows}
            total={search.result.total}
            page={search.result.page}
            pageSize={PAGE_SIZE}
            active={Math.min(active, Math.max(rows.length - 1, 0))}
            onActive={setActive}
            onOpen={onOpen}
            onPage={(page) => {
              setActive(0);
              void search.goTo(page);
            }}
            tableRef={tableRef}
            testId="query-results"
          />
        </Paper>
      )}
    </Stack>
  );
});
