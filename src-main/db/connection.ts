import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';

export interface OpenOptions {
  /** Path to an Electron-ABI build of better-sqlite3, so the Node build stays intact for tests. */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Opens the ledger with the pragmas the money depends on: WAL for readers beside the writer,
 * synchronous=FULL so a committed payment survives a power cut, foreign keys enforced.
 */
export function openDatabase(file: string, options: OpenOptions = {}): BetterSqlite3.Database {
  const db = new Database(file, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  return db;
}
