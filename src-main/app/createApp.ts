import fs from 'node:fs';
import path from 'node:path';
import type { AppEvent, InvokeRequest, Result } from '../../src-shared/api';
import { migrations } from '../../migrations';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrator';
import { createQueryBuilder, createQueryRunner } from '../db/query';
import { FileStore } from '../files/fileStore';
import { handlers } from '../ipc/handlers';
import { createRouter, type RouterOptions } from '../ipc/router';
import { getSettings } from '../system/settings';
import { businessClock, systemClock, type Clock } from './clock';
import type { AppContext } from './context';

export const APP_VERSION = '0.1.0';
export const DB_FILE_NAME = 'feedesk.sqlite';

export interface AppOptions {
  /** Folder holding the ledger and its backups; created if missing. ':memory:' for tests. */
  dataDir: string;
  clock?: Clock;
  nativeBinding?: string;
  router?: RouterOptions;
}

export interface FeeDeskApp {
  context: AppContext;
  invoke(request: InvokeRequest): Promise<Result<unknown>>;
  on(listener: (event: AppEvent) => void): () => void;
  close(): void;
}

/** Opens (or creates) the ledger, migrates it and wires the router: the whole main side. */
export function createApp(options: AppOptions): FeeDeskApp {
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
  const probe = { sqlite, db, q } as Pick<AppContext, 'sqlite' | 'db' | 'q'>;
  const timeZone = getSettings(probe as AppContext).timeZone;
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
  const router = createRouter(context, handlers, options.router);

  return {
    context,
    invoke: (request) => router.invoke(request),
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
