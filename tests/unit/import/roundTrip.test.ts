import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepaidBalances } from '../../../src-main/accounts/prepaidBalances';
import { arrearsList } from '../../../src-main/arrears/arrearsQuery';
import { ledgerChecksums } from '../security/support/checksums';
import { addMeter, addOwner, addReading, addUnit, createItem, seedCommunity } from '../billing/estate';
import { setupAdmin, testApp, type TestApp } from '../support/testApp';
import { signInAs } from '../support/users';
import { downloaded, filledTemplate, reportMarks } from './support';

type Kind = 'units' | 'customers' | 'parking' | 'readings' | 'openingArrears' | 'openingPrepaid';
const CALLS = {
  units: ['imports.validateRegister', 'imports.commitRegister'],
  customers: ['imports.validateRegister', 'imports.commitRegister'],
  parking: ['imports.validateRegister', 'imports.commitRegister'],
  readings: ['imports.validateReadings', 'imports.commitReadings'],
  openingArrears: ['imports.validateOpening', 'imports.commitOpening'],
  openingPrepaid: ['imports.validateOpening', 'imports.commitOpening'],
} as const;
/** Where each kind's rows land. */
const LANDED: Record<Kind, string> = {
  units: 'SELECT COUNT(*) FROM units',
  customers: 'SELECT COUNT(*) FROM unit_customers',
  parking: 'SELECT COUNT(*) FROM parking_spaces',
  readings: 'SELECT COUNT(*) FROM meter_readings',
  openingArrears: "SELECT COUNT(*) FROM bill_lines WHERE source = 'opening'",
  openingPrepaid: "SELECT COUNT(*) FROM prepaid_entries WHERE kind = 'opening'",
};

let app: TestApp;
let admin: string;
let unitId: number;

beforeEach(async () => {
  app = testApp();
  admin = await setupAdmin(app);
  const estate = seedCommunity(app);
  unitId = addUnit(app, estate, { code: '3-1-102' });
  addOwner(app, unitId, '李四');
  addReading(app, addMeter(app, estate, { code: 'W-3-1-102', unitId }), '2024-03', 0, 1_000_000);
  await createItem(app, admin);
});
afterEach(() => app.close());

const count = (kind: Kind) => app.context.sqlite.prepare(LANDED[kind]).pluck().get() as number;

async function importOnce(kind: Kind, fileId: string) {
  const [validate, commit] = CALLS[kind];
  const checked = await app.must(validate, { kind, fileId } as never, admin);
  const done = await app.must(commit, { kind, fileId } as never, admin);
  return { checked, done };
}

describe('templates', () => {
  it('offer header notes, an example row and drop-downs from the ledger', async () => {
    const ref = await app.must('imports.template', { kind: 'units' }, admin);
    expect(ref.fileName).toBe('房屋导入模板.xlsx');
    const wb = await downloaded(app, ref.fileId);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['房屋', '填写说明', '下拉选项']);
    const data = wb.getWorksheet('房屋')!;
    expect(data.getRow(1).getCell(3).value).toBe('*房号');
    expect(String(data.getRow(1).getCell(3).note)).toContain('3-2-501');
    const validations = Object.entries((data as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model);
    const useValidation = validations.find(([address]) => address.startsWith('F2'))?.[1];
    expect(useValidation?.formulae[0]).toMatch(/^'下拉选项'!\$[A-Z]\$2:\$[A-Z]\$5$/);
    const options = wb.getWorksheet('下拉选项')!;
    expect(options.state).toBe('hidden');
    const listed = options.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(listed).toEqual(expect.arrayContaining(['阳光花园', '3号楼', '住宅', '装修中']));
  });

  it.each(Object.keys(CALLS) as Kind[])('%s: the example row, filled in, validates and lands', async (kind) => {
    const before = count(kind);
    const { fileId, example } = await filledTemplate(app, admin, kind, [{}]);
    expect(example.get('项目')).toBe('阳光花园');
    const { checked, done } = await importOnce(kind, fileId);
    expect(checked).toMatchObject({ rowCount: 1, newCount: 1, errorRowCount: 0, report: null });
    expect(done).toMatchObject({ rowCount: 1, createdCount: 1, skippedCount: 0 });
    expect(count(kind)).toBe(before + 1);
  });
});

describe('a template filled in with mistakes', () => {
  it('comes back with exactly the bad cells marked, the template itself intact', async () => {
    const { fileId } = await filledTemplate(app, admin, 'units', [{ 房号: '3-1-501' }, { 房号: '3-1-502', 建筑面积: '-3', 用途: null }, { 房号: '3-1-503' }]);
    const checked = await app.must('imports.validateRegister', { kind: 'units', fileId }, admin);
    expect(checked.errorRowCount).toBe(1);
    const marks = await reportMarks(app, checked.report!.fileId);
    expect([...marks.errorRows.keys()]).toEqual([3]);
    expect([...marks.redCells.keys()].sort()).toEqual(['3:建筑面积', '3:用途']);
    expect(marks.redCells.get('3:建筑面积')).toMatch(/^错误：/);
    const sheet = (await downloaded(app, checked.report!.fileId)).getWorksheet('房屋')!;
    expect(String(sheet.getRow(1).getCell(3).note)).toContain('3-2-501');
    expect(sheet.getRow(1).getCell(9).value).toBe('错误说明');
  });
});

