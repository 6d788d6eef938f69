import { prepaidBalances } from '../../../../src-main/accounts/prepaidBalances';
import type { CallInput } from '../../../../src-shared/api';
import type { TenderMethod } from '../../../../src-shared/api/calls/collection';
import { closeShiftOf } from './backOfficeOps';
import type { Op } from './operations';
import { value } from './statements';
import { act, changeMarkOf, expectOk, fail, hasOpenShift, ids, newKey, nth, type World } from './world';

/** What happens at the desk: payments in full, in part and over, voids, reversals, waivers, prepaid. */

/** `total` over the methods, as even as fen allow; non-cash tenders carry a slip number. */
export function splitTenders(world: World, totalFen: number, methods: readonly TenderMethod[]): CallInput<'collection.collect'>['tenders'] {
  const share = Math.floor(totalFen / methods.length);
  return methods
    .map((method, i) => ({
      method,
      amountFen: i < methods.length - 1 ? share : totalFen - share * (methods.length - 1),
      reference: method === 'cash' ? '' : `${method.toUpperCase()}-${world.keys}-${i}`,
    }))
    .filter((t) => t.amountFen > 0);
}

const outstandingOf = (world: World, lineId: number) =>
  value(world.app.context, 'SELECT outstanding_fen FROM bill_lines WHERE id = ?', lineId);

/** The unit to pay for: asked to use prepaid, the first unit from `pick` on that has some. */
function payingUnit(world: World, o: Op<'pay'>): number {
  const units = world.estate.unitIds;
  const rotated = units.map((_, i) => units[(o.unit + i) % units.length]!);
  const withPrepaid = rotated.find((u) => prepaidBalances(world.app.context, u).some((b) => b.balanceFen > 0));
  return o.prepaid !== 'none' && withPrepaid !== undefined ? withPrepaid : units[o.unit]!;
}

