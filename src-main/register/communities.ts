import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import { requireBuilding, requireCommunity } from './lookups';
import type { Input, Operation } from './operation';
import { markAllDirty } from './searchIndex';

export function listCommunities(app: AppContext, communityIds: number[] | null = null) {
  let query = app.db.selectFrom('communities').select(['id', 'code', 'name', 'address']).orderBy('code');
  if (communityIds !== null) query = query.where('id', 'in', communityIds);
  const communities = app.q.all(query);
  const buildings = app.q.all(app.db.selectFrom('buildings').select(['id', 'community_id', 'code', 'name']).orderBy('code'));
  const counts = new Map(
    (app.sqlite.prepare('SELECT community_id AS id, COUNT(*) AS n FROM units GROUP BY community_id').all() as Array<{ id: number; n: number }>).map(
      (r) => [r.id, r.n],
    ),
  );
  return communities.map((c) => ({
    ...c,
    unitCount: counts.get(c.id) ?? 0,
    buildings: buildings
      .filter((b) => b.community_id === c.id)
      .map((b) => ({ id: b.id, communityId: b.community_id, code: b.code, name: b.name }))
      .sort((a, b) => a.code.localeCompare(b.code, 'zh-CN', { numeric: true })),
  }));
}

export function createCommunity(app: AppContext, input: Input<'register.createCommunity'>): Operation<{ id: number }> {
  if (app.q.first(app.db.selectFrom('communities').select('id').where('code', '=', input.code))) {
    throw new AppFailure('DUPLICATE', `项目编号 ${input.code} 已存在`);
  }
  return {
    audit: { entity: 'community', summary: `新建项目 ${input.code}「${input.name}」` },
    run: () => {
      const r = app.q.run(
        app.db.insertInto('communities').values({ code: input.code, name: input.name, address: input.address, created_at: app.clock.nowIso() }),
      );
      return { id: r.lastInsertRowid };
    },
  };
}

export function updateCommunity(app: AppContext, input: Input<'register.updateCommunity'>) {
  const before = requireCommunity(app, input.id);
  const after = { ...before, name: input.name ?? before.name, address: input.address ?? before.address };
  const changes = [
    before.name !== after.name ? `名称 ${before.name} → ${after.name}` : null,
    before.address !== after.address ? `地址 ${before.address || '（空）'} → ${after.address || '（空）'}` : null,
  ].filter(Boolean);
  return {
    audit: { entity: `community:${before.id}`, summary: `修改项目 ${before.code}：${changes.join('；') || '无变化'}` },
    run: () => {
      app.q.run(app.db.updateTable('communities').set({ name: after.name, address: after.address }).where('id', '=', before.id));
      markAllDirty(app);
      return { id: after.id, code: after.code, name: after.name, address: after.address };
    },
  } satisfies Operation<unknown>;
}

export function createBuilding(app: AppContext, input: Input<'register.createBuilding'>): Operation<{ id: number }> {
  const community = requireCommunity(app, input.communityId);
  const clash = app.q.first(
    app.db.selectFrom('buildings').select('id').where('community_id', '=', community.id).where('code', '=', input.code),
  );
  if (clash) throw new AppFailure('DUPLICATE', `${community.name} 已有楼栋编号 ${input.code}`);
  return {
    audit: { entity: 'building', summary: `新建楼栋 ${community.name} ${input.code}「${input.name}」` },
    run: () => {
      const r = app.q.run(app.db.insertInto('buildings').values({ community_id: community.id, code: input.code, name: input.name }));
      return { id: r.lastInsertRowid };
    },
  };
}

export function updateBuilding(app: AppContext, input: Input<'register.updateBuilding'>) {
  const before = requireBuilding(app, input.id);
  return {
    audit: { entity: `building:${before.id}`, summary: `修改楼栋 ${before.code} 名称：${before.name} → ${input.name}` },
    run: () => {
      app.q.run(app.db.updateTable('buildings').set({ name: input.name }).where('id', '=', before.id));
      return { id: before.id, communityId: before.community_id, code: before.code, name: input.name };
    },
  } satisfies Operation<unknown>;
}
