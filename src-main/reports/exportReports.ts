import { randomBytes } from 'node:crypto';
import type { ExportProgress } from '../../src-shared/api/calls/reports';
import type { AppContext } from '../app/context';
import { workbookBufferOffThread } from '../documents/excel/offThread';
import { XLSX_MIME, type WorkbookSpec } from '../documents/excel/sheetSpec';
import { workbookBuffer } from '../documents/excel/writeWorkbook';
import type { FileRef } from '../files/fileStore';
import { getMeta } from '../system/meta';
import type { CommunityScope } from './scope';

/** Above this many rows a workbook is written on a worker thread, with progress events. */
export const OFF_THREAD_ROWS = 5000;

export interface ExportOptions {
  /** Tests lower it to exercise the worker on a small ledger. */
  offThreadRows?: number;
}

export function companyName(app: AppContext): string {
  return getMeta(app, 'company_name') ?? '';
}

type FilterNames = { communityId?: number | undefined; buildingId?: number | undefined; unitId?: number | undefined; feeItemId?: number | undefined; cashierId?: number | undefined; method?: string | undefined };

const METHOD_NAMES: Record<string, string> = { cash: '现金', wechat: '微信', alipay: '支付宝', card: '银行卡', transfer: '转账' };

/** The title block's filter line, in the words the screen uses. */
export function filterLine(app: AppContext, f: FilterNames, scope: CommunityScope): string {
  const name = (sql: string, id: number | undefined) => (id === undefined ? null : ((app.sqlite.prepare(sql).pluck().get(id) as string | undefined) ?? `#${id}`));
  const parts = [
    ['项目', name('SELECT name FROM communities WHERE id = ?', f.communityId)],
    ['楼栋', name('SELECT name FROM buildings WHERE id = ?', f.buildingId)],
    ['房号', name('SELECT code FROM units WHERE id = ?', f.unitId)],
    ['收费项目', name('SELECT name FROM fee_items WHERE id = ?', f.feeItemId)],
    ['收银员', name('SELECT display_name FROM users WHERE id = ?', f.cashierId)],
    ['支付方式', f.method === undefined ? null : (METHOD_NAMES[f.method] ?? f.method)],
  ].filter((p): p is [string, string] => p[1] !== null);
  const scopeText = scope === null
    ? ''
    : `；数据范围：${(scope.map((id) => name('SELECT name FROM communities WHERE id = ?', id)) as string[]).join('、') || '无'}`;
  return `筛选：${parts.length === 0 ? '全部' : parts.map(([k, v]) => `${k}=${v}`).join('；')}${scopeText}`;
}

export function madeByLine(app: AppContext, userName: string): string {
  return `制表人：${userName}\u3000制表时间：${app.clock.localDateTime()}`;
}

/**
 * Writes the workbook (on a worker thread when large, with progress events) and keeps it in the
 * file store for the shell to hand over.
 */
export async function exportWorkbook(app: AppContext, report: string, fileTitle: string, spec: WorkbookSpec, options: ExportOptions = {}): Promise<FileRef> {
  const rows = spec.sheets.reduce((s, sh) => s + sh.rows.length, 0);
  const jobId = randomBytes(6).toString('hex');
  const progress = (done: number, total: number) => {
    const payload: ExportProgress = { task: 'report.export', report, jobId, done, total };
    app.emit({ channel: 'progress', payload });
  };
  const data = rows > (options.offThreadRows ?? OFF_THREAD_ROWS) ? await workbookBufferOffThread(spec, progress) : await workbookBuffer(spec);
  return app.files.put({ name: `${fileTitle}_${app.clock.today()}.xlsx`, mimeType: XLSX_MIME, data });
}
