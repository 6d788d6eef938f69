import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallOutput } from '../../../src-shared/api';
import { call } from '../../app/api';
import type { Account } from './billSelection';

export type UnitDetail = CallOutput<'register.getUnit'>;

export interface UnitAccount {
  account: Account | null;
  /** Who lives there and parks there; null while loading or when the register cannot be read. */
  detail: UnitDetail | null;
  error: string | null;
  loading: boolean;
  /** Reads the account again (after a one-off charge, a waiver, paying ahead …). */
  reload: () => Promise<Account | null>;
}

/** One unit at the desk: its account (collection.account) and its register entry, read together. */
export function useUnitAccount(unitId: number): UnitAccount {
  const [account, setAccount] = useState<Account | null>(null);
  const [detail, setDetail] = useState<UnitDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const current = useRef(unitId);

  const reload = useCallback(async () => {
    const result = await call('collection.account', { unitId });
    if (current.current !== unitId) return null;
    if (!result.ok) {
      setError(result.error.message);
      return null;
    }
    setError(null);
    setAccount(result.value);
    return result.value;
  }, [unitId]);

  useEffect(() => {
    current.current = unitId;
    setLoading(true);
    void Promise.all([
      reload(),
      call('register.getUnit', { id: unitId }).then((r) => {
        if (current.current === unitId) setDetail(r.ok ? r.value : null);
      }),
    ]).then(() => {
      if (current.current === unitId) setLoading(false);
    });
  }, [unitId, reload]);

  return { account, detail, error, loading, reload };
}
