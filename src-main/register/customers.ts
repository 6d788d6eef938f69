import { addDays } from '../../src-shared/domain/dates';
import { formatYuan } from '../../src-shared/domain/money';
import type { AppContext } from '../app/context';
import { AppFailure } from '../ipc/failure';
import { openLineBalances } from '../ledger/outstanding';
import { ROLE_LABELS } from './labels';
import { requireCustomer, requireUnit } from './lookups';
import { occupantsOn } from './occupants';
import type { Input, Operation } from './operation';
import { namePinyin } from './pinyin';
import { markCustomerDirty, markUnitsDirty } from './searchIndex';

type CustomerRef = Input<'register.addCustomer'>['customer'];

/** The existing customer, or a function that saves the new one inside the write. */
function resolveCustomer(app: AppContext, ref: CustomerRef): { name: string; existingId: number | null; save: () => number } {
  if (ref.customerId !== undefined) {
    const customer = requireCustomer(app, ref.customerId);
    return { name: customer.name, existingId: customer.id, save: () => customer.id };
  }
  const name = ref.name!;
  return {
    name,
    existingId: null,
    save: () => {
      const keys = namePinyin(name);
      return app.q.run(
        app.db.insertInto('customers').values({
          name,
          phone: ref.phone,
          id_card_tail: ref.idCardTail.toUpperCase(),
          pinyin_initials: keys.initials,
          pinyin_full: keys.full,
          created_at: app.clock.nowIso(),
        }),
      ).lastInsertRowid;
    },
  };
}

function insertLink(app: AppContext, row: { unitId: number; customerId: number; role: 'owner' | 'tenant' | 'payer'; start: string; end: string | null }) {
  return app.q.run(
    app.db.insertInto('unit_customers').values({
      unit_id: row.unitId,
      customer_id: row.customerId,
      role: row.role,
      start_date: row.start,
      end_date: row.end,
    }),
  ).lastInsertRowid;
}

export function addCustomer(app: AppContext, input: Input<'register.addCustomer'>): Operation<{ customerId: number; linkIds: number[] }> {
  const unit = requireUnit(app, input.unitId);
  if (input.endDate !== null && input.endDate < input.startDate) {
    throw new AppFailure('INVALID_INPUT', `结束日期 ${input.endDate} 不能早于开始日期 ${input.startDate}`);
  }
  const customer = resolveCustomer(app, input.customer);
  const roles = input.role === 'tenant' && input.pays ? (['tenant', 'payer'] as const) : [input.role];
  if (customer.existingId !== null) {
    const overlapping = app.sqlite
      .prepare(
        `SELECT role FROM unit_customers WHERE unit_id = ? AND customer_id = ? AND role = ?
           AND (end_date IS NULL OR end_date >= ?) AND (? IS NULL OR start_date <= ?) LIMIT 1`,
      )
      .pluck();
    for (const role of roles) {
      if (overlapping.get(unit.id, customer.existingId, role, input.startDate, input.endDate, input.endDate)) {
        throw new AppFailure('DUPLICATE', `${customer.name} 在该期间已是 ${unit.code} 的${ROLE_LABELS[role]}`);
      }
    }
  }
  const what = roles.map((r) => ROLE_LABELS[r]).join('、');
  return {
    audit: { entity: `unit:${unit.id}`, summary: `登记 ${unit.code} 的${what}：${customer.name}，自 ${input.startDate} 起` },
    run: () => {
      const customerId = customer.save();
      const linkIds = roles.map((role) => insertLink(app, { unitId: unit.id, customerId, role, start: input.startDate, end: input.endDate }));
      markUnitsDirty(app, [unit.id]);
      return { customerId, linkIds };
    },
  };
}

export function updateCustomer(app: AppContext, input: Input<'register.updateCustomer'>) {
  const before = requireCustomer(app, input.id);
  const name = input.name ?? before.name;
  const phone = input.phone ?? before.phone;
  const idCardTail = (input.idCardTail ?? before.id_card_tail).toUpperCase();
  const keys = namePinyin(name);
  const changes = [
    name !== before.name ? `姓名 ${before.name} → ${name}` : null,
    phone !== before.phone ? '电话已更改' : null,
    idCardTail !== before.id_card_tail ? '证件号后几位已更改' : null,
  ].filter(Boolean);
  return {
    // Phone numbers stay out of the audit log: it is read by more people than the register.
    audit: { entity: `customer:${before.id}`, summary: `修改客户 ${before.name}：${changes.join('；') || '无变化'}` },
    run: () => {
      app.q.run(
        app.db
          .updateTable('customers')
          .set({ name, phone, id_card_tail: idCardTail, pinyin_initials: keys.initials, pinyin_full: keys.full })
          .where('id', '=', before.id),
      );
      markCustomerDirty(app, before.id);
      return { id: before.id, name, phone, pinyinInitials: keys.initials };
    },
  } satisfies Operation<unknown>;
}

