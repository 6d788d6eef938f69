import type { AppContext } from '../app/context';

export function getMeta(app: AppContext, key: string): string | null {
  return app.q.first(app.db.selectFrom('meta').select('value').where('key', '=', key))?.value ?? null;
}

/** Must run inside the caller's write transaction. */
export function setMeta(app: AppContext, key: string, value: string): void {
  app.q.run(
    app.db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value })),
  );
}
