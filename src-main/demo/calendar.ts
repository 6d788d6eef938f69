import { addDays, addMonths, daysBetween } from '../../src-shared/domain/dates';

/** A billed month of the demo window. */
export interface Month {
  index: number;
  ym: string;
  start: string;
  end: string;
  /** Days the desk is open: every day but Sunday. */
  openDays: string[];
}

/** Shanghai has no daylight saving: a fixed +08:00 turns desk wall-clock time into an instant. */
export function instant(date: string, hh: number, mm: number, ss = 0): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), hh - 8, mm, ss);
  return new Date(t).toISOString();
}

/** Minutes after midnight as wall-clock hh:mm:ss. */
export function instantAtMinute(date: string, minuteOfDay: number, second = 0): string {
  return instant(date, Math.floor(minuteOfDay / 60), minuteOfDay % 60, second);
}

function isSunday(date: string): boolean {
  // 1970-01-04 was a Sunday.
  return ((daysBetween('1970-01-04', date) % 7) + 7) % 7 === 0;
}

export function parseEndMonth(end: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(end)) throw new RangeError(`--end 须为 YYYY-MM，例如 2024-05（收到 ${end}）`);
  return `${end}-01`;
}

/** The window's months, oldest first, ending with the month of `end` ('YYYY-MM'). */
export function monthsEnding(end: string, count: number): Month[] {
  const lastStart = parseEndMonth(end);
  const months: Month[] = [];
  for (let i = 0; i < count; i++) {
    const start = addMonths(lastStart, i - count + 1);
    const endDate = addDays(addMonths(start, 1), -1);
    const openDays: string[] = [];
    for (let d = start; d <= endDate; d = addDays(d, 1)) if (!isSunday(d)) openDays.push(d);
    months.push({ index: i, ym: start.slice(0, 7), start, end: endDate, openDays });
  }
  return months;
}
