import type { AppContext } from '../../../src-main/app/context';
import { searchUnits } from '../../../src-main/register/searchIndex';
import { openBenchApp, WorkCopy } from '../dataset';
import { BenchRng, msSince, Samples, type Distribution } from '../stats';

export interface SearchFigure {
  queries: number;
  emptyAnswers: number;
  buildMs: number;
  search: Distribution;
  byKind: Record<QueryKind, Distribution>;
  baseline: Distribution;
}

type QueryKind = 'code' | 'name' | 'phone' | 'plate' | 'initials';
const KINDS: QueryKind[] = ['code', 'name', 'phone', 'plate', 'initials'];

interface Sample {
  code: string;
  name: string | null;
  phone: string | null;
  initials: string | null;
  plates: string | null;
}

/** What a cashier types: a code prefix, a name, four phone digits, part of a plate, pinyin initials. */
function drawQueries(app: AppContext, count: number, rng: BenchRng): Array<{ kind: QueryKind; text: string }> {
  const rows = app.sqlite
    .prepare(
      `SELECT u.code, c.name, c.phone, c.pinyin_initials AS initials,
         (SELECT group_concat(p.plates, ',') FROM parking_spaces p WHERE p.unit_id = u.id) AS plates
       FROM units u
       LEFT JOIN unit_customers uc ON uc.unit_id = u.id AND uc.role = 'owner' AND uc.end_date IS NULL
       LEFT JOIN customers c ON c.id = uc.customer_id`,
    )
    .all() as Sample[];
  const withPlates = rows.filter((r) => r.plates);
  const withPeople = rows.filter((r) => r.name);
  const out: Array<{ kind: QueryKind; text: string }> = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const person = rng.pick(withPeople);
    if (kind === 'code') {
      const code = rng.pick(rows).code;
      out.push({ kind, text: code.slice(0, rng.int(Math.min(3, code.length), code.length)) });
    } else if (kind === 'name') {
      out.push({ kind, text: person.name! });
    } else if (kind === 'phone') {
      out.push({ kind, text: person.phone!.slice(-4) });
    } else if (kind === 'initials') {
      out.push({ kind, text: person.initials! });
    } else {
      const plate = rng.pick(rng.pick(withPlates).plates!.split(','));
      // Cashiers type the digits they remember, or the whole plate.
      out.push({ kind, text: rng.next() < 0.5 ? plate : plate.slice(-5) });
    }
  }
  return out;
}

/**
 * 2,000 searches drawn from the ledger through `searchUnits` (what `register.search` answers
 * from), after the in-memory index is built and warm; the floor is an indexed lookup of a unit by
 * its exact code.
 */
export function measureSearch(source: string, nowIso: string, count: number): SearchFigure {
  const copy = new WorkCopy(source, 'search');
  const app = openBenchApp(copy, nowIso);
  try {
    const ctx = app.context;
    const queries = drawQueries(ctx, count, new BenchRng(20240506));
    const buildStart = process.hrtime.bigint();
    searchUnits(ctx, '1-1-101', 20);
    const buildMs = msSince(buildStart);
    for (const q of queries.slice(0, 200)) searchUnits(ctx, q.text, 20);

    const times = new Samples();
    const byKind = new Map<QueryKind, Samples>(KINDS.map((k) => [k, new Samples()]));
    let emptyAnswers = 0;
    for (const q of queries) {
      const hits = times.run(() => searchUnits(ctx, q.text, 20));
      const kind = byKind.get(q.kind)!;
      kind.wall.push(times.wall[times.wall.length - 1]!);
      kind.cpu.push(times.cpu[times.cpu.length - 1]!);
      if (hits.length === 0) emptyAnswers += 1;
    }

    const byCode = ctx.sqlite.prepare('SELECT id, code, community_id FROM units WHERE code = ?');
    const codes = ctx.sqlite.prepare('SELECT code FROM units ORDER BY id').pluck().all() as string[];
    const rng = new BenchRng(7);
    const sample = Array.from({ length: count }, () => rng.pick(codes));
    for (const c of sample.slice(0, 200)) byCode.all(c);
    const base = new Samples();
    for (const c of sample) base.run(() => byCode.all(c));
    return {
      queries: queries.length,
      emptyAnswers,
      buildMs,
      search: times.summary(),
      byKind: Object.fromEntries(KINDS.map((k) => [k, byKind.get(k)!.summary()])) as Record<QueryKind, Distribution>,
      baseline: base.summary(),
    };
  } finally {
    app.close();
    copy.remove();
  }
}
