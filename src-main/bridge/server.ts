import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FeeDeskApp } from '../app/createApp';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp';
import { fail, ok, type Approval } from '../../src-shared/api';

export const LOOPBACK = '127.0.0.1';
export const TOKEN_HEADER = 'x-feedesk-token';
const MAX_JSON_BYTES = 1024 * 1024;
/** Imports are workbooks of a few thousand rows; anything larger is refused before it is read. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface BridgeOptions {
  app: FeeDeskApp;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface Bridge {
  url: string;
  origin: string;
  token: string;
  port: number;
  /** The address the socket is bound to, as the OS reports it. */
  boundAddress: string;
  close(): Promise<void>;
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), MIME['.json']!);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function uploadTooLarge(): string {
  return `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请拆分后再导入`;
}

function decodeHeader(value: string | string[] | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return decodeURIComponent(value).replace(/[\\/\0]/g, '_').slice(0, 200);
  } catch {
    return undefined;
  }
}

/**
 * Serves static files inside staticDir only; anything that would step outside, or a name the
 * build does not have, falls back to index.html (the renderer is a single page).
 */
function staticFile(staticDir: string, urlPath: string): string {
  const root = path.resolve(staticDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    decoded = '/';
  }
  const candidate = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  const inside = candidate.startsWith(root + path.sep) && !decoded.includes('\0');
  if (inside && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return path.join(root, 'index.html');
}

/**
 * The same router as the desktop IPC, over HTTP on loopback for browser mode and end-to-end
 * tests. A call needs the per-launch token and must come from this origin (Origin and Host are
 * both checked, which also defeats DNS rebinding).
 */
export function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origin = '';
  let host = '';

  const trusted = (req: http.IncomingMessage, tokenValue: string | undefined): boolean =>
    req.headers.host === host &&
    (req.headers.origin === undefined ? req.method === 'GET' : req.headers.origin === origin) &&
    sameSecret(tokenValue, token);

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://placeholder');
      if (url.pathname === '/api/invoke') {
        if (req.method !== 'POST') return sendJson(res, 405, fail('INVALID_INPUT', '请求方式不正确'));
        const given = req.headers[TOKEN_HEADER];
        if (req.headers.origin === undefined || !trusted(req, Array.isArray(given) ? undefined : given)) {
          return sendJson(res, 403, fail('FORBIDDEN', '请求来源未通过校验'));
        }
        const body = await readBody(req, MAX_JSON_BYTES);
        if (body === null) return sendJson(res, 413, fail('INVALID_INPUT', '请求内容过大'));
        let request: unknown;
        try {
          request = JSON.parse(body.toString('utf8'));
        } catch {
          return sendJson(res, 400, fail('INVALID_INPUT', '请求格式不正确'));
        }
        if (typeof request !== 'object' || request === null) return sendJson(res, 400, fail('INVALID_INPUT', '请求格式不正确'));
        const { call, input, sessionId, approval } = request as Record<string, unknown>;
        const result = await options.app.invoke({
          call: String(call),
          input,
          sessionId: typeof sessionId === 'string' ? sessionId : undefined,
          // Passed as sent: the router validates a supervisor's credentials like any input.
          approval: approval as Approval | undefined,
        });
        return sendJson(res, 200, result);
      }
      if (url.pathname === '/api/events') {
        if (!trusted(req, url.searchParams.get('token') ?? undefined)) {
          return sendJson(res, 403, fail('FORBIDDEN', '请求来源未通过校验'));
        }
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        const off = options.app.on((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
        req.on('close', off);
        return;
      }
      if (url.pathname === '/api/uploads') {
        const given = req.headers[TOKEN_HEADER];
        if (req.method !== 'POST') return sendJson(res, 405, fail('INVALID_INPUT', '请求方式不正确'));
        if (req.headers.origin === undefined || !trusted(req, Array.isArray(given) ? undefined : given)) {
          return sendJson(res, 403, fail('FORBIDDEN', '请求来源未通过校验'));
        }
        const declared = Number(req.headers['content-length'] ?? NaN);
        if (declared > MAX_UPLOAD_BYTES) return sendJson(res, 413, fail('INVALID_INPUT', uploadTooLarge()));
        const data = await readBody(req, MAX_UPLOAD_BYTES);
        if (data === null) return sendJson(res, 413, fail('INVALID_INPUT', uploadTooLarge()));
        const name = decodeHeader(req.headers['x-file-name']) ?? 'upload.bin';
        const mimeType = req.headers['content-type'] ?? 'application/octet-stream';
        return sendJson(res, 200, ok(options.app.context.files.put({ name, mimeType, data })));
      }
      const download = /^\/api\/files\/([A-Za-z0-9_-]{8,64})$/.exec(url.pathname);
      if (download) {
        const given = req.headers[TOKEN_HEADER];
        if (req.method !== 'GET' || !trusted(req, Array.isArray(given) ? undefined : given)) {
          return sendJson(res, 403, fail('FORBIDDEN', '请求来源未通过校验'));
        }
        const file = options.app.context.files.get(download[1]!);
        if (!file) return sendJson(res, 404, fail('NOT_FOUND', '文件已过期，请重新生成'));
        res.writeHead(200, {
          'Content-Type': file.mimeType,
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
        return res.end(file.data);
      }
      if (url.pathname.startsWith('/api/')) return sendJson(res, 404, fail('UNKNOWN_CALL'));
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('INVALID_INPUT', '请求方式不正确'));
      const file = staticFile(options.staticDir, url.pathname);
      if (!fs.existsSync(file)) return send(res, 500, '界面文件缺失，请先运行 npm run build', 'text/plain; charset=utf-8');
      return send(res, 200, fs.readFileSync(file), MIME[path.extname(file)] ?? 'application/octet-stream');
    } catch (error) {
      console.error('[bridge]', error);
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL'));
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      const { port, address } = server.address() as AddressInfo;
      host = `${LOOPBACK}:${port}`;
      origin = `http://${host}`;
      resolve({
        url: `${origin}/#token=${token}`,
        origin,
        token,
        port,
        boundAddress: address,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
