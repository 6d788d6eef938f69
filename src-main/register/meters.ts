import type { AppContext } from '../app/context';
import { scopeParam } from '../auth/scope';
import { AppFailure } from '../ipc/failure';
import { METER_KIND_LABELS } from './labels';
import { requireBuilding, requireMeter, requireUnit } from './lookups';
import type { Input, Operation } from './operation';
import { decimalToE4, e4ToDecimal } from './quantity';
import { sqlFilter } from './sqlFilter';

export function createMeter(app: AppContext, input: Input<'register.createMeter'>): Operation<{ id: number }> {
  const unit = input.unitId !== undefined ? requireUnit(app, input.unitId) : null;
  const building = input.buildingId !== undefined ? requireBuilding(app, input.buildingId) : null;
  const communityId = unit?.community_id ?? building!.community_id;
  const dialMax = decimalToE4(input.dialMax);
  const start = decimalToE4(input.startReading);
  if (start >= dialMax) throw new AppFailure('INVALID_INPUT', `起始读数 ${input.startReading} 须小于表盘最大读数 ${input.dialMax}`);
  const clash = app.q.first(app.db.selectFrom('meters').select('id').where('community_id', '=', communityId).where('code', '=', input.code));
  if (clash) throw new AppFailure('DUPLICATE', `表号 ${input.code} 在本项目中已存在`);
  const where = unit ? `房屋 ${unit.code}` : `楼栋 ${building!.name} 公共表`;
  return {
    audit: {
      entity: 'meter',
      summary: `新建${METER_KIND_LABELS[input.kind]} ${input.code}（${where}，倍率 ${input.multiplier}，起度 ${input.startReading}）`,
    },
    run: () => {
      const r = app.q.run(
        app.db.insertInto('meters').values({
          community_id: communityId,
          unit_id: unit?.id ?? null,
          building_id: building?.id ?? null,
          kind: input.kind,
          code: input.code,
          multiplier: input.multiplier,
          max_reading_e4: dialMax,
          start_reading_e4: start,
        }),
      );
      return { id: r.lastInsertRowid };
    },
  };
}

function lastReading(app: AppContext, meterId: number) {
  return app.q.first(app.db.selectFrom('meter_readings').selectAll().where('meter_id', '=', meterId).orderBy('period', 'desc').limit(1));
}

/**
 * usage = (reading − previous) × multiplier; when the dial passed its maximum and restarted (翻表),
 * which only the reader can confirm, usage = (reading + dial max − previous) × multiplier. A reading
 * below the previous one without that confirmation is a misread and is refused, so usage is never negative.
 */
export function computeUsageE4(p: { previousE4: number; readingE4: number; dialMaxE4: number; multiplier: number; rollover: boolean }): number {
  const delta = p.rollover ? p.readingE4 + p.dialMaxE4 - p.previousE4 : p.readingE4 - p.previousE4;
  return delta * p.multiplier;
}

