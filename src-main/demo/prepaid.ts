import { formatNumber } from '../ledger/series';
import type { DemoUnit, OpenLine, PrepaidAccount } from './model';
import type { BulkWriter } from './writer';

/** Continuous numbers of the DESK and OFFSET series, written back to receipt_series at the end. */
export interface SeriesCounters {
  deskId: number;
  offsetId: number;
  receiptNo: number;
  offsetNo: number;
}

/** Prepaid accounts, deposits into them and the offsets (抵扣) made after each billing run. */
export class PrepaidBook {
  private readonly insAccount;
  private readonly insEntry;
  private readonly insOffset;
  private readonly insAllocation;
  readonly holders = new Set<DemoUnit>();

  constructor(
    w: BulkWriter,
    private readonly series: SeriesCounters,
  ) {
    this.insAccount = w.inserter('prepaid_accounts', ['unit_id', 'fee_item_id', 'created_at']);
    this.insEntry = w.inserter('prepaid_entries', ['account_id', 'kind', 'amount_fen', 'payment_id', 'offset_id', 'business_date', 'created_at']);
    this.insOffset = w.inserter('prepaid_offsets', ['voucher_no', 'unit_id', 'run_id', 'amount_fen', 'status', 'business_date', 'created_by', 'created_at']);
    this.insAllocation = w.inserter('allocations', ['line_id', 'payment_id', 'offset_id', 'prepaid_account_id', 'amount_fen', 'status', 'business_date', 'created_at']);
  }

  account(unit: DemoUnit, feeItemId: number | null, at: string): PrepaidAccount {
    let acct = unit.prepaid.find((a) => a.feeItemId === feeItemId);
    if (!acct) {
      acct = { id: this.insAccount(unit.id, feeItemId, at), feeItemId, balance: 0 };
      unit.prepaid.push(acct);
    }
    return acct;
  }

  deposit(unit: DemoUnit, feeItemId: number | null, amountFen: number, paymentId: number, date: string, at: string): void {
    const acct = this.account(unit, feeItemId, at);
    this.insEntry(acct.id, 'deposit', amountFen, paymentId, null, date, at);
    acct.balance += amountFen;
    this.holders.add(unit);
  }

  /**
   * After a run: each holder's untouched charge lines, oldest first, whole lines only, from the
   * earmarked balance of the line's fee item, else the general one; stops at the first line
   * neither covers. One voucher per unit, one negative entry per account drawn.
   */
  offsetAfterRun(runId: number, date: string, at: string, userId: number): { units: number; totalFen: number } {
    let units = 0;
    let totalFen = 0;
    for (const unit of this.holders) {
      const picks: Array<{ line: OpenLine; acct: PrepaidAccount }> = [];
      const left = new Map(unit.prepaid.map((a) => [a, a.balance]));
      for (const line of unit.open) {
        if (!line.untouched) continue;
        const earmarked = unit.prepaid.find((a) => a.feeItemId === line.feeItemId);
        const general = unit.prepaid.find((a) => a.feeItemId === null);
        const acct = earmarked && left.get(earmarked)! >= line.amount ? earmarked : general && left.get(general)! >= line.amount ? general : null;
        if (!acct) break;
        left.set(acct, left.get(acct)! - line.amount);
        picks.push({ line, acct });
      }
      if (picks.length === 0) continue;
      const amount = picks.reduce((s, p) => s + p.line.amount, 0);
      const offsetId = this.insOffset(formatNumber('DK', this.series.offsetNo++), unit.id, runId, amount, 'live', date, userId, at);
      for (const { line, acct } of picks) {
        this.insAllocation(line.id, null, offsetId, acct.id, line.amount, 'live', date, at);
        line.outstanding = 0;
      }
      for (const acct of unit.prepaid) {
        const drawn = acct.balance - left.get(acct)!;
        if (drawn > 0) this.insEntry(acct.id, 'offset', -drawn, null, offsetId, date, at);
        acct.balance -= drawn;
      }
      unit.open = unit.open.filter((l) => l.outstanding > 0);
      if (unit.prepaid.every((a) => a.balance === 0)) this.holders.delete(unit);
      units++;
      totalFen += amount;
    }
    return { units, totalFen };
  }
}
