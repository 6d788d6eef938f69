import type { CallOutput } from '../../../src-shared/api';

export type Account = CallOutput<'collection.account'>;
export type BillGroup = Account['groups'][number];
export type BillLine = BillGroup['lines'][number];

/** The bills in the order the table shows them (by fee item, oldest first within each). */
export function flatLines(account: Account): BillLine[] {
  return account.groups.flatMap((g) => g.lines);
}

/**
 * What the desk selects when a unit opens: everything already due — overdue and current — but not
 * periods paid ahead that have not started yet. Collecting pays oldest first whatever is ticked.
 */
export function defaultSelection(account: Account): Set<number> {
  return new Set(flatLines(account).filter((l) => l.periodStart <= account.asOf).map((l) => l.lineId));
}

export interface SelectionTotals {
  count: number;
  principalFen: number;
  /** Today's late fee of the selected bills (settled and charged only when collected). */
  lateFeeFen: number;
}

export function selectionTotals(account: Account, selected: ReadonlySet<number>): SelectionTotals {
  let count = 0;
  let principalFen = 0;
  let lateFeeFen = 0;
  for (const line of flatLines(account)) {
    if (!selected.has(line.lineId)) continue;
    count += 1;
    principalFen += line.outstandingFen;
    lateFeeFen += line.lateFeeFen;
  }
  return { count, principalFen, lateFeeFen };
}

/** The A key: everything when anything is missing, otherwise nothing. */
export function toggleAll(account: Account, selected: ReadonlySet<number>): Set<number> {
  const all = flatLines(account).map((l) => l.lineId);
  return all.every((id) => selected.has(id)) ? new Set() : new Set(all);
}

export function toggleOne(selected: ReadonlySet<number>, lineId: number): Set<number> {
  const next = new Set(selected);
  if (next.has(lineId)) next.delete(lineId);
  else next.add(lineId);
  return next;
}

/** The selected ids in table order, as collect expects them (it orders them by the rules anyway). */
export function selectedIds(account: Account, selected: ReadonlySet<number>): number[] {
  return flatLines(account)
    .filter((l) => selected.has(l.lineId))
    .map((l) => l.lineId);
}
