import type BetterSqlite3 from 'better-sqlite3';
import type { AppContext } from '../../../../src-main/app/context';

/**
 * better-sqlite3 compiles a statement anew on every `prepare`, and the services and checks run
 * the same few hundred statements some 100,000 times in one property run. A per-connection cache
 * keeps 1,000 sequences inside the time budget; each hand-out resets the result modes, so one
 * caller's pluck() or raw() never leaks to the next, and a statement still being iterated is
 * never handed out twice.
 */
export function cachePreparedStatements(db: BetterSqlite3.Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, BetterSqlite3.Statement>();
  db.prepare = ((sql: string) => {
    let s = cache.get(sql);
    if (!s || s.busy) {
      s = prepare(sql);
      cache.set(sql, s);
    }
    if (s.reader) s.raw(false).pluck(false).expand(false);
    return s;
  }) as BetterSqlite3.Database['prepare'];
}

export const rows = <T>(app: AppContext, sql: string, ...params: unknown[]): T[] => app.sqlite.prepare(sql).all(...params) as T[];

/** The first column of the first row. */
export const value = <T = number>(app: AppContext, sql: string, ...params: unknown[]): T => app.sqlite.prepare(sql).pluck().get(...params) as T;

/** The first column of every row. */
export const column = <T = number>(app: AppContext, sql: string, ...params: unknown[]): T[] => app.sqlite.prepare(sql).pluck().all(...params) as T[];
