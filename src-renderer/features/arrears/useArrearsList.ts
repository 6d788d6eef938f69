import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallOutput } from '../../../src-shared/api';
import type { FollowUpView } from '../../../src-shared/api/calls/arrears';
import { call } from '../../app/api';
import { listFilter, PAGE_SIZE, type ArrearsQuery } from './format';

export type ArrearsPageData = CallOutput<'arrears.list'>;

/**
 * One page (100 units) of the arrears list for the filters, with the newest follow-up of each
 * unit on it. The ledger pages and totals the list itself, so 20,000 units in arrears never reach
 * the DOM at once; an answer that arrives after the filters changed again is dropped.
 */
export function useArrearsList(query: ArrearsQuery, page: number) {
  const [data, setData] = useState<ArrearsPageData | null>(null);
  const [latest, setLatest] = useState<Map<number, FollowUpView>>(new Map());
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const ticket = useRef(0);

  const load = useCallback(async () => {
    const mine = ++ticket.current;
    setLoading(true);
    const result = await call('arrears.list', { ...listFilter(query), offset: page * PAGE_SIZE, limit: PAGE_SIZE });
    if (mine !== ticket.current) return;
    if (!result.ok) {
      setError(result.error.message);
      setLoading(false);
      return;
    }
    setError(null);
    setData(result.value);
    setLoading(false);
    const unitIds = result.value.rows.map((r) => r.unitId);
    const follow = await call('arrears.latestFollowUps', { unitIds });
    if (mine === ticket.current && follow.ok) setLatest(new Map(follow.value.followUps.map((f) => [f.unitId, f])));
  }, [query, page]);

  useEffect(() => {
    void load();
  }, [load]);

  /** A follow-up just recorded shows in its row at once. */
  const noteFollowUp = useCallback((f: FollowUpView) => setLatest((m) => new Map(m).set(f.unitId, f)), []);

  return { data, latest, loading, error, reload: load, noteFollowUp };
}
