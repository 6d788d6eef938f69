import { startBrowserModeServer } from './server';

/**
 * One browser-mode server on a fresh data folder for the whole run. Its address reaches the
 * tests through the environment (workers inherit it); the returned function is the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startBrowserModeServer();
  process.env.FEEDESK_E2E_URL = server.url;
  process.env.FEEDESK_E2E_ORIGIN = server.origin;
  process.env.FEEDESK_E2E_DATA_DIR = server.dataDir;
  return () => server.stop();
}
