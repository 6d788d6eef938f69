import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src-shared/security/csp';
import { registerAppSchemePrivileges, serveAppScheme } from '../../../src-main/electron/appScheme';
import { protocol, resetElectronStub } from '../../stubs/electron';

let rendererDir: string;
let outsideFile: string;

function fetchApp(url: string): Promise<Response> {
  const handler = protocol.handlers.get('feedesk');
  if (!handler) throw new Error('feedesk scheme is not handled');
  return Promise.resolve(handler(new Request(url)));
}

describe('feedesk:// scheme', () => {
  beforeAll(() => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'feedesk-scheme-'));
    rendererDir = path.join(base, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>FeeDesk</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
    outsideFile = path.join(base, 'secret.txt');
    fs.writeFileSync(outsideFile, 'ledger password');
  });
  afterAll(() => fs.rmSync(path.dirname(rendererDir), { recursive: true, force: true }));
  beforeEach(() => {
    resetElectronStub();
    serveAppScheme(rendererDir);
  });

  it('is registered as a standard, secure, fetch-capable scheme', () => {
    registerAppSchemePrivileges();
    expect(protocol.privilegedSchemes).toEqual([
      { scheme: 'feedesk', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer files with their content types', async () => {
    const page = await fetchApp('feedesk://app/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>FeeDesk</title>');
    const script = await fetchApp('feedesk://app/assets/index.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers client routes with the app shell', async () => {
    const route = await fetchApp('feedesk://app/billing/run');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>FeeDesk</title>');
  });

  it('refuses traversal and reports missing files, never leaking outside the renderer folder', async () => {
    // Request (like Chromium) folds a literal or %2e%2e dot-dot away before the handler; an
    // encoded slash survives to it.
    const traversal = await fetchApp('feedesk://app/..%2fsecret.txt');
    expect(traversal.status).toBe(403);
    expect(await traversal.text()).not.toContain('ledger password');
    expect((await fetchApp('feedesk://app/assets/missing.js')).status).toBe(404);
  });

  it.each([
    ['a page', 'feedesk://app/index.html'],
    ['a script', 'feedesk://app/assets/index.js'],
    ['a refusal', 'feedesk://app/..%2fsecret.txt'],
    ['a missing file', 'feedesk://app/nope.css'],
  ])('sends the strict CSP with %s', async (_name, url) => {
    const csp = (await fetchApp(url)).headers.get('content-security-policy');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });
});
