import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrations } from '../../migrations';
import { DB_FILE_NAME } from '../app/openLedger';
import { startDesk } from '../app/startDesk';
import type { Clock } from '../app/clock';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrator';
import { generateDemoLedger, TRAINING_PASSWORD } from '../demo/generate';
import { startBridge } from './server';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** A clock that starts at `iso` when the desk starts and then runs in real time (demos and e2e). */
function clockStartingAt(iso: string): Clock {
  const start = new Date(iso).getTime();
  if (Number.isNaN(start)) fail(`--clock-start 时间无效：${iso}`);
  const launched = Date.now();
  return { now: () => new Date(start + (Date.now() - launched)) };
}

/** `--demo UNITS:MONTHS:END` fills an empty data folder with the training company first. */
async function writeDemo(dataDir: string, spec: string): Promise<void> {
  const m = /^(\d+):(\d+):(\d{4}-\d{2})$/.exec(spec);
  if (!m) fail(`--demo 格式应为 户数:月数:截止月份，例如 240:6:2024-04（收到 ${spec}）`);
  const file = path.join(dataDir, DB_FILE_NAME);
  if (fs.existsSync(file)) fail(`${file} 已存在：演示数据只写入空的数据目录`);
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(file);
  try {
    migrate(db, migrations);
    await generateDemoLedger(db, { units: Number(m[1]), months: Number(m[2]), end: m[3]!, seed: 20240501 });
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  console.log(`培训数据已生成（各账号密码均为 ${TRAINING_PASSWORD}）`);
}

/**
 * Browser mode: the whole app without Electron's binary. Listens on 127.0.0.1 only; the URL
 * carries the per-launch token in its fragment, which browsers never send to a server.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string', default: 'data' },
      demo: { type: 'string' },
      'clock-start': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`端口无效：${values.port}`);
  const root = path.resolve(__dirname, '../..');
  const dataDir = path.resolve(values['data-dir']!);
  if (values.demo) await writeDemo(dataDir, values.demo);
  const clock = values['clock-start'] ? clockStartingAt(values['clock-start']) : undefined;
  const app = startDesk({ dataDir, clock });
  // FEEDESK_STATIC_DIR lets parallel test runs each serve their own build of the renderer.
  const staticDir = process.env.FEEDESK_STATIC_DIR ?? path.join(root, 'dist/renderer');
  const bridge = await startBridge({ app, staticDir, port });
  console.log(`FeeDesk 浏览器模式已启动：${bridge.url}`);
  console.log(`数据文件：${app.context.dbFile}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await bridge.close();
    app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
