import { startBrowserModeServer } from './server';

/**
 * Two browser-mode servers for the whole run, their addresses passed to the tests through the
 * environment (workers inherit it): a fresh, empty ledger (first-run setup, access control) and
 * the training company on a small generated dataset with a clock that starts on a known day
 * (the cashier's workspace). The returned function is the teardown.
 */
const DEMO = { units: 240, months: 6, end: '2024-04', clockStart: '2024-05-06T01:30:00.000Z' } as const;

export default async function globalSetup(): Promise<() => Promise<void>> {
  const [fresh, demo] = await Promise.all([
    startBrowserModeServer(),
    startBrowserModeServer(['--demo', `${DEMO.units}:${DEMO.months}:${DEMO.end}`, '--clock-start', DEMO.clockStart]),
  ]);
  process.env.FEEDESK_E2E_URL = fresh.url;
  process.env.FEEDESK_E2E_ORIGIN = fresh.origin;
  process.env.FEEDESK_E2E_DATA_DIR = fresh.dataDir;
  process.env.FEEDESK_E2E_DEMO_URL = demo.url;
  process.env.FEEDESK_E2E_DEMO_DATA_DIR = demo.dataDir;
  return async () => {
    await Promise.all([fresh.stop(), demo.stop()]);
  };
}
