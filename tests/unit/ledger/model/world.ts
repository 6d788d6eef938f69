import { changedPostedRows, snapshotPostedAmounts, type AmountSnapshot } from '../../../../src-main/ledger/invariants';
import { contract, type CallInput, type CallName, type CallOutput, type Result } from '../../../../src-shared/api';
import type { TestApp } from '../../support/testApp';
import { changeMark, changesSince, forbiddenChanges, rowCounts } from './changeLog';
import { ledgerViolations } from './ledgerChecks';
import type { Estate, Staff } from './ledgerImage';
import { column, value } from './statements';

/**
 * One sequence: the ledger it runs on, the staff, and a trace of every call and its answer so
 * that a failing (shrunk) sequence reads as what the desk did.
 */
export interface World {
  app: TestApp;
  estate: Estate;
  trace: string[];
  keys: number;
  /** The last desk payment that posted, to send again as a double click would. */
  lastCollect: { who: Staff; input: CallInput<'collection.collect'>; paymentId: number } | null;
  /** Running inside inFreshLedger's outer transaction. */
  isolated: boolean;
  /** Posted amounts after the last operation: the next one compares against it. */
  snapshot: AmountSnapshot;
}

export class InvariantBroken extends Error {}

/** A world on an open ledger (a fresh copy, or the shared one inside `inFreshLedger`). */
export function openWorld(app: TestApp, estate: Estate): World {
  return { app, estate, isolated: app.context.sqlite.inTransaction, trace: [], keys: 0, lastCollect: null, snapshot: snapshotPostedAmounts(app.context) };
}

export function fail(world: World, what: string, detail?: unknown): never {
  const body = detail === undefined ? '' : `\n${JSON.stringify(detail, null, 1)}`;
  throw new InvariantBroken(`${what}${body}`);
}

export const newKey = (world: World): string => `prop-${String(++world.keys).padStart(6, '0')}`;

export const changeMarkOf = (world: World): number => changeMark(world.app.context);

const auditCount = (world: World) => value(world.app.context, 'SELECT COUNT(*) FROM audit_log');

/**
 * Every call goes through here. A refusal must be an expected one (never INTERNAL) and must
 * change nothing at all — not one row of any table but the sessions' last-seen time; a read
 * changes nothing either; a mutating
 * call that succeeds writes exactly one audit entry (none when it only answers a replay).
 */
export async function act<N extends CallName>(world: World, who: Staff | 'admin', name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  const ctx = world.app.context;
  const mark = changeMark(ctx);
  const counts = rowCounts(ctx);
  const audits = auditCount(world);
  const r = await world.app.call(name, input, world.estate.sessions[who]);
  world.trace.push(`${who} ${name} ${JSON.stringify(input)} → ${r.ok ? 'ok' : `${r.error.code} ${r.error.message}`}`);
  if (world.app.internalErrors.length > 0) fail(world, `${name} 内部错误`, String(world.app.internalErrors[0]));
  // Under inFreshLedger the sequence's outer transaction must survive every call.
  if (!ctx.sqlite.inTransaction && world.isolated) fail(world, `${name} 之后外层事务丢失`);
  if (!r.ok || !contract[name].mutates) {
    if (!r.ok && r.error.code === 'INTERNAL') fail(world, `${name} 返回 INTERNAL`);
    const changed = changesSince(ctx, mark);
    if (changed.length > 0) fail(world, `${name} ${r.ok ? '只读调用' : '被拒绝'}却改动了账本`, changed);
    const after = rowCounts(ctx);
    if (JSON.stringify(after) !== JSON.stringify(counts)) fail(world, `${name} 被拒绝后行数变化`, { counts, after });
  } else {
    const replayed = (r.value as { replayed?: boolean }).replayed === true;
    const written = auditCount(world) - audits;
    if (written !== (replayed ? 0 : 1)) fail(world, `${name} 写了 ${written} 条审计记录`);
  }
  return r;
}

/** The unwrapped value of a call the model expects to succeed. */
export async function expectOk<N extends CallName>(world: World, who: Staff | 'admin', name: N, input: CallInput<N>, why: string): Promise<CallOutput<N>> {
  const r = await act(world, who, name, input);
  if (!r.ok) fail(world, `${why}：${name} 却被拒绝 ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Runs one operation, then holds the whole ledger to every invariant. */
export async function step(world: World, label: string, run: () => Promise<void>): Promise<void> {
  world.trace.push(`— ${label}`);
  await run();
  const after = snapshotPostedAmounts(world.app.context);
  const changed = changedPostedRows(world.snapshot, after);
  world.snapshot = after;
  if (changed.length > 0) fail(world, '已过账的金额被改动或行被删除', changed.slice(0, 10));
  const forbidden = forbiddenChanges(world.app.context);
  if (forbidden.length > 0) fail(world, '事务中改写了已过账金额或删除了行', forbidden);
  const violations = ledgerViolations(world.app.context);
  if (violations.length > 0) fail(world, '账本不变式被破坏', violations);
}

export function userOf(world: World, who: Staff): number {
  return world.estate.userIds[who];
}

export function hasOpenShift(world: World, who: Staff): boolean {
  return value(world.app.context, `SELECT COUNT(*) FROM shifts WHERE cashier_id = ? AND status = 'open'`, userOf(world, who)) > 0;
}

/** The item at `pick` of a list, cycling; null when the list is empty. */
export function nth<T>(list: T[], pick: number): T | null {
  return list.length === 0 ? null : list[pick % list.length]!;
}

export function ids(world: World, sql: string, ...params: unknown[]): number[] {
  return column(world.app.context, sql, ...params);
}
