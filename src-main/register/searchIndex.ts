import { normalizeUnitCode } from '../../src-shared/domain/unitCode';
import type { AppContext } from '../app/context';
import { scopeParam } from '../auth/scope';
import { readEntries, type SearchEntry } from './searchEntries';

/**
 * The desk's one search box over every unit, answered from memory within a few milliseconds at
 * 20,000 units (substring and phone-tail matches cannot use an SQL index). Each searchable field of
 * all units is one long text in natural code order, so one native `indexOf` per match walks the
 * units in the order the desk lists them and stops once the limit is reached.
 *
 * Built on the first search and kept fresh by the register's writes, which mark the units they
 * touch; marked units are re-read from the ledger before the next search (a write that rolled
 * back only costs a re-read). Role rows are taken as of the business date the index was built on;
 * a new day rebuilds it.
 */

export type MatchKind = 'code' | 'name' | 'phone' | 'plate' | 'initials';

export interface SearchHit {
  unitId: number;
  unitCode: string;
  communityName: string;
  ownerName: string | null;
  maskedPhone: string | null;
  matchedBy: MatchKind;
  matchedText: string;
}

/** Separates units and values inside a haystack; stripped from queries so a match never spans two. */
const SEP = '\u0001';

interface Haystack {
  text: string;
  /** Where each unit's part of `text` begins, in the order of `IndexState.order`. */
  starts: number[];
}

interface IndexState {
  builtOn: string;
  dirty: Set<number>;
  order: SearchEntry[];
  /** Where each unit sits in `order`. */
  position: Map<number, number>;
  byCode: Map<string, SearchEntry[]>;
  haystacks: Record<Field, Haystack>;
}

/** The values of each searchable field of a unit, as matched (names lower-cased). */
const FIELDS = {
  codes: (e: SearchEntry) => [e.code],
  names: (e: SearchEntry) => e.people.map((p) => p.key),
  phones: (e: SearchEntry) => e.people.map((p) => p.phone).filter(Boolean),
  plates: (e: SearchEntry) => e.plates,
  pinyin: (e: SearchEntry) => e.people.flatMap((p) => [p.initials, p.full]),
};
type Field = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as Field[];

const states = new WeakMap<AppContext, IndexState>();

export function markUnitsDirty(app: AppContext, unitIds: number[]): void {
  const state = states.get(app);
  if (state) for (const id of unitIds) state.dirty.add(id);
}

/** A customer's name, phone or parking changed: every unit they hold or held is re-read. */
export function markCustomerDirty(app: AppContext, customerId: number): void {
  const state = states.get(app);
  if (!state) return;
  const ids = app.sqlite
    .prepare('SELECT unit_id FROM unit_customers WHERE customer_id = ? UNION SELECT unit_id FROM parking_spaces WHERE customer_id = ? AND unit_id IS NOT NULL')
    .pluck()
    .all(customerId, customerId) as number[];
  for (const id of ids) state.dirty.add(id);
}

/** Drops the whole index (a community renamed, data loaded behind the register's back); rebuilt on next search. */
export function markAllDirty(app: AppContext): void {
  states.delete(app);
}

const part = (field: Field, e: SearchEntry) => SEP + FIELDS[field](e).join(SEP);
const bySortKey = (a: SearchEntry, b: SearchEntry) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.unitId - b.unitId);

function build(builtOn: string, order: SearchEntry[]): IndexState {
  const byCode = new Map<string, SearchEntry[]>();
  for (const e of order) byCode.set(e.code, [...(byCode.get(e.code) ?? []), e]);
  const haystack = (field: Field): Haystack => {
    const starts: number[] = [];
    const parts: string[] = [];
    let at = 0;
    for (const e of order) {
      const p = part(field, e);
      starts.push(at);
      parts.push(p);
      at += p.length;
    }
    // A trailing separator: every value is followed by one, which the phone-tail match relies on.
    return { text: parts.join('') + SEP, starts };
  };
  return {
    builtOn,
    dirty: new Set(),
    order,
    position: new Map(order.map((e, i) => [e.unitId, i])),
    byCode,
    haystacks: Object.fromEntries(FIELD_NAMES.map((f) => [f, haystack(f)])) as Record<Field, Haystack>,
  };
}

/** Puts a re-read unit's text in place of its old one (or inserts a new unit's at `i`), shifting later starts. */
function patch(h: Haystack, i: number, text: string, insert: boolean): void {
  const start = h.starts[i] ?? h.text.length - 1;
  const end = insert ? start : (h.starts[i + 1] ?? h.text.length - 1);
  h.text = h.text.slice(0, start) + text + h.text.slice(end);
  if (insert) h.starts.splice(i, 0, start);
  const delta = text.length - (end - start);
  if (delta !== 0) for (let k = i + 1; k < h.starts.length; k++) h.starts[k]! += delta;
}

