import { unitAccount } from '../../../src-main/collection/accountView';
import { login, must, openBenchApp, WorkCopy } from '../dataset';
import { BenchRng, Samples, type Distribution } from '../stats';

export interface AccountFigure {
  units: number;
  openLines: number;
  service: Distribution;
  router: Distribution;
  baseline: Distribution;
}

/**
 * Opening a unit's account at the desk (收费台账) for random units: the service function, then
 * the `collection.account` call through the router as the desk makes it; the floor is one indexed
 * SELECT of the unit row.
 */
export async function measureAccount(source: string, nowIso: string, count: number): Promise<AccountFigure> {
  const copy = new WorkCopy(source, 'account');
  const app = openBenchApp(copy, nowIso);
  try {
    const ctx = app.context;
    const session = await login(app, 'shouyin1');
    const ids = ctx.sqlite.prepare('SELECT id FROM units ORDER BY id').pluck().all() as number[];
    const rng = new BenchRng(500);
    const units = Array.from({ length: count }, () => rng.pick(ids));
    const warm = Array.from({ length: 50 }, () => rng.pick(ids));

    for (const id of warm) unitAccount(ctx, id);
    const service = new Samples();
    let openLines = 0;
    for (const id of units) {
      const account = service.run(() => unitAccount(ctx, id));
      openLines += account.groups.reduce((n, g) => n + g.lines.length, 0);
    }

    for (const id of warm) await must(app, 'collection.account', { unitId: id }, session);
    const router = new Samples();
    for (const id of units) {
      const done = router.start();
      await must(app, 'collection.account', { unitId: id }, session);
      done();
    }

    const unitRow = ctx.sqlite.prepare('SELECT * FROM units WHERE id = ?');
    for (const id of warm) unitRow.get(id);
    const base = new Samples();
    for (const id of units) base.run(() => unitRow.get(id));
    return { units: units.length, openLines, service: service.summary(), router: router.summary(), baseline: base.summary() };
  } finally {
    app.close();
    copy.remove();
  }
}
