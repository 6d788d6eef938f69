import { describe, expect, it } from 'vitest';
import { defaultSelection, selectedIds, selectionTotals, toggleAll, toggleOne, type Account } from '../../../src-renderer/features/desk/billSelection';
import { effectiveAmounts, newTender, tenderSums, tendersToSend } from '../../../src-renderer/features/desk/tenders';

function line(lineId: number, periodStart: string, outstandingFen: number, lateFeeFen = 0) {
  return {
    lineId,
    kind: 'charge' as const,
    parentLineId: null,
    periodStart,
    periodEnd: periodStart.replace(/-01$/, '-28'),
    basis: '',
    dueDate: periodStart,
    amountFen: outstandingFen,
    outstandingFen,
    discountFen: 0,
    overdueDays: lateFeeFen > 0 ? 10 : 0,
    lateFeeFen,
  };
}

const account = {
  unit: { id: 1, code: '1-1-301', communityName: '阳光花园', status: 'occupied' },
  asOf: '2024-05-06',
  groups: [
    { feeItemId: 1, feeItemName: '物业费', outstandingFen: 0, lateFeeFen: 0, lines: [line(11, '2024-03-01', 37_755, 120), line(12, '2024-05-01', 37_755), line(13, '2024-06-01', 37_755)] },
    { feeItemId: 4, feeItemName: '水费', outstandingFen: 0, lateFeeFen: 0, lines: [line(21, '2024-04-01', 2_800, 15)] },
  ],
  totals: { outstandingFen: 0, lateFeeFen: 0 },
  prepaid: [],
  deposits: [],
  pendingWaivers: [],
  recentPayments: [],
  history: [],
} satisfies Account;

describe('desk bill selection', () => {
  it('preselects what is due today — overdue and current — but not months paid ahead', () => {
    expect([...defaultSelection(account)].sort()).toEqual([11, 12, 21]);
  });

  it('totals the selected bills and their late fees of today', () => {
    expect(selectionTotals(account, new Set([11, 21]))).toEqual({ count: 2, principalFen: 40_555, lateFeeFen: 135 });
  });

  it('A ticks all when any is missing, then none; Space toggles one; ids go out in table order', () => {
    const all = toggleAll(account, new Set([11]));
    expect(all.size).toBe(4);
    expect(toggleAll(account, all).size).toBe(0);
    expect(selectedIds(account, toggleOne(new Set([21, 11]), 12))).toEqual([11, 12, 21]);
  });
});

describe('desk tenders', () => {
  it('the auto line takes what is left after the typed lines, never less than zero', () => {
    const cash = newTender('cash', true);
    const wechat = { ...newTender('wechat'), amountFen: 50_000, reference: 'WX1' };
    expect(effectiveAmounts([cash, wechat], 117_041)).toEqual([67_041, 50_000]);
    expect(effectiveAmounts([cash, { ...wechat, amountFen: 200_000 }], 117_041)).toEqual([0, 200_000]);
  });

  it('change comes from cash only; the difference tells over- and underpayment', () => {
    const cash = { ...newTender('cash'), amountFen: 20_000 };
    const wechat = { ...newTender('wechat'), amountFen: 97_041, reference: 'WX1' };
    expect(tenderSums([cash, wechat], 117_041, 30_000)).toEqual({ totalFen: 117_041, cashFen: 20_000, changeFen: 10_000, differenceFen: 0 });
    expect(tenderSums([wechat], 117_041, 30_000).changeFen).toBeNull();
    expect(tenderSums([cash], 117_041, null)).toMatchObject({ changeFen: null, differenceFen: -97_041 });
  });

  it('sends resolved amounts, drops an empty auto line and keeps references only for non-cash', () => {
    const cash = { ...newTender('cash', true), reference: 'ignored' };
    const card = { ...newTender('card'), amountFen: 10_000, reference: ' POS88 ' };
    expect(tendersToSend([cash, card], 10_000)).toEqual([{ method: 'card', amountFen: 10_000, reference: 'POS88' }]);
    expect(tendersToSend([cash, card], 15_000)).toEqual([
      { method: 'cash', amountFen: 5_000, reference: '' },
      { method: 'card', amountFen: 10_000, reference: 'POS88' },
    ]);
  });
});
