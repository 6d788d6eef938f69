import { notifications } from '@mantine/notifications';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput, SessionInfo } from '../../src-shared/api';
import { call, onPasswordChangeRequired, onSessionLost, setSessionId, setUnlockWaiter } from './api';
import { useIdleLock } from './useIdleLock';

export type Bootstrap = CallOutput<'system.bootstrap'>;

/** Where the app stands; App.tsx shows one screen per phase. */
export type Phase =
  | { kind: 'loading' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'setup'; bootstrap: Bootstrap }
  | { kind: 'login'; bootstrap: Bootstrap }
  /** Right after first-run setup: the one-time recovery code, before the shell. */
  | { kind: 'recoveryCode'; bootstrap: Bootstrap; session: SessionInfo; recoveryCode: string }
  /** A new user, or after an administrator's reset: only the password change is open. */
  | { kind: 'changePassword'; bootstrap: Bootstrap; session: SessionInfo }
  | { kind: 'ready'; bootstrap: Bootstrap; session: SessionInfo };

interface SessionContextValue {
  phase: Phase;
  /** Asks the ledger again where we stand (start-up, retry after a failed connection). */
  reload(): Promise<void>;
  /** Setup, login, a password change or a fresher auth.me: remember the session and go on. */
  signedIn(session: SessionInfo, companyName?: string): void;
  /** First-run setup succeeded: show the recovery code once, then the shell. */
  setUpWithRecoveryCode(session: SessionInfo, recoveryCode: string, companyName: string): void;
  /** The lock overlay covers the shell; the page under it stays mounted. */
  locked: boolean;
  /** Locks the screen now (a "锁屏" button, the idle timer). */
  lockNow(): void;
  /** The overlay's password was right: calls waiting on the lock are sent again. */
  unlocked(session: SessionInfo): void;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

function withSession(current: Phase, session: SessionInfo, companyName?: string): Phase {
  if (current.kind === 'loading' || current.kind === 'unreachable') return current;
  const bootstrap: Bootstrap = { ...current.bootstrap, setupDone: true, companyName: companyName ?? current.bootstrap.companyName };
  if (session.user.mustChangePassword) return { kind: 'changePassword', bootstrap, session };
  // The same session again (heartbeat): keep the object, so nothing re-renders for nothing.
  if (current.kind === 'ready' && JSON.stringify(current.session) === JSON.stringify(session)) return current;
  return { kind: 'ready', bootstrap, session };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [locked, setLocked] = useState(false);
  // One promise for every call refused while locked; settled by the unlock or by leaving.
  const unlockWait = useRef<{ promise: Promise<boolean>; settle: (again: boolean) => void } | null>(null);

  const releaseWaiting = useCallback((again: boolean) => {
    unlockWait.current?.settle(again);
    unlockWait.current = null;
  }, []);

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
    setPhase((current) => withSession(current, session, companyName));
  }, []);

  const setUpWithRecoveryCode = useCallback((session: SessionInfo, recoveryCode: string, companyName: string) => {
    setSessionId(session.sessionId);
    setPhase((current) =>
      current.kind === 'setup'
        ? { kind: 'recoveryCode', bootstrap: { ...current.bootstrap, setupDone: true, companyName }, session, recoveryCode }
        : current,
    );
  }, []);

  const toLogin = useCallback(() => {
    setSessionId(undefined);
    setLocked(false);
    releaseWaiting(false);
    // Notices from the session that ended do not belong on the login screen.
    notifications.clean();
    setPhase((current) => ('session' in current ? { kind: 'login', bootstrap: current.bootstrap } : current));
  }, [releaseWaiting]);

  const logout = useCallback(async () => {
    // Whatever the ledger answers, this window forgets the session.
    await call('auth.logout', {});
    toLogin();
  }, [toLogin]);

  const waitForUnlock = useCallback(() => {
    if (!unlockWait.current) {
      let settle: (again: boolean) => void = () => undefined;
      const promise = new Promise<boolean>((resolve) => (settle = resolve));
      unlockWait.current = { promise, settle };
    }
    setLocked(true);
    return unlockWait.current.promise;
  }, []);

  const lockNow = useCallback(() => {
    setLocked(true);
    // auth.lock is accepted while locked, so this never waits on the overlay it opens.
    void call('auth.lock', {});
  }, []);

  const unlocked = useCallback(
    (session: SessionInfo) => {
      setLocked(false);
      setPhase((current) => withSession(current, session));
      releaseWaiting(true);
    },
    [releaseWaiting],
  );

  useEffect(() => {
    setUnlockWaiter(waitForUnlock);
    return () => setUnlockWaiter(null);
  }, [waitForUnlock]);

  useEffect(
    () =>
      onSessionLost(() => {
        toLogin();
        notifications.show({ color: 'orange', title: t('errors.title'), message: t('errors.sessionExpired') });
      }),
    [toLogin, t],
  );

  useEffect(
    () =>
      onPasswordChangeRequired(() =>
        setPhase((current) => (current.kind === 'ready' ? { kind: 'changePassword', bootstrap: current.bootstrap, session: current.session } : current)),
      ),
    [],
  );

  const ready = phase.kind === 'ready' ? phase : null;
  useIdleLock({
    enabled: ready !== null && !locked,
    minutes: ready?.session.idleLockMinutes ?? 0,
    onIdle: lockNow,
    onActive: async () => {
      // A heartbeat while someone works, so the ledger's own idle lock counts the same activity.
      const me = await call('auth.me', {});
      if (me.ok) signedIn(me.value);
    },
  });

  const value = useMemo(
    () => ({ phase, reload, signedIn, setUpWithRecoveryCode, locked, lockNow, unlocked, logout }),
    [phase, reload, signedIn, setUpWithRecoveryCode, locked, lockNow, unlocked, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** For screens that only exist while signed in. */
export function useSignedIn(): { bootstrap: Bootstrap; session: SessionInfo; logout: () => Promise<void>; lockNow: () => void } {
  const { phase, logout, lockNow } = useSession();
  if (phase.kind !== 'ready') throw new Error('useSignedIn used outside the signed-in shell');
  return { bootstrap: phase.bootstrap, session: phase.session, logout, lockNow };
}
