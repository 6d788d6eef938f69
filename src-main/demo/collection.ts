import { mulRoundHalfUpToFen } from '../../src-shared/domain/decimal';
import { lateFee, overdueDays } from '../../src-shared/domain/lateFee';
import { formatNumber } from '../ledger/series';
import { instant } from './calendar';
import { LATE, PRICES } from './fees';
import type { DemoUnit, FeeIds, OpenLine, StaffIds } from './model';
import { payerOn, propertyItem, yuan } from './model';
import type { PrepaidBook, SeriesCounters } from './prepaid';
import type { Rng } from './random';
import { VOID_REASONS, WAIVER_REASONS } from './vocabulary';
import type { BulkWriter } from './writer';

export const METHODS = ['cash', 'wechat', 'alipay', 'card', 'transfer'] as const;
export type Method = (typeof METHODS)[number];
const METHOD_NAMES: Record<Method, string> = { cash: '现金', wechat: '微信支付', alipay: '支付宝', card: '银行卡', transfer: '转账' };
const DEPOSIT_FEN = mulRoundHalfUpToFen(PRICES.renovationDeposit, '1');

export interface Shift {
  id: number;
  cashierId: number;
  supervisorId: number;
  totals: Map<Method, number>;
}

export interface Visit {
  unit: DemoUnit;
  deposit: boolean;
  topUp: boolean;
}

interface LateCharge {
  parent: OpenLine;
  fee: number;
  days: number;
  from: string;
  grace: number;
  principal: number;
}

/** A desk visit: waiver if any, late fees settled first, allocation oldest first, one receipt. */
export class Desk {
  private readonly ins;
  private paymentNo = 0;

  constructor(
    private readonly w: BulkWriter,
    private readonly rng: Rng,
    private readonly fees: FeeIds,
    private readonly staff: StaffIds,
    private readonly series: SeriesCounters,
    private readonly prepaid: PrepaidBook,
    private readonly seed: number,
  ) {
    this.ins = {
      payment: w.inserter('payments', [
        'idempotency_key', 'kind', 'unit_id', 'payer_name', 'shift_id', 'cashier_id', 'tendered_fen', 'allocated_fen', 'to_prepaid_fen', 'to_deposit_fen',
        'cash_given_fen', 'change_fen', 'status', 'business_date', 'created_at',
      ]),
      tender: w.inserter('payment_tenders', ['payment_id', 'method', 'amount_fen', 'reference']),
      receipt: w.inserter('receipts', [
        'series_id', 'number', 'payment_id', 'status', 'business_date', 'issued_at', 'void_reason', 'voided_by', 'void_approved_by', 'voided_at',
      ]),
      allocation: w.inserter('allocations', ['line_id', 'payment_id', 'amount_fen', 'status', 'business_date', 'created_at']),
      lateLine: w.inserter('bill_lines', [
        'unit_id', 'fee_item_id', 'object_kind', 'object_id', 'kind', 'source', 'parent_line_id', 'customer_id', 'period_start', 'period_end',
        'quantity', 'unit_price', 'amount_fen', 'basis', 'due_date', 'status', 'created_by', 'created_at',
      ], ['outstanding_fen']),
      settle: w.db.prepare('UPDATE bill_lines SET late_settled_through = ?, late_charged_fen = late_charged_fen + ? WHERE id = ?'),
      waiver: w.inserter('waivers', ['line_id', 'amount_fen', 'reason', 'status', 'requested_by', 'approved_by', 'created_at', 'business_date']),
      deposit: w.inserter('deposits', ['unit_id', 'payment_id', 'kind', 'amount_fen', 'status', 'created_at']),
    };
  }

