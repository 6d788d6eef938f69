import type { AppContext } from '../app/context';

/** One unit as the search box sees it: its code and the people and plates currently tied to it. */
export interface SearchEntry {
  unitId: number;
  code: string;
  sortKey: string;
  communityName: string;
  people: SearchPerson[];
  plates: string[];
}

export interface SearchPerson {
  name: string;
  /** The name in lower case, so Latin letters in a name match whatever case was typed. */
  key: string;
  phone: string;
  initials: string;
  full: string;
  role: 'owner' | 'tenant' | 'payer';
}

const LIVE = 'uc.start_date <= @today AND (uc.end_date IS NULL OR uc.end_date >= @today)';

/** Reads the entries of the given units (all units when null) from the ledger. */
export function readEntries(app: AppContext, unitIds: number[] | null, today: string): Map<number, SearchEntry> {
  const params = { ids: JSON.stringify(unitIds ?? []), today };
  // Filtering on the indexed column itself, so re-reading a few units does not scan them all.
  const only = (column: string) => (unitIds === null ? '1' : `${column} IN (SELECT value FROM json_each(@ids))`);
  const entries = new Map<number, SearchEntry>();
  const units = app.sqlite
    .prepare(
      `SELECT u.id AS unit_id, u.code, u.sort_key, c.name AS community_name
       FROM units u JOIN communities c ON c.id = u.community_id WHERE ${only('u.id')}`,
    )
    .all(params) as Array<{ unit_id: number; code: string; sort_key: string; community_name: string }>;
  for (const u of units) {
    entries.set(u.unit_id, { unitId: u.unit_id, code: u.code, sortKey: u.sort_key, communityName: u.community_name, people: [], plates: [] });
  }
  const people = app.sqlite
    .prepare(
      `SELECT uc.unit_id, uc.role, c.name, c.phone, c.pinyin_initials AS initials, c.pinyin_full AS full
       FROM unit_customers uc JOIN customers c ON c.id = uc.customer_id WHERE ${LIVE} AND ${only('uc.unit_id')}
       ORDER BY CASE uc.role WHEN 'owner' THEN 0 WHEN 'tenant' THEN 1 ELSE 2 END, uc.start_date, uc.id`,
    )
    .all(params) as Array<Omit<SearchPerson, 'key'> & { unit_id: number }>;
  for (const p of people) {
    entries.get(p.unit_id)?.people.push({ name: p.name, key: p.name.toLowerCase(), phone: p.phone, initials: p.initials, full: p.full, role: p.role });
  }
  // A space held by a customer but not tied to a unit is found through the units that customer holds.
  const plates = app.sqlite
    .prepare(
      `SELECT p.unit_id, p.plates FROM parking_spaces p WHERE p.unit_id IS NOT NULL AND p.plates <> '' AND ${only('p.unit_id')}
       UNION ALL
       SELECT uc.unit_id, p.plates FROM parking_spaces p JOIN unit_customers uc ON uc.customer_id = p.customer_id
       WHERE p.unit_id IS NULL AND p.plates <> '' AND ${LIVE} AND ${only('uc.unit_id')}`,
    )
    .all(params) as Array<{ unit_id: number; plates: string }>;
  for (const p of plates) entries.get(p.unit_id)?.plates.push(...p.plates.split(','));
  return entries;
}

