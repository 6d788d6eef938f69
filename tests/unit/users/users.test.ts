import { describe, expect, it } from 'vitest';
import { setupAdmin, testApp, type TestApp } from '../support/testApp';

const trail = (app: TestApp, call: string) =>
  app.context.sqlite.prepare('SELECT summary FROM audit_log WHERE call = ? ORDER BY seq').pluck().all(call) as string[];

async function adminApp() {
  const app = testApp({ realIdleLock: true });
  const admin = await setupAdmin(app);
  const adminId = (await app.must('auth.me', {}, admin)).user.id;
  return { app, admin, adminId };
}

describe('users and roles as data (RULES §10)', () => {
  it('creates users with a role, communities and a typed or generated password; refuses duplicates and weak passwords', async () => {
    const { app, admin } = await adminApp();
    const now = app.clock.now().toISOString();
    const c = app.context.sqlite.prepare("INSERT INTO communities (code, name, created_at) VALUES ('YG', '阳光花园', ?)").run(now).lastInsertRowid;
    const typed = await app.must('users.create', { username: 'lisi', displayName: '李四', role: 'supervisor', communityIds: [Number(c)], password: 'Desk2024si' }, admin);
    expect(typed).toMatchObject({ generatedPassword: null, user: { communityIds: [Number(c)], mustChangePassword: true, roleName: '收费主管' } });
    expect(await app.call('users.create', { username: 'LISI', displayName: '李四', role: 'cashier' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE' },
    });
    expect(await app.call('users.create', { username: 'wangwu', displayName: '王五', role: 'cashier', password: 'password' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSWORD' },
    });
    expect(await app.call('users.create', { username: 'wangwu', displayName: '王五', role: 'cashier', communityIds: [999] }, admin)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(trail(app, 'users.create')).toEqual(['新建用户 lisi（李四），角色 收费主管，管辖 阳光花园，首次登录须修改密码']);
    const stored = app.context.sqlite.prepare("SELECT password_hash FROM users WHERE username = 'lisi'").pluck().get() as string;
    expect(stored).toMatch(/^scrypt\$/);
  });

  it('updates role, name and disabled with an audit entry saying what changed; disabling ends the user’s sessions', async () => {
    const { app, admin } = await adminApp();
    const { user } = await app.must('users.create', { username: 'lisi', displayName: '李四', role: 'cashier', password: 'Desk2024si' }, admin);
    const s = await app.must('auth.login', { username: 'lisi', password: 'Desk2024si' });
    await app.must('users.update', { userId: user.id, role: 'supervisor', displayName: '李四主管' }, admin);
    await app.must('users.update', { userId: user.id, disabled: true }, admin);
    expect(await app.call('auth.me', {}, s.sessionId)).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    expect(await app.call('auth.login', { username: 'lisi', password: 'Desk2024si' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(trail(app, 'users.update')).toEqual(['修改用户 lisi：姓名 李四 → 李四主管；角色 收银员 → 收费主管', '修改用户 lisi：停用']);
    expect((await app.must('users.list', {}, admin)).users.map((u) => u.username)).toEqual(['admin']);
    expect((await app.must('users.list', { includeDisabled: true }, admin)).users.map((u) => u.username)).toEqual(['admin', 'lisi']);
  });

  it('never lets the last active administrator be disabled or demoted, nor users.manage leave the last admin role', async () => {
    const { app, admin, adminId } = await adminApp();
    expect(await app.call('users.update', { userId: adminId, disabled: true }, admin)).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(await app.call('users.update', { userId: adminId, role: 'cashier' }, admin)).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    const roles = await app.must('roles.list', {}, admin);
    const adminPerms = roles.roles.find((r) => r.code === 'admin')!.permissions;
    const without = adminPerms.filter((p) => p !== 'users.manage');
    expect(await app.call('roles.setPermissions', { role: 'admin', permissions: without }, admin)).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION' },
    });
    expect(await app.call('users.list', {}, admin)).toMatchObject({ ok: true });

    const { user: second } = await app.must('users.create', { username: 'admin2', displayName: '二号', role: 'admin', password: 'Second2024' }, admin);
    await app.must('users.update', { userId: adminId, role: 'supervisor' }, admin);
    expect(await app.call('users.list', {}, admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(second.role).toBe('admin');
  });

  it('edits a role’s permissions, effective on the next call of every session, and audits what changed', async () => {
    const { app, admin } = await adminApp();
    await app.must('users.create', { username: 'caiwu', displayName: '财务小张', role: 'finance', password: 'Money2024x' }, admin);
    const fin = await app.must('auth.login', { username: 'caiwu', password: 'Money2024x' });
    await app.must('auth.changePassword', { oldPassword: 'Money2024x', newPassword: 'Money2025y' }, fin.sessionId);
    expect(await app.call('maintenance.verifyAuditChain', {}, fin.sessionId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const before = (await app.must('roles.list', {}, admin)).roles.find((r) => r.code === 'finance')!;
    const next = [...before.permissions.filter((p) => p !== 'shift.read'), 'audit.read' as const];
    const { role } = await app.must('roles.setPermissions', { role: 'finance', permissions: next }, admin);
    expect(role.permissions).toContain('audit.read');
    expect(role.permissions).not.toContain('shift.read');
    expect(await app.call('maintenance.verifyAuditChain', {}, fin.sessionId)).toMatchObject({ ok: true });
    expect(trail(app, 'roles.setPermissions')).toEqual(['修改角色「财务」的权限：增加 查看审计日志；移除 查看所有班次']);
  });

  it('lists roles with every permission labelled in Chinese', async () => {
    const { app, admin } = await adminApp();
    const { roles, permissions } = await app.must('roles.list', {}, admin);
    expect(roles.map((r) => r.name)).toEqual(['管理员', '收费主管', '收银员', '财务', '审计']);
    expect(roles.find((r) => r.code === 'admin')!.activeUsers).toBe(1);
    expect(permissions.every((p) => /[\u4e00-\u9fa5]/.test(p.label))).toBe(true);
  });

  it('security settings are read and changed by settings.manage, audited', async () => {
    const { app, admin } = await adminApp();
    expect(await app.must('users.securitySettings', {}, admin)).toEqual({ lockoutThreshold: 5, lockoutMinutes: 15, idleLockMinutes: 10 });
    expect(await app.call('users.setSecuritySettings', { lockoutThreshold: 1 }, admin)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await app.must('users.setSecuritySettings', { lockoutMinutes: 20 }, admin);
    expect(trail(app, 'users.setSecuritySettings')).toEqual(['修改安全设置：锁定分钟数 15 → 20']);
  });
  it('shows when each user last signed in, and refuses an administrator disabling their own account', async () => {
    const { app, admin, adminId } = await adminApp();
    await app.must('users.create', { username: 'admin2', displayName: '二号', role: 'admin', password: 'Second2024' }, admin);
    let listed = (await app.must('users.list', {}, admin)).users;
    expect(listed.find((u) => u.username === 'admin')!.lastLoginAt).toBe(app.clock.now().toISOString());
    expect(listed.find((u) => u.username === 'admin2')!.lastLoginAt).toBeNull();
    app.clock.advance(60_000);
    await app.must('auth.login', { username: 'admin2', password: 'Second2024' });
    listed = (await app.must('users.list', {}, admin)).users;
    expect(listed.find((u) => u.username === 'admin2')!.lastLoginAt).toBe(app.clock.now().toISOString());

    expect(await app.call('users.update', { userId: adminId, disabled: true }, admin)).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', message: '不能停用自己的账号：请由另一位管理员操作' },
    });
    expect(await app.call('users.list', {}, admin)).toMatchObject({ ok: true });
  });
});
