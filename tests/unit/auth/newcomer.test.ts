import { describe, expect, it } from 'vitest';
import { setupAdmin, testApp, type TestApp } from '../support/testApp';

function auditSummaries(app: TestApp, call: string): string[] {
  return app.context.sqlite.prepare('SELECT summary FROM audit_log WHERE call = ? ORDER BY seq').pluck().all(call) as string[];
}

describe('a newcomer at the desk (issue 4, done-when story)', () => {
  it('admin creates a cashier → first login must change the password → no settings → five wrong passwords lock → admin unlocks', async () => {
    const app = testApp();
    const admin = await setupAdmin(app);
    const created = await app.must('users.create', { username: 'xiaowang', displayName: '小王', role: 'cashier' }, admin);
    expect(created.user).toMatchObject({ role: 'cashier', roleName: '收银员', mustChangePassword: true, communityIds: [] });
    const temporary = created.generatedPassword!;
    expect(temporary).toMatch(/^[A-Za-z0-9]{10}$/);

    const first = await app.must('auth.login', { username: 'xiaowang', password: temporary });
    expect(first.user.mustChangePassword).toBe(true);
    expect(await app.call('register.listCommunities', {}, first.sessionId)).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码' },
    });
    expect(await app.must('auth.me', {}, first.sessionId)).toMatchObject({ user: { username: 'xiaowang' } });
    expect(await app.call('auth.changePassword', { oldPassword: temporary, newPassword: temporary }, first.sessionId)).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSWORD', message: '新密码不能与原密码相同' },
    });
    expect(await app.call('auth.changePassword', { oldPassword: temporary, newPassword: 'short1' }, first.sessionId)).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSWORD', message: '密码至少 8 位' },
    });
    const changed = await app.must('auth.changePassword', { oldPassword: temporary, newPassword: 'Cashier2024' }, first.sessionId);
    expect(changed.user.mustChangePassword).toBe(false);
    expect(await app.call('register.listCommunities', {}, first.sessionId)).toMatchObject({ ok: true });

    for (const call of ['users.securitySettings', 'users.list', 'roles.list'] as const) {
      expect(await app.call(call, {}, first.sessionId), call).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }

    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await app.call('auth.login', { username: 'xiaowang', password: 'Wrong2024x' }));
    expect(answers.slice(0, 4).every((a) => !a.ok && a.error.code === 'BAD_CREDENTIALS')).toBe(true);
    const locked = answers[4]!;
    expect(locked).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    if (!locked.ok) {
      expect(locked.error.message).toContain('锁定 15 分钟');
      expect(locked.error.message).not.toContain('xiaowang');
      expect(locked.error.message).not.toMatch(/不存在|存在/);
    }
    expect(await app.call('auth.login', { username: 'xiaowang', password: 'Cashier2024' })).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED' },
    });
    const listed = (await app.must('users.list', {}, admin)).users.find((u) => u.username === 'xiaowang')!;
    expect(listed).toMatchObject({ locked: true });

    await app.must('users.unlock', { userId: created.user.id }, admin);
    expect(await app.call('auth.login', { username: 'xiaowang', password: 'Cashier2024' })).toMatchObject({ ok: true });

    const trail = auditSummaries(app, 'auth.login').join('\n');
    expect(trail).toContain('xiaowang 密码错误（第 4 次）');
    expect(trail).toContain('xiaowang 连续 5 次密码错误，账号锁定 15 分钟');
    expect(trail).toContain('登录被拒绝：账号 xiaowang 处于锁定中');
    expect(auditSummaries(app, 'users.unlock')).toEqual(['管理员解锁账号 xiaowang']);
    expect(auditSummaries(app, 'auth.changePassword')).toEqual(['修改密码：xiaowang']);
  });

  it('lockout threshold and minutes are settings', async () => {
    const app = testApp();
    const admin = await setupAdmin(app);
    await app.must('users.setSecuritySettings', { lockoutThreshold: 3, lockoutMinutes: 30 }, admin);
    await app.must('users.create', { username: 'laoli', displayName: '老李', role: 'cashier', password: 'Zhuo2024qq' }, admin);
    for (let i = 0; i < 2; i++) await app.call('auth.login', { username: 'laoli', password: 'Wrong2024x' });
    const third = await app.call('auth.login', { username: 'laoli', password: 'Wrong2024x' });
    expect(third).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    if (!third.ok) expect(third.error.message).toContain('锁定 30 分钟');
    app.clock.advance(29 * 60_000);
    expect(await app.call('auth.login', { username: 'laoli', password: 'Zhuo2024qq' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    app.clock.advance(60_000 + 1);
    expect(await app.call('auth.login', { username: 'laoli', password: 'Zhuo2024qq' })).toMatchObject({ ok: true });
  });

  it('an administrator reset sets a temporary password that must be changed and ends old sessions', async () => {
    const app = testApp();
    const admin = await setupAdmin(app);
    const { user } = await app.must('users.create', { username: 'laoli', displayName: '老李', role: 'cashier', password: 'Zhuo2024qq' }, admin);
    const s = await app.must('auth.login', { username: 'laoli', password: 'Zhuo2024qq' });
    await app.must('auth.changePassword', { oldPassword: 'Zhuo2024qq', newPassword: 'Zhuo2025qq' }, s.sessionId);
    const reset = await app.must('users.resetPassword', { userId: user.id, password: 'Temp2024zz' }, admin);
    expect(reset).toMatchObject({ generatedPassword: null, user: { mustChangePassword: true } });
    expect(await app.call('auth.me', {}, s.sessionId)).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    expect(await app.call('auth.login', { username: 'laoli', password: 'Zhuo2025qq' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    const again = await app.must('auth.login', { username: 'laoli', password: 'Temp2024zz' });
    expect(again.user.mustChangePassword).toBe(true);
    expect(await app.call('shifts.current', {}, again.sessionId)).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
  });
});
