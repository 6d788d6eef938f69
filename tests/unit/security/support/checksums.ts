import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

/** What a refused call may still touch: its audit trail and the caller's session. */
export const VOLATILE_TABLES: ReadonlySet<string> = new Set(['audit_log', 'sessions']);
const VOLATILE_COLUMNS: ReadonlySet<string> = new Set(['last_seen_at']);

/**
 * One SHA-256 per ledger table over every row in storage order. The set of tables comes from
 * sqlite_schema, so a table added by a later migration is covered without touching this file.
 */
export function ledgerChecksums(db: BetterSqlite3.Database): Record<string, string> {
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string; sql: string }>;
  const out: Record<string, string> = {};
  for (const { name, sql } of tables) {
    if (VOLATILE_TABLES.has(name)) continue;
    const columns = db.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ name: string; pk: number }>;
    const kept = columns.filter((c) => !VOLATILE_COLUMNS.has(c.name)).map((c) => `"${c.name}"`);
    const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`);
    const order = /WITHOUT\s+ROWID/i.test(sql) ? keys.join(', ') : 'rowid';
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of db.prepare(`SELECT ${kept.join(', ')} FROM "${name}" ORDER BY ${order}`).raw().iterate()) {
      hash.update(JSON.stringify(row));
      hash.update('\n');
      rows += 1;
    }
    out[name] = `${rows}:${hash.digest('hex')}`;
  }
  return out;
}
