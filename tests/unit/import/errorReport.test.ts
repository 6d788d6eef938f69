import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerChecksums } from '../security/support/checksums';
import { addMeter, addOwner, addReading, addUnit, createItem, seedCommunity } from '../billing/estate';
import { setupAdmin, testApp, type TestApp } from '../support/testApp';
import { loadWorkbook, reportMarks, sheetFile, upload, type Cell } from './support';

let app: TestApp;
let admin: string;

beforeEach(async () => {
  app = testApp();
  admin = await setupAdmin(app);
  const estate = seedCommunity(app);
  estate.buildingId('3');
  const unitId = addUnit(app, estate, { code: '3-1-102' });
  addOwner(app, unitId, '李四');
  const meterId = addMeter(app, estate, { code: 'W-3-1-102', unitId });
  addReading(app, meterId, '2024-03', 0, 1_000_000);
  addMeter(app, estate, { code: 'W-3-1-103', unitId });
  await createItem(app, admin);
});
afterEach(() => app.close());

function snapshot() {
  return { tables: ledgerChecksums(app.context.sqlite), audit: app.context.sqlite.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() };
}

/**
 * Validates the file, then checks the report marks exactly `expected` (sheet row → header of the
 * red cell, or '错误说明' for a row-level error) and that neither validation nor the refused commit
 * wrote anything.
 */
async function expectReport(
  call: { validate: 'imports.validateRegister' | 'imports.validateReadings' | 'imports.validateOpening'; commit: 'imports.commitRegister' | 'imports.commitReadings' | 'imports.commitOpening' },
  kind: 'units' | 'customers' | 'parking' | 'readings' | 'openingArrears' | 'openingPrepaid',
  headers: string[],
  rows: Cell[][],
  expected: Record<number, string>,
) {
  const before = snapshot();
  const fileId = upload(app, await sheetFile(headers, rows), `${kind}.xlsx`);
  const result = (await app.call(call.validate, { kind, fileId } as never, admin)) as { ok: true; value: { report: { fileId: string } | null; errorRowCount: number; errors: Array<{ row: number; column: string | null; message: string }> } };
  expect(result.ok).toBe(true);
  const v = result.value;
  expect(v.errorRowCount, JSON.stringify(v.errors)).toBe(Object.keys(expected).length);
  expect(v.report).not.toBeNull();
  const marks = await reportMarks(app, v.report!.fileId);
  expect(marks.errorColumnHeader).toBe('错误说明');
  expect([...marks.errorRows.keys()].sort((a, b) => a - b)).toEqual(Object.keys(expected).map(Number));
  const cellMarks = Object.entries(expected).filter(([, h]) => h !== '错误说明').map(([row, h]) => `${row}:${h}`);
  expect([...marks.redCells.keys()].sort()).toEqual(cellMarks.sort());
  for (const note of marks.redCells.values()) expect(note).toMatch(/^错误：/);

  const refused = await app.call(call.commit, { kind, fileId } as never, admin);
  expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(snapshot()).toEqual(before);
  return v;
}

const REGISTER = { validate: 'imports.validateRegister', commit: 'imports.commitRegister' } as const;

