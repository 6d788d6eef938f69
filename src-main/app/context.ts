import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { AppEvent } from '../../src-shared/api';
import type { DB } from '../db/schema';
import type { QueryRunner } from '../db/query';
import type { FileStore } from '../files/fileStore';
import type { BusinessClock } from './clock';

/** Everything a service needs, passed explicitly: no module-level state, so tests build many. */
export interface AppContext {
  sqlite: BetterSqlite3.Database;
  db: Kysely<DB>;
  q: QueryRunner;
  clock: BusinessClock;
  dbFile: string;
  dataDir: string;
  appVersion: string;
  files: FileStore;
  emit(event: AppEvent): void;
}
