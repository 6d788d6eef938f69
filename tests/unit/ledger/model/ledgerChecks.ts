import { prepaidBalances } from '../../../../src-main/accounts/prepaidBalances';
import type { AppContext } from '../../../../src-main/app/context';
import { verifyAuditChain } from '../../../../src-main/audit/auditLog';
import { checkLedgerInvariants } from '../../../../src-main/ledger/invariants';
import { systemTotals } from '../../../../src-main/shifts/shiftTotals';
import { rows, value } from './statements';

/**
 * The invariants of issue 3 item 9 that `checkLedgerInvariants` does not already hold, each
 * computed a second way from the raw rows so that a wrong module function cannot agree with
 * itself. Every check returns the offending ids; `ledgerViolations` names the ones that fail.
 */

type Check = (app: AppContext) => unknown[];

const all = rows;
const one = (app: AppContext, sql: string, ...params: unknown[]): number => value<number>(app, sql, ...params);

/**
 * Shift system totals per method = the sum of that shift's tenders of payments still posted
 * (refunds and reversals negative), plus the float in cash — summed here in JS from raw rows and
 * compared with the shifts module's own `systemTotals`; a counted shift's frozen system_fen,
 * counted amount and over/short agree with them, and every payment sits in its cashier's shift.
 */
const shiftTotalsMatchTenders: Check = (app) => {
  const bad: unknown[] = [];
  const sums = new Map<string, number>();
  for (const t of all<{ shift_id: number; method: string; fen: number }>(
    app,
    `SELECT p.shift_id, t.method, SUM(t.amount_fen) AS fen FROM payment_tenders t JOIN payments p ON p.id = t.payment_id
     WHERE p.status = 'posted' GROUP BY p.shift_id, t.method`,
  )) sums.set(`${t.shift_id}:${t.method}`, t.fen);
  const counts = new Map<string, { counted_fen: number; system_fen: number; over_fen: number; short_fen: number }>();
  for (const c of all<{ shift_id: number; method: string; counted_fen: number; system_fen: number; over_fen: number; short_fen: number }>(app, 'SELECT * FROM shift_counts')) {
    counts.set(`${c.shift_id}:${c.method}`, c);
  }
  for (const s of all<{ id: number; float_fen: number; status: string }>(app, 'SELECT id, float_fen, status FROM shifts')) {
    for (const total of systemTotals(app, s.id, s.float_fen)) {
      const key = `${s.id}:${total.method}`;
      const sum = sums.get(key) ?? 0;
      const expected = sum + (total.method === 'cash' ? s.float_fen : 0);
      if (total.tendersFen !== sum || total.systemFen !== expected) bad.push({ shift: s.id, method: total.method, module: total, sum: expected });
      const count = counts.get(key);
      if (s.status !== 'open' && (expected !== 0 || total.method === 'cash') && !count) bad.push({ shift: s.id, method: total.method, uncounted: true });
      if (count && (count.system_fen !== expected || count.over_fen !== Math.max(0, count.counted_fen - expected) || count.short_fen !== Math.max(0, expected - count.counted_fen))) {
        bad.push({ shift: s.id, method: total.method, count, expected });
      }
    }
  }
  bad.push(...all(app, `SELECT p.id FROM payments p JOIN shifts s ON s.id = p.shift_id WHERE p.cashier_id <> s.cashier_id`));
  return bad;
};

/**
 * Each prepaid account: balance = deposits + openings + refund entries (out of or into it)
 * − offsets + returned offsets, where the offset parts are read from the allocations that drew
 * on the account, not from the entries; equals `prepaidBalances` and is never negative.
 */
