import { AppFailure } from '../ipc/failure';
import { labelOf, type RowError } from './errorReport';
import type { ImportKind, ImportRow, RowEnv } from './kind';
import { RowFailure } from './rowCheck';

export interface Applied {
  createdCount: number;
  totalFen: number;
  skipped: Array<{ row: number; message: string }>;
  errors: RowError[];
}

/** Rows between progress events; a file smaller than PROGRESS_FROM sends none. */
const PROGRESS_EVERY = 250;
export const PROGRESS_FROM = 2000;

/** Later rows with the natural key of an earlier one, reported against that row. */
function fileDuplicates(kind: ImportKind, rows: ImportRow[]): Map<number, RowError> {
  const first = new Map<string, number>();
  const duplicates = new Map<number, RowError>();
  const keyNames = kind.keyColumns.map((k) => labelOf(kind, k)).join('、');
  for (const r of rows) {
    const key = kind.fileKey(r.values);
    if (key === null) continue;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, r.row);
    else duplicates.set(r.row, { row: r.row, column: kind.keyColumns.at(-1)!, message: `与第 ${earlier} 行重复（${keyNames}相同）` });
  }
  return duplicates;
}

/**
 * Applies every row inside the caller's transaction, each in its own savepoint: a bad row leaves
 * nothing behind and the next rows still get checked, so one pass reports every bad row. Rows
 * already in the ledger are skipped, which makes a second import of the same file add nothing.
 * The caller keeps the writes (commit) or rolls them all back (validation).
 */
export function applyRows(env: RowEnv, kind: ImportKind, rows: ImportRow[], progress: (done: number) => void): Applied {
  const duplicates = fileDuplicates(kind, rows);
  const result: Applied = { createdCount: 0, totalFen: 0, skipped: [], errors: [...duplicates.values()] };
  const ordered = kind.order ? kind.order(rows) : rows;
  ordered.forEach((r, i) => {
    if ((i + 1) % PROGRESS_EVERY === 0) progress(i + 1);
    if (duplicates.has(r.row)) return;
    try {
      const outcome = env.app.sqlite.transaction(() => kind.apply(env, r.values))();
      if (outcome.created) {
        result.createdCount += 1;
        result.totalFen += outcome.amountFen;
      } else {
        result.skipped.push({ row: r.row, message: outcome.reason });
      }
    } catch (error) {
      if (error instanceof RowFailure) for (const p of error.problems) result.errors.push({ row: r.row, ...p });
      else if (error instanceof AppFailure) result.errors.push({ row: r.row, column: kind.failureColumn(error.message), message: error.message });
      else throw error;
    }
  });
  progress(ordered.length);
  const order = new Map(kind.columns.map((c, i) => [c.key, i]));
  const at = (e: RowError) => (e.column === null ? -1 : (order.get(e.column) ?? 0));
  result.errors.sort((a, b) => a.row - b.row || at(a) - at(b));
  result.skipped.sort((a, b) => a.row - b.row);
  return result;
}
