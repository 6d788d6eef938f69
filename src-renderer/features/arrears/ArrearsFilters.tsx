import { Button, Group, NumberInput, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArrearsSort } from '../../../src-shared/api/calls/arrears';
import { AGING_BUCKET_KEYS, type AgingBucketKey } from '../../../src-shared/domain/aging';
import { YuanInput } from '../../components/YuanInput';
import { EMPTY_QUERY, type ArrearsQuery } from './format';
import type { FilterOptions } from './useFilterOptions';

const SORTS: ArrearsSort[] = ['amount_desc', 'oldest_first', 'code'];
const idOf = (value: string | null) => (value === null || value === '' ? null : Number(value));

/** The filter bar: every change asks the ledger again from the first page. */
export function ArrearsFilters({
  query,
  options,
  onChange,
  firstRef,
}: {
  query: ArrearsQuery;
  options: FilterOptions;
  onChange: (next: ArrearsQuery) => void;
  firstRef: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<ArrearsQuery>) => onChange({ ...query, ...patch });
  const community = options.communities.find((c) => c.id === query.communityId);
  const buildings = community?.buildings ?? [];
  const dirty = JSON.stringify({ ...query, sort: EMPTY_QUERY.sort }) !== JSON.stringify(EMPTY_QUERY);

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" aria-label={t('arrears.filters.label')} role="group">
      <Select
        ref={firstRef}
        label={t('arrears.filters.community')}
        w={140}
        data={options.communities.map((c) => ({ value: String(c.id), label: c.name }))}
        value={query.communityId === null ? null : String(query.communityId)}
        onChange={(v) => set({ communityId: idOf(v), buildingId: null })}
        placeholder={t('arrears.filters.allCommunities')}
        clearable
        data-testid="arrears-filter-community"
      />
      <Select
        label={t('arrears.filters.building')}
        w={110}
        data={buildings.map((b) => ({ value: String(b.id), label: b.name }))}
        value={query.buildingId === null ? null : String(query.buildingId)}
        onChange={(v) => set({ buildingId: idOf(v) })}
        placeholder={t('arrears.filters.allBuildings')}
        disabled={community === undefined}
        clearable
        data-testid="arrears-filter-building"
      />
      <Select
        label={t('arrears.filters.feeItem')}
        w={130}
        data={options.feeItems.map((f) => ({ value: String(f.id), label: f.name }))}
        value={query.feeItemId === null ? null : String(query.feeItemId)}
        onChange={(v) => set({ feeItemId: idOf(v) })}
        placeholder={t('arrears.filters.allFeeItems')}
        clearable
        data-testid="arrears-filter-fee-item"
      />
      <Select
        label={t('arrears.filters.aging')}
        w={115}
        data={AGING_BUCKET_KEYS.map((k) => ({ value: k, label: t(`arrears.agingFrom.${k}`) }))}
        value={query.minBucket}
        onChange={(v) => set({ minBucket: (v ?? 'd30') as AgingBucketKey })}
        allowDeselect={false}
        data-testid="arrears-filter-aging"
      />
      <YuanInput
        label={t('arrears.filters.minAmount')}
        size="sm"
        w={125}
        valueFen={query.minAmountFen}
        onChangeFen={(fen) => set({ minAmountFen: fen })}
        data-testid="arrears-filter-min-amount"
      />
      <NumberInput
        label={t('arrears.filters.minMonths')}
        w={100}
        min={0}
        max={600}
        allowDecimal={false}
        allowNegative={false}
        value={query.minMonthsOverdue ?? ''}
        onChange={(v) => set({ minMonthsOverdue: typeof v === 'number' ? v : null })}
        data-testid="arrears-filter-min-months"
      />
      <Select
        label={t('arrears.filters.sort')}
        w={140}
        data={SORTS.map((s) => ({ value: s, label: t(`arrears.sort.${s}`) }))}
        value={query.sort}
        onChange={(v) => set({ sort: (v ?? 'amount_desc') as ArrearsSort })}
        allowDeselect={false}
        data-testid="arrears-filter-sort"
      />
      {dirty && (
        <Button variant="subtle" size="sm" leftSection={<IconFilterOff size={16} />} onClick={() => onChange({ ...EMPTY_QUERY, sort: query.sort })} data-testid="arrears-filter-reset">
          {t('arrears.filters.reset')}
        </Button>
      )}
    </Group>
  );
}
