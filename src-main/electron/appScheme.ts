import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp';
import { resolveAppFile } from './schemePath';
import { APP_SCHEME } from './urlPolicy';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function respond(status: number, body: Uint8Array | string, contentType: string): Response {
  const headers: Record<string, string> = { 'Content-Type': contentType, 'X-Content-Type-Options': 'nosniff' };
  // Assigned by name, not spread in, so Electronegativity's CSP check can find the policy.
  headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  return new Response(body, { status, headers });
}

/** Serves the built renderer at feedesk://app/, every response carrying the one CSP. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (file === null) return respond(403, 'Forbidden', 'text/plain; charset=utf-8');
    try {
      const body = await fs.readFile(file);
      const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return respond(200, body, contentType);
    } catch {
      return respond(404, 'Not Found', 'text/plain; charset=utf-8');
    }
  });
}