const prepaidBalanceIdentity: Check = (app) => {
  const bad: unknown[] = [];
  for (const a of all<{ id: number; unit_id: number }>(app, 'SELECT id, unit_id FROM prepaid_accounts')) {
    const byKind = (kind: string) => one(app, 'SELECT COALESCE(SUM(amount_fen), 0) FROM prepaid_entries WHERE account_id = ? AND kind = ?', a.id, kind);
    const drawn = one(app, 'SELECT COALESCE(SUM(amount_fen), 0) FROM allocations WHERE prepaid_account_id = ?', a.id);
    const returned = one(app, `SELECT COALESCE(SUM(amount_fen), 0) FROM allocations WHERE prepaid_account_id = ? AND status = 'returned'`, a.id);
    const balance = byKind('deposit') + byKind('opening') + byKind('refund') - drawn + returned;
    const module = prepaidBalances(app, a.unit_id).find((b) => b.accountId === a.id)?.balanceFen;
    if (byKind('offset') !== -drawn || byKind('offset_return') !== returned || module !== balance || balance < 0) {
      bad.push({ account: a.id, balance, module, offsets: byKind('offset'), drawn, returns: byKind('offset_return'), returned });
    }
  }
  return bad;
};

/**
 * A payment's tenders = its allocations + what it put into prepaid + what it took as deposit,
 * each part read from the rows it wrote: a standing collection's prepaid credits net to its
 * to_prepaid (a void or reversal takes them back to zero), its deposits to its to_deposit; a
 * reversal mirrors its original tender by tender; a refund row matches its executed refund.
 */
const paymentsMatchTheirRows: Check = (app) => [
  ...all(
    app,
    `SELECT p.id FROM payments p WHERE p.kind = 'collection' AND (
       COALESCE((SELECT SUM(e.amount_fen) FROM prepaid_entries e WHERE e.payment_id = p.id AND e.kind = 'deposit'), 0)
         <> CASE WHEN p.status = 'posted' AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_payment_id = p.id) THEN p.to_prepaid_fen ELSE 0 END
       OR COALESCE((SELECT SUM(e.amount_fen) FROM prepaid_entries e WHERE e.payment_id = p.id AND e.kind = 'deposit' AND e.amount_fen > 0), 0) <> p.to_prepaid_fen
       OR COALESCE((SELECT SUM(d.amount_fen) FROM deposits d WHERE d.payment_id = p.id), 0) <> p.to_deposit_fen)`,
  ),
  ...all(
    app,
    `SELECT r.id FROM payments r JOIN payments o ON o.id = r.reverses_payment_id
     WHERE r.kind <> 'reversal' OR o.kind <> 'collection' OR r.tendered_fen <> -o.tendered_fen OR r.allocated_fen <> -o.allocated_fen
        OR r.to_prepaid_fen <> -o.to_prepaid_fen OR r.to_deposit_fen <> -o.to_deposit_fen
        OR EXISTS (SELECT 1 FROM allocations a WHERE a.payment_id = o.id AND a.status <> 'reversed')
        OR EXISTS (SELECT 1 FROM payment_tenders t WHERE t.payment_id IN (o.id, r.id) GROUP BY t.method HAVING SUM(t.amount_fen) <> 0)`,
  ),
  ...all(app, `SELECT id FROM payments WHERE kind = 'reversal' AND reverses_payment_id IS NULL`),
  ...all(
    app,
    `SELECT p.id FROM payments p LEFT JOIN refunds f ON f.refund_payment_id = p.id AND f.status = 'executed'
     WHERE p.kind = 'refund' AND (f.id IS NULL
        OR p.tendered_fen <> CASE WHEN f.payout = 'prepaid' THEN 0 ELSE -(f.amount_fen - f.kept_fen) END
        OR p.to_prepaid_fen <> COALESCE((SELECT SUM(e.amount_fen) FROM prepaid_entries e WHERE e.payment_id = p.id), 0)
        OR (f.source = 'payment' AND p.allocated_fen <> -COALESCE((SELECT SUM(a.amount_fen) FROM refund_allocations ra
              JOIN allocations a ON a.id = ra.allocation_id WHERE ra.refund_id = f.id AND a.status = 'refunded'), 0))
        OR (f.source = 'deposit' AND (p.to_deposit_fen <> -f.amount_fen OR p.allocated_fen <> f.kept_fen)))`,
  ),
];

