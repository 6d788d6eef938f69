import { DatabaseDamagedError } from '../app/startDesk';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseTooNewError } from '../db/migrator';

export interface BindingLocation {
  isPackaged: boolean;
  resourcesPath: string;
  appRoot: string;
}

/**
 * Where the Electron-ABI build of better-sqlite3 lives. It is kept apart from
 * node_modules/better-sqlite3 so that the Node build the tests use is never rebuilt in place.
 * In development, without that build, better-sqlite3 falls back to its own (and says so).
 */
export function nativeBindingPath(where: BindingLocation, exists = fs.existsSync): string | undefined {
  if (where.isPackaged) return path.join(where.resourcesPath, 'native', 'better_sqlite3.node');
  const devBuild = path.join(where.appRoot, 'build', 'electron-native', 'better_sqlite3.node');
  return exists(devBuild) ? devBuild : undefined;
}

export const STARTUP_FAILURE_TITLE = 'FeeDesk 无法启动';

/** What the cashier reads before the app quits; the detail line is for whoever supports them. */
export function startupFailureMessage(error: unknown): string {
  if (error instanceof DatabaseTooNewError || error instanceof DatabaseDamagedError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `账本数据库无法打开，程序将退出。请联系管理员。\n\n详细信息：${detail}`;
}
