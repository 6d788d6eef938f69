import ExcelJS from 'exceljs';
import type { AppContext } from '../app/context';
import type { ImportKind } from './kind';
import { loadLists, type ListName, type Lists } from './lists';

/** Rows of the data sheet that carry the drop-downs and cell formats. */
export const TEMPLATE_ROWS = 5000;
export const GUIDE_SHEET = '填写说明';
const OPTIONS_SHEET = '下拉选项';
export const EXAMPLE_TITLE = '示例行（本表不会被导入，请在数据表中从第 2 行起填写）';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const REQUIRED_COLOR = { argb: 'FFC00000' };
const LIST_TITLES: Record<ListName, string> = {
  communities: '项目',
  buildings: '楼栋',
  uses: '用途',
  statuses: '状态',
  roles: '身份',
  parkingTypes: '车位类型',
  feeItems: '收费项目',
  yesNo: '是否',
  cycles: '周期（月）',
};

/** exceljs keeps range validations in the worksheet's model; its typings do not list it. */
type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function headerCell(cell: ExcelJS.Cell, text: string, required: boolean): void {
  cell.value = required ? `*${text}` : text;
  cell.font = { bold: true, ...(required ? { color: REQUIRED_COLOR } : {}) };
  cell.fill = HEADER_FILL;
  cell.alignment = { vertical: 'middle', horizontal: 'center' };
}

/** One column per list on a hidden sheet; the drop-downs point at these ranges. */
function optionRanges(sheet: ExcelJS.Worksheet, kind: ImportKind, lists: Lists): Map<ListName, string> {
  const ranges = new Map<ListName, string>();
  const used = [...new Set(kind.columns.flatMap((c) => (c.list ? [c.list] : [])))].filter((l) => lists[l].length > 0);
  used.forEach((list, i) => {
    const column = sheet.getColumn(i + 1);
    column.values = [LIST_TITLES[list], ...lists[list]];
    column.width = 16;
    ranges.set(list, `'${OPTIONS_SHEET}'!$${column.letter}$2:$${column.letter}$${lists[list].length + 1}`);
  });
  return ranges;
}

function dataSheet(sheet: WithValidations, kind: ImportKind, ranges: Map<ListName, string>): void {
  kind.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width;
    // Text cells keep 1-101, 2024-05 and phone numbers as typed instead of turning them into dates or numbers.
    if (c.format === 'text' || c.format === 'month') column.numFmt = '@';
    if (c.format === 'date') column.numFmt = 'yyyy-mm-dd';
    const cell = sheet.getRow(1).getCell(i + 1);
    headerCell(cell, c.header, c.required);
    cell.note = `${c.required ? '必填' : '选填'}：${c.note}${c.list ? '。可从下拉列表中选择' : ''}`;
    const range = c.list ? ranges.get(c.list) : undefined;
    if (c.list && range) {
      // Names of communities and buildings may also be typed as codes: warn, do not block.
      const free = c.list === 'communities' || c.list === 'buildings';
      sheet.dataValidations.add(`${column.letter}2:${column.letter}${TEMPLATE_ROWS + 1}`, {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        showErrorMessage: true,
        errorStyle: free ? 'warning' : 'stop',
        errorTitle: c.header,
        error: `请从下拉列表中选择${c.header}`,
      });
    }
  });
}

function guideSheet(sheet: ExcelJS.Worksheet, kind: ImportKind, example: Record<string, string>): void {
  const title = sheet.addRow([`${kind.title}导入模板 · 填写说明`]);
  title.font = { bold: true, size: 14 };
  for (const line of [
    `1. 在「${kind.title}」工作表中从第 2 行起每行填写一条记录，不要修改第 1 行的列名；列名带 * 的为必填项，鼠标停在列名上可看到填写要求。`,
    '2. 带下拉箭头的列请从列表中选择；日期写成 2024-05-15，期间写成 2024-05，金额以元为单位。',
    '3. 导入前会逐行校验。只要有一行有误，就不会导入任何数据，并返回一份标出错误的文件（错误说明列、红色单元格和批注），改正后可直接上传这份文件。',
    '4. 已在系统中的记录会自动跳过：同一个文件重复导入不会重复登记。',
  ]) {
    sheet.addRow([line]);
  }
  sheet.addRow([]);
  sheet.addRow([EXAMPLE_TITLE]).font = { bold: true };
  const headers = sheet.addRow(kind.columns.map((c) => c.header));
  kind.columns.forEach((c, i) => headerCell(headers.getCell(i + 1), c.header, c.required));
  const values = sheet.addRow(kind.columns.map((c) => example[c.key] ?? ''));
  values.font = { italic: true, color: { argb: 'FF595959' } };
  sheet.addRow([]);
  const table = sheet.addRow(['列名', '是否必填', '填写要求']);
  table.eachCell((cell) => headerCell(cell, String(cell.value), false));
  for (const c of kind.columns) sheet.addRow([c.header, c.required ? '必填' : '选填', `${c.note}${c.list ? '（下拉选择）' : ''}`]);
  kind.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.max(c.width, i === 2 ? 60 : 14)));
}

/** The template of a kind, with the user's communities and the ledger's fee items in its lists. */
export async function buildTemplate(app: AppContext, kind: ImportKind, communityIds: number[] | null): Promise<Buffer> {
  const lists = loadLists(app, communityIds);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FeeDesk';
  wb.created = app.clock.now();
  // The data sheet comes first so Excel opens on it; the hidden options sheet is filled first for its ranges.
  const data = wb.addWorksheet(kind.title, { views: [{ state: 'frozen', ySplit: 1 }] }) as WithValidations;
  const guide = wb.addWorksheet(GUIDE_SHEET);
  const options = wb.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
  dataSheet(data, kind, optionRanges(options, kind, lists));
  guideSheet(guide, kind, kind.example(app, lists));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
