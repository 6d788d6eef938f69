import type { CallOutput } from '../../src-shared/api';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import { getMeta, setMeta } from '../system/meta';
import { getSettings, setSetting } from '../system/settings';

export type DeskMode = 'standalone' | 'online' | 'fallback';
type FallbackState = CallOutput<'shifts.healthCheck'>;

/** Fallback wins; without a company server the desk is simply standalone. */
export function decideMode(p: { serverUrl: string; fallbackMode: boolean }): DeskMode {
  if (p.fallbackMode) return 'fallback';
  return p.serverUrl.trim() === '' ? 'standalone' : 'online';
}

/**
 * One health result applied to the run of failures: a success ends the run, the N-th failure in a
 * row asks for fallback. Coming back from fallback stays the cashier's decision, so a flapping
 * server never switches the desk mid-payment.
 */
export function afterHealthReport(
  state: { consecutiveFailures: number; fallbackMode: boolean },
  ok: boolean,
  threshold: number,
): { consecutiveFailures: number; switchToFallback: boolean } {
  if (ok) return { consecutiveFailures: 0, switchToFallback: false };
  const consecutiveFailures = state.consecutiveFailures + 1;
  return { consecutiveFailures, switchToFallback: !state.fallbackMode && consecutiveFailures >= threshold };
}

/** Whether payments taken now are taken in 手工收费 mode (COLLECTION flags them and offers offline tenders only). */
export function isFallbackMode(app: AppContext): boolean {
  return getSettings(app).fallbackMode;
}

export function fallbackState(app: AppContext): FallbackState {
  const settings = getSettings(app);
  const lastOk = getMeta(app, KEYS.lastOk);
  return {
    mode: decideMode({ serverUrl: settings.companyServerUrl, fallbackMode: settings.fallbackMode }),
    serverUrl: settings.companyServerUrl,
    fallbackMode: settings.fallbackMode,
    reason: getMeta(app, KEYS.reason) ?? '',
    since: getMeta(app, KEYS.since) || null,
    consecutiveFailures: Number(getMeta(app, KEYS.failures) ?? 0),
    threshold: settings.fallbackAfterFailedChecks,
    lastCheckAt: getMeta(app, KEYS.lastAt) || null,
    lastCheckOk: lastOk === null || lastOk === '' ? null : lastOk === '1',
  };
}

/** Must run inside the caller's write transaction. */
export function setFallback(app: AppContext, on: boolean, reason: string): FallbackState {
  if (getSettings(app).fallbackMode === on) {
    throw new AppFailure('INVALID_STATE', on ? '已处于手工收费模式' : '当前不在手工收费模式');
  }
  switchFallback(app, on, reason);
  return fallbackState(app);
}

/** Must run inside the caller's write transaction. */
export function reportHealth(app: AppContext, ok: boolean, detail: string): FallbackState & { switched: boolean } {
  const before = fallbackState(app);
  if (before.serverUrl.trim() === '') throw new AppFailure('INVALID_STATE', '未配置公司服务器地址，单机运行无需健康检查');
  const next = afterHealthReport(before, ok, before.threshold);
  setMeta(app, KEYS.failures, String(next.consecutiveFailures));
  setMeta(app, KEYS.lastAt, app.clock.nowIso());
  setMeta(app, KEYS.lastOk, ok ? '1' : '0');
  if (next.switchToFallback) {
    const why = `连续 ${next.consecutiveFailures} 次连接公司服务器失败，自动切换${detail === '' ? '' : `（${detail}）`}`;
    switchFallback(app, true, why);
  }
  return { ...fallbackState(app), switched: next.switchToFallback };
}

/** A new address starts a new run of checks. Must run inside the caller's write transaction. */
export function setServerAddress(app: AppContext, url: string): FallbackState {
  setSetting(app, 'companyServerUrl', url);
  setMeta(app, KEYS.failures, '0');
  setMeta(app, KEYS.lastAt, '');
  setMeta(app, KEYS.lastOk, '');
  return fallbackState(app);
}

function switchFallback(app: AppContext, on: boolean, reason: string): void {
  setSetting(app, 'fallbackMode', on);
  setMeta(app, KEYS.reason, on ? reason : '');
  setMeta(app, KEYS.since, on ? app.clock.nowIso() : '');
  if (!on) setMeta(app, KEYS.failures, '0');
}

const KEYS = {
  reason: 'fallback.reason',
  since: 'fallback.since',
  failures: 'health.failures',
  lastAt: 'health.lastAt',
  lastOk: 'health.lastOk',
} as const;
