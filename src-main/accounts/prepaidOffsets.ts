import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import { lineBalance } from '../ledger/outstanding';
import { takeNextNumber } from '../ledger/series';
import { postEntry, prepaidBalances, requireUnit } from './prepaidBalances';

/**
 * Prepaid offsets (抵扣, RULES §6): an internal transfer from a unit's prepaid accounts to its bill
 * lines, with its own voucher from series 'OFFSET' — no receipt, no tender, no shift. Each
 * allocation remembers the account it drew from, so an undone run credits exactly that account.
 * All functions run inside the caller's transaction.
 */

interface Draw {
  lineId: number;
  accountId: number;
  amountFen: number;
}

/** Balances of one unit as mutable pools: the general account and one per earmarked fee item. */
export class Pools {
  general: { accountId: number; balanceFen: number } | null = null;
  readonly earmarked = new Map<number, { accountId: number; balanceFen: number }>();

  constructor(app: AppContext, unitId: number) {
    for (const b of prepaidBalances(app, unitId)) {
      const pool = { accountId: b.accountId, balanceFen: b.balanceFen };
      if (b.feeItemId === null) this.general = pool;
      else this.earmarked.set(b.feeItemId, pool);
    }
  }

  available(feeItemId: number, useEarmarked = true, useGeneral = true): number {
    const e = useEarmarked ? (this.earmarked.get(feeItemId)?.balanceFen ?? 0) : 0;
    const g = useGeneral ? (this.general?.balanceFen ?? 0) : 0;
    return e + g;
  }

  /** Takes up to `amountFen` from the usable pools, earmarked first, then general. */
  take(lineId: number, feeItemId: number, amountFen: number, useEarmarked = true, useGeneral = true): Draw[] {
    const draws: Draw[] = [];
    let left = amountFen;
    for (const pool of [useEarmarked ? this.earmarked.get(feeItemId) : null, useGeneral ? this.general : null]) {
      if (!pool || left === 0 || pool.balanceFen <= 0) continue;
      const part = Math.min(pool.balanceFen, left);
      pool.balanceFen -= part;
      left -= part;
      draws.push({ lineId, accountId: pool.accountId, amountFen: part });
    }
    return draws;
  }
}

function postOffset(app: AppContext, unitId: number, runId: number | null, userId: number | null, draws: Draw[]) {
  const totalFen = draws.reduce((s, d) => s + d.amountFen, 0);
  if (totalFen === 0) return { offsetId: null, totalFen: 0 };
  const voucher = takeNextNumber(app, 'OFFSET');
  const now = app.clock.nowIso();
  const today = app.clock.today();
  const offsetId = app.q.run(
    app.db.insertInto('prepaid_offsets').values({
      voucher_no: voucher.display,
      unit_id: unitId,
      run_id: runId,
      amount_fen: totalFen,
      status: 'live',
      business_date: today,
      created_by: userId,
      created_at: now,
    }),
  ).lastInsertRowid;
  const perAccount = new Map<number, number>();
  for (const d of draws) {
    app.q.run(
      app.db.insertInto('allocations').values({
        line_id: d.lineId,
        payment_id: null,
        offset_id: offsetId,
        prepaid_account_id: d.accountId,
        amount_fen: d.amountFen,
        status: 'live',
        business_date: today,
        created_at: now,
      }),
    );
    perAccount.set(d.accountId, (perAccount.get(d.accountId) ?? 0) + d.amountFen);
  }
  for (const [accountId, amount] of perAccount) postEntry(app, { accountId, kind: 'offset', amountFen: -amount, offsetId });
  return { offsetId, totalFen };
}

/**
 * After a billing run: whole, fully outstanding charge lines, oldest first, from the earmarked
 * balance of the line's fee item and then the general balance. The balances are used as a prefix:
 * once a line cannot be covered, no newer line takes money from the pools it would have used,
 * so an older bill is never passed over for a newer one. With a run id only that run's lines
 * are offset (so undoing the run returns everything it took); without one, all of the unit's.
 */
export function applyPrepaidOffsets(
  app: AppContext,
  p: { unitIds: number[]; runId: number | null; userId: number | null },
): { offsetCount: number; totalFen: number } {
  let offsetCount = 0;
  let totalFen = 0;
  const candidates = app.sqlite.prepare(
    `SELECT bl.id, bl.fee_item_id, bl.outstanding_fen
     FROM bill_lines bl JOIN fee_items fi ON fi.id = bl.fee_item_id
     WHERE bl.unit_id = ? AND bl.status = 'posted' AND bl.outstanding_fen > 0 AND bl.kind = 'charge' AND (? IS NULL OR bl.run_id = ?)
       AND NOT EXISTS (SELECT 1 FROM allocations al WHERE al.line_id = bl.id AND al.status = 'live')
       AND NOT EXISTS (SELECT 1 FROM waivers w WHERE w.line_id = bl.id AND w.status = 'live')
     ORDER BY bl.due_date, bl.period_start, fi.priority, bl.id`,
  );
  for (const unitId of [...new Set(p.unitIds)]) {
    const pools = new Pools(app, unitId);
    if (!pools.general && pools.earmarked.size === 0) continue;
    const lines = candidates.all(unitId, p.runId, p.runId) as Array<{ id: number; fee_item_id: number; outstanding_fen: number }>;
    const blockedItems = new Set<number>();
    let generalBlocked = false;
    const draws: Draw[] = [];
    for (const line of lines) {
      const useEarmarked = !blockedItems.has(line.fee_item_id);
      if (pools.available(line.fee_item_id, useEarmarked, !generalBlocked) < line.outstanding_fen) {
        blockedItems.add(line.fee_item_id);
        generalBlocked = true;
        continue;
      }
      draws.push(...pools.take(line.id, line.fee_item_id, line.outstanding_fen, useEarmarked, !generalBlocked));
    }
    const posted = postOffset(app, unitId, p.runId, p.userId, draws);
    if (posted.offsetId !== null) {
      offsetCount += 1;
      totalFen += posted.totalFen;
    }
  }
  return { offsetCount, totalFen };
}