  /** Serves one visit starting at second `t` of the day; returns the second the desk is free again. */
  serve(v: Visit, shift: Shift, date: string, t: number): number {
    const { rng, w } = this;
    const unit = v.unit;
    const payer = payerOn(unit, date) ?? unit.owners[unit.owners.length - 1]!;
    let waived = false;
    const target = unit.open.find((l) => l.untouched && l.feeItemId === propertyItem(this.fees, unit));
    const amount = target ? Math.floor((target.outstanding * 3) / 10) : 0;
    if (target && amount > 0 && rng.chance(0.012)) {
      const reason = rng.pick(WAIVER_REASONS);
      const id = this.ins.waiver(target.id, amount, reason, 'live', shift.cashierId, shift.supervisorId, instant(date, 0, 0, t), date);
      w.audit(instant(date, 0, 0, t), shift.cashierId, 'collection.applyWaiver', `waiver:${id}`, `申请减免 ${yuan(amount)}：${reason}`);
      w.audit(instant(date, 0, 0, t + 30), shift.supervisorId, 'collection.approveWaiver', `waiver:${id}`, `批准减免 ${yuan(amount)}`);
      target.outstanding -= amount;
      target.untouched = false;
      waived = true;
      t += 60;
    }

    const { allocs, lates } = this.plan(unit, date);
    const toPrepaid = v.topUp ? this.topUpFen(unit) : 0;
    const toDeposit = v.deposit ? DEPOSIT_FEN : 0;
    const allocated = allocs.reduce((s, a) => s + a.amount, 0) + lates.reduce((s, l) => s + l.fee, 0);
    const tendered = allocated + toPrepaid + toDeposit;
    if (tendered === 0) return t;

    if (!waived && lates.length === 0 && toPrepaid === 0 && toDeposit === 0 && rng.chance(0.003)) {
      this.voided(unit, payer.name, shift, date, t, tendered, allocs);
      t += 60;
    }
    const at = instant(date, 0, 0, t);
    const { id: paymentId, how } = this.payment(unit, payer.name, shift, date, at, tendered, allocated, toPrepaid, toDeposit, 'posted');
    const receiptNo = this.series.receiptNo++;
    this.ins.receipt(this.series.deskId, receiptNo, paymentId, 'issued', date, at, null, null, null, null);
    for (const l of lates) {
      if (l.fee > 0) {
        const p = l.parent;
        const lineId = this.ins.lateLine(unit.id, p.feeItemId, p.objectKind, p.objectId, 'late_fee', 'late_fee', p.id, payer.customerId, p.periodStart,
          p.periodEnd, String(l.days), LATE.dailyRate, l.fee,
          `违约金：本金 ${yuan(l.principal)} × 日 ${LATE.dailyRate} × 逾期 ${l.days} 天（自 ${l.from} 起，宽限 ${l.grace} 天）`, date, 'posted', shift.cashierId, at, l.fee);
        this.ins.allocation(lineId, paymentId, l.fee, 'live', date, at);
      }
      this.ins.settle.run(date, l.fee, l.parent.id);
      l.parent.settledThrough = date;
    }
    for (const a of allocs) {
      this.ins.allocation(a.line.id, paymentId, a.amount, 'live', date, at);
      a.line.outstanding -= a.amount;
      a.line.untouched = false;
    }
    unit.open = unit.open.filter((l) => l.outstanding > 0);
    if (toPrepaid > 0) {
      const earmarked = unit.prepaidEarmarked ? Math.min(toPrepaid, Math.ceil(this.propertyFen(unit) * 6 / 10_000) * 10_000) : 0;
      if (earmarked > 0) this.prepaid.deposit(unit, propertyItem(this.fees, unit), earmarked, paymentId, date, at);
      if (toPrepaid > earmarked) this.prepaid.deposit(unit, null, toPrepaid - earmarked, paymentId, date, at);
    }
    if (toDeposit > 0) {
      this.ins.deposit(unit.id, paymentId, 'renovation', toDeposit, 'held', at);
      unit.deposited = true;
    }
    const parts = [allocated > 0 ? `缴费 ${yuan(allocated)}` : '', toPrepaid > 0 ? `预存 ${yuan(toPrepaid)}` : '', toDeposit > 0 ? `装修押金 ${yuan(toDeposit)}` : '']
      .filter(Boolean).join('，');
    w.audit(at, shift.cashierId, 'collection.collect', `payment:${paymentId}`, `收款 ${formatNumber('SJ', receiptNo)}：${unit.code} ${payer.name} ${parts}（${how}）`);
    return t + rng.int(40, 120);
  }

  /** Late fees on the lines money will reach (RULES §5), then whole lines oldest first; now and then the last in part. */
  private plan(unit: DemoUnit, date: string): { allocs: Array<{ line: OpenLine; amount: number }>; lates: LateCharge[] } {
    const allocs: Array<{ line: OpenLine; amount: number }> = [];
    const lates: LateCharge[] = [];
    const partAt = unit.profile === 'regular' && unit.open.length >= 2 && this.rng.chance(0.05) ? this.rng.int(1, unit.open.length - 1) : -1;
    for (let j = 0; j < unit.open.length; j++) {
      const line = unit.open[j]!;
      const from = line.settledThrough ?? line.due;
      const grace = line.settledThrough ? 0 : LATE.graceDays;
      const days = overdueDays(from, date, grace);
      if (days > 0) {
        const fee = lateFee({ principalFen: line.outstanding, dueDate: from, asOf: date, dailyRate: LATE.dailyRate, graceDays: grace });
        lates.push({ parent: line, fee, days, from, grace, principal: line.outstanding });
      }
      if (j === partAt) {
        const part = Math.floor((line.outstanding * this.rng.int(20, 80)) / 10_000) * 100;
        allocs.push({ line, amount: part > 0 && part < line.outstanding ? part : line.outstanding });
        break;
      }
      allocs.push({ line, amount: line.outstanding });
    }
    return { allocs, lates };
  }

