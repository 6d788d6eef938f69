import type BetterSqlite3 from 'better-sqlite3';
import { GENESIS_HASH, rowHash } from '../audit/auditLog';

type Value = string | number | null;

/**
 * Cached prepared INSERTs for bulk writing. Columns other engineers may still be adding are
 * written only when the migrated schema has them (`optional`), so the generator keeps working
 * while the schema grows.
 */
export class BulkWriter {
  private readonly columnsOf = new Map<string, Set<string>>();
  readonly counts = new Map<string, number>();
  private auditSeq = 0;
  private auditHash = GENESIS_HASH;
  private readonly auditStmt: BetterSqlite3.Statement;

  constructor(readonly db: BetterSqlite3.Database) {
    this.auditStmt = db.prepare(
      'INSERT INTO audit_log (seq, at, user_id, call, entity, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    if (head) {
      this.auditSeq = head.seq;
      this.auditHash = head.hash;
    }
  }

  /**
   * Drops the secondary indexes of the bulk tables and returns what rebuilds them from their own
   * CREATE statements: one sorted build at the end is far cheaper than millions of random index
   * inserts, and a unique index still refuses the file if the generator broke its rule.
   */
  suspendIndexes(tables: readonly string[]): () => void {
    const indexes = this.db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`)
      .all(...tables) as Array<{ name: string; sql: string }>;
    for (const i of indexes) this.db.exec(`DROP INDEX ${i.name}`);
    return () => {
      for (const i of indexes) this.db.exec(i.sql);
    };
  }

  hasColumn(table: string, column: string): boolean {
    let cols = this.columnsOf.get(table);
    if (!cols) {
      cols = new Set((this.db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name));
      this.columnsOf.set(table, cols);
    }
    return cols.has(column);
  }

  /**
   * A row inserter for `table`: call it with values in the order of `columns` (then `optional`,
   * whose values are dropped when the column does not exist); returns the new row id.
   */
  inserter(table: string, columns: readonly string[], optional: readonly string[] = []): (...values: Value[]) => number {
    const present = optional.map((c) => this.hasColumn(table, c));
    const cols = [...columns, ...optional.filter((_, i) => present[i])];
    const stmt = this.db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    const n = columns.length;
    const trim = present.some((p) => !p);
    this.counts.set(table, this.counts.get(table) ?? 0);
    return (...values: Value[]) => {
      this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
      const args = trim ? [...values.slice(0, n), ...values.slice(n).filter((_, i) => present[i])] : values;
      return Number(stmt.run(args).lastInsertRowid);
    };
  }

  /** One audit entry chained exactly as appendAudit chains it; `at` must not go backwards. */
  audit(at: string, userId: number | null, call: string, entity: string, summary: string): void {
    const row = { seq: this.auditSeq + 1, at, user_id: userId, call, entity, summary, prev_hash: this.auditHash };
    const hash = rowHash(row);
    this.auditStmt.run(row.seq, row.at, row.user_id, row.call, row.entity, row.summary, row.prev_hash, hash);
    this.auditSeq = row.seq;
    this.auditHash = hash;
    this.counts.set('audit_log', (this.counts.get('audit_log') ?? 0) + 1);
  }
}
