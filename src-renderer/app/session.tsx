import { notifications } from '@mantine/notifications';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput, SessionInfo } from '../../src-shared/api';
import { call, onSessionLost, setSessionId } from './api';

export type Bootstrap = CallOutput<'system.bootstrap'>;

/** Where the app stands; App.tsx shows one screen per phase. */
export type Phase =
  | { kind: 'loading' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'setup'; bootstrap: Bootstrap }
  | { kind: 'login'; bootstrap: Bootstrap }
  | { kind: 'ready'; bootstrap: Bootstrap; session: SessionInfo };

interface SessionContextValue {
  phase: Phase;
  /** Asks the ledger again where we stand (start-up, retry after a failed connection). */
  reload(): Promise<void>;
  /** Setup or login succeeded: remember the session and open the shell. */
  signedIn(session: SessionInfo, companyName?: string): void;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const reload = useCallback(async () => {
    setPhase({ kind: 'loading' });
    const result = await call('system.bootstrap', {});
    if (!result.ok) {
      setPhase({ kind: 'unreachable', message: result.error.message });
      return;
    }
    setPhase(result.value.setupDone ? { kind: 'login', bootstrap: result.value } : { kind: 'setup', bootstrap: result.value });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const signedIn = useCallback((session: SessionInfo, companyName?: string) => {
    setSessionId(session.sessionId);
    setPhase((current) => {
      if (current.kind === 'loading' || current.kind === 'unreachable') return current;
      const bootstrap: Bootstrap = {
        ...current.bootstrap,
        setupDone: true,
        companyName: companyName ?? current.bootstrap.companyName,
      };
      return { kind: 'ready', bootstrap, session };
    });
  }, []);

  const toLogin = useCallback(() => {
    setSessionId(undefined);
    // Notices from the session that ended do not belong on the login screen.
    notifications.clean();
    setPhase((current) => (current.kind === 'ready' ? { kind: 'login', bootstrap: current.bootstrap } : current));
  }, []);

  const logout = useCallback(async () => {
    // Whatever the ledger answers, this window forgets the session.
    await call('auth.logout', {});
    toLogin();
  }, [toLogin]);

  useEffect(
    () =>
      onSessionLost(() => {
        toLogin();
        notifications.show({ color: 'orange', title: t('errors.title'), message: t('errors.sessionExpired') });
      }),
    [toLogin, t],
  );

  const value = useMemo(() => ({ phase, reload, signedIn, logout }), [phase, reload, signedIn, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** For screens that only exist while signed in. */
export function useSignedIn(): { bootstrap: Bootstrap; session: SessionInfo; logout: () => Promise<void> } {
  const { phase, logout } = useSession();
  if (phase.kind !== 'ready') throw new Error('useSignedIn used outside the signed-in shell');
  return { bootstrap: phase.bootstrap, session: phase.session, logout };
}