/** What the unit still owes, for the 过户 warning: every posted line's outstanding, late fees not yet charged excluded. */
export function unitOutstanding(app: AppContext, unitId: number): { outstandingFen: number; openLineCount: number } {
  const lines = openLineBalances(app, unitId);
  return { outstandingFen: lines.reduce((sum, l) => sum + l.outstanding_fen, 0), openLineCount: lines.length };
}

/**
 * 过户: the current owners' rows end the day before `date` and the new owner's row starts on it, so
 * history says who owned the unit when. Bills stay on the unit with the customer they were posted
 * to; arrears are not moved, only reported, for the desk to settle or hand over with the statement.
 */
export function transferOwnership(app: AppContext, input: Input<'register.transferOwnership'>) {
  const unit = requireUnit(app, input.unitId);
  if (input.date > app.clock.today()) throw new AppFailure('INVALID_INPUT', `过户日期 ${input.date} 不能晚于今天`);
  const later = app.sqlite
    .prepare("SELECT start_date FROM unit_customers WHERE unit_id = ? AND role = 'owner' AND start_date > ? ORDER BY start_date LIMIT 1")
    .pluck()
    .get(unit.id, input.date) as string | undefined;
  if (later) throw new AppFailure('INVALID_STATE', `${unit.code} 在 ${later} 已有更晚的业主登记，不能按 ${input.date} 过户`);
  const current = occupantsOn(app, unit.id, input.date);
  const owners = current.filter((o) => o.role === 'owner');
  const tooRecent = owners.find((o) => o.startDate >= input.date);
  if (tooRecent) {
    throw new AppFailure('INVALID_INPUT', `过户日期须晚于现业主 ${tooRecent.name} 的登记日期 ${tooRecent.startDate}`);
  }
  const newOwner = resolveCustomer(app, input.newOwner);
  if (newOwner.existingId !== null && owners.some((o) => o.customerId === newOwner.existingId)) {
    throw new AppFailure('INVALID_INPUT', `${newOwner.name} 已是 ${unit.code} 的业主，无需过户`);
  }
  const ownerIds = new Set(owners.map((o) => o.customerId));
  // A payer the old owners named leaves with them; a tenant who pays under the lease stays.
  const ending = current.filter((o) => o.role === 'owner' || (o.role === 'payer' && ownerIds.has(o.customerId)));
  const from = owners.map((o) => o.name).join('、') || '（无登记业主）';
  const note = input.note ? `，备注：${input.note}` : '';
  return {
    audit: { entity: `unit:${unit.id}`, summary: `过户 ${unit.code}：${from} → ${newOwner.name}，${input.date} 起${note}` },
    run: () => {
      const dayBefore = addDays(input.date, -1);
      for (const row of ending) {
        app.q.run(app.db.updateTable('unit_customers').set({ end_date: dayBefore }).where('id', '=', row.linkId));
      }
      const newOwnerId = newOwner.save();
      insertLink(app, { unitId: unit.id, customerId: newOwnerId, role: 'owner', start: input.date, end: null });
      markUnitsDirty(app, [unit.id]);
      const { outstandingFen, openLineCount } = unitOutstanding(app, unit.id);
      return {
        newOwnerId,
        previousOwners: owners.map((o) => ({ customerId: o.customerId, name: o.name })),
        outstandingFen,
        openLineCount,
        warning:
          outstandingFen > 0
            ? `${unit.code} 尚有欠费 ${formatYuan(outstandingFen)}（${openLineCount} 笔），请与新旧业主确认结清或交接，并打印对账单`
            : null,
      };
    },
  } satisfies Operation<unknown>;
}

export function endTenancy(app: AppContext, input: Input<'register.endTenancy'>): Operation<{ endedLinkIds: number[] }> {
  const unit = requireUnit(app, input.unitId);
  const customer = requireCustomer(app, input.customerId);
  const rows = app.sqlite
    .prepare(
      `SELECT id, start_date AS startDate FROM unit_customers
       WHERE unit_id = ? AND customer_id = ? AND role IN ('tenant', 'payer') AND (end_date IS NULL OR end_date > ?)`,
    )
    .all(unit.id, customer.id, input.endDate) as Array<{ id: number; startDate: string }>;
  if (rows.length === 0) throw new AppFailure('NOT_FOUND', `${customer.name} 不是 ${unit.code} 的在租租户`);
  const early = rows.find((r) => r.startDate > input.endDate);
  if (early) throw new AppFailure('INVALID_INPUT', `退租日期 ${input.endDate} 不能早于起租日期 ${early.startDate}`);
  return {
    audit: { entity: `unit:${unit.id}`, summary: `退租 ${unit.code}：${customer.name}，租期至 ${input.endDate}` },
    run: () => {
      for (const row of rows) app.q.run(app.db.updateTable('unit_customers').set({ end_date: input.endDate }).where('id', '=', row.id));
      markUnitsDirty(app, [unit.id]);
      return { endedLinkIds: rows.map((r) => r.id) };
    },
  };
}
