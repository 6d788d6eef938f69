import type { z } from 'zod';
import { AppFailure } from '../ipc/failure';
import type { Column, RowValues } from './kind';

export interface Problem {
  /** A column key, or null for the row as a whole. */
  column: string | null;
  message: string;
}

/** Every problem found in one row; thrown so the row's savepoint rolls back. */
export class RowFailure extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join('；'));
  }
}

/**
 * Collects a row's problems instead of stopping at the first, so the clerk fixes a row once.
 * Lookups and the register's own schemas and services decide; this only files their answers
 * under the cell they concern.
 */
export class RowCheck {
  readonly problems: Problem[] = [];
  private readonly unresolved = new Set<string>();

  constructor(private readonly columns: readonly Column[]) {}

  add(column: string | null, message: string): void {
    this.problems.push({ column, message });
  }

  has(column: string): boolean {
    return this.problems.some((p) => p.column === column);
  }

  /** Missing required values, each on its own cell. */
  required(values: RowValues): void {
    for (const c of this.columns) if (c.required && values[c.key] === '') this.add(c.key, `「${c.header}」为必填项`);
  }

  /** A cell that could not be looked up because the one it depends on is wrong: not reported twice. */
  pending(column: string): undefined {
    this.unresolved.add(column);
    return undefined;
  }

  /** Runs a lookup; a refusal is recorded on the column and the result is undefined. */
  try<T>(column: string, fn: () => T): T | undefined {
    if (this.has(column)) return undefined;
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      this.add(column, error.message);
      return undefined;
    }
  }

  /**
   * Parses with a contract schema. `fields` maps the schema's paths (first segment, or the whole
   * dotted path) to columns; issues on a cell already reported are left out.
   */
  parse<S extends z.ZodType>(schema: S, raw: unknown, fields: Record<string, string>): z.output<S> | undefined {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      const column = fields[path.join('.')] ?? fields[path[0] ?? ''] ?? null;
      if (column !== null && (this.has(column) || this.unresolved.has(column))) continue;
      if (column === null && this.problems.length > 0) continue;
      this.add(column, issue.message);
    }
    return undefined;
  }

  /** Throws the collected problems, if any. */
  done(): void {
    if (this.problems.length > 0) throw new RowFailure(this.problems);
  }
}
