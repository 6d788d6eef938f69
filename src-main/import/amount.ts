import { parseYuanToFen } from '../../src-shared/domain/money';
import type { RowCheck } from './rowCheck';

/** An amount in yuan as fen, greater than zero; a problem on the cell otherwise. */
export function positiveFen(check: RowCheck, column: string, text: string, what: string): number | undefined {
  if (text === '') return undefined;
  let fen: number;
  try {
    fen = parseYuanToFen(text);
  } catch (error) {
    const tooPrecise = error instanceof RangeError && error.message.startsWith('more than 2 decimals');
    check.add(column, tooPrecise ? `${what}最多 2 位小数（精确到分）` : `${what}须为数字，如 1280.50`);
    return undefined;
  }
  if (fen <= 0) {
    check.add(column, `${what}须大于 0`);
    return undefined;
  }
  return fen;
}

/** Fen as exact yuan text for a line's unit price: 1234 → '12.34'. */
export function yuanText(fen: number): string {
  const digits = String(fen).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
