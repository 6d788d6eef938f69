import type { CallInput, CallOutput } from '../../src-shared/api';
import type { MANUAL_NUMBER_VERDICTS } from '../../src-shared/api/calls/shifts';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import { formatNumber } from '../ledger/series';
import type { Viewer } from './shiftService';

/** Why an unused number of a returned book is voided; the 收据日报 lists these as such. */
export const RETURNED_UNUSED_REASON = '收回未用';

type BookView = CallOutput<'shifts.registerManualBook'>;
type Verdict = (typeof MANUAL_NUMBER_VERDICTS)[number];

/**
 * A paper receipt book (RULES §7) is its own numbering series: kind 'manual_book', a fixed range,
 * held by one cashier. A number is used once it has a `receipts` row, whether issued by a 补录 or
 * voided when the book came back.
 */
export function registerManualBook(app: AppContext, input: CallInput<'shifts.registerManualBook'>): BookView {
  const holder = app.q.first(app.db.selectFrom('users').select(['id', 'disabled']).where('id', '=', input.cashierId));
  if (!holder || holder.disabled) throw new AppFailure('NOT_FOUND', '领用收银员不存在或已停用');
  if (app.q.first(app.db.selectFrom('receipt_series').select('id').where('code', '=', input.code))) {
    throw new AppFailure('DUPLICATE', `收据本 ${input.code} 已登记`);
  }
  // Two books printing the same prefix and number would make two different receipts read alike.
  const overlap = app.q.first(
    app.db
      .selectFrom('receipt_series')
      .select('code')
      .where('kind', '=', 'manual_book')
      .where('prefix', '=', input.prefix)
      .where('range_start', '<=', input.rangeEnd)
      .where('range_end', '>=', input.rangeStart),
  );
  if (overlap) throw new AppFailure('DUPLICATE', `号码段与已登记的收据本 ${overlap.code} 重叠`);
  const r = app.q.run(
    app.db.insertInto('receipt_series').values({
      code: input.code,
      kind: 'manual_book',
      prefix: input.prefix,
      next_no: input.rangeStart,
      range_start: input.rangeStart,
      range_end: input.rangeEnd,
      cashier_id: input.cashierId,
      status: 'active',
      created_at: app.clock.nowIso(),
    }),
  );
  return bookView(app, r.lastInsertRowid);
}

export function listManualBooks(app: AppContext, viewer: Viewer, status: 'active' | 'returned' | undefined) {
  let query = app.db.selectFrom('receipt_series').select('id').where('kind', '=', 'manual_book').orderBy('code');
  if (!viewer.permissions.has('manualbook.manage')) query = query.where('cashier_id', '=', viewer.userId);
  if (status) query = query.where('status', '=', status);
  return { books: app.q.all(query).map((r) => bookView(app, r.id)) };
}

/** 收回: the numbers never written are voided so none can surface later as a valid receipt. */
export function returnManualBook(app: AppContext, userId: number, code: string, reason: string) {
  const book = findBook(app, code);
  if (!book) throw new AppFailure('NOT_FOUND', `收据本 ${code} 未登记`);
  if (book.status === 'returned') throw new AppFailure('INVALID_STATE', `收据本 ${code} 已收回`);
  const used = new Set(usedNumbers(app, book.id));
  const now = app.clock.nowIso();
  const today = app.clock.today();
  const voidReason = reason === '' ? RETURNED_UNUSED_REASON : `${RETURNED_UNUSED_REASON}：${reason}`;
  const insert = app.sqlite.prepare(
    `INSERT INTO receipts (series_id, number, payment_id, status, business_date, issued_at, void_reason, voided_by, voided_at)
     VALUES (?, ?, NULL, 'voided', ?, ?, ?, ?, ?)`,
  );
  const voided: string[] = [];
  for (let n = book.range_start; n <= book.range_end; n++) {
    if (used.has(n)) continue;
    insert.run(book.id, n, today, now, voidReason, userId, now);
    voided.push(formatNumber(book.prefix, n));
  }
  app.q.run(
    app.db
      .updateTable('receipt_series')
      .set({ status: 'returned', next_no: book.range_end + 1 })
      .where('id', '=', book.id),
  );
  return { book: bookView(app, book.id), voided };
}

/** What the 补录 form shows as a number is typed. */
export function checkManualNumber(app: AppContext, userId: number, code: string, number: number) {
  const verdict = manualNumberVerdict(app, userId, code, number);
  const book = findBook(app, code);
  return {
    verdict,
    receiptNo: book ? formatNumber(book.prefix, number) : null,
    message: VERDICT_MESSAGES[verdict](code, book ? `${book.range_start}–${book.range_end}` : ''),
  };
}