describe('the error report marks exactly the bad rows, and nothing is written', () => {
  it('units: unknown community/building, negative/text/too precise area, missing value, duplicate, bad date, bad code, inner > building area', async () => {
    const headers = ['项目', '楼栋', '房号', '建筑面积', '套内面积', '用途', '状态', '交房日期'];
    const good = (code: string): Cell[] => ['阳光花园', '3', code, 89.5, 72.3, '住宅', '空置', '2020-06-30'];
    const v = await expectReport(
      REGISTER,
      'units',
      headers,
      [
        good('3-1-101'), // 2: good
        ['明月小区', '3', '3-1-201', 89.5, null, '住宅', '空置', null], // 3: unknown community
        ['阳光花园', '9', '9-1-101', 89.5, null, '住宅', '空置', null], // 4: unknown building
        ['阳光花园', '3', '3-1-103', -12, null, '住宅', '空置', null], // 5: negative area
        ['阳光花园', '3', '3-1-104', '八十九', null, '住宅', '空置', null], // 6: text area
        ['阳光花园', '3', '3-1-105', 89.12345, null, '住宅', '空置', null], // 7: more than 4 decimals
        ['阳光花园', '3', '3-1-106', 89.5, null, null, '空置', null], // 8: missing use
        good('3-1-101'), // 9: duplicate of row 2
        good('3-1-102'), // 10: already in the ledger: skipped, not an error
        ['阳光花园', '3', '3-1-107', 89.5, null, '住宅', '空置', '2020-02-30'], // 11: bad date
        ['阳光花园', '3', '3-1-108', 80, 90, '住宅', '空置', null], // 12: inner area above building area
        ['阳光花园', '3', '3/1/109', 89.5, null, '住宅', '空置', null], // 13: bad unit code
        ['阳光花园', '3', '3-1-110', 89.5, null, '别墅', '空置', null], // 14: use not in the list
      ],
      { 3: '项目', 4: '楼栋', 5: '建筑面积', 6: '建筑面积', 7: '建筑面积', 8: '用途', 9: '房号', 11: '交房日期', 12: '套内面积', 13: '房号', 14: '用途' },
    );
    expect(v.errors.find((e) => e.row === 8)?.message).toBe('「用途」为必填项');
    expect(v.errors.find((e) => e.row === 9)?.message).toContain('与第 2 行重复');
    expect(v.errors.find((e) => e.row === 3)?.message).toContain('明月小区');
  });

  it('customers: unknown room, bad phone, unknown role, missing name, bad date, duplicate', async () => {
    const headers = ['项目', '房号', '姓名', '电话', '身份', '开始日期'];
    await expectReport(
      REGISTER,
      'customers',
      headers,
      [
        ['阳光花园', '3-1-102', '王五', '13900001111', '租户', '2024-01-01'], // 2: good
        ['阳光花园', '3-9-999', '赵六', '13900002222', '业主', '2024-01-01'], // 3: unknown room
        ['阳光花园', '3-1-102', '孙七', '139-abc', '业主', '2024-01-01'], // 4: bad phone
        ['阳光花园', '3-1-102', '周八', '13900003333', '房东', '2024-01-01'], // 5: unknown role
        ['阳光花园', '3-1-102', null, '13900004444', '业主', '2024-01-01'], // 6: missing name
        ['阳光花园', '3-1-102', '吴九', '13900005555', '业主', '2024-13-01'], // 7: bad date
        ['阳光花园', '3-1-102', '王五', '13900001111', '租户', '2024-01-01'], // 8: duplicate of row 2
      ],
      { 3: '房号', 4: '电话', 5: '身份', 6: '姓名', 7: '开始日期', 8: '身份' },
    );
  });

  it('parking: unknown holder, leased without a lease, bad plate, unknown type', async () => {
    await expectReport(
      REGISTER,
      'parking',
      ['项目', '车位编号', '类型', '所属房号', '持有人', '车牌', '起租日期', '缴费周期（月）'],
      [
        ['阳光花园', 'B1-001', '产权', '3-1-102', '李四', '粤B12345', null, null], // 2: good
        ['阳光花园', 'B1-002', '产权', null, '不存在', null, null, null], // 3: unknown holder
        ['阳光花园', 'B1-003', '租赁', null, null, null, null, null], // 4: leased without start and cycle
        ['阳光花园', 'B1-004', '产权', null, null, '12', null, null], // 5: bad plate
        ['阳光花园', 'B1-005', '包月', null, null, null, null, null], // 6: unknown type
      ],
      { 3: '持有人', 4: '起租日期', 5: '车牌', 6: '类型' },
    );
  });

  it('readings: below the last without rollover, unknown meter, bad period, future read date, duplicate', async () => {
    await expectReport(
      { validate: 'imports.validateReadings', commit: 'imports.commitReadings' },
      'readings',
      ['项目', '表号', '抄表期间', '本次读数', '抄表日期', '翻表'],
      [
        ['阳光花园', 'W-3-1-103', '2024-04', '20', '2024-04-25', null], // 2: good
        ['阳光花园', 'W-3-1-102', '2024-04', '90', '2024-04-25', null], // 3: below last reading 100
        ['阳光花园', 'W-9-9-999', '2024-04', '20', '2024-04-25', null], // 4: unknown meter
        ['阳光花园', 'W-3-1-103', '2024-13', '20', '2024-04-25', null], // 5: bad period
        ['阳光花园', 'W-3-1-102', '2024-05', '120', '2024-06-01', null], // 6: read date after today
        ['阳光花园', 'W-3-1-103', '2024-04', '25', '2024-04-26', null], // 7: duplicate of row 2
        ['阳光花园', 'W-3-1-103', '2024-05', '110', '2024-05-10', '也许'], // 8: rollover neither 是 nor 否
      ],
      { 3: '本次读数', 4: '表号', 5: '抄表期间', 6: '抄表日期', 7: '抄表期间', 8: '翻表' },
    );
  });

  it('opening arrears: unknown fee item, negative/text/too precise amount, bad period, unknown room, duplicate', async () => {
    await expectReport(
      { validate: 'imports.validateOpening', commit: 'imports.commitOpening' },
      'openingArrears',
      ['项目', '房号', '收费项目', '所属期间', '欠费金额', '应缴日期'],
      [
        ['阳光花园', '3-1-102', '物业费', '2023-11', '256.80', null], // 2: good
        ['阳光花园', '3-1-102', '停车费', '2023-11', '100', null], // 3: unknown fee item
        ['阳光花园', '3-1-102', '物业费', '2023-10', -5, null], // 4: negative
        ['阳光花园', '3-1-102', '物业费', '2023-09', '一百', null], // 5: text
        ['阳光花园', '3-1-102', '物业费', '2023-08', '10.005', null], // 6: three decimals
        ['阳光花园', '3-1-102', '物业费', '2023/13', '10', null], // 7: bad period
        ['阳光花园', '3-9-999', '物业费', '2023-11', '10', null], // 8: unknown room
        ['阳光花园', '3-1-102', '物业费', '2023-11', '256.80', null], // 9: duplicate of row 2
        ['阳光花园', '3-1-102', '物业费', '2023-07', '10', '2023-02-30'], // 10: bad due date
      ],
      { 3: '收费项目', 4: '欠费金额', 5: '欠费金额', 6: '欠费金额', 7: '所属期间', 8: '房号', 9: '所属期间', 10: '应缴日期' },
    );
  });

  it('opening prepaid: unknown earmark, zero amount, missing unit', async () => {
    await expectReport(
      { validate: 'imports.validateOpening', commit: 'imports.commitOpening' },
      'openingPrepaid',
      ['项目', '房号', '专款收费项目', '预存金额'],
      [
        ['阳光花园', '3-1-102', null, '500'], // 2: good
        ['阳光花园', '3-1-102', '暖气费', '100'], // 3: unknown fee item
        ['阳光花园', '3-1-102', '物业费', '0'], // 4: zero
        ['阳光花园', null, null, '100'], // 5: missing room
      ],
      { 3: '专款收费项目', 4: '预存金额', 5: '房号' },
    );
  });
});

