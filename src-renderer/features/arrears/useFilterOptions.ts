import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../src-shared/api';
import { call } from '../../app/api';

export type CommunityOption = CallOutput<'register.listCommunities'>[number];

export interface FilterOptions {
  communities: CommunityOption[];
  feeItems: Array<{ id: number; name: string }>;
}

/** The choices of the filter bar (communities with their buildings, fee items), read once. */
export function useFilterOptions(): FilterOptions {
  const [options, setOptions] = useState<FilterOptions>({ communities: [], feeItems: [] });
  useEffect(() => {
    let live = true;
    void Promise.all([call('register.listCommunities', {}), call('fees.listItems', {})]).then(([communities, items]) => {
      if (!live) return;
      setOptions({
        communities: communities.ok ? communities.value : [],
        // A deposit is held, never owed: it has no arrears to filter by.
        feeItems: items.ok ? items.value.filter((f) => f.method !== 'DEPOSIT').map((f) => ({ id: f.id, name: f.name })) : [],
      });
    });
    return () => {
      live = false;
    };
  }, []);
  return options;
}
