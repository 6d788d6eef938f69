import { useCallback, useRef, useState } from 'react';
import type { CallInput, CallOutput } from '../../../src-shared/api';
import { call } from '../../app/api';
import type { PickedUnit, TenderMethod } from './format';

export interface ReceiptFilters {
  number: string;
  dateFrom: string;
  dateTo: string;
  cashierId: string | null;
  unit: PickedUnit | null;
  method: TenderMethod | null;
}

export const EMPTY_FILTERS: ReceiptFilters = { number: '', dateFrom: '', dateTo: '', cashierId: null, unit: null, method: null };

/** One screen of rows at 1366×768, so the pager stays in reach. */
export const PAGE_SIZE = 20;

type ListInput = CallInput<'collection.listReceipts'>;
type ListOutput = CallOutput<'collection.listReceipts'>;

/** The screen's filters as the call's input: empty fields are simply left out. */
export function toListInput(f: ReceiptFilters, page: number): ListInput {
  const input: ListInput = { page, pageSize: PAGE_SIZE };
  if (f.number.trim() !== '') input.number = f.number.trim();
  if (f.dateFrom !== '') input.dateFrom = f.dateFrom;
  if (f.dateTo !== '') input.dateTo = f.dateTo;
  if (f.cashierId !== null) input.cashierId = Number(f.cashierId);
  if (f.unit !== null) input.unitId = f.unit.unitId;
  if (f.method !== null) input.method = f.method;
  return input;
}

/** One list of receipts: the last answer, whether a search is running, and its error. */
export function useReceiptSearch() {
  const [result, setResult] = useState<ListOutput | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const last = useRef<ListInput | null>(null);
  const ticket = useRef(0);

  const run = useCallback(async (input: ListInput): Promise<ListOutput | null> => {
    last.current = input;
    const mine = ++ticket.current;
    setLoading(true);
    const r = await call('collection.listReceipts', input);
    // A slower, older search must not overwrite the answer to a newer one.
    if (mine !== ticket.current) return null;
    setLoading(false);
    if (!r.ok) {
      setError(r.error.message);
      return null;
    }
    setError(null);
    setResult(r.value);
    return r.value;
  }, []);

  const refresh = useCallback(async () => {
    if (last.current) await run(last.current);
  }, [run]);

  const goTo = useCallback(async (page: number) => {
    if (last.current) await run({ ...last.current, page });
  }, [run]);

  return { result, loading, error, run, refresh, goTo };
}