describe('a corrected report uploaded again', () => {
  it('is read like the template, and its new report marks only the rows still wrong', async () => {
    const headers = ['项目', '楼栋', '房号', '建筑面积', '用途', '状态'];
    const first = upload(app, await sheetFile(headers, [['阳光花园', '3', '3-1-301', -1, '住宅', '空置'], ['阳光花园', '3', '3-1-302', 'abc', '住宅', '空置']]));
    const v1 = await app.must('imports.validateRegister', { kind: 'units', fileId: first }, admin);
    const report = app.context.files.get(v1.report!.fileId)!;
    const wb = await loadWorkbook(report.data);
    wb.worksheets[0]!.getRow(2).getCell(4).value = 88.5;
    const second = upload(app, Buffer.from(await wb.xlsx.writeBuffer()), report.name);

    const v2 = await app.must('imports.validateRegister', { kind: 'units', fileId: second }, admin);
    expect(v2.errors).toEqual([{ row: 3, column: '建筑面积', message: expect.any(String) }]);
    const marks = await reportMarks(app, v2.report!.fileId);
    expect([...marks.errorRows.keys()]).toEqual([3]);
    expect([...marks.redCells.keys()]).toEqual(['3:建筑面积']);
    const sheet = (await loadWorkbook(app.context.files.get(v2.report!.fileId)!.data)).worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...headers, '错误说明']);
    expect(sheet.getRow(2).getCell(4).note).toBeUndefined();
  });
});
