import type { ImportKindCode } from '../../src-shared/api/calls/imports';
import type { AppContext } from '../app/context';
import type { Lists, ListName } from './lists';

/** How a column's cells are read: text as typed, a date, a month, anything else as text. */
export type CellFormat = 'text' | 'date' | 'month' | 'number';

export interface Column<K extends string = string> {
  key: K;
  header: string;
  required: boolean;
  /** What goes in the cell, shown as the header's note and in the 填写说明 sheet. */
  note: string;
  format: CellFormat;
  width: number;
  /** Values offered by a drop-down in the template. */
  list?: ListName;
}

/** A data row's cells by column key, trimmed; '' for an empty cell. */
export type RowValues<K extends string = string> = Record<K, string>;

export interface ImportRow<K extends string = string> {
  /** The worksheet row number, as the clerk sees it in Excel. */
  row: number;
  values: RowValues<K>;
}

export interface RowEnv {
  app: AppContext;
  userId: number | null;
  /** The communities the user may touch; null = all. */
  communityIds: number[] | null;
}

export type RowOutcome = { created: true; amountFen: number } | { created: false; reason: string };

export interface ImportKind<K extends string = string> {
  code: ImportKindCode;
  /** 房屋, 客户 …: used in the sheet name, messages and the audit entry. */
  title: string;
  columns: readonly Column<K>[];
  /** Opening balances report a money total; register rows do not. */
  money: boolean;
  /** Units, customers and parking feed the desk's search box. */
  writesRegister: boolean;
  /** A row that imports as-is into the ledger the template was made from, for the example. */
  example(app: AppContext, lists: Lists): RowValues<K>;
  /** The natural key of a row for duplicates within the file; null when the row lacks it. */
  fileKey(values: RowValues<K>): string | null;
  /** The cells a duplicate is marked on. */
  keyColumns: readonly K[];
  /** The order rows are applied in (readings by period so each follows the one before). */
  order?(rows: ImportRow<K>[]): ImportRow<K>[];
  /** Checks and writes one row inside the caller's transaction; throws RowFailure or AppFailure. */
  apply(env: RowEnv, values: RowValues<K>): RowOutcome;
  /** The column a service's refusal belongs to, read from its message. */
  failureColumn(message: string): K | null;
}

/** Keeps a kind's column keys checked where it is written, and erases them for the registry. */
export function defineKind<K extends string>(kind: ImportKind<K>): ImportKind {
  return kind as unknown as ImportKind;
}
