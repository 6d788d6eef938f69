import type { feesCalls } from '../../src-shared/api/calls/fees';
import type { DomainHandlers } from '../ipc/types';
import { createDiscountRule, listDiscountRules, setDiscountRuleActive } from './discountRules';
import { createItem, listItems, updateItem } from './feeItems';
import { changePrice, createStandard, endStandard, listStandards } from './standards';

const bp = (n: number) => `${n / 100}%`;

export const feesHandlers = {
  'fees.listItems': (input, ctx) => listItems(ctx.app, input.includeInactive),
  'fees.createItem': (input, ctx) =>
    ctx.write({ entity: `fee_item:${input.code}`, summary: `新增收费项目 ${input.code} ${input.name}（${input.method}）` }, () => createItem(ctx.app, input)),
  'fees.updateItem': (input, ctx) =>
    ctx.write({ entity: `fee_item:${input.id}`, summary: `修改收费项目 ${input.name}${input.active ? '' : '（停用）'}` }, () => updateItem(ctx.app, input)),
  'fees.listStandards': (input, ctx) => listStandards(ctx.app, input),
  'fees.createStandard': (input, ctx) =>
    ctx.write({ entity: `fee_item:${input.feeItemId}`, summary: `新增收费标准：单价 ¥${input.price}，${input.startDate} 起` }, () =>
      createStandard(ctx.app, ctx.session!.userId, input),
    ),
  'fees.changePrice': (input, ctx) =>
    ctx.write({ entity: `fee_standard:${input.standardId}`, summary: `调价：自 ${input.fromDate} 起单价 ¥${input.price}` }, () =>
      changePrice(ctx.app, ctx.session!.userId, input),
    ),
  'fees.endStandard': (input, ctx) =>
    ctx.write({ entity: `fee_standard:${input.standardId}`, summary: `收费标准截止于 ${input.endDate}` }, () => endStandard(ctx.app, input)),
  'fees.listDiscountRules': (input, ctx) => listDiscountRules(ctx.app, input.feeItemId),
  'fees.createDiscountRule': (input, ctx) =>
    ctx.write(
      {
        entity: `fee_item:${input.feeItemId}`,
        summary: `新增预交优惠「${input.name}」：预交满 ${input.minMonths} 个月${input.percentOffBp > 0 ? `优惠 ${bp(input.percentOffBp)}` : `赠送 ${input.freeMonths} 个月`}`,
      },
      () => createDiscountRule(ctx.app, input),
    ),
  'fees.setDiscountRuleActive': (input, ctx) =>
    ctx.write({ entity: `discount_rule:${input.id}`, summary: input.active ? '启用预交优惠' : '停用预交优惠' }, () =>
      setDiscountRuleActive(ctx.app, input.id, input.active),
    ),
} satisfies DomainHandlers<typeof feesCalls>;
