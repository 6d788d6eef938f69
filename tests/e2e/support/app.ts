import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

/** The address printed by the browser-mode server started in global setup (with `#token=…`). */
export function appUrl(): string {
  const url = process.env.FEEDESK_E2E_URL;
  if (!url) throw new Error('FEEDESK_E2E_URL is not set: the global setup did not start the server');
  return url;
}

/** The same server without the token: what a stray bookmark would open. */
export function appOrigin(): string {
  const origin = process.env.FEEDESK_E2E_ORIGIN;
  if (!origin) throw new Error('FEEDESK_E2E_ORIGIN is not set: the global setup did not start the server');
  return origin;
}

export const SCREENS_DIR = path.resolve(__dirname, '../../../test-results/screens');

/**
 * A full-page screenshot kept for people to look at: test-results/screens/<name>.png. A long page
 * is shot with the window stretched to its height, so fixed parts (header, menu) are drawn as they
 * would be on a tall screen instead of stopping at the first 768 px; the size is restored after.
 */
export async function saveScreen(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  const viewport = page.viewportSize();
  const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
  const stretch = viewport !== null && height > viewport.height;
  if (stretch) await page.setViewportSize({ width: viewport.width, height });
  try {
    await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  } finally {
    if (stretch) await page.setViewportSize(viewport);
  }
}

/** The desk runs at 1366×768: a page must never need a horizontal scroll bar. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow, 'page is wider than the window').toBeLessThanOrEqual(0);
}

/** The training company's server (small generated dataset, clock from 2024-05-06 10:00 Shanghai). */
export function demoUrl(): string {
  const url = process.env.FEEDESK_E2E_DEMO_URL;
  if (!url) throw new Error('FEEDESK_E2E_DEMO_URL is not set: the global setup did not start the demo server');
  return url;
}

/** Every training account's password (src-main/demo/generate.ts). */
export const TRAINING_PASSWORD = 'Train2024';

/** Opens the training company and signs in; resolves once the shell shows. */
export async function signInDemo(page: Page, username: string): Promise<void> {
  await page.goto(demoUrl());
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(TRAINING_PASSWORD);
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('logout-button')).toBeVisible();
}
