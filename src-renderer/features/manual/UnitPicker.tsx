import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/api';
import { call } from '../../app/api';

export type UnitHit = CallOutput<'register.search'>[number];

/** Finds the unit of a paper receipt by room code, name, phone tail or pinyin initials. */
export function UnitPicker({ value, onChange }: { value: UnitHit | null; onChange: (hit: UnitHit | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 150);
  const [hits, setHits] = useState<UnitHit[]>([]);

  useEffect(() => {
    let live = true;
    if (query.trim() === '' || query === label(value)) return;
    void call('register.search', { query: query.trim(), limit: 20 }).then((r) => {
      if (live && r.ok) setHits(r.value);
    });
    return () => {
      live = false;
    };
  }, [query, value]);

  const options = value && !hits.some((h) => h.unitId === value.unitId) ? [value, ...hits] : hits;
  return (
    <Select
      size="md"
      label={t('manual.entry.unit')}
      placeholder={t('manual.entry.unitPlaceholder')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The ledger already matched pinyin initials and phone tails: show its hits as they are.
      filter={({ options: all }) => all}
      data={options.map((h) => ({ value: String(h.unitId), label: label(h) }))}
      value={value ? String(value.unitId) : null}
      onChange={(v) => onChange(options.find((h) => String(h.unitId) === v) ?? null)}
      nothingFoundMessage={query.trim() === '' ? undefined : t('manual.entry.unitNone')}
      required
      data-testid="entry-unit"
    />
  );
}

function label(h: UnitHit | null): string {
  if (!h) return '';
  return `${h.unitCode} ${h.communityName}${h.ownerName ? ` · ${h.ownerName}` : ''}`;
}