/**
 * At the desk: pays the chosen lines in the given order from the unit's balances, earmarked
 * first. Every line is paid whole while the money lasts; the first line it cannot cover is paid
 * in part and ends the offset.
 */
export function offsetLines(
  app: AppContext,
  p: { unitId: number; lineIds: number[]; userId: number | null },
): { offsetId: number | null; totalFen: number } {
  requireUnit(app, p.unitId);
  if (new Set(p.lineIds).size !== p.lineIds.length) throw new AppFailure('INVALID_INPUT', '同一笔账单不能重复选择');
  const lines = p.lineIds.map((id) => {
    const line = app.q.first(app.db.selectFrom('bill_lines').select(['id', 'unit_id', 'fee_item_id', 'status']).where('id', '=', id));
    if (!line || line.unit_id !== p.unitId) throw new AppFailure('NOT_FOUND', `账单（编号 ${id}）不属于该房屋`);
    if (line.status !== 'posted') throw new AppFailure('INVALID_STATE', `账单（编号 ${id}）已作废，不能抵扣`);
    const outstanding = lineBalance(app, id)!.outstanding_fen;
    if (outstanding <= 0) throw new AppFailure('INVALID_STATE', `账单（编号 ${id}）已结清，无需抵扣`);
    return { ...line, outstanding };
  });
  const pools = new Pools(app, p.unitId);
  const draws: Draw[] = [];
  for (const line of lines) {
    const take = Math.min(line.outstanding, pools.available(line.fee_item_id));
    draws.push(...pools.take(line.id, line.fee_item_id, take));
    if (take < line.outstanding) break;
  }
  return postOffset(app, p.unitId, null, p.userId, draws);
}

/**
 * Undo: the live offset allocations on these lines become 'returned' and their money goes back to
 * the accounts it came from; an offset with nothing live left is 'returned'. Returns fen returned.
 */
export function returnOffsetsForLines(app: AppContext, lineIds: number[]): number {
  if (lineIds.length === 0) return 0;
  const rows = app.sqlite
    .prepare(
      `SELECT id, offset_id, prepaid_account_id, amount_fen FROM allocations
       WHERE line_id IN (SELECT value FROM json_each(?)) AND offset_id IS NOT NULL AND status = 'live'`,
    )
    .all(JSON.stringify(lineIds)) as OffsetAllocation[];
  return returnAllocations(app, rows);
}

/**
 * Undoing the desk payment an offset was made for (void or reversal): all of that offset's live
 * allocations go back, whatever lines they are on. Returns fen returned.
 */
export function returnOffset(app: AppContext, offsetId: number): number {
  const rows = app.sqlite
    .prepare(`SELECT id, offset_id, prepaid_account_id, amount_fen FROM allocations WHERE offset_id = ? AND status = 'live'`)
    .all(offsetId) as OffsetAllocation[];
  return returnAllocations(app, rows);
}

interface OffsetAllocation {
  id: number;
  offset_id: number;
  prepaid_account_id: number;
  amount_fen: number;
}

function returnAllocations(app: AppContext, rows: OffsetAllocation[]): number {
  if (rows.length === 0) return 0;
  app.sqlite
    .prepare(`UPDATE allocations SET status = 'returned' WHERE id IN (SELECT value FROM json_each(?))`)
    .run(JSON.stringify(rows.map((r) => r.id)));
  const groups = new Map<string, { offsetId: number; accountId: number; amountFen: number }>();
  for (const r of rows) {
    const key = `${r.offset_id}:${r.prepaid_account_id}`;
    const g = groups.get(key) ?? { offsetId: r.offset_id, accountId: r.prepaid_account_id, amountFen: 0 };
    g.amountFen += r.amount_fen;
    groups.set(key, g);
  }
  for (const g of groups.values()) postEntry(app, { accountId: g.accountId, kind: 'offset_return', amountFen: g.amountFen, offsetId: g.offsetId });
  app.sqlite
    .prepare(
      `UPDATE prepaid_offsets SET status = 'returned'
       WHERE id IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM allocations al WHERE al.offset_id = prepaid_offsets.id AND al.status = 'live')`,
    )
    .run(JSON.stringify([...new Set(rows.map((r) => r.offset_id))]));
  return rows.reduce((s, r) => s + r.amount_fen, 0);
}
