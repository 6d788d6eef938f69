import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { setupAdmin, testApp, type TestApp } from '../support/testApp';
import { signInAs } from '../support/users';

let app: TestApp | undefined;
let server: http.Server | undefined;
afterEach(async () => {
  app?.close();
  app = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A stand-in company server answering every request with `status`. */
async function companyServer(status: number): Promise<string> {
  server = http.createServer((_req, res) => res.writeHead(status).end('ok'));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** An address nobody listens on: a port that was just free. */
async function deadAddress(): Promise<string> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

async function desk() {
  app = testApp();
  const admin = await setupAdmin(app);
  return { app, admin, cashier: await signInAs(app, 'cashier') };
}

describe('company-server health check from main (RULES §7)', () => {
  it('is standalone with no address, and then has nothing to check', async () => {
    const d = await desk();
    expect(await d.app.must('shifts.healthCheck', {}, d.cashier)).toMatchObject({ mode: 'standalone', serverUrl: '' });
    expect(await d.app.call('shifts.probeServer', {}, d.cashier)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('stays online while the server answers, and switches to fallback on the third failure in a row', async () => {
    const d = await desk();
    const dead = await deadAddress();
    await d.app.must('shifts.setServerAddress', { url: dead }, d.admin);
    const first = await d.app.must('shifts.probeServer', {}, d.cashier);
    expect(first).toMatchObject({ mode: 'online', consecutiveFailures: 1, lastCheckOk: false, switched: false });
    expect((await d.app.must('shifts.probeServer', {}, d.cashier)).switched).toBe(false);
    const third = await d.app.must('shifts.probeServer', {}, d.cashier);
    expect(third).toMatchObject({ mode: 'fallback', fallbackMode: true, switched: true, consecutiveFailures: 3 });
    expect(third.reason).toContain('连续 3 次连接公司服务器失败');
    expect(third.reason).toContain('无法连接');
  });

  it('counts a server error as a failure and an answer as success, which ends the run of failures', async () => {
    const d = await desk();
    await d.app.must('shifts.setServerAddress', { url: await companyServer(503) }, d.admin);
    expect(await d.app.must('shifts.probeServer', {}, d.cashier)).toMatchObject({ consecutiveFailures: 1, lastCheckOk: false });
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    await d.app.must('shifts.setServerAddress', { url: await companyServer(200) }, d.admin);
    const ok = await d.app.must('shifts.probeServer', {}, d.cashier);
    expect(ok).toMatchObject({ mode: 'online', consecutiveFailures: 0, lastCheckOk: true, switched: false });
  });

  it('lets only settings.manage set the address, checks its form, and starts a new run of checks', async () => {
    const d = await desk();
    expect(await d.app.call('shifts.setServerAddress', { url: 'http://x.example/' }, d.cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bad = await d.app.call('shifts.setServerAddress', { url: 'ftp://x.example/' }, d.admin);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!bad.ok && bad.error.message).toContain('http://');
    await d.app.must('shifts.setServerAddress', { url: await deadAddress() }, d.admin);
    await d.app.must('shifts.probeServer', {}, d.cashier);
    const reset = await d.app.must('shifts.setServerAddress', { url: '' }, d.admin);
    expect(reset).toMatchObject({ mode: 'standalone', consecutiveFailures: 0, lastCheckAt: null, lastCheckOk: null });
  });
});

describe('manual receipt book holders', () => {
  it('lists active users who may enter paper receipts', async () => {
    const d = await desk();
    const supervisor = await signInAs(d.app, 'supervisor');
    await signInAs(d.app, 'finance');
    await signInAs(d.app, 'cashier', 'cashier2');
    d.app.context.sqlite.prepare("UPDATE users SET disabled = 1 WHERE username = 'cashier2'").run();
    const { users } = await d.app.must('shifts.bookHolders', {}, supervisor);
    expect(users.map((u) => u.username)).toEqual(['cashier1', 'supervisor1']);
    expect(await d.app.call('shifts.bookHolders', {}, d.cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
