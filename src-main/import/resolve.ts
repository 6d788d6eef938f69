import { contract } from '../../src-shared/api';
import { normalizeUnitCode } from '../../src-shared/domain/unitCode';
import { OUT_OF_SCOPE } from '../auth/scope';
import { AppFailure } from '../ipc/failure';
import type { RowEnv } from './kind';

// Rows name records the way people do (项目 by name or code, 房号 within its 项目, 收费项目 by
// name or code); these find the record or refuse with a message for the cell.

export interface CommunityRef {
  id: number;
  name: string;
}

export function community(env: RowEnv, text: string): CommunityRef {
  const row = env.app.sqlite
    .prepare('SELECT id, name FROM communities WHERE name = ? OR code = ? ORDER BY name = ? DESC, id LIMIT 1')
    .get(text, text, text) as CommunityRef | undefined;
  if (!row) throw new AppFailure('NOT_FOUND', `项目「${text}」不存在，请从下拉列表中选择`);
  if (env.communityIds !== null && !env.communityIds.includes(row.id)) throw new AppFailure('FORBIDDEN', `项目「${row.name}」${OUT_OF_SCOPE}`);
  return row;
}

export function building(env: RowEnv, c: CommunityRef, text: string): { id: number } {
  const row = env.app.sqlite
    .prepare('SELECT id FROM buildings WHERE community_id = ? AND (code = ? OR name = ?) ORDER BY code = ? DESC, id LIMIT 1')
    .get(c.id, text, text, text) as { id: number } | undefined;
  if (!row) throw new AppFailure('NOT_FOUND', `${c.name} 没有楼栋「${text}」，请先在档案中建立楼栋`);
  return row;
}

export function findUnit(env: RowEnv, c: CommunityRef, code: string): { id: number; code: string } | undefined {
  return env.app.sqlite
    .prepare('SELECT id, code FROM units WHERE community_id = ? AND code = ?')
    .get(c.id, normalizeUnitCode(code)) as { id: number; code: string } | undefined;
}

export function unit(env: RowEnv, c: CommunityRef, code: string): { id: number; code: string } {
  const row = findUnit(env, c, code);
  if (!row) throw new AppFailure('NOT_FOUND', `${c.name} 没有房号 ${code}`);
  return row;
}

export interface FeeItemRef {
  id: number;
  name: string;
  method: string;
  cycle_months: number;
  due_rule: 'period_start' | 'period_end' | 'days_after_start';
  due_days: number;
}

export function feeItem(env: RowEnv, text: string): FeeItemRef {
  const row = env.app.sqlite
    .prepare('SELECT id, name, method, cycle_months, due_rule, due_days FROM fee_items WHERE name = ? OR code = ? ORDER BY name = ? DESC, id LIMIT 1')
    .get(text, text, text) as FeeItemRef | undefined;
  if (!row) throw new AppFailure('NOT_FOUND', `收费项目「${text}」不存在，请从下拉列表中选择`);
  if (row.method === 'DEPOSIT') throw new AppFailure('RULE_VIOLATION', `「${row.name}」是押金项目，押金不是欠费或预存`);
  return row;
}

/** A customer is the same person when name and phone both match (the import's natural key). */
export function findCustomer(env: RowEnv, name: string, phone: string): { id: number } | undefined {
  return env.app.sqlite.prepare('SELECT id FROM customers WHERE name = ? AND phone = ? ORDER BY id LIMIT 1').get(name, phone) as
    | { id: number }
    | undefined;
}

const phoneSchema = contract['register.addCustomer'].input.shape.customer.shape.phone;

/** A phone as the register stores it (spaces and hyphens dropped); unreadable text as typed. */
export function normalPhone(text: string): string {
  const parsed = phoneSchema.safeParse(text);
  return parsed.success ? parsed.data : text;
}

/** A holder named in a row: by name and phone, or by name alone when only one customer has it. */
export function customer(env: RowEnv, name: string, phone: string): { id: number } {
  if (phone !== '') {
    const row = findCustomer(env, name, normalPhone(phone));
    if (!row) throw new AppFailure('NOT_FOUND', `客户「${name}」（电话 ${phone}）不在档案中，请先导入客户`);
    return row;
  }
  const rows = env.app.sqlite.prepare('SELECT id FROM customers WHERE name = ? ORDER BY id LIMIT 2').all(name) as Array<{ id: number }>;
  if (rows.length === 0) throw new AppFailure('NOT_FOUND', `客户「${name}」不在档案中，请先导入客户`);
  if (rows.length > 1) throw new AppFailure('INVALID_INPUT', `档案中有多位客户叫「${name}」，请同时填写电话`);
  return rows[0]!;
}

export function meter(env: RowEnv, c: CommunityRef, code: string): { id: number; code: string } {
  const row = env.app.sqlite.prepare('SELECT id, code FROM meters WHERE community_id = ? AND code = ?').get(c.id, code) as
    | { id: number; code: string }
    | undefined;
  if (!row) throw new AppFailure('NOT_FOUND', `${c.name} 没有表号 ${code}`);
  return row;
}