/** Status columns agree with the rows that explain them. */
const statusesExplained: Check = (app) => [
  ...all(app, `SELECT a.id FROM allocations a JOIN payments p ON p.id = a.payment_id WHERE (a.status = 'voided') <> (p.status = 'voided')`),
  ...all(app, `SELECT a.id FROM allocations a WHERE a.status = 'reversed' AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_payment_id = a.payment_id)`),
  ...all(
    app,
    `SELECT a.id FROM allocations a WHERE (a.status = 'refunded') <> EXISTS (SELECT 1 FROM refund_allocations ra JOIN refunds f ON f.id = ra.refund_id
       WHERE ra.allocation_id = a.id AND f.status = 'executed')`,
  ),
  ...all(app, `SELECT a.id FROM allocations a WHERE a.status = 'returned' AND a.offset_id IS NULL`),
  ...all(app, `SELECT o.id FROM prepaid_offsets o WHERE (o.status = 'live') <> EXISTS (SELECT 1 FROM allocations a WHERE a.offset_id = o.id AND a.status = 'live')`),
  ...all(app, `SELECT r.id FROM receipts r JOIN payments p ON p.id = r.payment_id WHERE (r.status = 'voided') <> (p.status = 'voided')`),
  ...all(app, `SELECT d.id FROM deposits d JOIN payments p ON p.id = d.payment_id WHERE (d.status = 'voided') <> (p.status = 'voided' OR EXISTS (SELECT 1 FROM payments r WHERE r.reverses_payment_id = p.id))`),
  ...all(app, `SELECT d.id FROM deposits d WHERE (d.status = 'settled') <> EXISTS (SELECT 1 FROM refunds f WHERE f.deposit_id = d.id AND f.status = 'executed')`),
  ...all(
    app,
    `SELECT bl.id FROM bill_lines bl WHERE bl.status = 'cancelled' AND (NOT EXISTS (SELECT 1 FROM bill_cancellations c WHERE c.line_id = bl.id)
       OR EXISTS (SELECT 1 FROM allocations a WHERE a.line_id = bl.id AND a.status = 'live')
       OR EXISTS (SELECT 1 FROM waivers w WHERE w.line_id = bl.id AND w.status = 'live'))`,
  ),
  // The late fee a line remembers having charged is exactly its late-fee lines.
  ...all(
    app,
    `SELECT bl.id FROM bill_lines bl WHERE bl.late_charged_fen <> COALESCE((SELECT SUM(lf.amount_fen) FROM bill_lines lf
       WHERE lf.parent_line_id = bl.id AND lf.kind = 'late_fee'), 0)`,
  ),
];

/**
 * Numbers of every series the desk takes (receipts, refund vouchers, offset vouchers) are
 * exactly 1 … next_no − 1: continuous, none twice. Every collection and reversal has one receipt,
 * every executed refund one voucher, and a refund row no receipt.
 */
const seriesContinuous: Check = (app) => {
  const bad: unknown[] = [];
  for (const s of all<{ id: number; code: string; kind: string; prefix: string; next_no: number }>(
    app,
    `SELECT id, code, kind, prefix, next_no FROM receipt_series WHERE kind IN ('desk', 'refund', 'offset')`,
  )) {
    const numbers =
      s.kind === 'desk'
        ? (all<{ n: number }>(app, 'SELECT number AS n FROM receipts WHERE series_id = ?', s.id).map((r) => r.n))
        : s.kind === 'refund'
          ? all<{ n: number }>(app, 'SELECT voucher_no AS n FROM refunds WHERE voucher_series_id = ?', s.id).map((r) => r.n)
          : all<{ v: string }>(app, 'SELECT voucher_no AS v FROM prepaid_offsets').map((r) => (r.v.startsWith(s.prefix) ? Number(r.v.slice(s.prefix.length)) : NaN));
    const sorted = [...numbers].sort((a, b) => a - b);
    if (sorted.length !== s.next_no - 1 || sorted.some((n, i) => n !== i + 1)) bad.push({ series: s.code, next: s.next_no, numbers: sorted.slice(0, 30) });
  }
  bad.push(
    ...all(
      app,
      `SELECT p.id FROM payments p WHERE (SELECT COUNT(*) FROM receipts r WHERE r.payment_id = p.id) <> CASE WHEN p.kind = 'refund' THEN 0 ELSE 1 END`,
    ),
    ...all(app, `SELECT id FROM refunds WHERE (status = 'executed') <> (voucher_no IS NOT NULL AND refund_payment_id IS NOT NULL)`),
  );
  return bad;
};

