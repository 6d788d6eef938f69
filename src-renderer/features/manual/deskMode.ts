/**
 * The desk's collection mode (RULES §7) as one shared store: the status light, the fallback
 * banner and the tender choices all read the same state, and only one poller runs however many
 * components watch it. The ledger answers the mode (shifts.healthCheck); while a company server is
 * configured, main checks it every minute (shifts.probeServer) and switches to fallback itself
 * after the configured number of failures in a row.
 */
import { notifications } from '@mantine/notifications';
import { useEffect, useSyncExternalStore } from 'react';
import type { CallOutput } from '../../../src-shared/api';
import type { TenderMethod } from '../../../src-shared/api/calls/collection';
import { call } from '../../app/api';
import { useSession } from '../../app/session';
import { i18n } from '../../i18n';

export type DeskModeState = CallOutput<'shifts.healthCheck'>;

/** What the desk can take while the online parts are down: no e-payment can be confirmed. */
export const OFFLINE_TENDERS: readonly TenderMethod[] = ['cash', 'card', 'transfer'];

/** The tenders to offer now: all of them normally, the offline ones in fallback. */
export function tendersFor(state: DeskModeState | null, all: readonly TenderMethod[]): TenderMethod[] {
  return state?.fallbackMode ? all.filter((m) => OFFLINE_TENDERS.includes(m)) : [...all];
}

const READ_EVERY_MS = 20_000;
const PROBE_EVERY_MS = 60_000;

let state: DeskModeState | null = null;
const listeners = new Set<() => void>();
let watchers = 0;
let paused = false;
let timers: number[] = [];

function publish(next: DeskModeState): void {
  state = next;
  listeners.forEach((l) => l());
}

/** Reads the mode as the ledger has it now. */
export async function refreshDeskMode(): Promise<void> {
  const result = await call('shifts.healthCheck', {});
  if (result.ok) publish(result.value);
}

/** One check of the company server from main; nothing to check when standalone. */
export async function probeServer(): Promise<string | null> {
  if (state === null || state.serverUrl.trim() === '') return null;
  const result = await call('shifts.probeServer', {});
  if (!result.ok) return result.error.message;
  const { switched, ...next } = result.value;
  publish(next);
  if (switched) notifications.show({ color: 'orange', autoClose: false, message: i18n.t('manual.banner.autoSwitched') });
  return null;
}

/** The cashier's own switch, with the reason the audit log keeps. */
export async function switchFallback(on: boolean, reason: string): Promise<string | null> {
  const result = await call('shifts.setFallback', { on, reason });
  if (!result.ok) return result.error.message;
  publish(result.value);
  return null;
}

/** The settings page's address: a new address starts a new run of checks. */
export async function setServerAddress(url: string): Promise<string | null> {
  const result = await call('shifts.setServerAddress', { url });
  if (!result.ok) return result.error.message;
  publish(result.value);
  return null;
}

function start(): void {
  void refreshDeskMode();
  timers = [
    window.setInterval(() => !paused && void refreshDeskMode(), READ_EVERY_MS),
    window.setInterval(() => !paused && void probeServer(), PROBE_EVERY_MS),
  ];
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (++watchers === 1) start();
  return () => {
    listeners.delete(listener);
    if (--watchers === 0) {
      timers.forEach((t) => window.clearInterval(t));
      timers = [];
    }
  };
}

/**
 * The desk mode for any component (the shell's banner, the desk's tender list, this page). Polling
 * pauses while the screen is locked, so a locked desk makes no calls behind the lock.
 */
export function useDeskMode(): DeskModeState | null {
  const { locked } = useSession();
  useEffect(() => {
    paused = locked;
    if (!locked && watchers > 0) void refreshDeskMode();
  }, [locked]);
  return useSyncExternalStore(subscribe, () => state);
}
