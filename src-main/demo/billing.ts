import { apportion } from '../../src-shared/domain/apportion';
import { mulRoundHalfUpToFen } from '../../src-shared/domain/decimal';
import { instant, type Month } from './calendar';
import { PRICES } from './fees';
import type { DemoUnit, FeeIds } from './model';
import { e4Text, payerOn, propertyItem, yuan } from './model';
import type { Rng } from './random';
import type { Register } from './register';
import type { BulkWriter } from './writer';

interface PendingLine {
  unit: DemoUnit;
  feeItemId: number;
  objectKind: 'unit' | 'parking' | 'meter';
  objectId: number;
  quantity: string;
  unitPrice: string;
  amount: number;
  basis: string;
}

export interface MonthRun {
  runId: number;
  lineCount: number;
  totalFen: number;
  at: string;
}

const PROPERTY_PRICE = { residential: PRICES.propertyResidential, shop: PRICES.propertyShop, garage: PRICES.propertyGarage } as const;

/**
 * One billing run (出账) for the month: meter readings, then every billed unit's lines in natural
 * code order with the fee items in priority order, amounts exact (rounded once per line) and the
 * building's common power split by building area with the largest remainder.
 */
export class MonthlyBilling {
  private readonly insRun;
  private readonly insLine;
  private readonly amountCache = new Map<string, number>();

  constructor(
    private readonly w: BulkWriter,
    private readonly rng: Rng,
    private readonly reg: Register,
    private readonly fees: FeeIds,
    private readonly runBy: number,
  ) {
    this.insRun = w.inserter('billing_runs', ['period_start', 'period_end', 'scope_json', 'status', 'line_count', 'total_fen', 'created_by', 'created_at']);
    this.insLine = w.inserter('bill_lines', [
      'run_id', 'unit_id', 'fee_item_id', 'object_kind', 'object_id', 'kind', 'source', 'customer_id', 'period_start', 'period_end',
      'quantity', 'unit_price', 'amount_fen', 'basis', 'due_date', 'status', 'created_by', 'created_at',
    ], ['outstanding_fen']);
  }

  private amount(price: string, quantity: string): number {
    const key = `${price}×${quantity}`;
    let fen = this.amountCache.get(key);
    if (fen === undefined) {
      fen = mulRoundHalfUpToFen(price, quantity);
      this.amountCache.set(key, fen);
    }
    return fen;
  }

  run(month: Month): MonthRun {
    const pending: PendingLine[] = [];
    for (const b of this.reg.buildings) this.billBuilding(month, b, pending);
    const at = instant(month.start, 8, 30);
    const totalFen = pending.reduce((s, l) => s + l.amount, 0);
    const scope = { communityIds: this.reg.communities.map((c) => c.id), feeItemIds: [this.fees.property, this.fees.commercialProperty, this.fees.parking, this.fees.water, this.fees.sharedPower] };
    const runId = this.insRun(month.start, month.end, JSON.stringify(scope), 'committed', pending.length, totalFen, this.runBy, at);
    for (const l of pending) {
      const payer = payerOn(l.unit, month.start)!;
      const id = this.insLine(runId, l.unit.id, l.feeItemId, l.objectKind, l.objectId, 'charge', 'run', payer.customerId, month.start, month.end,
        l.quantity, l.unitPrice, l.amount, l.basis, month.start, 'posted', this.runBy, at, l.amount);
      l.unit.open.push({
        id, feeItemId: l.feeItemId, objectKind: l.objectKind, objectId: l.objectId, due: month.start, periodStart: month.start, periodEnd: month.end,
        amount: l.amount, outstanding: l.amount, untouched: true, settledThrough: null,
      });
    }
    return { runId, lineCount: pending.length, totalFen, at };
  }

  private billBuilding(month: Month, b: Register['buildings'][number], out: PendingLine[]): void {
    const { fees, rng } = this;
    const kwh = Math.max(1, Math.round(b.powerMeter.baseKwh * rng.int(85, 115) / 100));
    this.reg.writeReading(b.powerMeter.meterId, month, b.powerMeter.readingE4, kwh * 10_000);
    b.powerMeter.readingE4 += kwh * 10_000;

    const billed = b.units.filter((u) => u.billFrom <= month.index);
    const powerTotal = this.amount(PRICES.power, String(kwh));
    const shares = billed.length > 0 && powerTotal > 0 ? apportion(powerTotal, billed.map((u) => u.areaE4)) : [];
    const totalAreaE4 = billed.reduce((s, u) => s + u.areaE4, 0);
    const usage = new Map<DemoUnit, number>();
    for (const u of b.units) {
      if (!u.water) continue;
      const living = u.billFrom <= month.index && !u.vacant;
      const tons = living ? Math.max(1, u.water.baseTons + rng.int(-3, 3)) : 0;
      this.reg.writeReading(u.water.meterId, month, u.water.readingE4, tons * 10_000);
      u.water.readingE4 += tons * 10_000;
      usage.set(u, tons);
    }
    billed.forEach((u, i) => {
      const price = PROPERTY_PRICE[u.use];
      out.push({ unit: u, feeItemId: propertyItem(fees, u), objectKind: 'unit', objectId: u.id, quantity: u.areaText, unitPrice: price,
        amount: this.amount(price, u.areaText), basis: `${u.areaText}㎡ × ¥${price} × 1 月` });
      for (const s of u.spaces) {
        out.push({ unit: u, feeItemId: fees.parking, objectKind: 'parking', objectId: s.id, quantity: '1', unitPrice: PRICES.parking,
          amount: this.amount(PRICES.parking, '1'), basis: `车位 ${s.code} × ¥${PRICES.parking} × 1 月` });
      }
      const tons = usage.get(u) ?? 0;
      if (u.water && tons > 0) {
        const cur = u.water.readingE4 / 10_000;
        out.push({ unit: u, feeItemId: fees.water, objectKind: 'meter', objectId: u.water.meterId, quantity: String(tons), unitPrice: PRICES.water,
          amount: this.amount(PRICES.water, String(tons)), basis: `水表 ${u.water.code}：${cur - tons} → ${cur}，用水 ${tons} 吨 × ¥${PRICES.water}` });
      }
      const share = shares[i] ?? 0;
      if (share > 0) {
        out.push({ unit: u, feeItemId: fees.sharedPower, objectKind: 'unit', objectId: u.id, quantity: u.areaText, unitPrice: PRICES.power, amount: share,
          basis: `${b.name}公共电表 ${kwh} 度 × ¥${PRICES.power} = ${yuan(powerTotal)}，按建筑面积 ${u.areaText}/${e4Text(totalAreaE4, 2)}㎡ 分摊` });
      }
    });
  }
}
