import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../../src-main/db/migrator';
import { nativeBindingPath, startupFailureMessage } from '../../../src-main/electron/startup';

describe('nativeBindingPath', () => {
  const where = { resourcesPath: path.resolve('/opt/FeeDesk/resources'), appRoot: path.resolve('/src/feedesk') };

  it('uses the shipped Electron build when packaged', () => {
    expect(nativeBindingPath({ ...where, isPackaged: true }, () => false)).toBe(
      path.join(where.resourcesPath, 'native', 'better_sqlite3.node'),
    );
  });

  it('uses build/electron-native in development when it has been built', () => {
    const devBuild = path.join(where.appRoot, 'build', 'electron-native', 'better_sqlite3.node');
    expect(nativeBindingPath({ ...where, isPackaged: false }, (p) => p === devBuild)).toBe(devBuild);
    expect(nativeBindingPath({ ...where, isPackaged: false }, () => false)).toBeUndefined();
  });
});

describe('startupFailureMessage', () => {
  it('passes on the Chinese explanation of a database newer than the app', () => {
    const error = new DatabaseTooNewError(7, 3);
    expect(startupFailureMessage(error)).toBe(error.message);
    expect(startupFailureMessage(error)).toContain('请升级 FeeDesk');
  });

  it('explains other failures in Chinese and keeps the detail for support', () => {
    const message = startupFailureMessage(new Error('SQLITE_CANTOPEN: unable to open database file'));
    expect(message).toMatch(/^账本数据库无法打开/);
    expect(message).toContain('SQLITE_CANTOPEN');
  });
});
