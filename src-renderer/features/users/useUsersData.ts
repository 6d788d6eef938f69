import { useCallback, useEffect, useState } from 'react';
import { call } from '../../app/api';
import type { CommunityOption, UserView } from './format';

interface UsersData {
  users: UserView[] | null;
  communities: CommunityOption[];
  error: string | null;
  reload(): Promise<void>;
  /** Puts a changed user (the answer of an update) in place without a round trip. */
  replace(user: UserView): void;
}

/** The user list (optionally with disabled users) and the communities a scope can name. */
export function useUsersData(includeDisabled: boolean, canReadRegister: boolean): UsersData {
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [communities, setCommunities] = useState<CommunityOption[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await call('users.list', { includeDisabled });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    setUsers(result.value.users);
  }, [includeDisabled]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!canReadRegister) return;
    void call('register.listCommunities', {}).then((result) => {
      if (result.ok) setCommunities(result.value.map((c) => ({ id: c.id, name: c.name })));
      else setError(result.error.message);
    });
  }, [canReadRegister]);

  const replace = useCallback(
    (user: UserView) => {
      setUsers((list) => {
        if (!list) return list;
        const kept = list.map((u) => (u.id === user.id ? user : u));
        // A user just disabled leaves the list unless disabled users are shown.
        return includeDisabled ? kept : kept.filter((u) => !u.disabled);
      });
    },
    [includeDisabled],
  );

  return { users, communities, error, reload, replace };
}
