import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile } from '../../../src-main/electron/schemePath';

const root = path.resolve('/srv/feedesk/dist/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);

describe('resolveAppFile', () => {
  it('maps app URLs to files under the renderer folder, ignoring query and hash', () => {
    expect(resolveAppFile(root, 'feedesk://app/index.html')).toBe(inRoot('index.html'));
    expect(resolveAppFile(root, 'feedesk://app/assets/index-abc123.js')).toBe(inRoot('assets', 'index-abc123.js'));
    expect(resolveAppFile(root, 'feedesk://app/assets/app.css?v=2#x')).toBe(inRoot('assets', 'app.css'));
    expect(resolveAppFile(root, 'feedesk://app/assets/%E5%AD%97%E4%BD%93.woff2')).toBe(inRoot('assets', '字体.woff2'));
  });

  it('falls back to index.html for the root and extension-less client routes', () => {
    expect(resolveAppFile(root, 'feedesk://app/')).toBe(inRoot('index.html'));
    expect(resolveAppFile(root, 'feedesk://app/billing/run')).toBe(inRoot('index.html'));
    expect(resolveAppFile(root, 'feedesk://app/payments/')).toBe(inRoot('index.html'));
  });

  it.each([
    ['plain dot-dot', 'feedesk://app/../../etc/passwd'],
    ['dot-dot inside the path', 'feedesk://app/assets/../../secret.txt'],
    ['single dot segment', 'feedesk://app/./index.html'],
    ['encoded dot-dot', 'feedesk://app/%2e%2e/%2e%2e/etc/passwd'],
    ['upper-case encoded dot-dot', 'feedesk://app/%2E%2E/secret.txt'],
    ['half-encoded dot-dot', 'feedesk://app/.%2e/secret.txt'],
    ['encoded slash', 'feedesk://app/..%2f..%2fetc%2fpasswd'],
    ['encoded slash in a name', 'feedesk://app/assets%2Fx.js'],
    ['backslash', 'feedesk://app/..\\..\\windows\\win.ini'],
    ['encoded backslash', 'feedesk://app/..%5c..%5cwin.ini'],
    ['NUL byte', 'feedesk://app/index.html%00.png'],
    ['raw NUL byte', 'feedesk://app/index.html\0.png'],
    ['absolute POSIX path', 'feedesk://app//etc/passwd'],
    ['Windows drive path', 'feedesk://app/C:/Windows/win.ini'],
    ['encoded drive path', 'feedesk://app/C%3A%5CWindows%5Cwin.ini'],
    ['NTFS alternate stream', 'feedesk://app/index.html:secret.js'],
    ['malformed escape', 'feedesk://app/%E0%A4%A.js'],
    ['another host', 'feedesk://evil/index.html'],
    ['host with a port', 'feedesk://app:8080/index.html'],
    ['credentials', 'feedesk://user:pw@app/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://app/index.html'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});
