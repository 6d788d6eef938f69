import { z } from 'zod';
import { call } from '../define';

/**
 * Excel import (RULES §2 register data, and balances carried over from a previous system). The
 * workbook arrives as an upload (POST /api/uploads, or the desktop's open dialog) and is named
 * here by its FileRef id. `validate` changes nothing and answers with every bad row and, if there
 * are any, a copy of the workbook with the errors marked; `commit` writes all rows or none.
 * One pair of calls per permission: register data, meter readings, opening balances.
 */

export const REGISTER_IMPORTS = ['units', 'customers', 'parking'] as const;
export const READING_IMPORTS = ['readings'] as const;
export const OPENING_IMPORTS = ['openingArrears', 'openingPrepaid'] as const;
export const IMPORT_KINDS = [...REGISTER_IMPORTS, ...READING_IMPORTS, ...OPENING_IMPORTS] as const;
export type ImportKindCode = (typeof IMPORT_KINDS)[number];

const kindError = { error: '请选择导入类型：房屋/客户/车位/抄表读数/期初欠费/期初预存' };
const fileId = z.string({ error: '请先上传 Excel 文件' }).trim().min(1, '请先上传 Excel 文件').max(64, '文件编号无效');

const fileRef = z.object({ fileId: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number().int().nonnegative() });
/** A bad row: `column` is the header of the offending cell, null when the row as a whole is wrong. */
const rowError = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });
/** A row whose record is already in the ledger: importing the same file again adds nothing. */
const skippedRow = z.object({ row: z.number().int(), message: z.string() });

const validation = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  /** Data rows read (empty rows are not counted). */
  rowCount: z.number().int(),
  /** Rows that would be added; meaningful only when there are no errors. */
  newCount: z.number().int(),
  skippedCount: z.number().int(),
  errorRowCount: z.number().int(),
  /** At most 500 entries; the report workbook carries all of them. */
  errors: z.array(rowError),
  errorsTruncated: z.boolean(),
  skipped: z.array(skippedRow),
  /** Opening balances: the total in fen of the rows that would be added. */
  totalFen: z.number().int().nullable(),
  /** The uploaded workbook with an error column and the bad cells highlighted; null when every row is good. */
  report: fileRef.nullable(),
});

const committed = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  rowCount: z.number().int(),
  createdCount: z.number().int(),
  skippedCount: z.number().int(),
  skipped: z.array(skippedRow),
  totalFen: z.number().int().nullable(),
});

const pair = <K extends readonly [string, ...string[]]>(kinds: K) => z.object({ kind: z.enum(kinds, kindError), fileId }).strict();

export const importsCalls = {
  /** The .xlsx template of a kind: header notes, a 填写说明 sheet with an example row, drop-down lists. */
  'imports.template': call({
    input: z.object({ kind: z.enum(IMPORT_KINDS, kindError) }).strict(),
    output: fileRef,
    access: 'register.read',
    mutates: false,
  }),
  'imports.validateRegister': call({ input: pair(REGISTER_IMPORTS), output: validation, access: 'register.write', mutates: false }),
  'imports.commitRegister': call({ input: pair(REGISTER_IMPORTS), output: committed, access: 'register.write', mutates: true }),
  'imports.validateReadings': call({ input: pair(READING_IMPORTS), output: validation, access: 'readings.write', mutates: false }),
  'imports.commitReadings': call({ input: pair(READING_IMPORTS), output: committed, access: 'readings.write', mutates: true }),
  /** Opening arrears and prepaid balances are ledger amounts: the billing permission, and audited. */
  'imports.validateOpening': call({ input: pair(OPENING_IMPORTS), output: validation, access: 'billing.run', mutates: false }),
  'imports.commitOpening': call({ input: pair(OPENING_IMPORTS), output: committed, access: 'billing.run', mutates: true }),
};

/** Payload of `progress` events sent while a large import is checked or written. */
export interface ImportProgress {
  task: 'import.validate' | 'import.commit';
  kind: ImportKindCode;
  jobId: string;
  done: number;
  total: number;
}
