import { useEffect, useRef } from 'react';

/** What counts as someone at the desk. */
const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
/** How often the timer looks; the lock comes at most this late. */
const CHECK_MS = 15_000;
/** At most one heartbeat per this interval, and only after activity since the last one. */
const HEARTBEAT_MS = 60_000;

interface IdleLockOptions {
  enabled: boolean;
  /** The ledger's idleLockMinutes setting (SessionInfo). */
  minutes: number;
  /** Nobody touched keyboard or mouse for `minutes`. */
  onIdle(): void;
  /** Someone is working: tell the ledger, whose own idle lock only sees calls. */
  onActive(): void | Promise<void>;
}

/**
 * The desk's side of the idle lock: the overlay appears after the configured minutes without
 * input, even on a screen that makes no calls; while someone works, a heartbeat keeps the
 * ledger's session from locking behind their back (a long form typed without any call).
 */
export function useIdleLock({ enabled, minutes, onIdle, onActive }: IdleLockOptions): void {
  const handlers = useRef({ onIdle, onActive });
  useEffect(() => {
    handlers.current = { onIdle, onActive };
  });

  useEffect(() => {
    if (!enabled || minutes <= 0) return;
    let lastActivity = Date.now();
    let lastBeat = lastActivity;
    const mark = () => {
      lastActivity = Date.now();
    };
    ACTIVITY.forEach((name) => window.addEventListener(name, mark, { capture: true, passive: true }));
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (now - lastActivity >= minutes * 60_000) {
        handlers.current.onIdle();
        return;
      }
      if (lastActivity > lastBeat && now - lastBeat >= HEARTBEAT_MS) {
        lastBeat = now;
        void handlers.current.onActive();
      }
    }, CHECK_MS);
    return () => {
      window.clearInterval(timer);
      ACTIVITY.forEach((name) => window.removeEventListener(name, mark, { capture: true }));
    };
  }, [enabled, minutes]);
}