  private propertyFen(unit: DemoUnit): number {
    const price = unit.use === 'shop' ? PRICES.propertyShop : unit.use === 'garage' ? PRICES.propertyGarage : PRICES.propertyResidential;
    return mulRoundHalfUpToFen(price, unit.areaText);
  }

  /** About 6–12 months of the unit's bills, in whole hundreds of yuan. */
  private topUpFen(unit: DemoUnit): number {
    const monthly = this.propertyFen(unit) + unit.spaces.length * 8_000 + (unit.water?.baseTons ?? 0) * 350 + 3_000;
    return Math.ceil((monthly * this.rng.int(6, 12)) / 10_000) * 10_000;
  }

  private payment(unit: DemoUnit, payerName: string, shift: Shift, date: string, at: string, tendered: number, allocated: number,
    toPrepaid: number, toDeposit: number, status: 'posted' | 'voided'): { id: number; how: string } {
    const { rng } = this;
    const method = rng.weighted<Method>([['wechat', 45], ['alipay', 25], ['cash', 15], ['card', 8], ['transfer', 7]]);
    const split = tendered >= 20_000 && rng.chance(0.03);
    const cashPart = split ? Math.floor(tendered / 20_000) * 10_000 : method === 'cash' ? tendered : 0;
    const tenders: Array<[Method, number]> = split ? [['cash', cashPart], ['wechat', tendered - cashPart]] : [[method, tendered]];
    const given = cashPart > 0 && rng.chance(0.5) ? Math.ceil(cashPart / 10_000) * 10_000 : cashPart;
    const key = `demo-${this.seed}-${++this.paymentNo}`;
    const id = this.ins.payment(key, 'collection', unit.id, payerName, shift.id, shift.cashierId, tendered, allocated, toPrepaid, toDeposit,
      cashPart > 0 ? given : null, given - cashPart, status, date, at);
    for (const [m, amount] of tenders) {
      this.ins.tender(id, m, amount, this.reference(m, date));
      if (status === 'posted') shift.totals.set(m, (shift.totals.get(m) ?? 0) + amount);
    }
    return { id, how: tenders.map(([m]) => METHOD_NAMES[m]).join('+') };
  }

  private reference(m: Method, date: string): string {
    const d = date.replace(/-/g, '');
    const { rng } = this;
    switch (m) {
      case 'cash': return '';
      case 'wechat': return `4200${rng.digits(6)}${d}${rng.digits(10)}`;
      case 'alipay': return `${d}2200${rng.digits(16)}`;
      case 'card': return `凭证号 ${rng.digits(6)} 参考号 ${rng.digits(12)}`;
      case 'transfer': return `网银流水 ${d}${rng.digits(8)}`;
    }
  }

  /** A payment taken by mistake and voided by the supervisor in the same open shift (作废). */
  private voided(unit: DemoUnit, payerName: string, shift: Shift, date: string, t: number, tendered: number, allocs: Array<{ line: OpenLine; amount: number }>): void {
    const at = instant(date, 0, 0, t);
    const voidAt = instant(date, 0, 0, t + 30);
    const reason = this.rng.pick(VOID_REASONS);
    const { id } = this.payment(unit, payerName, shift, date, at, tendered, tendered, 0, 0, 'voided');
    const no = this.series.receiptNo++;
    this.ins.receipt(this.series.deskId, no, id, 'voided', date, at, reason, shift.supervisorId, shift.supervisorId, voidAt);
    for (const a of allocs) this.ins.allocation(a.line.id, id, a.amount, 'voided', date, at);
    this.w.audit(at, shift.cashierId, 'collection.collect', `payment:${id}`, `收款 ${formatNumber('SJ', no)}：${unit.code} ${payerName} 缴费 ${yuan(tendered)}`);
    this.w.audit(voidAt, shift.supervisorId, 'collection.voidPayment', `payment:${id}`, `作废收据 ${formatNumber('SJ', no)}：${reason}`);
  }
}
