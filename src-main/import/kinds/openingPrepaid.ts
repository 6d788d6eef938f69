import { formatYuan } from '../../../src-shared/domain/money';
import { normalizeUnitCode } from '../../../src-shared/domain/unitCode';
import { creditPrepaid } from '../../accounts/prepaidBalances';
import { positiveFen } from '../amount';
import { PLACEHOLDER, sampleUnit } from '../examples';
import { defineKind, type Column } from '../kind';
import * as resolve from '../resolve';
import { RowCheck } from '../rowCheck';

const columns = [
  { key: 'community', header: '项目', required: true, format: 'text', width: 16, list: 'communities', note: '项目（小区）名称或编号' },
  { key: 'unitCode', header: '房号', required: true, format: 'text', width: 14, note: '须已在该项目的房屋档案中' },
  { key: 'feeItem', header: '专款收费项目', required: false, format: 'text', width: 16, list: 'feeItems', note: '只能抵扣某一收费项目的预存填该项目；通用预存留空' },
  { key: 'amount', header: '预存金额', required: true, format: 'number', width: 12, note: '元，大于 0，最多 2 位小数' },
] as const satisfies readonly Column[];

export const openingPrepaidImport = defineKind({
  code: 'openingPrepaid',
  title: '期初预存',
  columns,
  money: true,
  writesRegister: false,
  keyColumns: ['unitCode', 'feeItem'],
  fileKey: (v) => (v.community && v.unitCode ? [v.community, normalizeUnitCode(v.unitCode), v.feeItem].join('\u0001') : null),

  example(app, lists) {
    const u = sampleUnit(app);
    return {
      community: u?.community ?? lists.communities[0] ?? PLACEHOLDER.community,
      unitCode: u?.code ?? PLACEHOLDER.unit,
      feeItem: '',
      amount: '500.00',
    };
  },

  apply(env, v) {
    const check = new RowCheck(columns);
    check.required(v);
    const c = check.try('community', () => resolve.community(env, v.community));
    const unit = c && check.try('unitCode', () => resolve.unit(env, c, v.unitCode));
    const item = v.feeItem === '' ? null : check.try('feeItem', () => resolve.feeItem(env, v.feeItem));
    const amountFen = positiveFen(check, 'amount', v.amount, '预存金额');
    check.done();

    const feeItemId = item?.id ?? null;
    const what = `${unit!.code} ${item ? `「${item.name}」专款` : '通用'}预存`;
    const opened = env.app.sqlite
      .prepare(
        `SELECT COUNT(*) AS n, COALESCE(SUM(pe.amount_fen), 0) AS fen FROM prepaid_entries pe JOIN prepaid_accounts pa ON pa.id = pe.account_id
         WHERE pa.unit_id = ? AND pa.fee_item_id IS ? AND pe.kind = 'opening'`,
      )
      .get(unit!.id, feeItemId) as { n: number; fen: number };
    if (opened.n > 0 && opened.fen === amountFen) return { created: false, reason: `${what}的期初余额已导入，跳过` };
    if (opened.n > 0) {
      check.add('amount', `${what}已导入期初余额 ${formatYuan(opened.fen)}，与本行金额不一致；期初余额只能导入一次`);
      check.done();
    }
    creditPrepaid(env.app, { unitId: unit!.id, feeItemId, amountFen: amountFen!, paymentId: null, kind: 'opening' });
    return { created: true, amountFen: amountFen! };
  },

  failureColumn: () => 'amount',
});
