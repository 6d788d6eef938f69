import type { AppContext } from '../app/context';
import { companyName, isSetUp } from '../auth/authService';
import { schemaVersion, latestVersion } from '../db/migrator';
import { migrations } from '../../migrations';
import { getMeta } from './meta';

export function bootstrap(app: AppContext) {
  return {
    setupDone: isSetUp(app),
    companyName: companyName(app),
    appVersion: app.appVersion,
    training: getMeta(app, 'training') === '1',
  };
}

export function status(app: AppContext) {
  const names = app.sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return {
    databaseFile: app.dbFile,
    schemaVersion: schemaVersion(app.sqlite),
    appSchemaVersion: latestVersion(migrations),
    businessDate: app.clock.today(),
    timeZone: app.clock.timeZone,
    tables: names.map((table) => ({
      table,
      // Table names come from sqlite_schema, not from the caller, so quoting them is safe.
      rows: app.sqlite.prepare(`SELECT COUNT(*) FROM "${table.replace(/"/g, '""')}"`).pluck().get() as number,
    })),
  };
}
