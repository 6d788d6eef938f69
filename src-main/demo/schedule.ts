import { addDays } from '../../src-shared/domain/dates';
import type { Month } from './calendar';
import type { Visit } from './collection';
import type { DemoUnit } from './model';
import type { Rng } from './random';

/** Shares of the billed households; chronic defaulters are counted exactly, not drawn. */
export const PROFILE_SHARES = { chronic: 0.08, late: 0.05, prepaid: 0.04 } as const;

/**
 * Who pays how: most households every 1–3 months on their usual day; late payers every 4–6
 * months (so late fees arise) but back within the last quarter; prepaid households top up
 * whenever offsets no longer cover a bill; chronic defaulters stop 4–30 months before the end.
 */
export function assignProfiles(rng: Rng, units: DemoUnit[], monthCount: number): void {
  const billed = units.filter((u) => u.billFrom < monthCount);
  for (let i = billed.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [billed[i], billed[j]] = [billed[j]!, billed[i]!];
  }
  const nChronic = Math.round(billed.length * PROFILE_SHARES.chronic);
  const nLate = Math.round(billed.length * PROFILE_SHARES.late);
  const nPrepaid = Math.round(billed.length * PROFILE_SHARES.prepaid);
  billed.forEach((u, i) => {
    u.profile = i < nChronic ? 'chronic' : i < nChronic + nLate ? 'late' : i < nChronic + nLate + nPrepaid ? 'prepaid' : 'regular';
    u.cadence = rng.weighted([[1, 45], [2, 25], [3, 30]] as const);
    u.payDay = rng.int(1, 28);
    u.nextVisit = u.billFrom + rng.int(0, u.cadence - 1);
    if (u.profile === 'chronic') u.lastPayingMonth = monthCount - 1 - rng.int(4, 30);
    if (u.profile === 'late') u.nextVisit = u.billFrom + rng.int(3, 5);
    u.prepaidEarmarked = u.profile === 'prepaid' && rng.chance(0.3);
    if (u.profile !== 'chronic' && u.use === 'residential' && !u.vacant && rng.chance(0.015)) u.depositMonth = rng.int(u.billFrom, monthCount - 1);
  });
}

/** The month's desk visits, by business date, in the order the households were listed. */
export function planVisits(rng: Rng, units: DemoUnit[], month: Month, monthCount: number): Map<string, Visit[]> {
  const byDate = new Map<string, Visit[]>();
  const last = monthCount - 1;
  const i = month.index;
  for (const u of units) {
    if (u.billFrom > i) continue;
    let go = false;
    if (u.profile === 'prepaid') {
      go = u.open.length > 0;
    } else if (u.nextVisit === i && i <= u.lastPayingMonth) {
      go = true;
      if (u.profile === 'late') {
        let next = i + rng.int(4, 6);
        if (next > last && i < last - 2) next = rng.int(Math.max(i + 1, last - 2), last);
        u.nextVisit = next;
      } else {
        u.nextVisit = i + (rng.chance(0.1) ? rng.int(1, 3) : u.cadence);
      }
    }
    const deposit = u.depositMonth === i;
    if (!go && !deposit) continue;
    const date = visitDate(month, addDays(month.start, Math.min(27, Math.max(0, u.payDay - 1 + rng.int(-2, 2)))));
    const list = byDate.get(date) ?? [];
    list.push({ unit: u, deposit, topUp: u.profile === 'prepaid' && go });
    byDate.set(date, list);
  }
  return byDate;
}

/** The first open day on or after `wanted`, else the month's last open day. */
function visitDate(month: Month, wanted: string): string {
  return month.openDays.find((d) => d >= wanted) ?? month.openDays[month.openDays.length - 1]!;
}
