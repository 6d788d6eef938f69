import type { Migration } from './types';

/**
 * Access control (RULES §10): a data scope per user, the idle/manual screen lock of a session,
 * and the administrator's one-time recovery code (only its scrypt hash).
 */
export const m0003Access: Migration = {
  version: 3,
  name: 'access',
  up(db) {
    db.exec(`
      -- The communities a user may see and change; no row at all = every community.
      CREATE TABLE user_communities (
        user_id INTEGER NOT NULL REFERENCES users(id),
        community_id INTEGER NOT NULL REFERENCES communities(id),
        PRIMARY KEY (user_id, community_id)
      ) STRICT;

      -- Locked by auth.lock or found idle: only auth.unlockSession (the same user's password) opens it.
      ALTER TABLE sessions ADD COLUMN locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1));

      -- Set at first-run setup and by users.newRecoveryCode; NULL once spent.
      ALTER TABLE users ADD COLUMN recovery_code_hash TEXT;
    `);
  },
};
