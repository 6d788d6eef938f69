import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import { PARKING_TYPE_LABELS } from './labels';
import { requireCommunity, requireCustomer, requireParking, requireUnit } from './lookups';
import type { Input, Operation } from './operation';
import { markCustomerDirty, markUnitsDirty } from './searchIndex';

type ParkingFields = Omit<Input<'register.createParking'>, 'communityId' | 'code'>;
type ParkingRow = ReturnType<typeof requireParking>;

/** Holder and lease must make sense together: the holder in the same community, a lease for rented spaces. */
function checkFields(app: AppContext, communityId: number, f: ParkingFields): void {
  if (f.unitId !== null && requireUnit(app, f.unitId).community_id !== communityId) {
    throw new AppFailure('INVALID_INPUT', '车位与所属房屋不在同一项目');
  }
  if (f.customerId !== null) requireCustomer(app, f.customerId);
  if (f.type === 'leased' && (f.leaseStart === null || f.cycleMonths === null)) {
    throw new AppFailure('INVALID_INPUT', '租赁车位须填写起租日期和缴费周期');
  }
  if (f.type === 'owned' && (f.leaseStart !== null || f.leaseEnd !== null)) {
    throw new AppFailure('INVALID_INPUT', '产权车位不填写租期');
  }
  if (f.leaseEnd !== null && (f.leaseStart === null || f.leaseEnd < f.leaseStart)) {
    throw new AppFailure('INVALID_INPUT', '租期结束日期不能早于起租日期');
  }
}

function columns(f: ParkingFields) {
  return {
    type: f.type,
    unit_id: f.unitId,
    customer_id: f.customerId,
    plates: [...new Set(f.plates)].join(','),
    lease_start: f.leaseStart,
    lease_end: f.leaseEnd,
    cycle_months: f.cycleMonths,
  };
}

const FIELD_LABELS = {
  type: '类型',
  unit_id: '房屋编号',
  customer_id: '客户编号',
  plates: '车牌',
  lease_start: '起租日期',
  lease_end: '租期结束',
  cycle_months: '缴费周期（月）',
} as const;

export function parkingView(row: ParkingRow) {
  return {
    id: row.id,
    communityId: row.community_id,
    code: row.code,
    type: row.type,
    unitId: row.unit_id,
    customerId: row.customer_id,
    plates: row.plates ? row.plates.split(',') : [],
    leaseStart: row.lease_start,
    leaseEnd: row.lease_end,
    cycleMonths: row.cycle_months,
  };
}

/** Plates and holders feed the search box, so every change refreshes the units involved. */
function refreshSearch(app: AppContext, ...rows: Array<{ unit_id: number | null; customer_id: number | null }>): void {
  for (const row of rows) {
    if (row.unit_id !== null) markUnitsDirty(app, [row.unit_id]);
    if (row.customer_id !== null) markCustomerDirty(app, row.customer_id);
  }
}

export function createParking(app: AppContext, input: Input<'register.createParking'>): Operation<{ id: number }> {
  const community = requireCommunity(app, input.communityId);
  checkFields(app, community.id, input);
  const clash = app.q.first(
    app.db.selectFrom('parking_spaces').select('id').where('community_id', '=', community.id).where('code', '=', input.code),
  );
  if (clash) throw new AppFailure('DUPLICATE', `${community.name} 已有车位 ${input.code}`);
  const cols = columns(input);
  return {
    audit: { entity: 'parking', summary: `新建车位 ${input.code}（${PARKING_TYPE_LABELS[input.type]}）${cols.plates ? `，车牌 ${cols.plates}` : ''}` },
    run: () => {
      const id = app.q.run(app.db.insertInto('parking_spaces').values({ community_id: community.id, code: input.code, ...cols })).lastInsertRowid;
      refreshSearch(app, cols);
      return { id };
    },
  };
}

export function updateParking(app: AppContext, input: Input<'register.updateParking'>) {
  const before = requireParking(app, input.id);
  checkFields(app, before.community_id, input);
  const cols = columns(input);
  const changed = (Object.keys(cols) as Array<keyof typeof cols>)
    .filter((k) => cols[k] !== before[k])
    .map((k) => `${FIELD_LABELS[k]} ${before[k] ?? '空'} → ${cols[k] ?? '空'}`);
  return {
    audit: { entity: `parking:${before.id}`, summary: `修改车位 ${before.code}：${changed.join('；') || '无变化'}` },
    run: () => {
      app.q.run(app.db.updateTable('parking_spaces').set(cols).where('id', '=', before.id));
      refreshSearch(app, before, cols);
      return parkingView({ ...before, ...cols });
    },
  } satisfies Operation<unknown>;
}

export function parkingOfUnit(app: AppContext, unitId: number) {
  return app.q.all(app.db.selectFrom('parking_spaces').selectAll().where('unit_id', '=', unitId).orderBy('code')).map(parkingView);
}
