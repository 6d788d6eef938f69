import fc from 'fast-check';
import { TENDER_METHODS } from '../../../../src-shared/api/calls/collection';
import { adjust, advance, bill, closeShift, openShift, prepay, refund, undoBill } from './backOfficeOps';
import { auditChainBroken } from './ledgerChecks';
import { deposit, pay, replay, reverse, voidPayment, waive } from './deskOps';
import { STAFF, SUPERVISORS } from './ledgerImage';
import { step, type World } from './world';

/**
 * The operations a random sequence is made of. Choices are small numbers picked modulo what
 * exists when the operation runs (the 3rd open line, the 2nd payment …), so every sequence is
 * meaningful on any ledger and shrinks to a short, readable one.
 */

const staff = fc.constantFrom(...STAFF);
const supervisor = fc.constantFrom(...SUPERVISORS);
const pick = fc.nat({ max: 60 });
const permille = fc.integer({ min: 1, max: 999 });

const payArb = fc.record({
  op: fc.constant('pay' as const),
  who: fc.constantFrom('cashier1' as const, 'cashier2' as const, 'supervisor1' as const),
  unit: fc.nat({ max: 3 }),
  lines: fc.array(pick, { maxLength: 4 }),
  amount: fc.constantFrom('full' as const, 'full' as const, 'part' as const, 'part' as const, 'over' as const, 'over-refused' as const, 'odd' as const),
  permille,
  methods: fc.uniqueArray(fc.constantFrom(...TENDER_METHODS), { minLength: 1, maxLength: 3 }),
  prepaid: fc.constantFrom('none' as const, 'none' as const, 'all' as const, 'all' as const, 'some' as const),
  waiveLate: fc.boolean(),
  deposit: fc.constantFrom(false, false, false, true),
  changeFen: fc.constantFrom(0, 0, 30, 5_000),
  earmark: fc.boolean(),
});

const waiveArb = fc.record({
  op: fc.constant('waive' as const),
  who: staff,
  line: pick,
  how: fc.constantFrom('amount' as const, 'percent' as const),
  permille,
  decide: fc.constantFrom('approve' as const, 'approve' as const, 'reject' as const, 'leave' as const),
  approver: supervisor,
});

const adjustArb = fc.record({
  op: fc.constant('adjust' as const),
  who: staff,
  line: pick,
  how: fc.constantFrom('increase' as const, 'reduce' as const, 'reduce' as const, 'over-reduce' as const),
  permille,
  decide: fc.constantFrom('approve' as const, 'approve' as const, 'reject' as const, 'leave' as const),
  approver: supervisor,
});

const refundArb = fc.record({
  op: fc.constant('refund' as const),
  source: fc.constantFrom('payment' as const, 'payment' as const, 'payment' as const, 'prepaid' as const, 'deposit' as const, 'pending' as const),
  who: staff,
  pick,
  allocations: fc.array(pick, { maxLength: 3 }),
  permille,
  payout: fc.constantFrom('original' as const, 'cash' as const, 'prepaid' as const),
  approver: supervisor,
  executor: staff,
  stop: fc.constantFrom('executed' as const, 'executed' as const, 'executed' as const, 'approved' as const, 'requested' as const),
});

export const operationArb = fc.oneof(
  { weight: 8, arbitrary: payArb },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('void' as const), who: fc.constantFrom('supervisor1' as const, 'supervisor2' as const, 'cashier1' as const), payment: pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), who: supervisor, payment: pick, closeFirst: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('replay' as const) }) },
  { weight: 2, arbitrary: waiveArb },
  { weight: 2, arbitrary: adjustArb },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('deposit' as const),
      who: fc.constantFrom('cashier1' as const, 'cashier2' as const),
      unit: fc.nat({ max: 3 }),
      earmark: fc.boolean(),
      fen: fc.integer({ min: 1, max: 80_000 }),
      method: fc.constantFrom(...TENDER_METHODS),
    }),
  },
  { weight: 4, arbitrary: refundArb },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('closeShift' as const),
      who: staff,
      overShortFen: fc.constantFrom(0, 0, 0, 200, -150),
      confirmer: supervisor,
      reopen: fc.constantFrom(true, true, true, true, false),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('openShift' as const), who: staff, floatFen: fc.constantFrom(0, 20_000) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('bill' as const), month: fc.integer({ min: 0, max: 8 }), who: fc.constantFrom('admin' as const, 'supervisor2' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('undoBill' as const), run: pick }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('prepay' as const),
      who: fc.constantFrom('cashier1' as const, 'supervisor1' as const),
      unit: fc.nat({ max: 3 }),
      cwf: fc.boolean(),
      months: fc.integer({ min: 1, max: 13 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('advance' as const), days: fc.constantFrom(1, 1, 17, 31) }) },
);

export type Operation = typeof operationArb extends fc.Arbitrary<infer T> ? T : never;
export type Op<K extends Operation['op']> = Extract<Operation, { op: K }>;

export async function runOperation(world: World, o: Operation): Promise<void> {
  await step(world, JSON.stringify(o), async () => {
    switch (o.op) {
      case 'pay':
        return pay(world, o);
      case 'void':
        return voidPayment(world, o);
      case 'reverse':
        return reverse(world, o);
      case 'replay':
        return replay(world);
      case 'waive':
        return waive(world, o);
      case 'adjust':
        return adjust(world, o);
      case 'deposit':
        return deposit(world, o);
      case 'refund':
        return refund(world, o);
      case 'closeShift':
        return closeShift(world, o);
      case 'openShift':
        return openShift(world, o);
      case 'bill':
        return bill(world, o);
      case 'undoBill':
        return undoBill(world, o);
      case 'prepay':
        return prepay(world, o);
      case 'advance':
        return advance(world, o);
    }
  });
}

/** A sequence, with the trace attached to whatever breaks so the shrunk case explains itself. */
export async function runSequence(world: World, ops: Operation[]): Promise<void> {
  for (const [i, o] of ops.entries()) {
    try {
      await runOperation(world, o);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`第 ${i + 1} 个操作 ${o.op} 之后：${message}\n调用记录：\n${world.trace.join('\n')}`, { cause: error });
    }
  }
  const chain = auditChainBroken(world.app.context);
  if (chain) throw new Error(`审计链断裂：${JSON.stringify(chain)}\n调用记录：\n${world.trace.join('\n')}`);
}