export async function pay(world: World, o: Op<'pay'>): Promise<void> {
  const unitId = payingUnit(world, o);
  const account = await expectOk(world, o.who, 'collection.account', { unitId }, '查看房屋账户');
  const open = account.groups.flatMap((g) => g.lines).filter((l) => l.outstandingFen > 0);
  const chosen = o.lines.length === 0 ? open : [...new Set(o.lines.map((p) => nth(open, p)!))].filter(Boolean);
  // What the desk shows as owed: principal, plus the late fee it will settle first (RULES §5).
  const due = chosen.reduce((s, l) => s + l.outstandingFen + (o.waiveLate ? 0 : l.lateFeeFen), 0);
  const balance = prepaidBalances(world.app.context, unitId).reduce((s, b) => s + b.balanceFen, 0);
  // The desk offset pays whole lines while the balance lasts (ACCOUNTS' offsetLines), so prepaid
  // can be used up to the balance, or — when it covers everything — up to the last line, which
  // the tenders pay (a payment needs at least one tender). Any other amount is refused.
  const priority = (feeItemId: number) => (feeItemId === world.estate.wyf ? 1 : 2);
  const inOrder = chosen
    .map((l) => ({ ...l, priority: priority(account.groups.find((g) => g.lines.includes(l))!.feeItemId) }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.periodStart.localeCompare(b.periodStart) || a.priority - b.priority || a.lineId - b.lineId);
  const lastLineFen = inOrder.at(-1)?.outstandingFen ?? 0;
  let usePrepaid = 0;
  if (o.prepaid === 'all') usePrepaid = balance >= due ? due - lastLineFen : balance;
  if (o.prepaid === 'some') usePrepaid = Math.min(balance, Math.floor((due * o.permille) / 1000));
  if (chosen.length === 0) usePrepaid = 0;
  usePrepaid = Math.max(0, Math.min(usePrepaid, due - 1));
  const rest = due - usePrepaid;
  let money: number;
  let overpay = false;
  if (chosen.length === 0) {
    money = 100 * o.permille;
    overpay = true;
  } else if (o.amount === 'full') money = rest;
  else if (o.amount === 'part') money = Math.max(1, Math.floor((rest * o.permille) / 1000));
  else if (o.amount === 'over') {
    money = rest + 100 + o.permille;
    overpay = true;
  } else if (o.amount === 'over-refused') money = rest + o.permille;
  else {
    money = 137 * o.permille + 1;
    overpay = o.permille % 2 === 0;
  }
  const depositFen = o.deposit ? 20_000 : 0;
  const tenders = splitTenders(world, money + depositFen, o.methods);
  const cash = tenders.find((t) => t.method === 'cash')?.amountFen ?? 0;
  const input: CallInput<'collection.collect'> = {
    idempotencyKey: newKey(world),
    unitId,
    payerName: '业主本人',
    lineIds: chosen.map((l) => l.lineId),
    tenders,
    ...(cash > 0 && o.changeFen > 0 ? { cashGivenFen: cash + o.changeFen } : {}),
    ...(overpay ? { overpayTo: 'prepaid' as const, prepaidFeeItemId: o.earmark ? world.estate.wyf : null } : {}),
    ...(depositFen > 0 ? { deposit: { kind: '装修押金', amountFen: depositFen } } : {}),
    usePrepaidFen: usePrepaid,
    waiveLateFees: o.waiveLate,
    waiveReason: o.waiveLate ? '业主首次逾期' : '',
  };
  const shiftOpen = hasOpenShift(world, o.who);
  const r = await act(world, o.who, 'collection.collect', input);
  if (!shiftOpen) {
    if (r.ok || r.error.code !== 'SHIFT_NOT_OPEN') fail(world, '未开班却能收款');
    return;
  }
  if (o.amount === 'over-refused' && chosen.length > 0 && (r.ok || r.error.code !== 'AMOUNT_MISMATCH')) {
    fail(world, '多收且未选择转预存，应被拒绝（AMOUNT_MISMATCH）');
  }
  if (o.amount === 'full' && usePrepaid === 0 && chosen.length > 0) {
    if (!r.ok) fail(world, `按收费台显示的应缴（含违约金）足额收款被拒绝：${r.error.code} ${r.error.message}`);
    const left = chosen.filter((l) => outstandingOf(world, l.lineId) !== 0);
    if (left.length > 0) fail(world, '足额收款后所选账单仍有欠费', left.map((l) => ({ line: l.lineId, outstanding: outstandingOf(world, l.lineId) })));
  }
  if (!r.ok) return;
  const v = r.value;
  if (v.tenderedFen !== money + depositFen || v.toDepositFen !== depositFen || v.allocatedFen + v.toPrepaidFen + v.toDepositFen !== v.tenderedFen) {
    fail(world, '收款结果的金额不平', v);
  }
  if (v.changeFen !== (input.cashGivenFen === undefined ? 0 : o.changeFen) || v.prepaidUsedFen !== usePrepaid) fail(world, '找零或预存使用与输入不符', v);
  world.lastCollect = { who: o.who, input, paymentId: v.paymentId };
}

/** The same request again (a double Enter): the first answer, and not one row written. */
export async function replay(world: World): Promise<void> {
  const last = world.lastCollect;
  if (!last) return;
  const mark = changeMarkOf(world);
  const r = await act(world, last.who, 'collection.collect', last.input);
  if (!r.ok || !r.value.replayed || r.value.paymentId !== last.paymentId) fail(world, '重复提交没有原样返回第一次的结果', r);
  if (changeMarkOf(world) !== mark) fail(world, '重复提交写入了账本');
}

/**
 * A payment to void or reverse: mostly one where the call can succeed (taken in a shift still
 * open for a void, in a closed one for a reversal), every third pick any collection at all.
 */
function collectionFor(world: World, pick: number, shiftOpen: boolean): number | null {
  const likely = ids(
    world,
    `SELECT p.id FROM payments p JOIN shifts s ON s.id = p.shift_id
     WHERE p.kind = 'collection' AND p.status = 'posted' AND (s.status = 'open') = ?
       AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_payment_id = p.id) ORDER BY p.id`,
    shiftOpen ? 1 : 0,
  );
  const list = pick % 3 === 0 || likely.length === 0 ? ids(world, `SELECT id FROM payments WHERE kind = 'collection' ORDER BY id`) : likely;
  // Half the time the latest: mistakes are usually noticed right away.
  return pick % 2 === 0 ? (list.at(-1) ?? null) : nth(list, pick);
}

export async function voidPayment(world: World, o: Op<'void'>): Promise<void> {
  const paymentId = collectionFor(world, o.payment, true);
  if (paymentId === null) return;
  const r = await act(world, o.who, 'collection.void', { paymentId, reason: '收错房屋，作废重收' });
  // A cashier voids only with a supervisor's approval, which this operation never brings.
  if (o.who === 'cashier1' && r.ok) fail(world, '收银员未经主管授权不应能作废收据');
}

export async function reverse(world: World, o: Op<'reverse'>): Promise<void> {
  const paymentId = collectionFor(world, o.payment, o.closeFirst);
  if (paymentId === null) return;
  if (o.closeFirst) await closeShiftOf(world, paymentId);
  await act(world, o.who, 'collection.reverse', { paymentId, reason: '已交班的收款有误，冲红' });
}

export async function deposit(world: World, o: Op<'deposit'>): Promise<void> {
  const unitId = world.estate.unitIds[o.unit]!;
  const feeItemId = o.earmark ? world.estate.wyf : null;
  const before = prepaidBalances(world.app.context, unitId).find((b) => b.feeItemId === feeItemId)?.balanceFen ?? 0;
  const tenders = splitTenders(world, o.fen, [o.method]);
  const r = await act(world, o.who, 'accounts.depositPrepaid', { idempotencyKey: newKey(world), unitId, payerName: '业主本人', tenders, feeItemId });
  if (r.ok && r.value.balanceFen !== before + o.fen) fail(world, '预存后余额不等于原余额加存入金额', { before, fen: o.fen, after: r.value.balanceFen });
  if (r.ok !== hasOpenShift(world, o.who)) fail(world, '预存是否成功与是否开班不符', r);
}

export async function waive(world: World, o: Op<'waive'>): Promise<void> {
  const lineId = nth(ids(world, `SELECT id FROM bill_lines WHERE status = 'posted' ORDER BY id`), o.line);
  if (lineId === null) return;
  const outstanding = outstandingOf(world, lineId);
  const amount = o.how === 'amount'
    ? { amountFen: Math.max(1, Math.floor((outstanding * o.permille) / 1000)) }
    : { percent: `${Math.floor(o.permille / 10)}.${o.permille % 10}` };
  const r = await act(world, o.who, 'collection.waive', { lineId, ...amount, reason: '困难户减免' });
  if (r.ok && r.value.outstandingFen !== outstanding - (r.value.status === 'live' ? r.value.amountFen : 0)) fail(world, '减免后欠费不对', r.value);
  if (o.decide === 'leave') return;
  const waiverId = r.ok && r.value.status === 'requested' ? r.value.waiverId : nth(ids(world, `SELECT id FROM waivers WHERE status = 'requested' ORDER BY id`), o.line);
  if (waiverId !== null) await act(world, o.approver, 'collection.approveWaiver', { waiverId, approve: o.decide === 'approve' });
}
