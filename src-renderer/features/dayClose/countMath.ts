import type { CallInput, CallOutput } from '../../../src-shared/api';

export type ShiftView = NonNullable<CallOutput<'shifts.current'>['shift']>;
export type Method = ShiftView['totals'][number]['method'];

/** One tender method on the count sheet: what the ledger holds beside what the cashier counted. */
export interface CountLine {
  method: Method;
  systemFen: number;
  /** null while nothing valid is typed. */
  countedFen: number | null;
  note: string;
}

export function countLines(shift: ShiftView): CountLine[] {
  return shift.totals.map((t) => ({ method: t.method, systemFen: t.systemFen, countedFen: null, note: '' }));
}

/** Over (长款) and short (短款) of one method, each on its own (RULES §8: never netted). */
export function overShort(systemFen: number, countedFen: number): { overFen: number; shortFen: number } {
  return { overFen: Math.max(0, countedFen - systemFen), shortFen: Math.max(0, systemFen - countedFen) };
}

/** Cash always holds the float, and any method that moved money must be counted (shiftService.countShift). */
export function mustCount(line: CountLine): boolean {
  return line.method === 'cash' || line.systemFen !== 0;
}

export type LineProblem = 'missing' | 'noteNeeded' | null;

export function lineProblem(line: CountLine): LineProblem {
  if (line.countedFen === null) return mustCount(line) ? 'missing' : null;
  return line.countedFen !== line.systemFen && line.note.trim() === '' ? 'noteNeeded' : null;
}

/** Sums of over and short over the lines counted so far. */
export function sheetTotals(lines: CountLine[]): { overFen: number; shortFen: number } {
  return lines.reduce(
    (sum, l) => {
      if (l.countedFen === null) return sum;
      const d = overShort(l.systemFen, l.countedFen);
      return { overFen: sum.overFen + d.overFen, shortFen: sum.shortFen + d.shortFen };
    },
    { overFen: 0, shortFen: 0 },
  );
}

/** What shifts.count receives: only the methods counted; a method left empty with nothing in it is skipped. */
export function toCountInput(lines: CountLine[], note: string): CallInput<'shifts.count'> {
  return {
    counts: lines
      .filter((l) => l.countedFen !== null)
      .map((l) => ({ method: l.method, countedFen: l.countedFen!, note: l.note.trim() })),
    note: note.trim(),
  };
}

/** What the shift took in, float excluded: the 日报's total for the shift. */
export function collectedFen(shift: ShiftView): number {
  return shift.totals.reduce((sum, t) => sum + t.tendersFen, 0);
}