/** Re-reads marked units and patches them in: far cheaper than a rebuild after a single write. */
function refresh(app: AppContext, state: IndexState): void {
  const reread = readEntries(app, [...state.dirty], state.builtOn);
  state.dirty.clear();
  for (const entry of reread.values()) {
    let i = state.position.get(entry.unitId);
    const insert = i === undefined;
    if (i === undefined) {
      // Codes never change, so only a new unit needs a place found for it.
      i = state.order.findIndex((e) => bySortKey(entry, e) < 0);
      if (i < 0) i = state.order.length;
      state.order.splice(i, 0, entry);
      state.position = new Map(state.order.map((e, k) => [e.unitId, k]));
      state.byCode.set(entry.code, [...(state.byCode.get(entry.code) ?? []), entry].sort(bySortKey));
    } else {
      state.order[i] = entry;
      state.byCode.set(entry.code, (state.byCode.get(entry.code) ?? []).map((e) => (e.unitId === entry.unitId ? entry : e)));
    }
    for (const f of FIELD_NAMES) patch(state.haystacks[f], i, part(f, entry), insert);
  }
}

function freshState(app: AppContext): IndexState {
  const today = app.clock.today();
  let state = states.get(app);
  if (!state || state.builtOn !== today) {
    state = build(today, [...readEntries(app, null, today).values()].sort(bySortKey));
    states.set(app, state);
  } else if (state.dirty.size > 0) {
    refresh(app, state);
  }
  return state;
}

/** 13812345678 → 138****5678; shorter numbers keep only their last four digits. */
export function maskPhone(phone: string): string {
  if (phone.length >= 11) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  if (phone.length > 4) return `****${phone.slice(-4)}`;
  return '****';
}

/** The index in `order` of the unit whose part of the haystack holds `offset`. */
function unitAt(h: Haystack, offset: number): number {
  let lo = 0;
  let hi = h.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (h.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** What to show as the reason a unit was found. */
function matchedText(e: SearchEntry, by: MatchKind, q: { lower: string; plate: string; digits: string; pinyin: string }): string {
  if (by === 'code') return e.code;
  if (by === 'plate') return e.plates.find((p) => p.includes(q.plate)) ?? '';
  if (by === 'phone') {
    const p = e.people.find((x) => x.phone.endsWith(q.digits))!;
    return `${p.name} ${maskPhone(p.phone)}`;
  }
  if (by === 'name') return e.people.find((p) => p.key.includes(q.lower))!.name;
  return e.people.find((p) => p.initials.startsWith(q.pinyin) || p.full.startsWith(q.pinyin))!.name;
}

/**
 * Units matching what was typed in the search box, best first — exact code, code prefix, owner or
 * tenant name (substring), phone tail of 4+ digits, plate (any part), pinyin initials or full
 * pinyin (prefix) — and within each kind in natural code order. Exported for the benchmark.
 */
/** The units a scoped user may find; null = all. */
function unitsInScope(app: AppContext, communityIds: number[] | null): Set<number> | null {
  const param = scopeParam(communityIds);
  if (param === undefined) return null;
  const ids = app.sqlite.prepare('SELECT id FROM units WHERE community_id IN (SELECT value FROM json_each(?))').pluck().all(param);
  return new Set(ids as number[]);
}

export function searchUnits(app: AppContext, query: string, limit = 20, communityIds: number[] | null = null): SearchHit[] {
  const text = query.replaceAll(SEP, '').trim();
  if (!text || limit < 1) return [];
  const compact = text.replace(/\s+/g, '');
  const q = { lower: text.toLowerCase(), plate: compact.toUpperCase(), digits: compact, pinyin: compact.toLowerCase() };
  const state = freshState(app);
  const seen = new Set<number>();
  const hits: Array<{ entry: SearchEntry; by: MatchKind }> = [];
  const allowed = unitsInScope(app, communityIds);
  const take = (entry: SearchEntry, by: MatchKind) => {
    if (seen.has(entry.unitId) || (allowed !== null && !allowed.has(entry.unitId))) return;
    seen.add(entry.unitId);
    hits.push({ entry, by });
  };
  const scan = (h: Haystack, needle: string, by: MatchKind) => {
    let from = 0;
    while (hits.length < limit) {
      const at = h.text.indexOf(needle, from);
      if (at < 0) return;
      const i = unitAt(h, at);
      take(state.order[i]!, by);
      from = h.starts[i + 1] ?? h.text.length;
    }
  };
  const code = normalizeUnitCode(text);
  for (const e of state.byCode.get(code) ?? []) take(e, 'code');
  scan(state.haystacks.codes, SEP + code, 'code');
  scan(state.haystacks.names, q.lower, 'name');
  if (/^\d{4,}$/.test(compact)) scan(state.haystacks.phones, compact + SEP, 'phone');
  scan(state.haystacks.plates, q.plate, 'plate');
  if (/^[a-z]+$/i.test(compact)) scan(state.haystacks.pinyin, SEP + q.pinyin, 'initials');

  return hits.slice(0, limit).map(({ entry, by }) => {
    const owners = entry.people.filter((p) => p.role === 'owner');
    const contact = (owners[0] ?? entry.people[0])?.phone;
    return {
      unitId: entry.unitId,
      unitCode: entry.code,
      communityName: entry.communityName,
      ownerName: owners.length > 0 ? owners.map((o) => o.name).join('、') : null,
      maskedPhone: contact ? maskPhone(contact) : null,
      matchedBy: by,
      matchedText: matchedText(entry, by, q),
    };
  });
}