/**
 * Money is conserved over the whole ledger. What the drawers hold net (tenders of payments still
 * posted, refunds and reversals negative) sits in exactly one place:
 *   Σ tenders = Σ live allocations made by payments + Σ deposits held
 *             + Σ prepaid entries that came from payments (kinds 'deposit' and 'refund'),
 * and, since offsets only move prepaid onto bills, the last term is also
 *   Σ prepaid balances − Σ openings + Σ live allocations made by offsets.
 */
const moneyConserved: Check = (app) => {
  const tenders = one(app, `SELECT COALESCE(SUM(t.amount_fen), 0) FROM payment_tenders t JOIN payments p ON p.id = t.payment_id WHERE p.status = 'posted'`);
  const paid = one(app, `SELECT COALESCE(SUM(amount_fen), 0) FROM allocations WHERE payment_id IS NOT NULL AND status = 'live'`);
  const offsetLive = one(app, `SELECT COALESCE(SUM(amount_fen), 0) FROM allocations WHERE offset_id IS NOT NULL AND status = 'live'`);
  const held = one(app, `SELECT COALESCE(SUM(amount_fen), 0) FROM deposits WHERE status = 'held'`);
  const fromPayments = one(app, `SELECT COALESCE(SUM(amount_fen), 0) FROM prepaid_entries WHERE kind IN ('deposit', 'refund')`);
  const balances = one(app, `SELECT COALESCE(SUM(amount_fen), 0) FROM prepaid_entries`);
  const openings = one(app, `SELECT COALESCE(SUM(amount_fen), 0) FROM prepaid_entries WHERE kind = 'opening'`);
  const ok = tenders === paid + held + fromPayments && fromPayments === balances - openings + offsetLive;
  return ok ? [] : [{ tenders, paid, held, fromPayments, balances, openings, offsetLive }];
};

/**
 * A desk payment that used prepaid did so through its offset; voiding or reversing the payment
 * undoes the whole payment, so its offset is returned to the balances it came from.
 */
const undonePaymentsReturnTheirPrepaid: Check = (app) =>
  all(
    app,
    `SELECT p.id FROM payments p JOIN prepaid_offsets o ON o.id = p.prepaid_offset_id
     WHERE (p.status = 'voided' OR EXISTS (SELECT 1 FROM payments r WHERE r.reverses_payment_id = p.id))
       AND EXISTS (SELECT 1 FROM allocations a WHERE a.offset_id = o.id AND a.status = 'live')`,
  );

const CHECKS: Record<string, Check> = {
  班次系统金额与收款方式合计不符: shiftTotalsMatchTenders,
  预存余额与存入抵扣退款推算不符或为负: prepaidBalanceIdentity,
  付款金额与其分配预存押金明细不符: paymentsMatchTheirRows,
  状态与其依据不一致: statusesExplained,
  票据号不连续或重复: seriesContinuous,
  资金不守恒: moneyConserved,
  作废或冲红的收款未退回所用预存: undonePaymentsReturnTheirPrepaid,
};

export interface Violation {
  check: string;
  detail: unknown[];
}

/**
 * The audit chain is walked at the end of a sequence (hashing every row after every operation
 * would cost more than the rest together); between, the change log catches any rewrite of it.
 */
export function auditChainBroken(app: AppContext): unknown {
  const verdict = verifyAuditChain(app);
  return verdict.ok ? null : verdict;
}

/** The whole ledger against every invariant: the module's checks and the ones above. */
export function ledgerViolations(app: AppContext): Violation[] {
  const out: Violation[] = checkLedgerInvariants(app).map((v) => ({ check: v.check, detail: v.ids }));
  for (const [check, fn] of Object.entries(CHECKS)) {
    const detail = fn(app);
    if (detail.length > 0) out.push({ check, detail: detail.slice(0, 10) });
  }
  return out;
}
