import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AppEvent } from '../../../src-shared/api';
import type { ImportProgress } from '../../../src-shared/api/calls/imports';
import { seedCommunity } from '../billing/estate';
import { setupAdmin, testApp, type TestApp } from '../support/testApp';
import { sheetFile, upload } from './support';

let app: TestApp;
let admin: string;

beforeEach(async () => {
  app = testApp();
  admin = await setupAdmin(app);
  const estate = seedCommunity(app);
  for (let b = 1; b <= 10; b += 1) estate.buildingId(String(b));
});
afterEach(() => app.close());

it('a 5,000-row units file validates with progress events and imports in one go', async () => {
  const rows = Array.from({ length: 5000 }, (_, i) => {
    const building = (i % 10) + 1;
    const room = Math.floor(i / 10);
    return ['阳光花园', String(building), `${building}-${(room % 5) + 1}-${1001 + room}`, 80 + (i % 50) / 4, '住宅', '已入住'];
  });
  const fileId = upload(app, await sheetFile(['项目', '楼栋', '房号', '建筑面积', '用途', '状态'], rows), '全部房屋.xlsx');
  const events: ImportProgress[] = [];
  const stop = app.on((e: AppEvent) => {
    if (e.channel === 'progress') events.push(e.payload as ImportProgress);
  });

  const checked = await app.must('imports.validateRegister', { kind: 'units', fileId }, admin);
  expect(checked).toMatchObject({ rowCount: 5000, newCount: 5000, errorRowCount: 0, report: null });
  expect(app.context.sqlite.prepare('SELECT COUNT(*) FROM units').pluck().get()).toBe(0);
  const validation = events.filter((e) => e.task === 'import.validate');
  expect(validation.length).toBeGreaterThan(5);
  expect(validation.at(-1)).toMatchObject({ kind: 'units', done: 5000, total: 5000 });
  expect(validation.map((e) => e.done)).toEqual([...validation.map((e) => e.done)].sort((a, b) => a - b));

  const done = await app.must('imports.commitRegister', { kind: 'units', fileId }, admin);
  stop();
  expect(done).toMatchObject({ createdCount: 5000, skippedCount: 0 });
  expect(app.context.sqlite.prepare('SELECT COUNT(*) FROM units').pluck().get()).toBe(5000);
  expect(events.some((e) => e.task === 'import.commit' && e.done === 5000)).toBe(true);
  // The upload is used up by the commit.
  expect(await app.call('imports.commitRegister', { kind: 'units', fileId }, admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
}, 120_000);
