import fs from 'node:fs';
import path from 'node:path';
import type { AppEvent } from '../../src-shared/api';
import { migrations } from '../../migrations';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrator';
import { createQueryBuilder, createQueryRunner } from '../db/query';
import { FileStore } from '../files/fileStore';
import { getSettings } from '../system/settings';
import { businessClock, systemClock, type Clock } from './clock';
import type { AppContext } from './context';

export const APP_VERSION = '0.1.0';
export const DB_FILE_NAME = 'feedesk.sqlite';

export interface LedgerOptions {
  /** Folder holding the ledger and its backups; created if missing. ':memory:' for tests. */
  dataDir: string;
  clock?: Clock;
  nativeBinding?: string;
}

export interface Ledger {
  context: AppContext;
  on(listener: (event: AppEvent) => void): () => void;
  close(): void;
}

/**
 * Opens (or creates) and migrates the ledger and builds the context services run on, without
 * the router: tools such as the demo-data generator and the crash test's child use it directly.
 */
export function openLedger(options: LedgerOptions): Ledger {
  const inMemory = options.dataDir === ':memory:';
  const dbFile = inMemory ? ':memory:' : path.join(options.dataDir, DB_FILE_NAME);
  if (!inMemory) fs.mkdirSync(options.dataDir, { recursive: true });
  const sqlite = openDatabase(dbFile, { nativeBinding: options.nativeBinding });
  try {
    migrate(sqlite, migrations, inMemory ? {} : { backupDir: path.join(options.dataDir, 'backups') });
  } catch (error) {
    sqlite.close();
    throw error;
  }

  const listeners = new Set<(event: AppEvent) => void>();
  const db = createQueryBuilder();
  const q = createQueryRunner(sqlite);
  const timeZone = getSettings({ sqlite, db, q } as AppContext).timeZone;
  const context: AppContext = {
    sqlite,
    db,
    q,
    clock: businessClock(options.clock ?? systemClock, timeZone),
    dbFile: inMemory ? ':memory:' : path.resolve(dbFile),
    dataDir: inMemory ? ':memory:' : path.resolve(options.dataDir),
    appVersion: APP_VERSION,
    files: new FileStore(),
    emit: (event) => listeners.forEach((l) => l(event)),
  };

  return {
    context,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      if (sqlite.open) {
        if (!inMemory) sqlite.pragma('wal_checkpoint(TRUNCATE)');
        sqlite.close();
      }
    },
  };
}
