import { addDays, addMonths } from '../../src-shared/domain/dates';
import { namePinyin } from '../register/pinyin';
import { instant, type Month } from './calendar';
import type { DemoUnit, Occupant } from './model';
import { payerOn } from './model';
import type { Rng } from './random';
import type { Register } from './register';
import { GIVEN_NAMES, MOBILE_PREFIXES, PLATE_LETTERS, PLATE_PREFIXES, SURNAMES } from './vocabulary';
import type { BulkWriter } from './writer';

interface Person {
  id: number;
  name: string;
}

/**
 * Owners from delivery, ~15 % paying tenants (each also a 付款人 row), ~3 % ownership changes
 * (过户) inside the window with the old owner's row ended the day before, a few owners of two
 * units; then parking spaces with plates held by the units' occupants.
 */
export function writePeople(w: BulkWriter, rng: Rng, reg: Register, months: Month[], setupAt: string): { customers: number } {
  const insCustomer = w.inserter('customers', ['name', 'phone', 'pinyin_initials', 'pinyin_full', 'id_card_tail', 'created_at']);
  const insLink = w.inserter('unit_customers', ['unit_id', 'customer_id', 'role', 'start_date', 'end_date']);
  const spell = new Map<string, [string, string]>();
  const windowStart = months[0]!.start;
  const windowEnd = months[months.length - 1]!.end;
  const owners: Person[] = [];

  const newPerson = (createdOn: string): Person => {
    const name = rng.weighted(SURNAMES) + rng.pick(GIVEN_NAMES);
    let py = spell.get(name);
    if (!py) {
      const { initials, full } = namePinyin(name);
      py = [initials, full];
      spell.set(name, py);
    }
    const tail = rng.chance(0.05) ? `${rng.digits(3)}X` : rng.digits(4);
    const phone = rng.pick(MOBILE_PREFIXES) + rng.digits(8);
    const at = createdOn < windowStart ? setupAt : instant(createdOn, 10, rng.int(0, 59));
    return { id: insCustomer(name, phone, py[0], py[1], tail, at), name };
  };
  const link = (u: DemoUnit, p: Person, role: 'owner' | 'tenant', from: string, to: string | null): Occupant => {
    insLink(u.id, p.id, role, from, to);
    if (role === 'tenant') insLink(u.id, p.id, 'payer', from, to);
    return { customerId: p.id, name: p.name, from, to };
  };
  const windowDate = (lo: number, hi: number): string => addDays(months[rng.int(lo, hi)]!.start, rng.int(0, 27));

  for (const u of reg.units) {
    if (u.deliveryDate === null) continue;
    const owner = owners.length > 50 && rng.chance(0.03) ? rng.pick(owners) : newPerson(u.deliveryDate);
    owners.push(owner);
    if (u.deliveryDate < windowStart && months.length >= 6 && rng.chance(0.03)) {
      const on = windowDate(2, months.length - 2);
      u.owners.push(link(u, owner, 'owner', u.deliveryDate, addDays(on, -1)));
      u.owners.push(link(u, newPerson(on), 'owner', on, null));
    } else {
      u.owners.push(link(u, owner, 'owner', u.deliveryDate, null));
    }
    if (!u.vacant && u.use !== 'garage' && u.owners.length === 1 && rng.chance(0.15)) {
      const settled = addDays(u.deliveryDate, 30);
      const early = addDays(windowStart, -rng.int(30, 700));
      const inWindow = months.length >= 4 && !rng.chance(0.6) ? windowDate(1, months.length - 2) : early;
      const start = inWindow > settled ? inWindow : settled;
      const ends = rng.chance(0.2) ? addMonths(start, rng.int(6, 24)) : null;
      const to = ends !== null && ends < windowEnd ? ends : null;
      u.tenants.push(link(u, newPerson(start), 'tenant', start, to));
    }
  }
  writeParking(w, rng, reg, windowStart, windowEnd);
  return { customers: w.counts.get('customers') ?? 0 };
}

function plate(rng: Rng): string {
  const prefix = rng.weighted(PLATE_PREFIXES);
  // New-energy plates: D/F then five more characters.
  if (rng.chance(0.12)) return `${prefix}${rng.pick(['D', 'F'])}${rng.digits(5)}`;
  let rest = '';
  for (let i = 0; i < 5; i++) rest += i < 2 && rng.chance(0.3) ? rng.pick([...PLATE_LETTERS]) : String(rng.int(0, 9));
  return prefix + rest;
}

/** Spaces for ~30 % of occupied homes: 产权 55 %, 租赁 35 %, 人防 10 %. Plates stored normalised (粤B12345). */
function writeParking(w: BulkWriter, rng: Rng, reg: Register, windowStart: string, windowEnd: string): void {
  const insSpace = w.inserter('parking_spaces', [
    'community_id', 'code', 'type', 'unit_id', 'customer_id', 'plates', 'lease_start', 'lease_end', 'cycle_months',
  ]);
  const seen = new Set<string>();
  for (const c of reg.communities) {
    const homes = reg.units.filter((u) => u.communityId === c.id && u.use === 'residential' && !u.vacant && u.billFrom === 0);
    const count = Math.round(homes.length * 0.3);
    let owned = 0;
    let civil = 0;
    for (let i = 0; i < count; i++) {
      const u = rng.pick(homes);
      if (u.spaces.length >= 2) continue;
      const type = rng.weighted([['owned', 55], ['leased', 35], ['civil_defense', 10]] as const);
      const code = type === 'civil_defense' ? `RF-${String(++civil).padStart(3, '0')}` : `B1-${String(++owned).padStart(3, '0')}`;
      const holder = payerOn(u, windowEnd) ?? u.owners[0]!;
      const plates: string[] = [];
      for (let n = rng.chance(0.15) ? 2 : 1; plates.length < n; ) {
        const p = plate(rng);
        if (!seen.has(p)) plates.push(p);
        seen.add(p);
      }
      const leased = type === 'leased';
      const leaseStart = leased ? addMonths(windowStart, -rng.int(1, 30)) : null;
      const leaseEnd = leased ? addMonths(windowEnd, rng.int(1, 12)) : null;
      const id = insSpace(c.id, code, type, u.id, holder.customerId, plates.join(','), leaseStart, leaseEnd, leased ? 1 : null);
      u.spaces.push({ id, code });
    }
  }
}
