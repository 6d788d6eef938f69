import type { Migration } from './types';

const roles: Array<[code: string, name: string, permissions: string[]]> = [
  ['admin', '管理员', ['system.status', 'settings.manage', 'users.manage', 'audit.read']],
  ['supervisor', '收费主管', ['system.status']],
  ['cashier', '收银员', ['system.status']],
  ['finance', '财务', ['system.status']],
  ['auditor', '审计', ['system.status', 'audit.read']],
];

export const m0001Init: Migration = {
  version: 1,
  name: 'init',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE roles (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL
      ) STRICT;

      CREATE TABLE role_permissions (
        role_code TEXT NOT NULL REFERENCES roles(code),
        permission TEXT NOT NULL,
        PRIMARY KEY (role_code, permission)
      ) STRICT;

      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        role_code TEXT NOT NULL REFERENCES roles(code),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
        locked_until TEXT,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        ended_at TEXT
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        call TEXT NOT NULL,
        entity TEXT NOT NULL,
        summary TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;

      -- The audit log is append-only: the database itself refuses edits and deletes.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
    const role = db.prepare('INSERT INTO roles (code, name) VALUES (?, ?)');
    const perm = db.prepare('INSERT INTO role_permissions (role_code, permission) VALUES (?, ?)');
    for (const [code, name, permissions] of roles) {
      role.run(code, name);
      for (const p of permissions) perm.run(code, p);
    }
  },
};
