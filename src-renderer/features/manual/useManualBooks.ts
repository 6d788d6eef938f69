import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../src-shared/api';
import { call } from '../../app/api';

export type ManualBook = CallOutput<'shifts.listManualBooks'>['books'][number];

/** The receipt books the user may see (all for a supervisor, their own for a cashier). */
export function useManualBooks() {
  const [books, setBooks] = useState<ManualBook[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const result = await call('shifts.listManualBooks', {});
    if (result.ok) {
      setBooks(result.value.books);
      setError(null);
    } else setError(result.error.message);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { books, error, reload };
}