/** Refuses a number that is not this cashier's, out of range, already used or from a returned book. */
export function requireUsableManualNumber(app: AppContext, userId: number, code: string, number: number) {
  const verdict = manualNumberVerdict(app, userId, code, number);
  if (verdict !== 'ok') {
    const book = findBook(app, code);
    const message = VERDICT_MESSAGES[verdict](code, book ? `${book.range_start}–${book.range_end}` : '');
    throw new AppFailure(verdict === 'unknown_book' ? 'NOT_FOUND' : verdict === 'used' ? 'DUPLICATE' : 'RULE_VIOLATION', message);
  }
  return findBook(app, code)!;
}

function manualNumberVerdict(app: AppContext, userId: number, code: string, number: number): Verdict {
  const book = findBook(app, code);
  if (!book) return 'unknown_book';
  if (book.cashier_id !== userId) return 'not_your_book';
  if (book.status === 'returned') return 'returned';
  if (number < book.range_start || number > book.range_end) return 'out_of_range';
  const taken = app.q.first(
    app.db.selectFrom('receipts').select('id').where('series_id', '=', book.id).where('number', '=', number),
  );
  return taken ? 'used' : 'ok';
}

const VERDICT_MESSAGES: Record<Verdict, (code: string, range: string) => string> = {
  ok: () => '号码可用',
  used: (code) => `该号码在收据本 ${code} 中已使用过，每个号码只能使用一次`,
  out_of_range: (code, range) => `号码不在收据本 ${code} 的号码段 ${range} 内`,
  not_your_book: (code) => `收据本 ${code} 不是领用给您的`,
  returned: (code) => `收据本 ${code} 已收回，不能再补录`,
  unknown_book: (code) => `收据本 ${code} 未登记`,
};

function findBook(app: AppContext, code: string) {
  const book = app.q.first(
    app.db.selectFrom('receipt_series').selectAll().where('code', '=', code).where('kind', '=', 'manual_book'),
  );
  if (!book || book.range_start === null || book.range_end === null || book.cashier_id === null) return undefined;
  return { ...book, range_start: book.range_start, range_end: book.range_end, cashier_id: book.cashier_id };
}

function usedNumbers(app: AppContext, seriesId: number): number[] {
  return app.q
    .all(app.db.selectFrom('receipts').select('number').where('series_id', '=', seriesId))
    .map((r) => r.number);
}

function bookView(app: AppContext, seriesId: number): BookView {
  const row = app.sqlite
    .prepare(
      `SELECT s.*, u.display_name AS cashier_name,
              (SELECT COUNT(*) FROM receipts r WHERE r.series_id = s.id AND r.payment_id IS NOT NULL) AS used_count,
              (SELECT COUNT(*) FROM receipts r WHERE r.series_id = s.id AND r.payment_id IS NULL) AS voided_count
       FROM receipt_series s JOIN users u ON u.id = s.cashier_id WHERE s.id = ?`,
    )
    .get(seriesId) as BookRow;
  const size = row.range_end - row.range_start + 1;
  return {
    id: row.id,
    code: row.code,
    prefix: row.prefix,
    rangeStart: row.range_start,
    rangeEnd: row.range_end,
    firstNo: formatNumber(row.prefix, row.range_start),
    lastNo: formatNumber(row.prefix, row.range_end),
    cashierId: row.cashier_id,
    cashierName: row.cashier_name,
    status: row.status,
    usedCount: row.used_count,
    voidedCount: row.voided_count,
    unusedCount: size - row.used_count - row.voided_count,
    createdAt: row.created_at,
  };
}

interface BookRow {
  id: number;
  code: string;
  prefix: string;
  range_start: number;
  range_end: number;
  cashier_id: number;
  cashier_name: string;
  status: 'active' | 'returned';
  used_count: number;
  voided_count: number;
  created_at: string;
}

/** Active users whose role may enter paper receipts: who a supervisor can hand a book to. */
export function bookHolders(app: AppContext): CallOutput<'shifts.bookHolders'> {
  const users = app.sqlite
    .prepare(
      `SELECT u.id, u.username, u.display_name AS name FROM users u
       WHERE u.disabled = 0 AND EXISTS (SELECT 1 FROM role_permissions p WHERE p.role_code = u.role_code AND p.permission = 'manual.entry')
       ORDER BY u.username`,
    )
    .all() as Array<{ id: number; username: string; name: string }>;
  return { users };
}
