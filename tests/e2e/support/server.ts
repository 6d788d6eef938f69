import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What serve.ts prints once it listens: `… http://127.0.0.1:<port>/#token=<token>`. */
const URL_LINE = /(http:\/\/127\.0\.0\.1:(\d+)\/)#token=([A-Za-z0-9_\-.~%]+)/;
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

export interface BrowserModeServer {
  /** `http://127.0.0.1:<port>/` */
  origin: string;
  token: string;
  /** The address to open: origin plus `#token=…`. */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const projectRoot = path.resolve(__dirname, '../../..');

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts browser mode (`src-main/bridge/serve.ts`) on a new, empty temporary data folder, and
 * resolves once it prints its address. The renderer must already be built into dist/renderer.
 */
export async function startBrowserModeServer(extraArgs: readonly string[] = []): Promise<BrowserModeServer> {
  const staticDir = process.env.FEEDESK_STATIC_DIR ?? path.join(projectRoot, 'dist/renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npx vite build` first (npm run test:e2e does)');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedesk-e2e-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/bridge/serve.ts', '--port', '0', '--data-dir', dataDir, ...extraArgs],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
  );

  let output = '';
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill('SIGKILL');
        await waitForExit(child, STOP_TIMEOUT_MS);
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const match = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve.ts did not print its address within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const found = URL_LINE.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`serve.ts exited early (code ${code}, signal ${signal})`));
      });
    });
    // Keep draining the pipes so the server never blocks on a full buffer.
    child.stdout!.resume();
    child.stderr!.resume();
    const origin = match[1]!;
    const token = match[3]!;
    return { origin, token, url: `${origin}#token=${token}`, dataDir, stop };
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\n--- server output ---\n${output}`);
  }
}
