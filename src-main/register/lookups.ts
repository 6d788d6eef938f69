import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';

export function requireCommunity(app: AppContext, id: number) {
  const row = app.q.first(app.db.selectFrom('communities').selectAll().where('id', '=', id));
  if (!row) throw new AppFailure('NOT_FOUND', `项目（小区）不存在：编号 ${id}`);
  return row;
}

export function requireBuilding(app: AppContext, id: number) {
  const row = app.q.first(app.db.selectFrom('buildings').selectAll().where('id', '=', id));
  if (!row) throw new AppFailure('NOT_FOUND', `楼栋不存在：编号 ${id}`);
  return row;
}

export function requireUnit(app: AppContext, id: number) {
  const row = app.q.first(app.db.selectFrom('units').selectAll().where('id', '=', id));
  if (!row) throw new AppFailure('NOT_FOUND', `房屋不存在：编号 ${id}`);
  return row;
}

export function requireCustomer(app: AppContext, id: number) {
  const row = app.q.first(app.db.selectFrom('customers').selectAll().where('id', '=', id));
  if (!row) throw new AppFailure('NOT_FOUND', `客户不存在：编号 ${id}`);
  return row;
}

export function requireMeter(app: AppContext, id: number) {
  const row = app.q.first(app.db.selectFrom('meters').selectAll().where('id', '=', id));
  if (!row) throw new AppFailure('NOT_FOUND', `表计不存在：编号 ${id}`);
  return row;
}

export function requireParking(app: AppContext, id: number) {
  const row = app.q.first(app.db.selectFrom('parking_spaces').selectAll().where('id', '=', id));
  if (!row) throw new AppFailure('NOT_FOUND', `车位不存在：编号 ${id}`);
  return row;
}
