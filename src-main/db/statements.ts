import type BetterSqlite3 from 'better-sqlite3';

const byConnection = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * The connection's statement for this SQL, prepared once. A desk payment or an account view runs
 * the same handful of statements on every call, and preparing one costs more than running it.
 * A statement is shared by every caller of the same SQL, so none may switch its mode (pluck, raw).
 */
export function prepared(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let cache = byConnection.get(sqlite);
  if (!cache) {
    cache = new Map();
    byConnection.set(sqlite, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
