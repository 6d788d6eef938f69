import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from './DateField';
import { METHODS, type TenderMethod } from './format';
import { UnitSearch } from './UnitSearch';
import { EMPTY_FILTERS, type ReceiptFilters } from './useReceiptSearch';
import type { QueryOptions } from './useQueryOptions';

/**
 * The receipt filters: number, date range, cashier, method and unit. Enter in the number or a
 * date field searches; ↓ from there moves into the results.
 */
export function ReceiptFilterBar({
  value,
  onChange,
  onSearch,
  onIntoResults,
  options,
  loading,
  numberRef,
}: {
  value: ReceiptFilters;
  onChange: (next: ReceiptFilters) => void;
  onSearch: () => void;
  onIntoResults: () => void;
  options: QueryOptions;
  loading: boolean;
  numberRef: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof ReceiptFilters>(key: K, v: ReceiptFilters[K]) => onChange({ ...value, [key]: v });
  const keys = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      onSearch();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      onIntoResults();
    }
  };

  return (
    <Group gap={10} align="flex-end" wrap="wrap">
      <TextInput
        ref={numberRef}
        size="sm"
        w={150}
        label={t('query.filters.number')}
        placeholder={t('query.filters.numberHint')}
        value={value.number}
        onChange={(e) => set('number', e.currentTarget.value)}
        onKeyDown={keys}
        data-testid="query-number"
      />
      <DateField size="sm" w={125} label={t('query.filters.dateFrom')} value={value.dateFrom} onChange={(v) => set('dateFrom', v)} onKeyDown={keys} data-testid="query-date-from" />
      <DateField size="sm" w={125} label={t('query.filters.dateTo')} value={value.dateTo} onChange={(v) => set('dateTo', v)} onKeyDown={keys} data-testid="query-date-to" />
      <Select
        size="sm"
        w={110}
        label={t('query.filters.cashier')}
        placeholder={t('query.filters.all')}
        clearable
        data={options.cashiers.map((c) => ({ value: String(c.id), label: c.name }))}
        value={value.cashierId}
        onChange={(v) => set('cashierId', v)}
        data-testid="query-cashier"
      />
      <Select
        size="sm"
        w={110}
        label={t('query.filters.method')}
        placeholder={t('query.filters.all')}
        clearable
        data={METHODS.map((m) => ({ value: m, label: t(`query.methods.${m}`) }))}
        value={value.method}
        onChange={(v) => set('method', v as TenderMethod | null)}
        data-testid="query-method"
      />
      <UnitSearch size="sm" w={190} label={t('query.filters.unit')} placeholder={t('query.unit.short')} value={value.unit} onChange={(u) => set('unit', u)} testId="query-unit" />
      <Button size="sm" leftSection={<IconSearch size={16} />} loading={loading} onClick={onSearch} data-testid="query-search">
        {t('query.filters.search')}
      </Button>
      <Button size="sm" variant="default" onClick={() => onChange(EMPTY_FILTERS)} data-testid="query-reset">
        {t('query.filters.reset')}
      </Button>
    </Group>
  );
}
