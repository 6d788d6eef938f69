import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge, MAX_UPLOAD_BYTES, type Bridge } from '../../../src-main/bridge/server';
import { testApp, type TestApp } from '../support/testApp';

let app: TestApp;
let bridge: Bridge;
let staticDir: string;

beforeEach(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedesk-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>FeeDesk</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(os.tmpdir(), 'feedesk-secret.txt'), 'secret');
  app = testApp();
  bridge = await startBridge({ app, staticDir });
});

afterEach(async () => {
  await bridge.close();
  app.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

function invoke(headers: Record<string, string>, body: unknown = { call: 'system.bootstrap', input: {} }) {
  return fetch(`${bridge.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const good = () => ({ Origin: bridge.origin, 'X-FeeDesk-Token': bridge.token });

describe('the browser-mode bridge', () => {
  it('answers a call that carries the token from its own origin', async () => {
    const res = await invoke(good());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { setupDone: false } });
  });

  it('refuses a call without the token, with a wrong token, or from another origin', async () => {
    const attempts: Array<Record<string, string>> = [
      { Origin: bridge.origin },
      { Origin: bridge.origin, 'X-FeeDesk-Token': 'wrong' },
      { Origin: bridge.origin, 'X-FeeDesk-Token': bridge.token.slice(0, -1) + 'x' },
      { Origin: 'http://evil.example', 'X-FeeDesk-Token': bridge.token },
      { Origin: `http://localhost:${bridge.port}`, 'X-FeeDesk-Token': bridge.token },
      { 'X-FeeDesk-Token': bridge.token },
    ];
    for (const headers of attempts) {
      const res = await invoke(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('binds to the loopback address only, whatever port it picks', () => {
    expect(bridge.boundAddress).toBe('127.0.0.1');
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}$/);
  });

  it('answers malformed bodies with a stable error, not a crash', async () => {
    const raw = await fetch(`${bridge.origin}/api/invoke`, { method: 'POST', headers: good(), body: '{not json' });
    expect(await raw.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await (await invoke(good(), null)).json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await (await invoke(good(), { call: 'nope' })).json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('serves the built renderer with the CSP and never a file outside it', async () => {
    const page = await fetch(`${bridge.origin}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await (await fetch(`${bridge.origin}/assets/app.js`)).text()).toBe('console.log(1)');
    for (const probe of ['/../feedesk-secret.txt', '/%2e%2e/feedesk-secret.txt', '/assets/..%2f..%2ffeedesk-secret.txt']) {
      const body = await (await fetch(`${bridge.origin}${probe}`)).text();
      expect(body, probe).not.toContain('secret');
    }
  });

  it('takes an upload up to the size limit and hands back a download by id', async () => {
    const headers = { ...good(), 'X-File-Name': encodeURIComponent('期初欠费.xlsx'), 'Content-Type': 'application/octet-stream' };
    const up = await fetch(`${bridge.origin}/api/uploads`, { method: 'POST', headers, body: Buffer.from('PK-data') });
    const ref = (await up.json()) as { ok: true; value: { fileId: string; fileName: string; size: number } };
    expect(ref).toMatchObject({ ok: true, value: { fileName: '期初欠费.xlsx', size: 7 } });

    const down = await fetch(`${bridge.origin}/api/files/${ref.value.fileId}`, { headers: { 'X-FeeDesk-Token': bridge.token } });
    expect(down.status).toBe(200);
    expect(down.headers.get('content-disposition')).toContain(encodeURIComponent('期初欠费.xlsx'));
    expect(Buffer.from(await down.arrayBuffer()).toString()).toBe('PK-data');

    const stranger = await fetch(`${bridge.origin}/api/files/${ref.value.fileId}`);
    expect(stranger.status).toBe(403);
  });

  it('refuses an upload over the limit without storing it', async () => {
    const res = await fetch(`${bridge.origin}/api/uploads`, {
      method: 'POST',
      headers: good(),
      body: Buffer.alloc(MAX_UPLOAD_BYTES + 1),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
