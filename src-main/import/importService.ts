import { randomBytes } from 'node:crypto';
import type { ImportKindCode, ImportProgress } from '../../src-shared/api/calls/imports';
import { formatYuan } from '../../src-shared/domain/money';
import type { AppContext } from '../app/context';
import type { FileRef, StoredFile } from '../files/fileStore';
import { AppFailure } from '../ipc/failure';
import type { CallContext } from '../ipc/types';
import { markAllDirty } from '../register/searchIndex';
import { applyRows, PROGRESS_FROM, type Applied } from './applyRows';
import { errorReport, labelOf } from './errorReport';
import type { ImportKind, ImportRow, RowEnv } from './kind';
import { IMPORT_KIND_DEFS } from './kinds';
import { readUpload } from './readUpload';
import { buildTemplate } from './template';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The output lists at most this many errors and skipped rows; the report workbook has every one. */
const LISTED = 500;

interface ImportInput {
  kind: ImportKindCode;
  fileId: string;
}

export async function templateFile(app: AppContext, kind: ImportKindCode, communityIds: number[] | null): Promise<FileRef> {
  const def = IMPORT_KIND_DEFS[kind];
  return app.files.put({ name: `${def.title}导入模板.xlsx`, mimeType: XLSX_MIME, data: await buildTemplate(app, def, communityIds) });
}

function uploaded(app: AppContext, fileId: string): StoredFile {
  const file = app.files.get(fileId);
  if (!file) throw new AppFailure('NOT_FOUND', '找不到上传的文件（上传后 30 分钟内有效），请重新上传');
  return file;
}

function rowEnv(ctx: CallContext): RowEnv {
  return { app: ctx.app, userId: ctx.session?.userId ?? null, communityIds: ctx.session?.communityIds ?? null };
}

function progressOf(app: AppContext, task: ImportProgress['task'], kind: ImportKindCode, total: number): (done: number) => void {
  if (total <= PROGRESS_FROM) return () => undefined;
  const jobId = randomBytes(8).toString('hex');
  return (done) => app.emit({ channel: 'progress', payload: { task, kind, jobId, done, total } satisfies ImportProgress });
}

/** Thrown to roll a validation's trial writes back. */
class TrialOnly extends Error {}

/** Applies the rows as a commit would, then rolls everything back: validation sees what commit will. */
function trialRun(env: RowEnv, kind: ImportKind, rows: ImportRow[], progress: (done: number) => void): Applied {
  let applied: Applied | undefined;
  try {
    env.app.sqlite.transaction(() => {
      applied = applyRows(env, kind, rows, progress);
      throw new TrialOnly();
    })();
  } catch (error) {
    if (!(error instanceof TrialOnly)) throw error;
  }
  return applied!;
}

const reportName = (name: string) => `${name.replace(/\.xlsx$/i, '')}-错误报告.xlsx`;

export async function validateImport(ctx: CallContext, input: ImportInput) {
  const { app } = ctx;
  const kind = IMPORT_KIND_DEFS[input.kind];
  const file = uploaded(app, input.fileId);
  const upload = await readUpload(file.data, kind);
  const applied = trialRun(rowEnv(ctx), kind, upload.rows, progressOf(app, 'import.validate', kind.code, upload.rows.length));
  const report =
    applied.errors.length > 0
      ? app.files.put({ name: reportName(file.name), mimeType: XLSX_MIME, data: await errorReport(upload, kind, applied.errors) })
      : null;
  return {
    kind: kind.code,
    fileName: file.name,
    rowCount: upload.rows.length,
    newCount: applied.createdCount,
    skippedCount: applied.skipped.length,
    errorRowCount: new Set(applied.errors.map((e) => e.row)).size,
    errors: applied.errors.slice(0, LISTED).map((e) => ({ row: e.row, column: labelOf(kind, e.column), message: e.message })),
    errorsTruncated: applied.errors.length > LISTED,
    skipped: applied.skipped.slice(0, LISTED),
    totalFen: kind.money ? applied.totalFen : null,
    report,
  };
}

function refusal(applied: Applied): string {
  const rows = [...new Set(applied.errors.map((e) => e.row))];
  const some = rows.slice(0, 10).join('、') + (rows.length > 10 ? ' 等' : '');
  return `文件中有 ${rows.length} 行有误（第 ${some} 行），没有导入任何数据。请先校验，按错误报告改正后再导入`;
}

function auditSummary(kind: ImportKind, fileName: string, rowCount: number, applied: Applied): string {
  const money = kind.money ? `，金额合计 ${formatYuan(applied.totalFen)}` : '';
  return `导入${kind.title}（${fileName}）：共 ${rowCount} 行，新增 ${applied.createdCount} 行${money}，跳过已有 ${applied.skipped.length} 行`;
}

/**
 * Checks every row again inside the write transaction (the ledger may have changed since the
 * validation) and keeps the writes only when all rows are good: one transaction, one audit entry.
 */
export async function commitImport(ctx: CallContext, input: ImportInput) {
  const { app } = ctx;
  const kind = IMPORT_KIND_DEFS[input.kind];
  const file = uploaded(app, input.fileId);
  const upload = await readUpload(file.data, kind);
  const progress = progressOf(app, 'import.commit', kind.code, upload.rows.length);
  const audit = { entity: `import:${kind.code}`, summary: '' };
  const applied = ctx.write(audit, () => {
    const result = applyRows(rowEnv(ctx), kind, upload.rows, progress);
    if (result.errors.length > 0) throw new AppFailure('INVALID_INPUT', refusal(result));
    // A bulk load behind the register's per-unit marks: the search index is rebuilt on next use.
    if (kind.writesRegister && result.createdCount > 0) markAllDirty(app);
    audit.summary = auditSummary(kind, file.name, upload.rows.length, result);
    return result;
  });
  // An upload is imported once; forgotten only after success, so a refused commit can be retried.
  app.files.take(input.fileId);
  return {
    kind: kind.code,
    fileName: file.name,
    rowCount: upload.rows.length,
    createdCount: applied.createdCount,
    skippedCount: applied.skipped.length,
    skipped: applied.skipped.slice(0, LISTED),
    totalFen: kind.money ? applied.totalFen : null,
  };
}