describe('idempotent import', () => {
  it.each(Object.keys(CALLS) as Kind[])('%s: the same file twice adds nothing the second time', async (kind) => {
    const first = await filledTemplate(app, admin, kind, [{}]);
    await importOnce(kind, first.fileId);
    const after = ledgerChecksums(app.context.sqlite);
    // A template downloaded now offers a fresh example where a key is taken: the file keeps the first values.
    const sameFile = await filledTemplate(app, admin, kind, [Object.fromEntries(first.example)]);
    const { checked, done } = await importOnce(kind, sameFile.fileId);
    expect(checked).toMatchObject({ newCount: 0, skippedCount: 1, errorRowCount: 0 });
    expect(done).toMatchObject({ createdCount: 0, skippedCount: 1 });
    expect(done.skipped[0]!.message).toContain('跳过');
    expect(ledgerChecksums(app.context.sqlite)).toEqual(after);
  });

  it('writes one audit entry per commit, with the counts', async () => {
    const { fileId } = await filledTemplate(app, admin, 'units', [{ 房号: '3-1-201' }, { 房号: '3-1-202' }, { 房号: '3-1-102' }]);
    const audits = () => app.context.sqlite.prepare("SELECT summary FROM audit_log WHERE call = 'imports.commitRegister'").pluck().all();
    await importOnce('units', fileId);
    expect(audits()).toEqual(['导入房屋（units.xlsx）：共 3 行，新增 2 行，跳过已有 1 行']);
  });
});

describe('opening balances reach the ledger', () => {
  it('opening arrears show up in the arrears list, opening prepaid in the balances', async () => {
    const arrears = await filledTemplate(app, admin, 'openingArrears', [
      { 所属期间: '2023-11', 欠费金额: '256.80' },
      { 所属期间: '2023-12', 欠费金额: 256.8, 应缴日期: '2024-01-10' },
    ]);
    const { done } = await importOnce('openingArrears', arrears.fileId);
    expect(done.totalFen).toBe(51_360);
    const list = arrearsList(app.context, { asOf: '2024-05-15', sort: 'amount_desc', offset: 0, limit: 10 });
    expect(list.rows).toEqual([expect.objectContaining({ unitId, unitCode: '3-1-102', outstandingFen: 51_360, lineCount: 2 })]);
    const line = app.context.sqlite.prepare("SELECT * FROM bill_lines WHERE source = 'opening' AND period_start = '2023-12-01'").get() as Record<string, unknown>;
    expect(line).toMatchObject({ due_date: '2024-01-10', amount_fen: 25_680, customer_id: expect.any(Number), period_end: '2023-12-31' });

    const prepaid = await filledTemplate(app, admin, 'openingPrepaid', [{ 预存金额: '500' }, { 专款收费项目: '物业费', 预存金额: '120.50' }]);
    await importOnce('openingPrepaid', prepaid.fileId);
    expect(prepaidBalances(app.context, unitId).map((b) => b.balanceFen)).toEqual([50_000, 12_050]);
  });

  it('need the billing permission; a cashier may import readings but not balances', async () => {
    const cashier = await signInAs(app, 'cashier');
    const { fileId } = await filledTemplate(app, admin, 'openingPrepaid', [{}]);
    expect(await app.call('imports.commitOpening', { kind: 'openingPrepaid', fileId }, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const readings = await filledTemplate(app, admin, 'readings', [{}]);
    expect(await app.call('imports.commitReadings', { kind: 'readings', fileId: readings.fileId }, cashier)).toMatchObject({ ok: true });
  });
});

describe('the register after an import', () => {
  it('finds imported units and people in the desk search', async () => {
    await app.must('register.search', { query: '3-1' }, admin);
    const units = await filledTemplate(app, admin, 'units', [{ 房号: '3-1-301' }]);
    await importOnce('units', units.fileId);
    const people = await filledTemplate(app, admin, 'customers', [{ 房号: '3-1-301', 姓名: '欧阳娜娜', 电话: '13700001234' }]);
    await importOnce('customers', people.fileId);
    const hits = await app.must('register.search', { query: '欧阳娜娜' }, admin);
    expect(hits.map((h) => h.unitCode)).toEqual(['3-1-301']);
  });

  it('refuses rows of communities outside a scoped user', async () => {
    const other = seedCommunity(app, 'MY', '明月小区');
    other.buildingId('1');
    await signInAs(app, 'admin', 'scoped');
    const userId = app.context.sqlite.prepare("SELECT id FROM users WHERE username = 'scoped'").pluck().get() as number;
    app.context.sqlite.prepare('INSERT INTO user_communities (user_id, community_id) VALUES (?, ?)').run(userId, other.communityId);
    // Signed in again: the scope is read at sign-in.
    const session = await signInAs(app, 'admin', 'scoped');
    const { fileId } = await filledTemplate(app, admin, 'units', [{ 项目: '阳光花园', 楼栋: '3', 房号: '3-1-401' }]);
    const checked = await app.must('imports.validateRegister', { kind: 'units', fileId }, session);
    expect(checked.errors).toEqual([{ row: 2, column: '项目', message: expect.stringContaining('不在您的管辖小区范围内') }]);
  });
});
