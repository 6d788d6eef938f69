import type BetterSqlite3 from 'better-sqlite3';

/**
 * A migration is a frozen step: it may never import constants that later code changes, so the
 * schema it produces is the same on every machine forever.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
}
