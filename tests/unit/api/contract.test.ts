import { describe, expect, it } from 'vitest';
import { callNames, contract, PERMISSIONS, type CallName, type RoleCode } from '../../../src-shared/api';
import { handlers } from '../../../src-main/ipc/handlers';
import { contractExamples } from '../../fixtures/contract';
import type { ExampleEnv } from '../../fixtures/contract/types';
import { setupAdmin, testApp } from '../support/testApp';
import { signInAs } from '../support/users';

describe('the IPC contract', () => {
  it.each(callNames)('%s has a handler', (name) => {
    expect(typeof (handlers as Record<string, unknown>)[name]).toBe('function');
  });

  it('has no handler without a contract entry', () => {
    expect(Object.keys(handlers).sort()).toEqual([...callNames].sort());
  });

  it.each(callNames)('%s makes a permission decision', (name) => {
    const access: string = contract[name].access;
    expect(['public', 'session', ...PERMISSIONS]).toContain(access);
  });

  it.each(callNames)('%s answers its example with an output that matches its schema', async (name: CallName) => {
    const example = contractExamples[name];
    expect(example, `no example input for ${name} in tests/fixtures/contract`).toBeDefined();
    const app = testApp();
    try {
      const adminSession = example.needsFreshLedger ? undefined : await setupAdmin(app);
      const sessions = new Map<RoleCode, string>();
      if (adminSession) sessions.set('admin', adminSession);
      const env: ExampleEnv = {
        app,
        async sessionOf(role) {
          if (!sessions.has(role)) sessions.set(role, await signInAs(app, role));
          return sessions.get(role)!;
        },
      };
      const input = example.prepare ? await example.prepare(env) : example.input;
      const sessionId = example.needsFreshLedger ? undefined : await env.sessionOf(example.role ?? 'admin');
      const result = await app.invoke({ call: name, input, sessionId });
      expect(app.internalErrors).toEqual([]);
      expect(result).toMatchObject({ ok: true });
      if (result.ok) expect(contract[name].output.safeParse(result.value).success).toBe(true);
    } finally {
      app.close();
    }
  });

  it('refuses an unknown call and a malformed request with stable codes', async () => {
    const app = testApp();
    try {
      expect(await app.invoke({ call: 'no.such.call', input: {} })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
      expect(await app.invoke({ call: '__proto__', input: {} })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
      expect(await app.invoke({ call: 'auth.login', input: { username: 7 } })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    } finally {
      app.close();
    }
  });

  it('denies every non-public call without a session', async () => {
    const app = testApp();
    try {
      await setupAdmin(app);
      for (const name of callNames.filter((n) => contract[n].access !== 'public')) {
        const r = await app.invoke({ call: name, input: contractExamples[name].input ?? {} });
        expect(r, name).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
      }
    } finally {
      app.close();
    }
  });
});
