/** In-memory state of the generated ledger, kept so no row has to be read back while writing. */

export type Profile = 'regular' | 'late' | 'chronic' | 'prepaid';

/** One owner, or one paying tenant, over a stretch of dates (inclusive; to null = still). */
export interface Occupant {
  customerId: number;
  name: string;
  from: string;
  to: string | null;
}

export interface OpenLine {
  id: number;
  feeItemId: number;
  objectKind: 'unit' | 'parking' | 'meter';
  objectId: number;
  due: string;
  periodStart: string;
  periodEnd: string;
  amount: number;
  outstanding: number;
  /** Nothing allocated or waived yet: only such lines may be offset from prepaid (whole lines). */
  untouched: boolean;
  settledThrough: string | null;
}

export interface PrepaidAccount {
  id: number;
  feeItemId: number | null;
  balance: number;
}

export interface DemoUnit {
  id: number;
  communityId: number;
  buildingId: number;
  code: string;
  sortKey: string;
  areaE4: number;
  /** '89.50': the area as printed and as the bill line's quantity. */
  areaText: string;
  use: 'residential' | 'shop' | 'garage';
  deliveryDate: string | null;
  /** Index of the first billed month; beyond the window when never billed. */
  billFrom: number;
  vacant: boolean;
  owners: Occupant[];
  tenants: Occupant[];
  spaces: Array<{ id: number; code: string }>;
  water: { meterId: number; code: string; readingE4: number; baseTons: number } | null;
  profile: Profile;
  cadence: number;
  payDay: number;
  /** Chronic payers stop after this month index. */
  lastPayingMonth: number;
  nextVisit: number;
  open: OpenLine[];
  prepaid: PrepaidAccount[];
  prepaidEarmarked: boolean;
  depositMonth: number | null;
  deposited: boolean;
}

export interface DemoBuilding {
  id: number;
  communityId: number;
  code: string;
  name: string;
  /** Units in natural code order: the apportioning order. */
  units: DemoUnit[];
  powerMeter: { meterId: number; code: string; readingE4: number; baseKwh: number };
}

export interface FeeIds {
  /** 物业费 of homes (政府指导价). */
  property: number;
  /** 物业费 of shops and garages (市场调节价: the guided price covers homes only). */
  commercialProperty: number;
  parking: number;
  water: number;
  sharedPower: number;
  deposit: number;
}

export function propertyItem(fees: FeeIds, unit: DemoUnit): number {
  return unit.use === 'residential' ? fees.property : fees.commercialProperty;
}

export interface StaffIds {
  admin: number;
  supervisors: number[];
  cashiers: number[];
}

export function payerOn(unit: DemoUnit, date: string): Occupant | null {
  for (const t of unit.tenants) if (t.from <= date && (t.to === null || date <= t.to)) return t;
  for (const o of unit.owners) if (o.from <= date && (o.to === null || date <= o.to)) return o;
  return null;
}

/** Fixed-point e4 value (0.0001 units) as text with exactly `decimals` places. */
export function e4Text(e4: number, decimals: 2 | 4 | 0): string {
  const whole = Math.floor(e4 / 10000);
  const frac = String(e4 % 10000).padStart(4, '0').slice(0, decimals);
  return decimals === 0 ? String(whole) : `${whole}.${frac}`;
}

/** ¥1,234.56 for summaries and audit text. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const int = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${int}.${String(abs % 100).padStart(2, '0')}`;
}
