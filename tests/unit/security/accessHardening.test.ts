import { describe, expect, it } from 'vitest';
import { callNames, contract, type CallName, type Result } from '../../../src-shared/api';
import { ADMIN, setupAdmin, testApp, type TestApp } from '../support/testApp';
import { signInAs } from '../support/users';

const MINUTE = 60_000;
const HOSTILE_KEY = '<img src=x onerror=alert(1)>';

const errorOf = (r: Result<unknown>) => (r.ok ? null : r.error);

/** Wrong and ill-formed inputs a stranger might try: none of them may reach validation. */
const HOSTILE_INPUTS: unknown[] = [{ [HOSTILE_KEY]: 1 }, 'x', 42, null, [], { userId: 'DROP TABLE users' }];

async function answers(app: TestApp, name: CallName, sessionId?: string): Promise<Array<Result<unknown>>> {
  return Promise.all(HOSTILE_INPUTS.map((input) => app.invoke({ call: name, input, sessionId })));
}

describe('router order: who is asking before what is asked', () => {
  it('answers NOT_LOGGED_IN to every non-public call without a session, whatever the input', async () => {
    const app = testApp();
    await setupAdmin(app);
    for (const name of callNames.filter((n) => contract[n].access !== 'public')) {
      for (const r of await answers(app, name)) expect(errorOf(r), name).toEqual({ code: 'NOT_LOGGED_IN', message: '请先登录' });
    }
    expect(app.internalErrors).toEqual([]);
  });

  it('answers SESSION_LOCKED to a locked screen and FORBIDDEN to a role that can never make the call, before validation', async () => {
    const app = testApp();
    const admin = await setupAdmin(app);
    const cashier = await signInAs(app, 'cashier');
    for (const r of await answers(app, 'users.create', cashier)) expect(errorOf(r)?.code).toBe('FORBIDDEN');
    await app.must('auth.lock', {}, admin);
    for (const r of await answers(app, 'users.list', admin)) expect(errorOf(r)?.code).toBe('SESSION_LOCKED');
  });

  it('never echoes an unknown key back: the message says a field is not allowed', async () => {
    const app = testApp();
    const admin = await setupAdmin(app);
    const login = await app.invoke({ call: 'auth.login', input: { username: 'a', password: 'b', [HOSTILE_KEY]: 1 } });
    expect(errorOf(login)).toEqual({ code: 'INVALID_INPUT', message: '输入内容有误：包含不允许的字段' });
    const nested = await app.invoke({ call: 'users.list', input: { includeDisabled: true, "'; DROP TABLE users; --": 1 }, sessionId: admin });
    expect(errorOf(nested)?.message).toBe('输入内容有误：包含不允许的字段');
    const approval = await app.invoke({
      call: 'users.list',
      input: {},
      sessionId: admin,
      approval: { username: 'x', password: 'y', [HOSTILE_KEY]: 1 } as never,
    });
    expect(errorOf(approval)).toEqual({ code: 'INVALID_INPUT', message: '授权信息有误：包含不允许的字段' });
  });
});

describe('lockout never tells whether a username exists', () => {
  it('an unknown name gets the very same answers as a real one: four wrong, then the lockout message', async () => {
    const app = testApp();
    await setupAdmin(app);
    const tries = async (username: string) => {
      const out: Array<Result<unknown>> = [];
      for (let i = 0; i < 6; i++) out.push(await app.call('auth.login', { username, password: 'Wrong2024x' }));
      return out;
    };
    const real = await tries(ADMIN.username);
    const ghost = await tries('ghost');
    expect(ghost).toEqual(real);
    expect(errorOf(real[3]!)?.code).toBe('BAD_CREDENTIALS');
    expect(errorOf(real[4]!)).toEqual({ code: 'ACCOUNT_LOCKED', message: '连续多次密码错误，账号已锁定 15 分钟，请稍后再试或联系管理员解锁' });
    expect(errorOf(real[5]!)?.code).toBe('ACCOUNT_LOCKED');

    // After the lockout minutes both count afresh.
    app.clock.advance(15 * MINUTE + 1000);
    expect(errorOf(await app.call('auth.login', { username: 'GHOST', password: 'Wrong2024x' }))?.code).toBe('BAD_CREDENTIALS');
    expect(await app.call('auth.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({ ok: true });
  });

  it('recovery attempts with a name that is not an administrator lock alike too', async () => {
    const app = testApp();
    await setupAdmin(app);
    const recover = (username: string) =>
      app.call('auth.recover', { username, recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA', newPassword: 'Recovered2024' });
    const real: Array<Result<unknown>> = [];
    const ghost: Array<Result<unknown>> = [];
    for (let i = 0; i < 5; i++) {
      real.push(await recover(ADMIN.username));
      ghost.push(await recover('ghost'));
    }
    expect(ghost).toEqual(real);
    expect(errorOf(real[4]!)?.code).toBe('ACCOUNT_LOCKED');
  });
});

describe('the idle lock follows its setting', () => {
  it('after idleLockMinutes without a call the next call answers SESSION_LOCKED; locking again while locked is harmless', async () => {
    const app = testApp({ realIdleLock: true });
    const admin = await setupAdmin(app);
    await app.must('users.setSecuritySettings', { idleLockMinutes: 2 }, admin);
    app.clock.advance(2 * MINUTE - 1000);
    expect(await app.call('users.list', {}, admin)).toMatchObject({ ok: true });
    app.clock.advance(2 * MINUTE + 1000);
    expect(errorOf(await app.call('users.list', {}, admin))?.code).toBe('SESSION_LOCKED');
    expect(await app.call('auth.lock', {}, admin)).toMatchObject({ ok: true });
    expect((await app.must('auth.unlockSession', { password: ADMIN.password }, admin)).idleLockMinutes).toBe(2);
    expect(await app.call('users.list', {}, admin)).toMatchObject({ ok: true });
  });

  it('the desk-mode light polling on its own does not keep an unattended desk unlocked', async () => {
    const app = testApp({ realIdleLock: true });
    const admin = await setupAdmin(app);
    await app.must('users.setSecuritySettings', { idleLockMinutes: 2 }, admin);
    for (let i = 0; i < 3; i++) {
      app.clock.advance(MINUTE / 2);
      expect(await app.call('shifts.healthCheck', {}, admin)).toMatchObject({ ok: true });
    }
    app.clock.advance(MINUTE);
    expect(errorOf(await app.call('users.list', {}, admin))?.code).toBe('SESSION_LOCKED');
  });
});
