import { createHash } from 'node:crypto';
import type { AppContext } from '../app/context';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  call: string;
  entity: string;
  summary: string;
  userId: number | null;
}

export interface AuditRow {
  seq: number;
  at: string;
  user_id: number | null;
  call: string;
  entity: string;
  summary: string;
  prev_hash: string;
  hash: string;
}

/** Exported so bulk writers (the demo-data generator) chain rows exactly as appendAudit does. */
export function rowHash(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([row.seq, row.at, row.user_id, row.call, row.entity, row.summary, row.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends one entry chained to the previous one by hash. Must run inside the caller's
 * transaction so the entry commits or rolls back with the change it describes.
 */
export function appendAudit(ctx: AppContext, entry: AuditEntry): { seq: number; hash: string } {
  const head = auditHead(ctx);
  const row = {
    seq: head.seq + 1,
    at: ctx.clock.nowIso(),
    user_id: entry.userId,
    call: entry.call,
    entity: entry.entity,
    summary: entry.summary,
    prev_hash: head.hash,
  };
  const hash = rowHash(row);
  ctx.q.run(ctx.db.insertInto('audit_log').values({ ...row, hash }));
  return { seq: row.seq, hash };
}

/** The chain's head, printed on the daily report so a log cut off at its end shows on paper. */
export function auditHead(ctx: AppContext): { seq: number; hash: string } {
  const last = ctx.q.first(ctx.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1));
  return last ?? { seq: 0, hash: GENESIS_HASH };
}

export type ChainVerdict =
  | { ok: true; head: { seq: number; hash: string }; count: number }
  | { ok: false; firstBadSeq: number; reason: 'edited' | 'gap' | 'broken-link' };

/** Walks the whole chain; reports the first row that was edited, inserted or deleted out of order. */
export function verifyAuditChain(ctx: AppContext): ChainVerdict {
  const stmt = ctx.sqlite.prepare('SELECT seq, at, user_id, call, entity, summary, prev_hash, hash FROM audit_log ORDER BY seq');
  let prev = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (const row of stmt.iterate() as IterableIterator<AuditRow>) {
    if (row.seq !== prev.seq + 1) return { ok: false, firstBadSeq: prev.seq + 1, reason: 'gap' };
    if (row.prev_hash !== prev.hash) return { ok: false, firstBadSeq: row.seq, reason: 'broken-link' };
    if (rowHash(row) !== row.hash) return { ok: false, firstBadSeq: row.seq, reason: 'edited' };
    prev = { seq: row.seq, hash: row.hash };
    count++;
  }
  return { ok: true, head: prev, count };
}