export function recordReading(app: AppContext, input: Input<'register.recordReading'>, userId: number | null) {
  const meter = requireMeter(app, input.meterId);
  const last = lastReading(app, meter.id);
  if (last && last.period === input.period) throw new AppFailure('DUPLICATE', `表 ${meter.code} ${input.period} 的读数已录入`);
  if (last && last.period > input.period) {
    throw new AppFailure('INVALID_STATE', `表 ${meter.code} 已录入更晚的 ${last.period} 读数，不能补录 ${input.period}`);
  }
  if (input.readDate > app.clock.today()) throw new AppFailure('INVALID_INPUT', `抄表日期 ${input.readDate} 不能晚于今天`);
  if (last && input.readDate < last.read_date) {
    throw new AppFailure('INVALID_INPUT', `抄表日期 ${input.readDate} 不能早于上次抄表日期 ${last.read_date}`);
  }
  const readingE4 = decimalToE4(input.reading);
  if (readingE4 >= meter.max_reading_e4) {
    throw new AppFailure('INVALID_INPUT', `读数 ${input.reading} 超出表盘最大读数 ${e4ToDecimal(meter.max_reading_e4)}`);
  }
  const previousE4 = last?.reading_e4 ?? meter.start_reading_e4;
  const previous = e4ToDecimal(previousE4);
  if (readingE4 < previousE4 && !input.rollover) {
    throw new AppFailure(
      'INVALID_INPUT',
      `本次读数 ${input.reading} 小于上次读数 ${previous}，请核对；如果表已走满一圈从 0 重新计数（翻表），请确认翻表后再提交`,
    );
  }
  if (readingE4 >= previousE4 && input.rollover) {
    throw new AppFailure('INVALID_INPUT', `本次读数 ${input.reading} 不小于上次读数 ${previous}，不是翻表，请取消翻表确认`);
  }
  const usageE4 = computeUsageE4({ previousE4, readingE4, dialMaxE4: meter.max_reading_e4, multiplier: meter.multiplier, rollover: input.rollover });
  const rollText = input.rollover ? '（翻表）' : '';
  return {
    audit: {
      entity: `meter:${meter.id}`,
      summary: `抄表 ${meter.code} ${input.period}：${previous} → ${input.reading}${rollText}，倍率 ${meter.multiplier}，用量 ${e4ToDecimal(usageE4)}`,
    },
    run: () => {
      const id = app.q.run(
        app.db.insertInto('meter_readings').values({
          meter_id: meter.id,
          period: input.period,
          prev_reading_e4: previousE4,
          reading_e4: readingE4,
          usage_e4: usageE4,
          rollover: input.rollover ? 1 : 0,
          read_date: input.readDate,
          created_by: userId,
          created_at: app.clock.nowIso(),
        }),
      ).lastInsertRowid;
      return readingsPage(app, { meterId: meter.id, period: input.period, page: 1, pageSize: 1 }).items.find((r) => r.id === id)!;
    },
  } satisfies Operation<unknown>;
}

interface ReadingJoined {
  id: number;
  meter_id: number;
  meter_code: string;
  kind: 'water' | 'power';
  unit_code: string | null;
  building_name: string | null;
  period: string;
  prev_reading_e4: number;
  reading_e4: number;
  rollover: number;
  usage_e4: number;
  read_date: string;
}

const READING_FROM = `
  FROM meter_readings r JOIN meters m ON m.id = r.meter_id
  LEFT JOIN units u ON u.id = m.unit_id
  LEFT JOIN buildings b ON b.id = m.building_id`;

/** The reading sheet: by meter, by community and period, in natural unit order, common meters last. */
export function readingsPage(app: AppContext, input: Input<'register.listReadings'>, communityIds: number[] | null = null) {
  const f = sqlFilter();
  f.add('r.meter_id = @meterId', 'meterId', input.meterId);
  f.add('m.community_id = @communityId', 'communityId', input.communityId);
  f.add('m.community_id IN (SELECT value FROM json_each(@scope))', 'scope', scopeParam(communityIds));
  f.add('r.period = @period', 'period', input.period);
  const filter = f.where();
  const params = f.params;
  const total = app.sqlite.prepare(`SELECT COUNT(*) ${READING_FROM} ${filter}`).pluck().get(params) as number;
  const rows = app.sqlite
    .prepare(
      `SELECT r.*, m.code AS meter_code, m.kind, u.code AS unit_code, b.name AS building_name ${READING_FROM} ${filter}
       ORDER BY r.period DESC, u.sort_key IS NULL, u.sort_key, m.code LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as ReadingJoined[];
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      meterId: r.meter_id,
      meterCode: r.meter_code,
      kind: r.kind,
      unitCode: r.unit_code,
      buildingName: r.building_name,
      period: r.period,
      previousReading: e4ToDecimal(r.prev_reading_e4),
      reading: e4ToDecimal(r.reading_e4),
      rollover: r.rollover === 1,
      usage: e4ToDecimal(r.usage_e4),
      readDate: r.read_date,
    })),
  };
}

export function metersOfUnit(app: AppContext, unitId: number) {
  return app.q.all(app.db.selectFrom('meters').selectAll().where('unit_id', '=', unitId).orderBy('code')).map((m) => {
    const last = lastReading(app, m.id);
    return {
      id: m.id,
      communityId: m.community_id,
      unitId: m.unit_id,
      buildingId: m.building_id,
      kind: m.kind,
      code: m.code,
      multiplier: m.multiplier,
      dialMax: e4ToDecimal(m.max_reading_e4),
      startReading: e4ToDecimal(m.start_reading_e4),
      lastReading: last ? { period: last.period, reading: e4ToDecimal(last.reading_e4), usage: e4ToDecimal(last.usage_e4) } : null,
    };
  });
}
