import { useEffect, useState } from 'react';
import { call } from '../../app/api';

export interface QueryOptions {
  cashiers: Array<{ id: number; name: string }>;
  /** The desk's business date; null until known (the PC's own date may differ). */
  today: string | null;
}

/** The choices of the receipt filters, read once when the page opens. */
export function useQueryOptions(): QueryOptions {
  const [options, setOptions] = useState<QueryOptions>({ cashiers: [], today: null });
  useEffect(() => {
    let live = true;
    void call('shifts.cashiers', {}).then((r) => {
      if (live && r.ok) setOptions(r.value);
    });
    return () => {
      live = false;
    };
  }, []);
  return options;
}
