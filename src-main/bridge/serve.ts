import path from 'node:path';
import { parseArgs } from 'node:util';
import { startDesk } from '../app/startDesk';
import { startBridge } from './server';

/**
 * Browser mode: the whole app without Electron's binary. Listens on 127.0.0.1 only; the URL
 * carries the per-launch token in its fragment, which browsers never send to a server.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string', default: 'data' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口无效：${values.port}`);
    process.exit(2);
  }
  const root = path.resolve(__dirname, '../..');
  const app = startDesk({ dataDir: path.resolve(values['data-dir']!) });
  const bridge = await startBridge({ app, staticDir: path.join(root, 'dist/renderer'), port });
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
