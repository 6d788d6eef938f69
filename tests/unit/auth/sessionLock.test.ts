import { describe, expect, it } from 'vitest';
import { ADMIN, setupAdmin, testApp } from '../support/testApp';

const MINUTE = 60_000;

describe('idle and manual screen lock', () => {
  it('locks a session idle longer than idleLockMinutes; only the same user’s password opens it', async () => {
    const app = testApp({ realIdleLock: true });
    const admin = await setupAdmin(app);
    expect((await app.must('auth.me', {}, admin)).idleLockMinutes).toBe(10);
    app.clock.advance(9 * MINUTE);
    expect(await app.call('register.listCommunities', {}, admin)).toMatchObject({ ok: true });
    app.clock.advance(9 * MINUTE); // 9 minutes after the last call: still open
    expect(await app.call('register.listCommunities', {}, admin)).toMatchObject({ ok: true });
    app.clock.advance(10 * MINUTE + 1000);
    const locked = await app.call('register.listCommunities', {}, admin);
    expect(locked).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED', message: '已锁屏，请输入密码解锁' } });
    expect(await app.call('auth.me', {}, admin)).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await app.call('auth.unlockSession', { password: 'Wrong2024x' }, admin)).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    await app.must('auth.unlockSession', { password: ADMIN.password }, admin);
    expect(await app.call('register.listCommunities', {}, admin)).toMatchObject({ ok: true });
    const trail = app.context.sqlite.prepare("SELECT summary FROM audit_log WHERE call = 'auth.unlockSession' ORDER BY seq").pluck().all();
    expect(trail).toEqual(['解锁屏幕失败：admin 密码错误（第 1 次）', '解锁屏幕：admin']);
  });

  it('writes last_seen_at at most every 30 seconds', async () => {
    const app = testApp({ realIdleLock: true });
    const admin = await setupAdmin(app);
    const seen = () => app.context.sqlite.prepare('SELECT last_seen_at FROM sessions WHERE id = ?').pluck().get(admin);
    const start = seen();
    app.clock.advance(20_000);
    await app.must('auth.me', {}, admin);
    expect(seen()).toBe(start);
    app.clock.advance(20_000);
    await app.must('auth.me', {}, admin);
    expect(seen()).toBe(app.clock.now().toISOString());
  });

  it('auth.lock locks on purpose, logout still works, and wrong unlock passwords count toward the lockout', async () => {
    const app = testApp({ realIdleLock: true });
    const admin = await setupAdmin(app);
    await app.must('users.setSecuritySettings', { idleLockMinutes: 5 }, admin);
    expect((await app.must('auth.me', {}, admin)).idleLockMinutes).toBe(5);
    await app.must('auth.lock', {}, admin);
    expect(await app.call('users.list', {}, admin)).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    for (let i = 0; i < 4; i++) await app.call('auth.unlockSession', { password: 'Wrong2024x' }, admin);
    expect(await app.call('auth.unlockSession', { password: 'Wrong2024x' }, admin)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(await app.call('auth.unlockSession', { password: ADMIN.password }, admin)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    await app.must('auth.logout', {}, admin);
    expect(await app.call('auth.me', {}, admin)).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });
});
