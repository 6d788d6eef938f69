import fs from 'node:fs';
import path from 'node:path';
import { checkIntegrity } from '../maintenance/integrity';
import { maybeDailyBackup } from '../maintenance/backup';
import { createApp, DB_FILE_NAME, type AppOptions, type FeeDeskApp } from './createApp';

const HOUR_MS = 60 * 60 * 1000;

export class DatabaseDamagedError extends Error {}

/**
 * What both shells do at start: refuse a damaged ledger (naming the newest good backup), open
 * it, and keep the daily backup going (at start, then hourly). Closing stops the timer first.
 */
export function startDesk(options: AppOptions & { onBackupError?: (error: unknown) => void }): FeeDeskApp {
  const dbFile = path.join(options.dataDir, DB_FILE_NAME);
  if (fs.existsSync(dbFile)) {
    const report = checkIntegrity(dbFile, { nativeBinding: options.nativeBinding });
    if (!report.ok) throw new DatabaseDamagedError(report.message);
  }
  const app = createApp(options);
  const report = options.onBackupError ?? ((error: unknown) => console.error('[backup]', error));
  let closed = false;
  // A backup cut short by quitting is harmless (its partial file is removed): not worth a report.
  const backup = () => void maybeDailyBackup(app.context).catch((error: unknown) => closed || report(error));
  backup();
  const timer = setInterval(backup, HOUR_MS);
  timer.unref();
  return {
    ...app,
    close() {
      closed = true;
      clearInterval(timer);
      app.close();
    },
  };
}
