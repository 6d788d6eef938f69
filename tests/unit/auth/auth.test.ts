import { describe, expect, it } from 'vitest';
import { ADMIN, setupAdmin, testApp } from '../support/testApp';

describe('first-run setup and login', () => {
  it('a fresh ledger has no account and asks for setup', async () => {
    const app = testApp();
    expect(await app.must('system.bootstrap', {})).toMatchObject({ setupDone: false, companyName: null });
    expect(await app.call('auth.login', { username: 'admin', password: 'admin' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SET_UP' },
    });
  });

  it('setup creates the administrator once, with a password of their choosing', async () => {
    const app = testApp();
    const weak = await app.call('auth.setup', {
      companyName: '阳光物业',
      adminUsername: 'admin',
      adminDisplayName: '王',
      adminPassword: 'admin123admin',
    });
    expect(weak).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD', message: '密码不能包含用户名' } });
    await setupAdmin(app);
    expect(await app.must('system.bootstrap', {})).toMatchObject({ setupDone: true, companyName: '阳光物业服务有限公司' });
    const again = await app.call('auth.setup', {
      companyName: '别的公司',
      adminUsername: 'intruder',
      adminDisplayName: '某',
      adminPassword: 'Intrude2024',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
  });

  it('a wrong password and an unknown user get the same answer', async () => {
    const app = testApp();
    await setupAdmin(app);
    const wrong = await app.call('auth.login', { username: ADMIN.username, password: 'nope12345' });
    const unknown = await app.call('auth.login', { username: 'ghost', password: 'nope12345' });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
  });

  it('locks the account after five failures in a row, then accepts it again after 15 minutes', async () => {
    const app = testApp();
    await setupAdmin(app);
    for (let i = 0; i < 4; i++) await app.call('auth.login', { username: ADMIN.username, password: 'wrong-pass-1' });
    const fifth = await app.call('auth.login', { username: ADMIN.username, password: 'wrong-pass-1' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(await app.call('auth.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    app.clock.advance(15 * 60_000 + 1);
    expect(await app.call('auth.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({ ok: true });
  });

  it('logout ends the session for every later call', async () => {
    const app = testApp();
    const sessionId = await setupAdmin(app);
    expect(await app.must('auth.me', {}, sessionId)).toMatchObject({ user: { username: 'admin', role: 'admin' } });
    await app.must('auth.logout', {}, sessionId);
    expect(await app.call('system.status', {}, sessionId)).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('stores no password in the clear', async () => {
    const app = testApp();
    await setupAdmin(app);
    const stored = app.context.sqlite.prepare('SELECT password_hash FROM users').pluck().get() as string;
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain(ADMIN.password);
  });

  it('audits setup, failed and successful logins, and logout, one entry per call', async () => {
    const app = testApp();
    const sessionId = await setupAdmin(app);
    await app.call('auth.login', { username: ADMIN.username, password: 'wrong-pass-1' });
    await app.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    await app.must('auth.logout', {}, sessionId);
    const calls = app.context.sqlite.prepare('SELECT call FROM audit_log ORDER BY seq').pluck().all();
    expect(calls).toEqual(['auth.setup', 'auth.login', 'auth.login', 'auth.logout']);
  });
});
