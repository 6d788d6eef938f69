import { isValidIsoDate } from '../../../src-shared/domain/dates';
import { formatYuan } from '../../../src-shared/domain/money';
import { cycleContaining, MONTH_RE } from '../../../src-shared/domain/periods';
import { normalizeUnitCode } from '../../../src-shared/domain/unitCode';
import { dueDate } from '../../billing/lineDrafts';
import { AppFailure } from '../../ipc/failure';
import { currentPayer } from '../../register/occupants';
import { positiveFen, yuanText } from '../amount';
import { PLACEHOLDER, sampleUnit } from '../examples';
import { defineKind, type Column, type RowEnv } from '../kind';
import * as resolve from '../resolve';
import { RowCheck } from '../rowCheck';

const columns = [
  { key: 'community', header: '项目', required: true, format: 'text', width: 16, list: 'communities', note: '项目（小区）名称或编号' },
  { key: 'unitCode', header: '房号', required: true, format: 'text', width: 14, note: '须已在该项目的房屋档案中' },
  { key: 'feeItem', header: '收费项目', required: true, format: 'text', width: 14, list: 'feeItems', note: '收费项目名称或编号' },
  { key: 'period', header: '所属期间', required: true, format: 'month', width: 10, note: '欠费所属的年-月，如 2023-12；按收费项目的周期归入所在周期' },
  { key: 'amount', header: '欠费金额', required: true, format: 'number', width: 12, note: '元，大于 0，最多 2 位小数' },
  { key: 'dueDate', header: '应缴日期', required: false, format: 'date', width: 12, note: '不填时按收费项目的应缴规则计算' },
  { key: 'customer', header: '欠费客户', required: false, format: 'text', width: 12, note: '欠费时的业主或付款人姓名，须是该房屋登记过的客户；不填时按所属期间的付款人' },
  { key: 'note', header: '备注', required: false, format: 'text', width: 24, note: '如原系统单号' },
] as const satisfies readonly Column[];

/** Who owed the line: the named customer of the unit, else its payer in the period, else today's. */
function debtor(env: RowEnv, unit: { id: number; code: string }, name: string, periodStart: string): number | null {
  if (name === '') return (currentPayer(env.app, unit.id, periodStart) ?? currentPayer(env.app, unit.id, env.app.clock.today()))?.customerId ?? null;
  const id = env.app.sqlite
    .prepare('SELECT c.id FROM unit_customers uc JOIN customers c ON c.id = uc.customer_id WHERE uc.unit_id = ? AND c.name = ? ORDER BY uc.start_date DESC LIMIT 1')
    .pluck()
    .get(unit.id, name) as number | undefined;
  if (id === undefined) throw new AppFailure('NOT_FOUND', `「${name}」不是 ${unit.code} 登记过的客户`);
  return id;
}

export const openingArrearsImport = defineKind({
  code: 'openingArrears',
  title: '期初欠费',
  columns,
  money: true,
  writesRegister: false,
  keyColumns: ['unitCode', 'feeItem', 'period'],
  fileKey: (v) =>
    v.community && v.unitCode && v.feeItem && v.period ? [v.community, normalizeUnitCode(v.unitCode), v.feeItem, v.period].join('\u0001') : null,

  example(app, lists) {
    const u = sampleUnit(app);
    return {
      community: u?.community ?? lists.communities[0] ?? PLACEHOLDER.community,
      unitCode: u?.code ?? PLACEHOLDER.unit,
      feeItem: lists.feeItems[0] ?? PLACEHOLDER.feeItem,
      period: `${Number(app.clock.today().slice(0, 4)) - 1}-12`,
      amount: '256.80',
      dueDate: '',
      customer: '',
      note: '原系统结转',
    };
  },

  apply(env, v) {
    const check = new RowCheck(columns);
    check.required(v);
    const c = check.try('community', () => resolve.community(env, v.community));
    const unit = c && check.try('unitCode', () => resolve.unit(env, c, v.unitCode));
    const item = check.try('feeItem', () => resolve.feeItem(env, v.feeItem));
    if (v.period !== '' && !MONTH_RE.test(v.period)) check.add('period', '「所属期间」应为年-月，如 2023-12');
    else if (v.period > env.app.clock.today().slice(0, 7)) check.add('period', '期初欠费的所属期间不能晚于本月');
    const amountFen = positiveFen(check, 'amount', v.amount, '欠费金额');
    if (v.dueDate !== '' && !isValidIsoDate(v.dueDate)) check.add('dueDate', '应缴日期应为有效日期，如 2024-01-15');
    const period = item && !check.has('period') && v.period !== '' ? cycleContaining(v.period, item.cycle_months) : undefined;
    const customerId = unit && period ? check.try('customer', () => debtor(env, unit, v.customer, period.start)) : undefined;
    check.done();

    const existing = env.app.sqlite
      .prepare(
        `SELECT source, amount_fen AS amountFen FROM bill_lines WHERE unit_id = ? AND fee_item_id = ? AND period_start = ?
           AND status = 'posted' AND kind = 'charge' AND source IN ('run', 'prepay_ahead', 'opening') LIMIT 1`,
      )
      .get(unit!.id, item!.id, period!.start) as { source: string; amountFen: number } | undefined;
    const span = `${period!.start} 至 ${period!.end}`;
    if (existing?.source === 'opening' && existing.amountFen === amountFen) {
      return { created: false, reason: `${unit!.code} ${item!.name} ${span} 的期初欠费已导入，跳过` };
    }
    if (existing) {
      const what = existing.source === 'opening' ? `期初欠费 ${formatYuan(existing.amountFen)}，与本行金额不一致；如需更正请调账` : '账单，不能再导入期初欠费';
      check.add('period', `${unit!.code} ${item!.name} ${span} 已有${what}`);
      check.done();
    }
    env.app.q.run(
      env.app.db.insertInto('bill_lines').values({
        run_id: null,
        unit_id: unit!.id,
        fee_item_id: item!.id,
        object_kind: 'unit',
        object_id: unit!.id,
        kind: 'charge',
        source: 'opening',
        parent_line_id: null,
        customer_id: customerId ?? null,
        period_start: period!.start,
        period_end: period!.end,
        quantity: '1',
        unit_price: yuanText(amountFen!),
        amount_fen: amountFen!,
        basis: '期初欠费（原系统结转）',
        due_date: v.dueDate || dueDate(item!, period!),
        status: 'posted',
        late_settled_through: null,
        late_charged_fen: 0,
        note: v.note,
        created_by: env.userId,
        created_at: env.app.clock.nowIso(),
      }),
    );
    return { created: true, amountFen: amountFen! };
  },

  failureColumn: () => null,
});
