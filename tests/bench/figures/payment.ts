import { openLineBalances } from '../../../src-main/ledger/outstanding';
import { login, must, openBenchApp, WorkCopy } from '../dataset';
import { BenchRng, Samples, type Distribution } from '../stats';

export interface PaymentFigure {
  payments: number;
  allocations: number;
  journalMode: string;
  synchronous: string;
  collect: Distribution;
  baseline: Distribution;
}

type Tender = { method: 'cash' | 'wechat' | 'alipay' | 'card'; amountFen: number; reference?: string };

/** The mixes a desk sees: cash with change, e-payments, a card, and payments split two ways. */
function tendersFor(i: number, totalFen: number): { tenders: Tender[]; cashGivenFen?: number } {
  const ref = `BENCH${String(i).padStart(6, '0')}`;
  const roundUp = (fen: number) => Math.ceil(fen / 10_000) * 10_000;
  const cashPart = Math.floor(totalFen / 2);
  switch (i % 5) {
    case 0:
      return { tenders: [{ method: 'cash', amountFen: totalFen }], cashGivenFen: roundUp(totalFen) };
    case 1:
      return { tenders: [{ method: 'wechat', amountFen: totalFen, reference: ref }] };
    case 2:
      if (cashPart === 0) return { tenders: [{ method: 'alipay', amountFen: totalFen, reference: ref }] };
      return { tenders: [{ method: 'cash', amountFen: cashPart }, { method: 'alipay', amountFen: totalFen - cashPart, reference: ref }], cashGivenFen: roundUp(cashPart) };
    case 3:
      return { tenders: [{ method: 'card', amountFen: totalFen, reference: ref }] };
    default:
      if (cashPart === 0) return { tenders: [{ method: 'wechat', amountFen: totalFen, reference: ref }] };
      return { tenders: [{ method: 'wechat', amountFen: totalFen - cashPart, reference: ref }, { method: 'cash', amountFen: cashPart }] };
  }
}

/**
 * Desk payments through the router on the file ledger as the app opens it (WAL, synchronous=FULL):
 * a cashier with an open shift pays 1–3 of the oldest open lines of random units. The floor is
 * what durability costs by itself: one single-row INSERT committed (and fsync'd) on the same file.
 */
export async function measurePayment(source: string, nowIso: string, count: number): Promise<PaymentFigure> {
  const copy = new WorkCopy(source, 'payment');
  const app = openBenchApp(copy, nowIso);
  try {
    const ctx = app.context;
    const session = await login(app, 'shouyin1');
    await must(app, 'shifts.open', { floatFen: 50_000 }, session);
    const owing = ctx.sqlite.prepare("SELECT DISTINCT unit_id FROM bill_lines WHERE status = 'posted' AND outstanding_fen > 0").pluck().all() as number[];
    const rng = new BenchRng(300);
    const warmup = 20;
    const times = new Samples();
    const ignored = new Samples();
    let allocations = 0;
    for (let i = 0; i < warmup + count; i++) {
      const unitId = rng.pick(owing);
      const open = openLineBalances(ctx, unitId).slice(0, rng.int(1, 3));
      if (open.length === 0) {
        i -= 1;
        continue;
      }
      const totalFen = open.reduce((s, l) => s + l.outstanding_fen, 0);
      const input = {
        idempotencyKey: `bench-pay-${i}`,
        unitId,
        payerName: '业主',
        lineIds: open.map((l) => l.id),
        ...tendersFor(i, totalFen),
      };
      app.clock.advance(45_000);
      const done = (i >= warmup ? times : ignored).start();
      const out = await must<{ allocations: unknown[] }>(app, 'collection.collect', input, session);
      done();
      if (i >= warmup) allocations += out.allocations.length;
    }

    const db = ctx.sqlite;
    db.exec('CREATE TABLE bench_fsync (id INTEGER PRIMARY KEY, at TEXT NOT NULL, note TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO bench_fsync (at, note) VALUES (?, ?)');
    const one = db.transaction((n: number) => insert.run(new Date().toISOString(), `row ${n}`));
    const base = new Samples();
    for (let i = 0; i < warmup + count; i++) (i >= warmup ? base : ignored).run(() => one.immediate(i));
    return {
      payments: times.wall.length,
      allocations,
      journalMode: String(db.pragma('journal_mode', { simple: true })),
      synchronous: { 0: 'OFF', 1: 'NORMAL', 2: 'FULL', 3: 'EXTRA' }[Number(db.pragma('synchronous', { simple: true }))] ?? '?',
      collect: times.summary(),
      baseline: base.summary(),
    };
  } finally {
    app.close();
    copy.remove();
  }
}
