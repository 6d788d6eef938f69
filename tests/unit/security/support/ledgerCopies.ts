import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DB_FILE_NAME } from '../../../../src-main/app/createApp';
import { ROLE_CODES, type RoleCode } from '../../../../src-shared/api';
import { setupAdmin, testApp, type TestApp } from '../../support/testApp';
import { signInAs } from '../../support/users';

/** RAM-backed when the machine has it: copies are opened hundreds of times and every commit syncs. */
const COPY_ROOT = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();

/** A ledger that has been set up, with one signed-in session per role (the sessions live in it). */
export interface SignedInLedger {
  app: TestApp;
  roles: RoleCode[];
  sessions: Map<RoleCode, string>;
}

/** The roles as the fresh ledger holds them: the matrix follows the data, not a list in the test. */
export function rolesOf(app: TestApp): RoleCode[] {
  const codes = app.context.sqlite.prepare('SELECT code FROM roles ORDER BY code').pluck().all() as RoleCode[];
  const rank = (c: RoleCode) => (ROLE_CODES.includes(c) ? ROLE_CODES.indexOf(c) : ROLE_CODES.length);
  return codes.sort((a, b) => rank(a) - rank(b));
}

export function permissionsOf(app: TestApp, role: RoleCode): Set<string> {
  return new Set(app.context.sqlite.prepare('SELECT permission FROM role_permissions WHERE role_code = ?').pluck().all(role) as string[]);
}

export async function signedInLedger(): Promise<SignedInLedger> {
  const app = testApp();
  const sessions = new Map<RoleCode, string>();
  sessions.set('admin', await setupAdmin(app));
  const roles = rolesOf(app);
  await Promise.all(roles.map(async (role) => sessions.set(role, await signInAs(app, role))));
  return { app, roles, sessions };
}

/** The whole ledger as bytes (consistent: read through the pager, WAL included). */
export function snapshot(app: TestApp): Buffer {
  return app.context.sqlite.serialize();
}

/**
 * A private, writable ledger holding exactly the snapshot's data, opened through `testApp` like
 * any test ledger. Closing it removes its folder.
 */
export function openCopy(bytes: Buffer): TestApp {
  const dir = fs.mkdtempSync(path.join(COPY_ROOT, 'feedesk-sec-'));
  fs.writeFileSync(path.join(dir, DB_FILE_NAME), bytes);
  const app = testApp({ dataDir: dir });
  return {
    ...app,
    close() {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
