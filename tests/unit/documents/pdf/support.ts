import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generateDemoLedger } from '../../../../src-main/demo/generate';
import { testApp, type TestApp } from '../../support/testApp';
import { signInAs } from '../../support/users';

/** PDFs and their page images are kept here for a person to look at after the run. */
export const OUT_DIR = path.resolve('test-results/pdf');

export interface Estate {
  app: TestApp;
  cashier: string;
  supervisor: string;
  admin: string;
  communityId: number;
}

/** The demo generator's 20 units × 3 billed months (payments, waivers, prepaid) and staff. */
export async function estate(): Promise<Estate> {
  const app = testApp();
  await generateDemoLedger(app.context.sqlite, { units: 20, months: 3, end: '2024-04', seed: 20240515 });
  const communityId = (app.context.sqlite.prepare('SELECT id FROM communities ORDER BY id LIMIT 1').get() as { id: number }).id;
  return { app, cashier: await signInAs(app, 'cashier'), supervisor: await signInAs(app, 'supervisor'), admin: await signInAs(app, 'admin'), communityId };
}

export function fileBytes(app: TestApp, fileId: string): Buffer {
  const file = app.context.files.get(fileId);
  if (!file) throw new Error(`no file ${fileId}`);
  return file.data;
}

export function save(name: string, pdf: Buffer): string {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

/** Text of every page (pdftotext keeps reading order; -layout keeps a row on one line). */
export function pdfText(pdf: Buffer, name: string): string {
  return execFileSync('pdftotext', ['-layout', save(name, pdf), '-'], { encoding: 'utf8' });
}

export function pageTexts(pdf: Buffer, name: string): string[] {
  return pdfText(pdf, name).split('\f').filter((p) => p.trim() !== '');
}

export function pdfFonts(pdf: Buffer, name: string): Array<{ name: string; emb: string; sub: string }> {
  const out = execFileSync('pdffonts', [save(name, pdf)], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type… encoding emb sub uni object ID: count from the end, the type has spaces.
      return { name: cols[0]!, emb: cols[cols.length - 5]!, sub: cols[cols.length - 4]! };
    });
}

export function pageCount(pdf: Buffer, name: string): number {
  const info = execFileSync('pdfinfo', [save(name, pdf)], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** Renders the first pages to PNG (72 dpi) and answers the image files. */
export function renderPng(pdf: Buffer, name: string, lastPage = 3): string[] {
  const file = save(name, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '72', '-l', String(lastPage), file, path.join(OUT_DIR, name)]);
  return fs.readdirSync(OUT_DIR).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).map((f) => path.join(OUT_DIR, f));
}
