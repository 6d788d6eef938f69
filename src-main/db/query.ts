import type BetterSqlite3 from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
} from 'kysely';
import type { DB } from './schema';

/**
 * Kysely builds and type-checks the SQL; better-sqlite3 runs it synchronously. Synchronous
 * execution is what lets a payment, its allocations, its receipt number and its audit entry
 * commit in one SQLite transaction without interleaving other calls.
 */
export function createQueryBuilder(): Kysely<DB> {
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

export interface QueryRunner {
  all<R>(query: Compilable<R>): R[];
  first<R>(query: Compilable<R>): R | undefined;
  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number };
}

export function createQueryRunner(sqlite: BetterSqlite3.Database): QueryRunner {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string): BetterSqlite3.Statement => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = sqlite.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  return {
    all<R>(query: Compilable<R>): R[] {
      const c = query.compile();
      return prepare(c.sql).all(...(c.parameters as unknown[])) as R[];
    },
    first<R>(query: Compilable<R>): R | undefined {
      const c = query.compile();
      return prepare(c.sql).get(...(c.parameters as unknown[])) as R | undefined;
    },
    run(query: Compilable<unknown>) {
      const c = query.compile();
      const r = prepare(c.sql).run(...(c.parameters as unknown[]));
      return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
    },
  };
}
