import type { RoleCode } from '../../../src-shared/api';
import { hashPassword } from '../../../src-main/auth/password';
import type { TestApp } from './testApp';

export const TEST_PASSWORD = 'Desk2024ok';

/** Adds a user of the given role straight into the ledger and signs them in. */
export async function signInAs(app: TestApp, role: RoleCode, username: string = `${role}1`): Promise<string> {
  const hash = await hashPassword(TEST_PASSWORD);
  app.context.sqlite
    .prepare(
      `INSERT INTO users (username, display_name, password_hash, role_code, created_at)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING`,
    )
    .run(username, `${role}-${username}`, hash, role, app.clock.now().toISOString());
  return (await app.must('auth.login', { username, password: TEST_PASSWORD })).sessionId;
}
